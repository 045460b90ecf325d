//! Rubrics: a call's scoring criteria. Anyone reads them; staff set them until the first review is
//! submitted, which locks them; staff may reopen a locked rubric with a reason. The rules themselves
//! (keys, weights, scales, a review's total) are `domain::rubric`.

pub mod dto;
mod reopen;
mod replace;
mod show;

use chrono::{DateTime, Utc};
use domain::event::EventKind;
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, ErrorCode};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show_rubric)
        .service(replace::replace_rubric)
        .service(reopen::reopen_rubric);
}

/// 409 for a change to a locked rubric.
pub fn locked() -> ApiError {
    ApiError::new(
        ErrorCode::RubricLocked,
        "Reviews have been submitted against this rubric, so it is locked; staff can reopen it with a reason \
         (POST /calls/{id}/rubric/reopen).",
    )
}

/// 409 for work that needs the call's rubric before staff set it.
pub fn missing() -> ApiError {
    ApiError::new(
        ErrorCode::RubricMissing,
        "The call has no rubric yet: staff set it with PUT /calls/{id}/rubric before reviews can be scored or ranked.",
    )
}

/// The call's rubric as a domain value, or 409 `rubric_missing`.
pub async fn of_call(
    db: &impl ConnectionTrait,
    call_id: Uuid,
) -> ApiResult<(db::rubrics::Model, domain::rubric::Rubric)> {
    let model = db::rubrics::find(db, call_id).await?.ok_or_else(missing)?;
    let rubric = db::rubrics::rubric_of(&model).map_err(ApiError::internal)?;
    Ok((model, rubric))
}

/// The call's rubric as a domain value, if it has one (to total reviews for reading).
pub async fn of_call_if_set(db: &impl ConnectionTrait, call_id: Uuid) -> ApiResult<Option<domain::rubric::Rubric>> {
    match db::rubrics::find(db, call_id).await? {
        Some(model) => Ok(Some(db::rubrics::rubric_of(&model).map_err(ApiError::internal)?)),
        None => Ok(None),
    }
}

/// Records an event of the call's rubric in the call's history.
async fn record(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    kind: EventKind,
    actor: Uuid,
    note: Option<String>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    db::events::record(
        db,
        db::events::NewEvent::of_call(call_id, kind).by(actor).note(note),
        now,
    )
    .await?;
    Ok(())
}
