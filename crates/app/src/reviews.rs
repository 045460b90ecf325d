//! Reviews: a reviewer's assignments, their draft and submitted review of each idea, and who reads the reviews
//! (staff all of them; a reviewer the others' only after submitting their own, without names in a blind call).
//! One review per reviewer and idea: saving is an upsert on the assignment. What a reviewer may do next
//! (`allowed_actions`) is computed with the same rules the use cases refuse with.

use chrono::{DateTime, Utc};
use db::assignments::{AssignmentFilter, AssignmentRow};
use db::events::NewEvent;
use db::stored::Named;
use domain::event::EventKind;
use domain::review::{AssignmentState, Recommendation, ReviewAction};
use domain::rubric::{Rubric, Scores};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

pub use db::reviews::ReviewRow;

use crate::assignments::{self, Idea};
use crate::error::{Error, ErrorCode, FieldError, Result, pointer_token};
use crate::{Actor, Db, calls};

pub type Review = db::reviews::Model;

/// What a reviewer works on: the idea, their assignment to it and its call.
#[derive(Debug, Clone)]
pub struct Assigned {
    pub idea: Idea,
    pub assignment: db::assignments::Model,
    pub call: calls::Call,
}

/// The idea `reviewer_id` is assigned to and may review (the assignment counts); 404 for anything else, so that
/// nothing about other ideas leaks.
pub async fn assigned(db: &impl ConnectionTrait, idea_id: Uuid, reviewer_id: Uuid) -> Result<Assigned> {
    let idea = db::ideas::find_by_id(db, idea_id).await?.ok_or_else(Error::not_found)?;
    let assignment = db::assignments::find(db, idea_id, reviewer_id)
        .await?
        .filter(|a| assignments::counts(&idea, a))
        .ok_or_else(Error::not_found)?;
    let call = db::calls::find_by_id(db, idea.call_id)
        .await?
        .ok_or_else(|| Error::internal("an idea's call is missing"))?;
    Ok(Assigned { idea, assignment, call })
}

/// Refuses a change once the review window has closed or the call is decided; with `submitting`, also before
/// it opens (a draft may be started as soon as the idea is assigned).
pub fn ensure_review_window(call: &calls::Call, now: DateTime<Utc>, submitting: bool) -> Result<()> {
    calls::ensure_undecided(call)?;
    if now > call.review_closes_at {
        return Err(Error::new(
            ErrorCode::ReviewClosed,
            format!("The review window closed at {}.", call.review_closes_at.to_rfc3339()),
        ));
    }
    if submitting && now < call.review_opens_at {
        return Err(Error::new(
            ErrorCode::ReviewNotOpen,
            format!(
                "Reviews can be submitted from {}; until then save a draft.",
                call.review_opens_at.to_rfc3339()
            ),
        ));
    }
    Ok(())
}

/// 409 `review_submitted` for a draft of a submitted review: it changes only by submitting it again.
fn ensure_draft(review: Option<&Review>) -> Result<()> {
    match review {
        Some(review) if review.submitted_at.is_some() => Err(already_submitted()),
        _ => Ok(()),
    }
}

fn already_submitted() -> Error {
    Error::new(
        ErrorCode::ReviewSubmitted,
        "This review is submitted; to change it, submit it again (POST /ideas/{id}/review/submit).",
    )
}

/// 403 `review_first` until the reviewer's own review of the idea is submitted.
fn ensure_may_read_others(assignment: &db::assignments::Model) -> Result<()> {
    if assignment.state == AssignmentState::Submitted {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::ReviewFirst,
            "Submit your own review of this idea first; then you can read the others'.",
        ))
    }
}

/// The call's rubric, or 409 `rubric_missing`: reviews are scored under it.
fn ensure_rubric(rubric: Option<Rubric>) -> Result<Rubric> {
    rubric.ok_or_else(crate::rubrics::missing)
}

/// What the reviewer of `assigned` may do next with their review, by the rules the use cases refuse with.
pub fn allowed_actions(
    assigned: &Assigned,
    review: Option<&Review>,
    rubric: Option<&Rubric>,
    now: DateTime<Utc>,
) -> Vec<ReviewAction> {
    let rubric_set = ensure_rubric(rubric.cloned()).is_ok();
    let mut actions = Vec::new();
    if rubric_set && ensure_review_window(&assigned.call, now, false).is_ok() && ensure_draft(review).is_ok() {
        actions.push(ReviewAction::Save);
    }
    if rubric_set && ensure_review_window(&assigned.call, now, true).is_ok() {
        actions.push(ReviewAction::Submit);
    }
    // The same rule as `conflicts::ensure_declarable`: the reviewer's assignment counts.
    if assignments::counts(&assigned.idea, &assigned.assignment) {
        actions.push(ReviewAction::DeclareConflict);
    }
    if ensure_may_read_others(&assigned.assignment).is_ok() {
        actions.push(ReviewAction::ReadOthers);
    }
    actions
}

