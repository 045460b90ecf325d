use actix_web::{patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{ReviewerView, UpdateReviewerRequest};
use crate::error::ApiResult;
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
    ),
)]
#[patch("/reviewers/{id}")]
pub async fn update_reviewer(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateReviewerRequest>,
) -> ApiResult<web::Json<ReviewerView>> {
    let change = body.into_inner()?.into_change();
    let row = app::reviewers::update(&state.db, &staff.actor(), id.into_inner(), change, Utc::now()).await?;
    Ok(web::Json(ReviewerView::from_row(row)))
}
