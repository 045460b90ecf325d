use actix_web::{HttpResponse, get, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::ReviewView;
use crate::error::ApiResult;
use crate::extract::{Reviewer, etag_header};
use crate::state::AppState;

/// My review of an idea I am assigned to, draft or submitted, with what I may do next (reviewers).
#[utoipa::path(
    tag = "reviews",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "My review.", body = ReviewView, headers(("ETag" = String))),
        (status = 404, description = "`not_found`: I am not assigned to this idea, or have saved nothing yet."),
    ),
)]
#[get("/ideas/{id}/review")]
pub async fn show_my_review(
    state: web::Data<AppState>,
    Reviewer(me): Reviewer,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mine = app::reviews::show_mine(&state.db, &me.actor(), id.into_inner(), Utc::now()).await?;
    let view = ReviewView::mine(mine);
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}
