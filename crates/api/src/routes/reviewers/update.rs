use actix_web::{patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{ReviewerView, UpdateReviewerRequest};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Change a reviewer's organisation, expertise, maximum load or place on the roster (staff).
///
/// Fields left out stay as they are. Taking a reviewer off the roster (`active: false`) keeps them
/// out of new assignments; their account and what they hold are untouched.
#[utoipa::path(
    tag = "reviewers",
    params(("id" = Uuid, Path, description = "The reviewer's account id")),
    request_body = UpdateReviewerRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The reviewer as changed.", body = ReviewerView),
        (status = 404, description = "`not_found`: the account is not on the jury.",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a field is invalid.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/reviewers/{id}")]
pub async fn update_reviewer(
    state: web::Data<AppState>,
    _staff: Staff,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateReviewerRequest>,
) -> ApiResult<web::Json<ReviewerView>> {
    let request = body.into_inner()?;
    let id = id.into_inner();
    let txn = db::begin_write(&state.db).await?;
    let reviewer = db::reviewers::find(&txn, id).await?.ok_or_else(ApiError::not_found)?;
    let fields = request.apply(&reviewer)?;
    if !db::reviewers::update(&txn, id, fields, Utc::now()).await? {
        return Err(ApiError::not_found());
    }
    let reviewer = super::view(&txn, id, None).await?;
    txn.commit().await?;
    Ok(web::Json(reviewer))
}
