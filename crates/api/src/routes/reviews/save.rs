use actix_web::{HttpResponse, post, put, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{ReviewRequest, ReviewView};
use crate::error::ApiResult;
use crate::extract::{Reviewer, ValidJson, etag_header};
use crate::state::AppState;

/// Save my review of an idea as a draft (reviewers).
///
/// Scores may be left out; those given must be the rubric's criteria and within their scales. A draft can be
/// saved from assignment until the review window closes. Once submitted, a review changes only by submitting
/// it again.
#[utoipa::path(
    tag = "reviews",
    params(("id" = Uuid, Path, description = "The idea's id")),
    request_body = ReviewRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The draft, saved.", body = ReviewView, headers(("ETag" = String))),
        (status = 404, description = "`not_found`: I am not assigned to this idea."),
        (status = 409, description = "`review_submitted`: submit again to change it; `review_closed`; \
            `rubric_missing`; `decisions_published`."),
        (status = 422, description = "`validation_failed`: a score is for an `unknown_criterion` or `out_of_scale`, \
            at `/scores/<key>`."),
    ),
)]
#[put("/ideas/{id}/review")]
pub async fn save_review(
    state: web::Data<AppState>,
    Reviewer(me): Reviewer,
    id: web::Path<Uuid>,
    body: ValidJson<ReviewRequest>,
) -> ApiResult<HttpResponse> {
    let input = body.into_inner()?.into_input();
    let saved = app::reviews::save(&state.db, &me.actor(), id.into_inner(), input, Utc::now()).await?;
    let view = ReviewView::mine(saved);
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}

/// Submit my review of an idea, or submit it again with changes while the review window is open (reviewers).
///
/// Every criterion must be scored within its scale, and a recommendation given. The first review submitted in
/// a call locks its rubric. When every reviewer of the idea has submitted, the idea is reviewed. There is only
/// ever one review per reviewer and idea, however many times it is saved or submitted, even at once.
#[utoipa::path(
    tag = "reviews",
    params(("id" = Uuid, Path, description = "The idea's id")),
    request_body = ReviewRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The review, submitted.", body = ReviewView, headers(("ETag" = String))),
        (status = 404, description = "`not_found`: I am not assigned to this idea."),
        (status = 409, description = "`review_not_open`, `review_closed`, `rubric_missing` or `decisions_published`."),
        (status = 422, description = "`validation_failed`: a criterion is not scored (`required` at \
            `/scores/<key>`), a score is `out_of_scale` or for an `unknown_criterion`, or the recommendation is missing."),
    ),
)]
#[post("/ideas/{id}/review/submit")]
pub async fn submit_review(
    state: web::Data<AppState>,
    Reviewer(me): Reviewer,
    id: web::Path<Uuid>,
    body: ValidJson<ReviewRequest>,
) -> ApiResult<HttpResponse> {
    let input = body.into_inner()?.into_input();
    let submitted = app::reviews::submit(&state.db, &me.actor(), id.into_inner(), input, Utc::now()).await?;
    let view = ReviewView::mine(submitted);
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}
