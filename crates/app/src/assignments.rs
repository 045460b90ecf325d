//! Assignments: staff give an idea with the jury to a reviewer, one by one or all at once with the planner
//! (`domain::assignment`), and take it back. The idea's state follows its assignments
//! (`domain::review::review_state`), each change with its event. Who is in conflict with an idea is
//! `domain::assignment::in_conflict`, applied here, by the planner, the conflicts and the reviews alike.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use db::assignments::NewAssignment;
use db::events::NewEvent;
use domain::assignment::{Plan, PlanIdea, PlanRequest, PlanReviewer, in_conflict, plan};
use domain::event::EventKind;
use domain::idea::IdeaState;
use domain::notice::{IdeaRef, Notice};
use domain::review::{AssignmentAction, AssignmentState, UNDER_REVIEW, review_state, review_state_event};
use domain::reviewer::Organisation;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::error::{Error, ErrorCode, Result};
use crate::{Actor, Db, calls};

pub use db::assignments::{AssignmentFilter, AssignmentRow};

pub type Idea = db::ideas::Model;

/// Whether `reviewer_id` reviews the idea now: `Some(blind)` when they hold an assignment to it that counts
/// (not declined, not their own idea), with whether its call is blind; `None` otherwise.
pub async fn reviewing(db: &impl ConnectionTrait, idea: &Idea, reviewer_id: Uuid) -> Result<Option<bool>> {
    let Some(assignment) = db::assignments::find(db, idea.id, reviewer_id).await? else {
        return Ok(None);
    };
    if !counts(idea, &assignment) {
        return Ok(None);
    }
    let call = db::calls::find_by_id(db, idea.call_id)
        .await?
        .ok_or_else(|| Error::internal("an assignment's call is missing"))?;
    Ok(Some(call.blind_review))
}

/// Whether an assignment counts: its reviewer is not in conflict with the idea (a recorded conflict declines
/// the assignment).
pub fn counts(idea: &Idea, assignment: &db::assignments::Model) -> bool {
    !in_conflict(
        idea.submitter_id,
        assignment.reviewer_id,
        assignment.state == AssignmentState::Declined,
    )
}

/// Brings an idea with the jury into the state its assignments call for (shortlisted, in_review or reviewed)
/// and records the change; nothing happens to an idea in any other state.
pub async fn settle(db: &impl ConnectionTrait, idea_id: Uuid, actor: Option<Uuid>, now: DateTime<Utc>) -> Result<()> {
    let idea = db::ideas::find_by_id(db, idea_id).await?.ok_or_else(Error::not_found)?;
    let from: IdeaState = *idea.state;
    if !UNDER_REVIEW.contains(&from) {
        return Ok(());
    }
    let (active, submitted) = db::assignments::counts_of_idea(db, idea_id).await?;
    let to = review_state(active, submitted);
    let Some(kind) = review_state_event(from, to) else {
        return Ok(());
    };
    if db::ideas::transition(db, &idea, &[from], to, now).await?.is_none() {
        return Err(crate::ideas::raced());
    }
    let event = NewEvent::of_idea(idea.id, idea.call_id, kind)
        .by(actor)
        .change(Some(from), Some(to));
    db::events::record(db, event, now).await?;
    Ok(())
}

/// The call, if it exists (404) and its decisions are not published yet (409): assignments change only before.
async fn open_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<calls::Call> {
    let call = calls::find(db, call_id).await?;
    calls::ensure_undecided(&call)?;
    Ok(call)
}

/// The default due day of a review: the last office day of the call's review window.
fn due_on(call: &calls::Call, time_zone: Tz) -> NaiveDate {
    domain::call::office_day(call.review_closes_at, time_zone)
}

/// One page of a call's assignments (staff), oldest first; 404 without the call. The filter's call is set here.
pub async fn list(db: &Db, call_id: Uuid, filter: AssignmentFilter) -> Result<(Vec<Assigned>, u64)> {
    let call = calls::find(db, call_id).await?;
    let filter = AssignmentFilter {
        call_id: Some(call.id),
        ..filter
    };
    let (rows, total) = db::assignments::list(db, &filter).await?;
    Ok((rows.into_iter().map(|row| Assigned::new(row, &call)).collect(), total))
}

