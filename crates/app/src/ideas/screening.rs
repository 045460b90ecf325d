//! Screening, staff only: shortlist or reject a submitted idea, one or many at once, and reopen a
//! screening before review starts.

use chrono::{DateTime, Utc};
use domain::event::EventKind;
use domain::idea::{IdeaAction, IdeaState, Screening, ScreeningDecision, ScreeningError, ScreeningReason};
use domain::notice::{IdeaRef, Notice};
use domain::webhook::{IdeaScreenedData, ScreeningOutcome, WebhookEvent, WebhookEventType, WebhookIdea};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::{Detail, Idea, Viewed, next_state, raced};
use crate::actor::Actor;
use crate::error::{Error, ErrorCode, FieldError, Result};
use db::events::NewEvent;

/// An idea's id and its state after a bulk screening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screened {
    pub idea_id: Uuid,
    pub state: IdeaState,
}

fn screening_error(err: ScreeningError) -> Error {
    let pointer = match err {
        ScreeningError::RejectionWithoutReason => "/reason",
        ScreeningError::OtherWithoutNote => "/note",
    };
    Error::field(pointer, "required", err.to_string())
}

/// Screen a submitted idea: shortlist it, or reject it with a reason. Staff may screen before the
/// deadline if they choose.
pub async fn screen(db: &db::Db, staff: &Actor, id: Uuid, screening: Screening, now: DateTime<Utc>) -> Result<Viewed> {
    let action = IdeaAction::Screen(screening.decision);
    act_on_one(db, staff, id, action, screening.reason, screening.note, now).await
}

/// Put a shortlisted or rejected idea back to submitted, before review starts; the reason is required,
/// and a note too when the reason is `other`.
pub async fn reopen_screening(
    db: &db::Db,
    staff: &Actor,
    id: Uuid,
    reason: ScreeningReason,
    note: Option<String>,
    now: DateTime<Utc>,
) -> Result<Viewed> {
    let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if reason == ScreeningReason::Other && note.is_none() {
        return Err(screening_error(ScreeningError::OtherWithoutNote));
    }
    act_on_one(db, staff, id, IdeaAction::ReopenScreening, Some(reason), note, now).await
}

/// Screen many submitted ideas with one decision, all or nothing: if any is unknown (422) or not submitted
/// (409 `invalid_transition`), none is screened, and the answer's `errors` point at each refused one.
pub async fn screen_many(
    db: &db::Db,
    staff: &Actor,
    ids: &[Uuid],
    screening: Screening,
    now: DateTime<Utc>,
) -> Result<Vec<Screened>> {
    let mut seen = std::collections::HashSet::new();
    let duplicates: Vec<FieldError> = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !seen.insert(**id))
        .map(|(i, _)| FieldError::new(format!("/ideaIds/{i}"), "duplicate", "this idea is listed twice"))
        .collect();
    if !duplicates.is_empty() {
        return Err(Error::validation(duplicates));
    }
    let action = IdeaAction::Screen(screening.decision);
    let txn = db::begin_write(db).await?;
    let mut found = db::ideas::find_many(&txn, ids).await?;
    let mut ideas = Vec::with_capacity(ids.len());
    let mut unknown = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        match found.iter().position(|idea| idea.id == *id) {
            Some(at) => ideas.push(found.swap_remove(at)),
            None => unknown.push(FieldError::new(format!("/ideaIds/{i}"), "unknown_idea", "no such idea")),
        }
    }
    if !unknown.is_empty() {
        return Err(Error::validation(unknown));
    }
    // `ideas` is in the order of `ids`, so each refused idea is pointed at where the request named it.
    let (named, refused): (Vec<String>, Vec<FieldError>) = ideas
        .iter()
        .enumerate()
        .filter(|(_, idea)| idea.state != IdeaState::Submitted)
        .map(|(i, idea)| {
            (
                format!("{} ({})", idea.id, idea.state),
                FieldError::new(
                    format!("/ideaIds/{i}"),
                    "not_submitted",
                    format!("the idea is {}, not submitted", idea.state),
                ),
            )
        })
        .unzip();
    if !refused.is_empty() {
        let detail = format!(
            "Only submitted ideas can be screened; none was. Not submitted: {}.",
            named.join(", ")
        );
        return Err(Error::new(ErrorCode::InvalidTransition, detail).with_errors(refused));
    }
    let mut screened = Vec::with_capacity(ideas.len());
    for idea in &ideas {
        // Dropping the transaction on an error rolls back the ideas screened before it.
        let changed = apply(&txn, staff, idea, action, screening.reason, screening.note.clone(), now).await?;
        screened.push(Screened {
            idea_id: changed.id,
            state: *changed.state,
        });
    }
    txn.commit().await?;
    Ok(screened)
}

