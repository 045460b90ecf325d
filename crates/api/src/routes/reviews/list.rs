use actix_web::{get, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{AuthoredReviewView, ReviewListView};
use crate::error::ApiResult;
use crate::extract::SignedIn;
use crate::state::AppState;

/// The submitted reviews of an idea, in the order they were first saved.
///
/// Staff see all of them with their authors. A reviewer of the idea sees them only after submitting their
/// own (403 `review_first` before), and in a blind call without the other reviewers' names. Drafts and
/// reviews declined for a conflict of interest are never shown. Anyone else: 404.
#[utoipa::path(
    tag = "reviews",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The reviews.", body = ReviewListView),
        (status = 403, description = "`review_first`: submit your own review first."),
        (status = 404, description = "`not_found`: no such idea, or not one you review."),
    ),
)]
#[get("/ideas/{id}/reviews")]
pub async fn list_reviews(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ReviewListView>> {
    let reviews = app::reviews::of_idea(&state.db, &caller.actor(), id.into_inner(), Utc::now()).await?;
    let rubric = reviews.rubric;
    let items = reviews
        .items
        .into_iter()
        .map(|read| AuthoredReviewView::new(read, rubric.as_ref()))
        .collect::<ApiResult<_>>()?;
    Ok(web::Json(ReviewListView { items }))
}