/// An assignment as staff see it, with what they may do next with it.
pub struct Assigned {
    pub row: AssignmentRow,
    pub allowed_actions: Vec<AssignmentAction>,
}

impl Assigned {
    fn new(row: AssignmentRow, call: &calls::Call) -> Assigned {
        let allowed_actions = AssignmentAction::allowed(*row.assignment.state, call.decisions_published_at.is_some());
        Assigned { row, allowed_actions }
    }
}

/// Give one idea to one reviewer.
#[derive(Debug, Clone)]
pub struct AssignInput {
    pub idea_id: Uuid,
    pub reviewer_id: Uuid,
    /// None: the last office day of the call's review window.
    pub due_on: Option<NaiveDate>,
    /// The office's time zone, for the default due day.
    pub time_zone: Tz,
}

fn already_assigned() -> Error {
    Error::new(
        ErrorCode::AlreadyAssigned,
        "This reviewer is assigned to the idea already.",
    )
}

/// Gives one idea with the jury to one active reviewer free of a conflict with it and below their maximum
/// load (staff); its first reviewer puts it in review.
pub async fn assign(db: &Db, actor: &Actor, call_id: Uuid, input: AssignInput, now: DateTime<Utc>) -> Result<Assigned> {
    let txn = db::begin_write(db).await?;
    let call = open_call(&txn, call_id).await?;
    let idea = db::ideas::find_by_id(&txn, input.idea_id)
        .await?
        .filter(|idea| idea.call_id == call.id)
        .ok_or_else(|| Error::field("/ideaId", "unknown_idea", "no idea with this id in this call"))?;
    let idea_state: IdeaState = *idea.state;
    if !UNDER_REVIEW.contains(&idea_state) {
        return Err(Error::new(
            ErrorCode::NotUnderReview,
            format!("The idea is {idea_state}; only shortlisted ideas and ideas in review get reviewers."),
        ));
    }
    let reviewer = db::reviewers::find_row(&txn, input.reviewer_id, Some(call.id))
        .await?
        .ok_or_else(|| {
            Error::field(
                "/reviewerId",
                "not_a_reviewer",
                "this account is not on the jury; enrol it at /api/v1/reviewers",
            )
        })?;
    if !reviewer.reviewer.active || !reviewer.account_active {
        return Err(Error::field(
            "/reviewerId",
            "inactive_reviewer",
            "this reviewer is not active",
        ));
    }
    let reviewer_id = reviewer.reviewer.user_id;
    crate::conflicts::ensure_free(&txn, &idea, reviewer_id).await?;
    if db::assignments::find(&txn, idea.id, reviewer_id).await?.is_some() {
        return Err(already_assigned());
    }
    if reviewer.assigned >= i64::from(reviewer.reviewer.max_load) {
        return Err(Error::new(
            ErrorCode::ReviewerAtCapacity,
            format!(
                "{} has {} ideas in this call, their maximum load.",
                reviewer.display_name, reviewer.assigned
            ),
        ));
    }
    let new = NewAssignment {
        call_id: call.id,
        idea_id: idea.id,
        reviewer_id,
        due_on: input.due_on.or(Some(due_on(&call, input.time_zone))),
        assigned_by: Some(actor.user_id),
    };
    let assignment = match db::assignments::insert(&txn, new, now).await {
        Ok(assignment) => assignment,
        Err(err) if db::is_unique_violation(&err) => return Err(already_assigned()),
        Err(err) => return Err(err.into()),
    };
    let event = NewEvent::of_idea(idea.id, idea.call_id, EventKind::Assigned)
        .by(actor.user_id)
        .to(reviewer_id);
    db::events::record(&txn, event, now).await?;
    settle(&txn, idea.id, Some(actor.user_id), now).await?;
    tell_reviewers(&txn, &call, vec![(reviewer_id, idea.id)], now).await?;
    let row = db::assignments::find_row(&txn, assignment.id)
        .await?
        .ok_or_else(|| Error::internal("the assignment just made is missing"))?;
    txn.commit().await?;
    Ok(Assigned::new(row, &call))
}

