//! Rubrics: a call's scoring criteria. Anyone reads them; staff set them until the first review is
//! submitted, which locks them; staff may reopen a locked rubric with a reason. The use cases are
//! `app::rubrics`; the rules themselves (keys, weights, scales, a review's total) are `domain::rubric`.

pub mod dto;
mod reopen;
mod replace;
mod show;

use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show_rubric)
        .service(replace::replace_rubric)
        .service(reopen::reopen_rubric);
}

/// 409 for a change to a locked rubric (for the handlers of other resources not yet ported to `app`).
pub fn locked() -> ApiError {
    app::rubrics::locked().into()
}

/// 409 for work that needs the call's rubric before staff set it.
pub fn missing() -> ApiError {
    app::rubrics::missing().into()
}

/// The call's rubric as a domain value, or 409 `rubric_missing`.
pub async fn of_call(
    db: &impl ConnectionTrait,
    call_id: Uuid,
) -> ApiResult<(db::rubrics::Model, domain::rubric::Rubric)> {
    Ok(app::rubrics::of_call(db, call_id).await?)
}

/// The call's rubric as a domain value, if it has one (to total reviews for reading).
pub async fn of_call_if_set(db: &impl ConnectionTrait, call_id: Uuid) -> ApiResult<Option<domain::rubric::Rubric>> {
    Ok(app::rubrics::of_call_if_set(db, call_id).await?)
}
