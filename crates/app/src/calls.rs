//! Calls for ideas: the rules other use cases share (is the call there, which phase is it in, are its
//! decisions final) and the calls' own use cases.

use chrono::{DateTime, Utc};
use domain::call::{CallPhase, CallWindow};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::error::{Error, ErrorCode, Result};

pub type Call = db::calls::Model;

/// The call, or 404.
pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Call> {
    db::calls::find_by_id(db, id).await?.ok_or_else(Error::not_found)
}

pub fn window(call: &Call) -> CallWindow {
    CallWindow {
        opens_at: call.opens_at,
        closes_at: call.closes_at,
        review_opens_at: call.review_opens_at,
        review_closes_at: call.review_closes_at,
    }
}

pub fn phase(call: &Call, now: DateTime<Utc>) -> CallPhase {
    window(call).phase(call.decisions_published_at.is_some(), now)
}

/// 409 `decisions_published` once the call's decisions are out: they are final, and so is everything
/// the jury worked with (rubric, assignments, reviews, decisions).
pub fn ensure_undecided(call: &Call) -> Result<()> {
    match call.decisions_published_at {
        Some(at) => Err(Error::new(
            ErrorCode::DecisionsPublished,
            format!(
                "The call's decisions were published at {}; they are final.",
                at.to_rfc3339()
            ),
        )),
        None => Ok(()),
    }
}

/// Refuses a submitter's action outside the call's open window (409 `call_not_open`/`call_closed`).
pub fn ensure_open(window: &CallWindow, decided: bool, now: DateTime<Utc>) -> Result<()> {
    match window.phase(decided, now) {
        CallPhase::Open => Ok(()),
        CallPhase::Upcoming => Err(Error::new(
            ErrorCode::CallNotOpen,
            format!("The call opens at {}.", window.opens_at.to_rfc3339()),
        )),
        _ => Err(Error::new(
            ErrorCode::CallClosed,
            format!(
                "The call closed at {}; ideas can no longer change.",
                window.closes_at.to_rfc3339()
            ),
        )),
    }
}