/// Checks a screening decision's own rules (a rejection needs a reason, `other` a note).
pub fn screening(
    decision: domain::idea::ScreeningDecision,
    reason: Option<ScreeningReason>,
    note: Option<String>,
) -> Result<Screening> {
    Screening::new(decision, reason, note).map_err(screening_error)
}

/// One staff action on one idea, in its own transaction.
async fn act_on_one(
    db: &db::Db,
    staff: &Actor,
    id: Uuid,
    action: IdeaAction,
    reason: Option<ScreeningReason>,
    note: Option<String>,
    now: DateTime<Utc>,
) -> Result<Viewed> {
    let txn = db::begin_write(db).await?;
    let record = db::ideas::find_row(&txn, id).await?.ok_or_else(Error::not_found)?;
    let changed = apply(&txn, staff, &record.idea, action, reason, note, now).await?;
    let record = super::IdeaRecord {
        idea: changed,
        ..record
    };
    // The answer stands in for the idea's page: it carries what reading it would.
    let viewed = Viewed::new(record, Detail::Staff, now)
        .with_submitter_ties(&txn)
        .await?;
    txn.commit().await?;
    Ok(viewed)
}

/// Applies `action` to the idea and records its event; the idea must still be in the action's
/// from-states when the update runs, so of two concurrent screenings one wins and one gets 409.
async fn apply(
    db: &impl ConnectionTrait,
    staff: &Actor,
    idea: &Idea,
    action: IdeaAction,
    reason: Option<ScreeningReason>,
    note: Option<String>,
    now: DateTime<Utc>,
) -> Result<Idea> {
    let to = next_state(idea, action)?;
    let changed = db::ideas::transition(db, idea, action.from_states(), to, now)
        .await?
        .ok_or_else(raced)?;
    let kind = EventKind::of_action(action).ok_or_else(|| Error::internal("screening without an event kind"))?;
    let event = NewEvent::of_idea(idea.id, idea.call_id, kind)
        .by(staff.user_id)
        .change(Some(idea.state), Some(to))
        .reason(reason)
        .note(note);
    db::events::record(db, event, now).await?;
    if let IdeaAction::Screen(decision) = action {
        let shortlisted = decision == ScreeningDecision::Shortlist;
        // The reason is the submitter's to read; the note is the staff's own.
        let outcome = Notice::IdeaScreened {
            call: crate::notices::call_ref(db, idea.call_id).await?,
            idea: IdeaRef {
                id: idea.id,
                title: idea.title.clone(),
            },
            shortlisted,
            reason: reason.filter(|_| !shortlisted),
        };
        crate::notices::notify(db, idea.submitter_id, outcome, None, now).await?;
        crate::webhooks::emit(db, WebhookEventType::IdeaScreened, now, now, async || {
            Ok(WebhookEvent::IdeaScreened(IdeaScreenedData {
                call: crate::webhooks::call_by_id(db, idea.call_id).await?,
                outcome: if shortlisted {
                    ScreeningOutcome::Shortlisted
                } else {
                    ScreeningOutcome::Rejected
                },
                idea: Some(WebhookIdea {
                    id: idea.id,
                    title: idea.title.clone(),
                }),
                reason,
            }))
        })
        .await?;
    }
    Ok(changed)
}