/// A reviewer's own review, with the rubric that totals it and what they may do next.
#[derive(Debug, Clone)]
pub struct MyReview {
    pub review: Review,
    pub rubric: Option<Rubric>,
    pub allowed_actions: Vec<ReviewAction>,
}

/// My review of an idea I am assigned to, draft or submitted (404 before I saved one).
pub async fn show_mine(db: &Db, actor: &Actor, idea_id: Uuid, now: DateTime<Utc>) -> Result<MyReview> {
    let assigned = assigned(db, idea_id, actor.user_id).await?;
    let review = db::reviews::find_by_assignment(db, assigned.assignment.id)
        .await?
        .ok_or_else(Error::not_found)?;
    let rubric = crate::rubrics::of_call_if_set(db, assigned.call.id).await?;
    Ok(MyReview {
        allowed_actions: allowed_actions(&assigned, Some(&review), rubric.as_ref(), now),
        review,
        rubric,
    })
}

/// What a reviewer writes: a draft may leave scores out; a submission scores every criterion and recommends.
#[derive(Debug, Clone, Default)]
pub struct ReviewInput {
    pub scores: Scores,
    pub comment_to_staff: Option<String>,
    pub comment_to_submitter: Option<String>,
    pub recommendation: Option<Recommendation>,
}

impl ReviewInput {
    /// The comments trimmed, and left out when empty.
    fn into_content(self) -> db::reviews::ReviewContent {
        let text = |t: Option<String>| t.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        db::reviews::ReviewContent {
            scores: self.scores,
            comment_to_staff: text(self.comment_to_staff),
            comment_to_submitter: text(self.comment_to_submitter),
            recommendation: self.recommendation,
        }
    }
}

