//! Decisions: staff decide selected or not selected per idea (pending, seen by staff only), publish a
//! call's decisions once, and the submitter then reads the result with the reviewers' comments for them.

use domain::webhook::{DecisionsPublishedData, WebhookEvent, WebhookEventType, WebhookIdea};
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use db::decisions::{DecisionRow, NewDecision};
use db::events::NewEvent;
use domain::call::CallPhase;
use domain::event::EventKind;
use domain::idea::IdeaState;
use domain::notice::{IdeaRef, Notice};
use domain::review::{DECIDABLE, DecisionOutcome, UNDER_REVIEW};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::calls::{self, Call, ensure_staff, ensure_undecided, tidy};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::{Actor, Db};

type Idea = db::ideas::Model;

/// Whether staff may record decisions in the call: until its decisions are published.
pub fn ensure_recordable(call: &Call) -> Result<()> {
    ensure_undecided(call)
}

/// Whether the call's decisions may be published now: not twice, not while it still takes ideas (those
/// could never be decided), and not while `undecided` ideas with the jury wait for a decision.
pub fn ensure_publishable(call: &Call, undecided: u64, now: DateTime<Utc>) -> Result<()> {
    ensure_undecided(call)?;
    if matches!(calls::phase(call, now), CallPhase::Upcoming | CallPhase::Open) {
        return Err(Error::new(
            ErrorCode::DecisionsIncomplete,
            format!(
                "The call takes ideas until {}; its decisions can be published once it has closed.",
                call.closes_at.to_rfc3339()
            ),
        ));
    }
    if undecided > 0 {
        return Err(Error::new(
            ErrorCode::DecisionsIncomplete,
            format!("{undecided} idea(s) with the jury have no decision yet; decide on them first."),
        ));
    }
    Ok(())
}

/// The idea's state.
fn state_of(idea: &Idea) -> Result<IdeaState> {
    Ok(*idea.state)
}

/// Only an idea in review or reviewed can be decided on.
fn decidable(idea: &Idea) -> Result<bool> {
    Ok(DECIDABLE.contains(&state_of(idea)?))
}

/// 409 `no_submitted_review` for an idea no juror has submitted a review of yet: a decision rests on one.
fn no_submitted_review(idea: &Idea) -> Error {
    Error::new(
        ErrorCode::NoSubmittedReview,
        format!(
            "No juror has submitted a review of this idea yet ({}); it can be decided once one has.",
            idea.state
        ),
    )
}

/// Staff decide on one idea; deciding again replaces the decision, each kept in the idea's history.
pub async fn decide(
    db: &Db,
    actor: &Actor,
    idea_id: Uuid,
    outcome: DecisionOutcome,
    note: Option<String>,
    now: DateTime<Utc>,
) -> Result<DecisionRow> {
    ensure_staff(actor)?;
    let note = tidy(note);
    let txn = db::begin_write(db).await?;
    let record = db::ideas::find_row(&txn, idea_id).await?.ok_or_else(Error::not_found)?;
    let idea = &record.idea;
    let call = calls::find(&txn, idea.call_id).await?;
    ensure_recordable(&call)?;
    if !decidable(idea)? {
        return Err(Error::new(
            ErrorCode::NotUnderReview,
            format!(
                "Only an idea in review or reviewed can be decided on; this one is {}.",
                idea.state
            ),
        ));
    }
    let published = call.decisions_published_at.is_some();
    if !domain::review::may_decide(*idea.state, published, record.has_submitted_review()) {
        return Err(no_submitted_review(idea));
    }
    let new = NewDecision {
        idea_id: idea.id,
        call_id: idea.call_id,
        outcome,
        note: note.clone(),
        decided_by: actor.user_id,
    };
    db::decisions::record(&txn, new, now).await?;
    let event = NewEvent::of_idea(idea.id, idea.call_id, EventKind::DecisionRecorded)
        .by(actor.user_id)
        .to(outcome)
        .note(note);
    db::events::record(&txn, event, now).await?;
    let row = db::decisions::rows(&txn, call.id, Some(&[idea.id]))
        .await?
        .pop()
        .ok_or_else(|| Error::internal("a decision just recorded is missing"))?;
    txn.commit().await?;
    Ok(row)
}