/// Takes an idea back from a reviewer who has not submitted their review (staff); a draft goes with it.
pub async fn unassign(db: &Db, actor: &Actor, assignment_id: Uuid, now: DateTime<Utc>) -> Result<()> {
    let txn = db::begin_write(db).await?;
    let assignment = db::assignments::find_by_id(&txn, assignment_id)
        .await?
        .ok_or_else(Error::not_found)?;
    open_call(&txn, assignment.call_id).await?;
    match *assignment.state {
        AssignmentState::Pending => {}
        AssignmentState::Submitted => {
            return Err(Error::new(
                ErrorCode::ReviewSubmitted,
                "The review is submitted and counts; record a conflict of interest if it must not.",
            ));
        }
        AssignmentState::Declined => {
            return Err(Error::new(
                ErrorCode::ConflictOfInterest,
                "This assignment was declined for a conflict of interest; it stays as the record of it.",
            ));
        }
    }
    let idea = db::ideas::find_by_id(&txn, assignment.idea_id)
        .await?
        .ok_or_else(|| Error::internal("an assignment's idea is missing"))?;
    db::reviews::delete_of_assignment(&txn, assignment.id).await?;
    db::assignments::delete(&txn, assignment.id).await?;
    let event = NewEvent::of_idea(idea.id, idea.call_id, EventKind::Unassigned)
        .by(actor.user_id)
        .from(assignment.reviewer_id);
    db::events::record(&txn, event, now).await?;
    settle(&txn, idea.id, Some(actor.user_id), now).await?;
    txn.commit().await?;
    Ok(())
}

/// A plan with the names its view shows.
#[derive(Debug, Clone)]
pub struct Planned {
    pub plan: Plan,
    /// Whether it was saved (false for a dry run).
    pub applied: bool,
    pub titles: BTreeMap<Uuid, String>,
    /// Each planned reviewer's display name and organisation.
    pub reviewers: BTreeMap<Uuid, (String, Organisation)>,
}