/// The rubric's rules on the scores (all of them, when `complete`) and, to submit, the recommendation.
fn check_scores(rubric: &Rubric, input: &ReviewInput, complete: bool) -> Result<()> {
    let mut errors: Vec<FieldError> = match rubric.check_scores(&input.scores, complete) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| FieldError::new(format!("/scores/{}", pointer_token(&e.key)), e.code, e.message))
            .collect(),
    };
    if complete && input.recommendation.is_none() {
        errors.push(FieldError::new(
            "/recommendation",
            "required",
            "a submitted review recommends",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

/// What saving or submitting checks first: the reviewer's assignment to the idea (404 otherwise), the review
/// window, the call's rubric and the scores under it.
async fn checked(
    db: &impl ConnectionTrait,
    idea_id: Uuid,
    reviewer_id: Uuid,
    input: &ReviewInput,
    now: DateTime<Utc>,
    submitting: bool,
) -> Result<(Assigned, Rubric)> {
    let assigned = assigned(db, idea_id, reviewer_id).await?;
    ensure_review_window(&assigned.call, now, submitting)?;
    let rubric = ensure_rubric(crate::rubrics::of_call_if_set(db, assigned.call.id).await?)?;
    check_scores(&rubric, input, submitting)?;
    Ok((assigned, rubric))
}

/// Saves my review of an idea as a draft, from assignment until the review window closes; a submitted review
/// changes only by submitting it again.
pub async fn save(db: &Db, actor: &Actor, idea_id: Uuid, input: ReviewInput, now: DateTime<Utc>) -> Result<MyReview> {
    let txn = db::begin_write(db).await?;
    let (assigned, rubric) = checked(&txn, idea_id, actor.user_id, &input, now, false).await?;
    ensure_draft(
        db::reviews::find_by_assignment(&txn, assigned.assignment.id)
            .await?
            .as_ref(),
    )?;
    // The save itself never overwrites a submission made meanwhile: then it saves nothing.
    let review = db::reviews::save(&txn, &assigned.assignment, input.into_content(), false, now)
        .await?
        .ok_or_else(already_submitted)?;
    txn.commit().await?;
    Ok(MyReview {
        allowed_actions: allowed_actions(&assigned, Some(&review), Some(&rubric), now),
        review,
        rubric: Some(rubric),
    })
}

/// Submits my review of an idea, or submits it again with changes while the review window is open. The first
/// review submitted in a call locks its rubric; when every reviewer of the idea has submitted, it is reviewed.
pub async fn submit(db: &Db, actor: &Actor, idea_id: Uuid, input: ReviewInput, now: DateTime<Utc>) -> Result<MyReview> {
    let txn = db::begin_write(db).await?;
    let (mut assigned, rubric) = checked(&txn, idea_id, actor.user_id, &input, now, true).await?;
    let review = db::reviews::save(&txn, &assigned.assignment, input.into_content(), true, now)
        .await?
        .ok_or_else(|| Error::internal("a submission saved nothing"))?;
    db::assignments::set_state(
        &txn,
        assigned.assignment.id,
        &[AssignmentState::Pending],
        AssignmentState::Submitted,
        now,
    )
    .await?;
    assigned.assignment.state = Named(AssignmentState::Submitted);
    db::rubrics::lock(&txn, assigned.call.id, now).await?;
    let event = NewEvent::of_idea(assigned.idea.id, assigned.idea.call_id, EventKind::ReviewSubmitted)
        .by(actor.user_id)
        .to(actor.user_id);
    db::events::record(&txn, event, now).await?;
    assignments::settle(&txn, assigned.idea.id, Some(actor.user_id), now).await?;
    txn.commit().await?;
    Ok(MyReview {
        allowed_actions: allowed_actions(&assigned, Some(&review), Some(&rubric), now),
        review,
        rubric: Some(rubric),
    })
}

/// A submitted review as its reader may see it.
#[derive(Debug, Clone)]
pub struct ReadReview {
    pub row: ReviewRow,
    /// 1, 2, 3…: the order the reviews were first saved in.
    pub number: usize,
    /// Whether it is the reader's own review.
    pub mine: bool,
    /// Whether the reader may know who wrote it (not another reviewer's in a blind call).
    pub named: bool,
    /// What the reader may do next with it: only with their own.
    pub allowed_actions: Vec<ReviewAction>,
}

/// The submitted reviews of an idea, with the rubric that totals them.
#[derive(Debug, Clone)]
pub struct IdeaReviews {
    pub items: Vec<ReadReview>,
    pub rubric: Option<Rubric>,
}

/// The submitted reviews of an idea that count, in the order they were first saved. Staff read them all with
/// their authors; a reviewer of the idea only after submitting their own (403 `review_first`), without the
/// others' names in a blind call; anyone else: 404.
pub async fn of_idea(db: &Db, actor: &Actor, idea_id: Uuid, now: DateTime<Utc>) -> Result<IdeaReviews> {
    let mine = if actor.is_staff() {
        db::ideas::find_by_id(db, idea_id).await?.ok_or_else(Error::not_found)?;
        None
    } else {
        if !actor.is_reviewer() {
            return Err(Error::not_found());
        }
        let assigned = assigned(db, idea_id, actor.user_id).await?;
        ensure_may_read_others(&assigned.assignment)?;
        Some(assigned)
    };
    let blind = mine.as_ref().is_some_and(|a| a.call.blind_review);
    let rows = db::reviews::of_idea(db, idea_id).await?;
    let rubric = match rows.first() {
        Some(row) => crate::rubrics::of_call_if_set(db, row.review.call_id).await?,
        None => None,
    };
    let items = rows
        .into_iter()
        .enumerate()
        .map(|(index, row)| {
            let own = row.review.reviewer_id == actor.user_id;
            let allowed_actions = match &mine {
                Some(assigned) if own => allowed_actions(assigned, Some(&row.review), rubric.as_ref(), now),
                _ => Vec::new(),
            };
            ReadReview {
                number: index + 1,
                mine: own,
                named: !blind || own,
                allowed_actions,
                row,
            }
        })
        .collect();
    Ok(IdeaReviews { items, rubric })
}

/// Which of my assignments to list.
#[derive(Debug, Clone, Default)]
pub struct MyAssignmentsQuery {
    pub call_id: Option<Uuid>,
    /// None: pending and submitted; `declined` lists nothing (those ideas left my list).
    pub state: Option<AssignmentState>,
    pub limit: u64,
    pub offset: u64,
}

/// One page of my assignments, and my progress (in the call asked about or in all).
#[derive(Debug, Clone)]
pub struct MyAssignments {
    pub rows: Vec<AssignmentRow>,
    pub total: u64,
    pub pending: u64,
    pub submitted: u64,
}

/// The ideas I am to review, oldest assignment first, with my progress (reviewers).
pub async fn my_assignments(db: &Db, actor: &Actor, query: MyAssignmentsQuery) -> Result<MyAssignments> {
    let states = match query.state {
        Some(AssignmentState::Declined) => vec![],
        Some(state) => vec![state],
        None => vec![AssignmentState::Pending, AssignmentState::Submitted],
    };
    let (rows, total) = if states.is_empty() {
        (Vec::new(), 0)
    } else {
        let filter = AssignmentFilter {
            call_id: query.call_id,
            reviewer_id: Some(actor.user_id),
            idea_id: None,
            states,
            limit: query.limit,
            offset: query.offset,
        };
        db::assignments::list(db, &filter).await?
    };
    let counts = db::assignments::progress(db, actor.user_id, query.call_id).await?;
    let count = |state: AssignmentState| {
        counts
            .iter()
            .find(|(s, _)| *s == state)
            .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0))
    };
    Ok(MyAssignments {
        rows,
        total,
        pending: count(AssignmentState::Pending),
        submitted: count(AssignmentState::Submitted),
    })
}