/// One decision of many.
#[derive(Debug, Clone)]
pub struct DecisionItem {
    pub idea_id: Uuid,
    pub outcome: DecisionOutcome,
    pub note: Option<String>,
}

/// Staff decide on many ideas of a call at once, all or nothing: every item is checked first (in this call,
/// decidable with a submitted review, listed once) and the bad ones are answered 422 each at its pointer. The
/// rows come back in the order of the items.
pub async fn decide_many(
    db: &Db,
    actor: &Actor,
    call_id: Uuid,
    items: Vec<DecisionItem>,
    now: DateTime<Utc>,
) -> Result<Vec<DecisionRow>> {
    ensure_staff(actor)?;
    let txn = db::begin_write(db).await?;
    let call = calls::find(&txn, call_id).await?;
    ensure_recordable(&call)?;
    let ids: Vec<Uuid> = items.iter().map(|item| item.idea_id).collect();
    let found: HashMap<Uuid, Idea> = db::ideas::find_many(&txn, &ids)
        .await?
        .into_iter()
        .map(|idea| (idea.id, idea))
        .collect();
    let reviewed: HashSet<Uuid> = db::ideas::with_submitted_review(&txn, &ids)
        .await?
        .into_iter()
        .collect();
    let published = call.decisions_published_at.is_some();
    let mut seen = HashSet::new();
    let mut errors = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let pointer = format!("/items/{i}/ideaId");
        let Some(idea) = found.get(&item.idea_id).filter(|idea| idea.call_id == call.id) else {
            errors.push(FieldError::new(pointer, "unknown_idea", "no such idea in this call"));
            continue;
        };
        if !seen.insert(item.idea_id) {
            errors.push(FieldError::new(pointer, "duplicate", "this idea is listed twice"));
        } else if !decidable(idea)? {
            errors.push(FieldError::new(
                pointer,
                "not_under_review",
                format!("the idea is {}, not in review or reviewed", idea.state),
            ));
        } else if !domain::review::may_decide(*idea.state, published, reviewed.contains(&idea.id)) {
            errors.push(FieldError::new(
                pointer,
                ErrorCode::NoSubmittedReview.as_str(),
                "no juror has submitted a review of this idea yet",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    let mut decisions = Vec::with_capacity(items.len());
    let mut events = Vec::with_capacity(items.len());
    for item in items {
        let note = tidy(item.note);
        events.push(
            NewEvent::of_idea(item.idea_id, call.id, EventKind::DecisionRecorded)
                .by(actor.user_id)
                .to(item.outcome)
                .note(note.clone()),
        );
        decisions.push(NewDecision {
            idea_id: item.idea_id,
            call_id: call.id,
            outcome: item.outcome,
            note,
            decided_by: actor.user_id,
        });
    }
    db::decisions::record_many(&txn, decisions, now).await?;
    db::events::record_many(&txn, events, now).await?;
    let mut rows: HashMap<Uuid, DecisionRow> = db::decisions::rows(&txn, call.id, Some(&ids))
        .await?
        .into_iter()
        .map(|row| (row.decision.idea_id, row))
        .collect();
    let rows = ids
        .iter()
        .map(|id| {
            rows.remove(id)
                .ok_or_else(|| Error::internal("a decision just recorded is missing"))
        })
        .collect::<Result<Vec<_>>>()?;
    txn.commit().await?;
    Ok(rows)
}

/// A call's decisions, pending or published, and how many ideas with the jury still wait for one.
#[derive(Debug, Clone)]
pub struct CallDecisions {
    pub call: Call,
    pub rows: Vec<DecisionRow>,
    pub undecided: u64,
}

impl CallDecisions {
    /// How many are decided `outcome`.
    pub fn count(&self, outcome: DecisionOutcome) -> u64 {
        self.rows.iter().filter(|row| row.decision.outcome == outcome).count() as u64
    }
}

/// A call's decisions (staff).
pub async fn list(db: &Db, actor: &Actor, call_id: Uuid) -> Result<CallDecisions> {
    ensure_staff(actor)?;
    let call = calls::find(db, call_id).await?;
    let rows = db::decisions::rows(db, call.id, None).await?;
    let undecided = db::decisions::count_undecided(db, call.id).await?;
    Ok(CallDecisions { call, rows, undecided })
}

/// What publishing did.
#[derive(Debug, Clone, Copy)]
pub struct Published {
    pub at: DateTime<Utc>,
    pub selected: u64,
    pub not_selected: u64,
}

/// Staff publish a call's decisions, once: each decided idea still with the jury becomes selected or not
/// selected with its event, and the call becomes decided. `now` should be to the microsecond, as both
/// databases keep it.
pub async fn publish(db: &Db, actor: &Actor, call_id: Uuid, now: DateTime<Utc>) -> Result<Published> {
    ensure_staff(actor)?;
    let txn = db::begin_write(db).await?;
    let call = calls::find(&txn, call_id).await?;
    ensure_undecided(&call)?;
    let undecided = db::decisions::count_undecided(&txn, call.id).await?;
    ensure_publishable(&call, undecided, now)?;
    let mut events = Vec::new();
    let (mut selected_ids, mut not_selected_ids) = (Vec::new(), Vec::new());
    for (idea_id, outcome, from) in db::decisions::decided_ideas(&txn, call.id).await? {
        // Only an idea still with the jury moves; any other kept its decision from an earlier life.
        if !UNDER_REVIEW.contains(&from) {
            continue;
        }
        match *outcome {
            DecisionOutcome::Selected => selected_ids.push(idea_id),
            DecisionOutcome::NotSelected => not_selected_ids.push(idea_id),
        }
        events.push(
            NewEvent::of_idea(idea_id, call.id, EventKind::DecisionPublished)
                .by(actor.user_id)
                .from(*from)
                .to(outcome.state()),
        );
    }
    let selected = move_all(&txn, &selected_ids, DecisionOutcome::Selected, now).await?;
    let not_selected = move_all(&txn, &not_selected_ids, DecisionOutcome::NotSelected, now).await?;
    events.push(
        NewEvent::of_call(call.id, EventKind::DecisionsPublished)
            .by(actor.user_id)
            .note(Some(format!("{selected} selected, {not_selected} not selected"))),
    );
    db::events::record_many(&txn, events, now).await?;
    if !db::calls::set_decisions_published_once(&txn, call.id, now).await? {
        return Err(Error::new(
            ErrorCode::DecisionsPublished,
            "Another request published the call's decisions first.",
        ));
    }
    tell_submitters(&txn, call.id, &selected_ids, &not_selected_ids, now).await?;
    crate::webhooks::emit(&txn, WebhookEventType::DecisionsPublished, now, now, async || {
        let selected = db::ideas::find_many(&txn, &selected_ids)
            .await?
            .into_iter()
            .map(|idea| WebhookIdea {
                id: idea.id,
                title: idea.title,
            })
            .collect();
        Ok(WebhookEvent::DecisionsPublished(DecisionsPublishedData {
            call: crate::webhooks::call_of(&call),
            selected,
            not_selected: u32::try_from(not_selected_ids.len()).unwrap_or(u32::MAX),
        }))
    })
    .await?;
    txn.commit().await?;
    Ok(Published {
        at: now,
        selected,
        not_selected,
    })
}

/// Each submitter learns their idea's outcome with the reviewers' comments meant for them.
async fn tell_submitters(
    txn: &impl ConnectionTrait,
    call_id: Uuid,
    selected: &[Uuid],
    not_selected: &[Uuid],
    now: DateTime<Utc>,
) -> Result<()> {
    let call = crate::notices::call_ref(txn, call_id).await?;
    let all: Vec<Uuid> = selected.iter().chain(not_selected).copied().collect();
    for idea in db::ideas::find_many(txn, &all).await? {
        let result = Notice::DecisionPublished {
            call: call.clone(),
            idea: IdeaRef {
                id: idea.id,
                title: idea.title.clone(),
            },
            selected: selected.contains(&idea.id),
            comments: comments_for_submitter(txn, idea.id).await?,
        };
        crate::notices::notify(txn, idea.submitter_id, result, None, now).await?;
    }
    Ok(())
}

/// The reviewers' comments meant for the submitter, trimmed, blank ones left out, in review order.
async fn comments_for_submitter(db: &impl ConnectionTrait, idea_id: Uuid) -> Result<Vec<String>> {
    Ok(db::reviews::of_idea(db, idea_id)
        .await?
        .into_iter()
        .filter_map(|row| row.review.comment_to_submitter)
        .map(|comment| comment.trim().to_owned())
        .filter(|comment| !comment.is_empty())
        .collect())
}

/// Moves the ideas still with the jury to `outcome`'s state, all of them or none: another request
/// changing one between the read and the update rolls the publication back for staff to retry.
async fn move_all(
    txn: &impl ConnectionTrait,
    ids: &[Uuid],
    outcome: DecisionOutcome,
    now: DateTime<Utc>,
) -> Result<u64> {
    let moved = db::ideas::transition_many(txn, ids, &UNDER_REVIEW, outcome.state(), now).await?;
    if moved == ids.len() as u64 {
        Ok(moved)
    } else {
        Err(crate::ideas::raced())
    }
}

/// An idea's result.
#[derive(Debug, Clone)]
pub struct IdeaResult {
    pub idea_id: Uuid,
    /// For staff, pending until published; None while undecided.
    pub outcome: Option<DecisionOutcome>,
    pub published_at: Option<DateTime<Utc>>,
    /// The reviewers' comments meant for the submitter, trimmed, blank ones left out, in review order.
    pub comments: Vec<String>,
}

/// An idea's result: its submitter sees it once the decisions are published, staff at any time; anyone
/// else, or the submitter before, gets 404.
pub async fn result(db: &Db, actor: Option<&Actor>, idea_id: Uuid) -> Result<IdeaResult> {
    let idea = db::ideas::find_by_id(db, idea_id).await?.ok_or_else(Error::not_found)?;
    let staff = actor.is_some_and(|a| ensure_staff(a).is_ok());
    let submitter = actor.is_some_and(|a| a.user_id == idea.submitter_id);
    if !staff && !submitter {
        return Err(Error::not_found());
    }
    let call = calls::find(db, idea.call_id).await?;
    let published = call.decisions_published_at.is_some();
    let decision = db::decisions::find(db, idea.id).await?;
    // The submitter sees only a published decision, never a pending one.
    if !staff && (!published || decision.is_none()) {
        return Err(Error::not_found());
    }
    let comments = comments_for_submitter(db, idea.id).await?;
    Ok(IdeaResult {
        idea_id: idea.id,
        outcome: decision.map(|d| *d.outcome),
        published_at: call.decisions_published_at,
        comments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calls::tests::call;

    #[test]
    fn decisions_are_published_once_the_call_is_closed_and_every_idea_decided() {
        let now = Utc::now();
        let code = |call: &Call, undecided| ensure_publishable(call, undecided, now).err().map(|e| e.code());
        let closed = call([-9, -5, 6, 9], now);
        assert_eq!(code(&closed, 0), None);
        assert_eq!(code(&closed, 2), Some(ErrorCode::DecisionsIncomplete));
        assert_eq!(code(&call([-1, 5, 6, 9], now), 0), Some(ErrorCode::DecisionsIncomplete));
        assert_eq!(code(&call([1, 5, 6, 9], now), 0), Some(ErrorCode::DecisionsIncomplete));
        let mut decided = closed;
        decided.decisions_published_at = Some(now);
        assert_eq!(code(&decided, 0), Some(ErrorCode::DecisionsPublished));
        assert!(ensure_recordable(&decided).is_err());
    }
}