/// Plans the call's assignments (staff): every shortlisted idea and every idea in review still short of
/// reviewers gets the call's number of reviewers. With `dry_run` nothing is saved; otherwise the assignments are
/// made, each with its event, and the ideas that got their first reviewers go into review.
pub async fn auto_assign(
    db: &Db,
    actor: &Actor,
    call_id: Uuid,
    dry_run: bool,
    time_zone: Tz,
    now: DateTime<Utc>,
) -> Result<Planned> {
    if dry_run {
        let call = open_call(db, call_id).await?;
        return make_plan(db, &call).await;
    }
    let txn = db::begin_write(db).await?;
    let call = open_call(&txn, call_id).await?;
    let planned = make_plan(&txn, &call).await?;
    let due_on = due_on(&call, time_zone);
    let new: Vec<NewAssignment> = planned
        .plan
        .assignments
        .iter()
        .map(|a| NewAssignment {
            call_id: call.id,
            idea_id: a.idea_id,
            reviewer_id: a.reviewer_id,
            due_on: Some(due_on),
            assigned_by: Some(actor.user_id),
        })
        .collect();
    if let Err(err) = db::assignments::insert_many(&txn, new, now).await {
        return Err(if db::is_unique_violation(&err) {
            Error::new(
                ErrorCode::AlreadyAssigned,
                "Someone assigned reviewers in this call meanwhile; plan again.",
            )
        } else {
            err.into()
        });
    }
    let event = |idea_id: Uuid, kind: EventKind| NewEvent::of_idea(idea_id, call.id, kind).by(actor.user_id);
    let mut events: Vec<NewEvent> = planned
        .plan
        .assignments
        .iter()
        .map(|a| event(a.idea_id, EventKind::Assigned).to(a.reviewer_id))
        .collect();
    let touched: Vec<Uuid> = planned
        .plan
        .assignments
        .iter()
        .map(|a| a.idea_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // New assignments are pending, so a shortlisted idea that got one is now in review; one in review stays so.
    for idea_id in db::assignments::start_review(&txn, &touched, now).await? {
        events.push(
            event(idea_id, EventKind::ReviewStarted).change(Some(IdeaState::Shortlisted), Some(IdeaState::InReview)),
        );
    }
    db::events::record_many(&txn, events, now).await?;
    let given = planned
        .plan
        .assignments
        .iter()
        .map(|a| (a.reviewer_id, a.idea_id))
        .collect();
    tell_reviewers(&txn, &call, given, now).await?;
    txn.commit().await?;
    Ok(Planned {
        applied: true,
        ..planned
    })
}

/// Each reviewer given ideas hears of them in one notice: the ideas' titles and when reviews are due,
/// never who submitted them.
async fn tell_reviewers(
    txn: &impl ConnectionTrait,
    call: &calls::Call,
    given: Vec<(Uuid, Uuid)>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut by_reviewer: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
    for (reviewer_id, idea_id) in given {
        by_reviewer.entry(reviewer_id).or_default().push(idea_id);
    }
    let call_ref = crate::notices::call_ref(txn, call.id).await?;
    for (reviewer_id, idea_ids) in by_reviewer {
        let ideas = db::ideas::find_many(txn, &idea_ids)
            .await?
            .into_iter()
            .map(|idea| IdeaRef {
                id: idea.id,
                title: idea.title,
            })
            .collect();
        let notice = Notice::AssignmentsMade {
            call: call_ref.clone(),
            ideas,
            due: Some(call.review_closes_at),
        };
        crate::notices::notify(txn, reviewer_id, notice, None, now).await?;
    }
    Ok(())
}

/// Reads the call's ideas, roster, conflicts and assignments (five statements) and plans.
async fn make_plan(db: &impl ConnectionTrait, call: &calls::Call) -> Result<Planned> {
    let ideas = db::assignments::planning_ideas(db, call.id, &[IdeaState::Shortlisted, IdeaState::InReview]).await?;
    let roster = db::reviewers::roster(db, call.id).await?;
    let conflicts = db::conflicts::pairs_of_call(db, call.id).await?;
    let assignments = db::assignments::of_call(db, call.id).await?;

    // Recorded conflicts, and the assignments they declined; the planner adds each idea's submitter.
    let mut conflicted: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
    for (reviewer_id, idea_id) in conflicts {
        conflicted.entry(idea_id).or_default().push(reviewer_id);
    }
    let mut assigned: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
    for a in assignments {
        if a.state == AssignmentState::Declined {
            conflicted.entry(a.idea_id).or_default().push(a.reviewer_id);
        } else {
            assigned.entry(a.idea_id).or_default().push(a.reviewer_id);
        }
    }
    let mut reviewers = BTreeMap::new();
    let mut plan_reviewers = Vec::with_capacity(roster.len());
    for row in roster {
        let organisation = *row.reviewer.organisation;
        plan_reviewers.push(PlanReviewer {
            id: row.reviewer.user_id,
            organisation,
            expertise: row.reviewer.expertise.0.clone(),
            capacity: u32::try_from(row.reviewer.max_load).unwrap_or(0),
            load: u32::try_from(row.assigned).unwrap_or(u32::MAX),
        });
        reviewers.insert(row.reviewer.user_id, (row.display_name, organisation));
    }
    let mut titles = BTreeMap::new();
    let mut plan_ideas = Vec::with_capacity(ideas.len());
    for idea in ideas {
        plan_ideas.push(PlanIdea {
            id: idea.id,
            domain: *idea.domain,
            submitter_id: idea.submitter_id,
            conflicted: conflicted.remove(&idea.id).unwrap_or_default(),
            assigned: assigned.remove(&idea.id).unwrap_or_default(),
        });
        titles.insert(idea.id, idea.title);
    }
    let request = PlanRequest {
        reviewers: plan_reviewers,
        ideas: plan_ideas,
        reviewers_per_idea: u32::try_from(call.reviewers_per_idea).unwrap_or(0),
    };
    Ok(Planned {
        plan: plan(&request),
        applied: false,
        titles,
        reviewers,
    })
}
