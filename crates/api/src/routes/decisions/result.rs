use actix_web::{get, web};
use uuid::Uuid;

use super::dto::IdeaResultView;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::Viewer;
use crate::state::AppState;

/// An idea's result: the decision and the reviewers' comments meant for its submitter.
///
/// The submitter sees it once the call's decisions are published (before: 404); staff see it at any time,
/// pending decision included. The comments come without their authors or any scores. Anyone else: 404.
#[utoipa::path(
    tag = "decisions",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The idea's result.", body = IdeaResultView),
        (status = 401, description = "`invalid_token`: the token sent is invalid.",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such idea, or no result the caller may see yet.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/ideas/{id}/result")]
pub async fn idea_result(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<IdeaResultView>> {
    let idea = db::ideas::find_by_id(&state.db, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let staff = viewer.is_staff();
    let submitter = viewer.user_id() == Some(idea.submitter_id);
    if !staff && !submitter {
        return Err(ApiError::not_found());
    }
    let call = crate::routes::calls::find(&state.db, idea.call_id).await?;
    let published = call.decisions_published_at.is_some();
    let decision = db::decisions::find(&state.db, idea.id).await?;
    // The submitter sees only a published decision, never a pending one.
    if !staff && (!published || decision.is_none()) {
        return Err(ApiError::not_found());
    }
    let outcome = decision
        .map(|d| d.outcome.parse())
        .transpose()
        .map_err(ApiError::internal)?;
    let comments = db::reviews::of_idea(&state.db, idea.id)
        .await?
        .into_iter()
        .filter_map(|row| row.review.comment_to_submitter)
        .map(|comment| comment.trim().to_owned())
        .filter(|comment| !comment.is_empty())
        .collect();
    Ok(web::Json(IdeaResultView {
        idea_id: idea.id,
        outcome,
        published,
        published_at: call.decisions_published_at,
        comments,
    }))
}
