//! Rubrics: a call's scoring criteria. Anyone reads them; staff set them until the first submitted review
//! locks them, and may reopen a locked rubric with a reason. The rules of the criteria themselves are
//! `domain::rubric`.

use chrono::{DateTime, Utc};
use db::events::NewEvent;
use domain::event::EventKind;
use domain::rubric::Criterion;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::calls::{self, Call, ensure_staff, ensure_undecided};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::precondition::{Precondition, stale};
use crate::{Actor, Db};

pub type Rubric = db::rubrics::Model;

/// 409 for a change to a locked rubric.
pub fn locked() -> Error {
    Error::new(
        ErrorCode::RubricLocked,
        "Reviews have been submitted against this rubric, so it is locked; staff can reopen it with a reason \
         (POST /calls/{id}/rubric/reopen).",
    )
}

/// 409 for work that needs the call's rubric before staff set it.
pub fn missing() -> Error {
    Error::new(
        ErrorCode::RubricMissing,
        "The call has no rubric yet: staff set it with PUT /calls/{id}/rubric before reviews can be scored or ranked.",
    )
}

/// Whether staff may set or change the call's rubric now: not once the decisions are out (409
/// `decisions_published`), nor while reviews lock it (409 `rubric_locked`).
pub fn ensure_editable(call: &Call, current: Option<&Rubric>) -> Result<()> {
    ensure_undecided(call)?;
    if current.is_some_and(|rubric| rubric.locked) {
        return Err(locked());
    }
    Ok(())
}

/// Whether staff may reopen the call's rubric: only a locked one (409 `rubric_not_locked`), not once the
/// decisions are out.
pub fn ensure_reopenable(call: &Call, current: &Rubric) -> Result<()> {
    ensure_undecided(call)?;
    if !current.locked {
        return Err(Error::new(
            ErrorCode::RubricNotLocked,
            "No review has been submitted since the rubric was last opened: change it with PUT directly.",
        ));
    }
    Ok(())
}

/// The call's rubric as a domain value, or 409 `rubric_missing`.
pub async fn of_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<(Rubric, domain::rubric::Rubric)> {
    let model = db::rubrics::find(db, call_id).await?.ok_or_else(missing)?;
    let rubric = db::rubrics::rubric_of(&model);
    Ok((model, rubric))
}

/// The call's rubric as a domain value, if it has one (to total reviews for reading).
pub async fn of_call_if_set(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Option<domain::rubric::Rubric>> {
    Ok(db::rubrics::find(db, call_id)
        .await?
        .as_ref()
        .map(db::rubrics::rubric_of))
}

/// A call's rubric, for anyone; 404 without the call or without a rubric.
pub async fn show(db: &Db, call_id: Uuid) -> Result<Rubric> {
    db::rubrics::find(db, call_id).await?.ok_or_else(Error::not_found)
}

/// The rubric as saved, and whether it is the call's first.
#[derive(Debug, Clone)]
pub struct Saved {
    pub rubric: Rubric,
    pub created: bool,
}

/// Checks proposed criteria by the domain's rules, every problem at its field.
fn checked(criteria: Vec<Criterion>) -> Result<domain::rubric::Rubric> {
    domain::rubric::Rubric::new(criteria).map_err(|errors| {
        Error::validation(
            errors
                .into_iter()
                .map(|e| FieldError::new(format!("/{}", e.path), e.code, e.message))
                .collect(),
        )
    })
}

/// Staff set a call's rubric (the first time, no version is needed) or replace it at a version `if_match`
/// accepts (428 without one once it exists, 412 when stale).
pub async fn replace(
    db: &Db,
    actor: &Actor,
    call_id: Uuid,
    criteria: Vec<Criterion>,
    if_match: Option<&Precondition>,
    now: DateTime<Utc>,
) -> Result<Saved> {
    ensure_staff(actor)?;
    let rubric = checked(criteria)?;
    let txn = db::begin_write(db).await?;
    let call = calls::find(&txn, call_id).await?;
    ensure_undecided(&call)?;
    let created = match db::rubrics::find(&txn, call.id).await? {
        None => {
            db::rubrics::insert(&txn, call.id, rubric.criteria(), Some(actor.user_id), now).await?;
            true
        }
        Some(current) => {
            let if_match = if_match.ok_or_else(|| {
                Error::new(
                    ErrorCode::PreconditionRequired,
                    "The call has a rubric: send If-Match with its ETag, so that you never overwrite someone else's change.",
                )
            })?;
            if_match.expected(current.version)?;
            ensure_editable(&call, Some(&current))?;
            if !db::rubrics::replace(&txn, call.id, current.version, rubric.criteria(), actor.user_id, now).await? {
                return Err(stale());
            }
            false
        }
    };
    let event = NewEvent::of_call(call.id, EventKind::RubricUpdated).by(actor.user_id);
    db::events::record(&txn, event, now).await?;
    let rubric = db::rubrics::find(&txn, call.id)
        .await?
        .ok_or_else(|| Error::internal("the rubric just saved is missing"))?;
    txn.commit().await?;
    Ok(Saved { rubric, created })
}

/// Staff unlock a rubric that reviews were submitted against, at a version `if_match` accepts, with a reason
/// for the call's history.
pub async fn reopen(
    db: &Db,
    actor: &Actor,
    call_id: Uuid,
    reason: &str,
    if_match: &Precondition,
    now: DateTime<Utc>,
) -> Result<Rubric> {
    ensure_staff(actor)?;
    let txn = db::begin_write(db).await?;
    let call = calls::find(&txn, call_id).await?;
    let current = db::rubrics::find(&txn, call.id).await?.ok_or_else(Error::not_found)?;
    if_match.expected(current.version)?;
    ensure_reopenable(&call, &current)?;
    if !db::rubrics::reopen(&txn, call.id, current.version, actor.user_id, now).await? {
        return Err(stale());
    }
    let event = NewEvent::of_call(call.id, EventKind::RubricReopened)
        .by(actor.user_id)
        .note(Some(reason.trim().to_owned()));
    db::events::record(&txn, event, now).await?;
    let rubric = db::rubrics::find(&txn, call.id)
        .await?
        .ok_or_else(|| Error::internal("the rubric just reopened is missing"))?;
    txn.commit().await?;
    Ok(rubric)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::calls::tests::call;

    fn rubric(call_id: Uuid, locked: bool) -> Rubric {
        let now = Utc::now();
        Rubric {
            call_id,
            criteria: Vec::new().into(),
            locked,
            version: 1,
            updated_by: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn a_rubric_is_edited_while_open_and_reopened_while_locked_until_the_call_is_decided() {
        let now = Utc::now();
        let mut call = call([-9, -5, -1, 9], now);
        let code = |result: Result<()>| result.err().map(|e| e.code());
        let (open, locked) = (rubric(call.id, false), rubric(call.id, true));
        assert_eq!(code(ensure_editable(&call, None)), None);
        assert_eq!(code(ensure_editable(&call, Some(&open))), None);
        assert_eq!(
            code(ensure_editable(&call, Some(&locked))),
            Some(ErrorCode::RubricLocked)
        );
        assert_eq!(code(ensure_reopenable(&call, &open)), Some(ErrorCode::RubricNotLocked));
        assert_eq!(code(ensure_reopenable(&call, &locked)), None);
        call.decisions_published_at = Some(now);
        assert_eq!(code(ensure_editable(&call, None)), Some(ErrorCode::DecisionsPublished));
        assert_eq!(
            code(ensure_reopenable(&call, &locked)),
            Some(ErrorCode::DecisionsPublished)
        );
    }
}
