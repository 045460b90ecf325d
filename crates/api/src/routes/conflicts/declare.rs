use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::review::ConflictSource;
use uuid::Uuid;

use super::dto::{ConflictView, DeclareConflictRequest};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::{SignedIn, ValidJson};
use crate::routes::assignments;
use crate::state::AppState;

/// Declare a conflict of interest with an idea you are assigned (reviewer).
///
/// Your assignment is declined at once and the idea leaves your list: you no longer see it. Staff
/// see the reason; the submitter does not.
#[utoipa::path(
    tag = "conflicts",
    params(("id" = Uuid, Path, description = "The idea's id")),
    request_body = DeclareConflictRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The conflict, recorded.", body = ConflictView),
        (status = 404, description = "`not_found`: no such idea, or you do not review it.",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`conflict_exists`: it is recorded already.",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the reason is missing or too long.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/ideas/{id}/conflict")]
pub async fn declare_conflict(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: ValidJson<DeclareConflictRequest>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    // Whoever does not review the idea learns nothing about it, not even that the body was wrong.
    let idea = db::ideas::find_by_id(&txn, id).await?.ok_or_else(ApiError::not_found)?;
    if !caller.roles.is_reviewer() || assignments::reviewing(&txn, &idea, caller.user.id).await?.is_none() {
        return Err(ApiError::not_found());
    }
    let request = body.into_inner()?;
    let reason = request.reason.trim().to_owned();
    let conflict = super::record(
        &txn,
        &idea,
        caller.user.id,
        ConflictSource::Reviewer,
        reason,
        caller.user.id,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(conflict))
}
