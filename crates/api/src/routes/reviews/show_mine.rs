use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use super::dto::ReviewView;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::{Reviewer, etag_header};
use crate::state::AppState;

/// My review of an idea I am assigned to, draft or submitted (reviewers).
#[utoipa::path(
    tag = "reviews",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "My review.", body = ReviewView, headers(("ETag" = String))),
        (status = 404, description = "`not_found`: I am not assigned to this idea, or have saved nothing yet.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/ideas/{id}/review")]
pub async fn show_my_review(
    state: web::Data<AppState>,
    Reviewer(me): Reviewer,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let assigned = super::assigned(&state.db, id.into_inner(), me.user.id).await?;
    let review = db::reviews::find_by_assignment(&state.db, assigned.assignment.id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let rubric = crate::routes::rubrics::of_call_if_set(&state.db, assigned.call.id).await?;
    let view = ReviewView::new(review, rubric.as_ref())?;
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}
