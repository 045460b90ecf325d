use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::review::ConflictSource;
use uuid::Uuid;

use super::dto::{ConflictView, DeclareConflictRequest};
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
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
    let idea = db::ideas::find_by_id(&txn, id).await?.ok_or_else(ApiError::not_found)?;
    if !caller.roles.is_reviewer() || assignments::reviewing(&txn, &idea, caller.user.id).await?.is_none() {
        return Err(not_theirs(&txn, id, &caller).await);
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

/// The refusal for a caller who does not review the idea: 403 for those who may see it (its submitter, staff,
/// anyone once it is published as selected), who learn only that this is not theirs to do; 404 for everyone
/// else, who learn nothing about it, not even that the body was wrong.
async fn not_theirs(db: &impl sea_orm::ConnectionTrait, id: Uuid, caller: &SignedIn) -> ApiError {
    match crate::routes::ideas::find_visible(db, id, Some(caller)).await {
        Ok(_) => ApiError::new(
            ErrorCode::Forbidden,
            "Only a reviewer assigned to this idea declares a conflict of interest with it; staff record one \
             at /api/v1/conflicts.",
        ),
        Err(err) => err,
    }
}
