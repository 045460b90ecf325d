//! Reviews: a reviewer's assignments, their draft and submitted review of each idea, and who reads the
//! reviews (staff all of them; a reviewer the others' only after submitting their own, without names in a
//! blind call). One review per reviewer and idea: saving is an upsert on the assignment.

pub mod dto;
mod list;
mod my_assignments;
mod save;
mod show_mine;

use chrono::{DateTime, Utc};
use domain::review::AssignmentState;
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, ErrorCode};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(my_assignments::my_assignments)
        .service(show_mine::show_my_review)
        .service(save::save_review)
        .service(save::submit_review)
        .service(list::list_reviews);
}

/// What a reviewer works on: the idea, their assignment to it and its call.
pub struct Assigned {
    pub idea: db::ideas::Model,
    pub assignment: db::assignments::Model,
    pub call: db::calls::Model,
}

/// The idea `reviewer_id` is assigned to and may review (not declined, no conflict); 404 for anything else,
/// so that nothing about other ideas leaks.
pub async fn assigned(db: &impl ConnectionTrait, idea_id: Uuid, reviewer_id: Uuid) -> ApiResult<Assigned> {
    let idea = db::ideas::find_by_id(db, idea_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let assignment = db::assignments::find(db, idea_id, reviewer_id)
        .await?
        .filter(|a| a.state != AssignmentState::Declined.as_str() && idea.submitter_id != reviewer_id)
        .ok_or_else(ApiError::not_found)?;
    let call = db::calls::find_by_id(db, idea.call_id)
        .await?
        .ok_or_else(|| ApiError::internal("an idea's call is missing"))?;
    Ok(Assigned { idea, assignment, call })
}

/// Refuses a change once the review window has closed or the call is decided; with `submitting`, also before
/// it opens (a draft may be started as soon as the idea is assigned).
pub fn ensure_review_window(call: &db::calls::Model, now: DateTime<Utc>, submitting: bool) -> ApiResult<()> {
    crate::routes::calls::ensure_undecided(call)?;
    if now > call.review_closes_at {
        return Err(ApiError::new(
            ErrorCode::ReviewClosed,
            format!("The review window closed at {}.", call.review_closes_at.to_rfc3339()),
        ));
    }
    if submitting && now < call.review_opens_at {
        return Err(ApiError::new(
            ErrorCode::ReviewNotOpen,
            format!(
                "Reviews can be submitted from {}; until then save a draft.",
                call.review_opens_at.to_rfc3339()
            ),
        ));
    }
    Ok(())
}
