//! Conflicts of interest: staff enter them and assigned reviewers declare them. Recording one takes the
//! reviewer off the idea at once: their assignment is declined and the idea's state follows
//! (`assignments::settle`). A reviewer's own ideas are a conflict that is never stored
//! (`domain::assignment::in_conflict`).

use chrono::{DateTime, Utc};
use db::conflicts::NewConflict;
use db::events::NewEvent;
use domain::assignment::in_conflict;
use domain::event::EventKind;
use domain::review::{AssignmentState, ConflictSource};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

pub use db::conflicts::{ConflictFilter, ConflictRow};

use crate::assignments::{self, Idea};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::{Actor, Db};

/// 409 `conflict_of_interest` when the reviewer is in conflict with the idea and can never review it.
pub async fn ensure_free(db: &impl ConnectionTrait, idea: &Idea, reviewer_id: Uuid) -> Result<()> {
    let recorded = db::conflicts::exists(db, reviewer_id, idea.id).await?;
    if in_conflict(idea.submitter_id, reviewer_id, recorded) {
        return Err(Error::new(
            ErrorCode::ConflictOfInterest,
            "This reviewer has a conflict of interest with the idea and can never review it.",
        ));
    }
    Ok(())
}

/// One page of conflicts, newest first (staff).
pub async fn list(db: &Db, filter: &ConflictFilter) -> Result<(Vec<ConflictRow>, u64)> {
    Ok(db::conflicts::list(db, filter).await?)
}

/// Staff enter a conflict: the reviewer, the idea and why (checked; trimmed here).
#[derive(Debug, Clone)]
pub struct NewConflictInput {
    pub reviewer_id: Uuid,
    pub idea_id: Uuid,
    pub reason: String,
}

/// Records a conflict between a reviewer and an idea (staff).
pub async fn create(db: &Db, actor: &Actor, input: NewConflictInput, now: DateTime<Utc>) -> Result<ConflictRow> {
    let txn = db::begin_write(db).await?;
    let mut errors = Vec::new();
    if db::reviewers::find(&txn, input.reviewer_id).await?.is_none() {
        errors.push(FieldError::new(
            "/reviewerId",
            "not_reviewer",
            "no reviewer has this id; see /api/v1/reviewers",
        ));
    }
    let idea = db::ideas::find_by_id(&txn, input.idea_id).await?;
    if idea.is_none() {
        errors.push(FieldError::new("/ideaId", "unknown_idea", "no idea has this id"));
    }
    let Some(idea) = idea.filter(|_| errors.is_empty()) else {
        return Err(Error::validation(errors));
    };
    // In conflict with no record at all: the reviewer submitted the idea.
    if in_conflict(idea.submitter_id, input.reviewer_id, false) {
        return Err(Error::new(
            ErrorCode::ConflictExists,
            "The reviewer submitted this idea: a submitter is always in conflict with their own idea, \
             and is never assigned it. There is nothing to record.",
        ));
    }
    let row = record(
        &txn,
        &idea,
        input.reviewer_id,
        ConflictSource::Staff,
        input.reason,
        actor.user_id,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// The idea, if the actor may declare a conflict with it: 404 without the idea, 403 `forbidden` unless they
/// review it now. The HTTP layer answers 404 instead of that 403 to those who may not see the idea.
pub async fn ensure_declarable(db: &impl ConnectionTrait, actor: &Actor, idea_id: Uuid) -> Result<Idea> {
    let idea = db::ideas::find_by_id(db, idea_id).await?.ok_or_else(Error::not_found)?;
    if !actor.is_reviewer() || assignments::reviewing(db, &idea, actor.user_id).await?.is_none() {
        return Err(Error::forbidden(
            "Only a reviewer assigned to this idea declares a conflict of interest with it; staff record one \
             at /api/v1/conflicts.",
        ));
    }
    Ok(idea)
}

/// An assigned reviewer declares a conflict with the idea (the reason checked; it is trimmed here): their
/// assignment is declined at once.
pub async fn declare(db: &Db, actor: &Actor, idea_id: Uuid, reason: String, now: DateTime<Utc>) -> Result<ConflictRow> {
    let txn = db::begin_write(db).await?;
    let idea = ensure_declarable(&txn, actor, idea_id).await?;
    let row = record(
        &txn,
        &idea,
        actor.user_id,
        ConflictSource::Reviewer,
        reason,
        actor.user_id,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

fn recorded_already() -> Error {
    Error::new(
        ErrorCode::ConflictExists,
        "This reviewer's conflict of interest with this idea is recorded already.",
    )
}

/// Records a conflict between `reviewer_id` and `idea`, in the caller's transaction: stores it, declines the
/// reviewer's assignment to the idea if they hold one that counts, writes the idea's `conflict_recorded` event
/// and brings the idea into the state its remaining assignments call for.
async fn record(
    db: &impl ConnectionTrait,
    idea: &Idea,
    reviewer_id: Uuid,
    source: ConflictSource,
    reason: String,
    actor: Uuid,
    now: DateTime<Utc>,
) -> Result<ConflictRow> {
    if db::conflicts::exists(db, reviewer_id, idea.id).await? {
        return Err(recorded_already());
    }
    let reason = reason.trim().to_owned();
    let new = NewConflict {
        reviewer_id,
        idea_id: idea.id,
        call_id: idea.call_id,
        source,
        reason: reason.clone(),
        entered_by: actor,
    };
    let conflict = db::conflicts::insert(db, new, now).await.map_err(|err| {
        if db::is_unique_violation(&err) {
            recorded_already()
        } else {
            err.into()
        }
    })?;
    if let Some(assignment) = db::assignments::find(db, idea.id, reviewer_id).await? {
        db::assignments::set_state(
            db,
            assignment.id,
            &[AssignmentState::Pending, AssignmentState::Submitted],
            AssignmentState::Declined,
            now,
        )
        .await?;
    }
    let event = NewEvent::of_idea(idea.id, idea.call_id, EventKind::ConflictRecorded)
        .by(actor)
        .to(reviewer_id)
        .note(Some(reason));
    db::events::record(db, event, now).await?;
    assignments::settle(db, idea.id, Some(actor), now).await?;
    db::conflicts::find_row(db, conflict.id)
        .await?
        .ok_or_else(|| Error::internal("a conflict just recorded is missing"))
}

/// A 403 `forbidden` for a caller who does not review the idea stands for those who may see it (its
/// submitter, staff, anyone once it is published as selected); everyone else gets the 404 of an idea
/// they may not see, and learns nothing.
pub async fn refusal(db: &Db, actor: &Actor, idea_id: Uuid, err: Error) -> Error {
    if err.code() != ErrorCode::Forbidden {
        return err;
    }
    match crate::ideas::find_visible(db, idea_id, Some(actor)).await {
        Ok(_) => err,
        Err(hidden) => hidden,
    }
}
