use actix_web::{get, web};
use uuid::Uuid;

use super::dto::{ReviewerView, ShowReviewerQuery};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidQuery};
use crate::state::AppState;

/// A reviewer, with their load in one call or in all (staff).
#[utoipa::path(
    tag = "reviewers",
    params(("id" = Uuid, Path, description = "The reviewer's account id"), ShowReviewerQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The reviewer.", body = ReviewerView),
    ),
)]
#[get("/reviewers/{id}")]
pub async fn show_reviewer(
    state: web::Data<AppState>,
    _staff: Staff,
    id: web::Path<Uuid>,
    query: ValidQuery<ShowReviewerQuery>,
) -> ApiResult<web::Json<ReviewerView>> {
    let ValidQuery(query) = query;
    let row = app::reviewers::show(&state.db, id.into_inner(), query.call_id).await?;
    Ok(web::Json(ReviewerView::from_row(row)))
}
