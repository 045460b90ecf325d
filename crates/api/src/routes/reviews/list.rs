use actix_web::{get, web};
use domain::review::AssignmentState;
use uuid::Uuid;

use super::dto::{AuthoredReview, ReviewAuthor, ReviewList, ReviewView};
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
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
        (status = 200, description = "The reviews.", body = ReviewList),
        (status = 403, description = "`review_first`: submit your own review first.",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such idea, or not one you review.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/ideas/{id}/reviews")]
pub async fn list_reviews(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ReviewList>> {
    let idea_id = id.into_inner();
    let staff = caller.is_staff();
    let blind = if staff {
        db::ideas::find_by_id(&state.db, idea_id)
            .await?
            .ok_or_else(ApiError::not_found)?;
        false
    } else {
        if !caller.roles.is_reviewer() {
            return Err(ApiError::not_found());
        }
        let assigned = super::assigned(&state.db, idea_id, caller.user.id).await?;
        if assigned.assignment.state != AssignmentState::Submitted.as_str() {
            return Err(ApiError::new(
                ErrorCode::ReviewFirst,
                "Submit your own review of this idea first; then you can read the others'.",
            ));
        }
        assigned.call.blind_review
    };
    let rows = db::reviews::of_idea(&state.db, idea_id).await?;
    let rubric = match rows.first() {
        Some(row) => crate::routes::rubrics::of_call_if_set(&state.db, row.review.call_id).await?,
        None => None,
    };
    let items = rows
        .into_iter()
        .enumerate()
        .map(|(index, row)| {
            let mine = row.review.reviewer_id == caller.user.id;
            let named = !blind || mine;
            Ok(AuthoredReview {
                author: ReviewAuthor {
                    number: index + 1,
                    mine,
                    id: named.then_some(row.review.reviewer_id),
                    display_name: named.then_some(row.reviewer_name),
                    organisation: if named {
                        row.reviewer_organisation
                            .as_deref()
                            .map(str::parse)
                            .transpose()
                            .map_err(ApiError::internal)?
                    } else {
                        None
                    },
                },
                review: ReviewView::new(row.review, rubric.as_ref())?,
            })
        })
        .collect::<ApiResult<_>>()?;
    Ok(web::Json(ReviewList { items }))
}
