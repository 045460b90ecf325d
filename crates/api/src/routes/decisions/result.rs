use actix_web::{get, web};
use uuid::Uuid;

use super::dto::IdeaResultView;
use crate::error::ApiResult;
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
        (status = 404, description = "`not_found`: no such idea, or no result the caller may see yet."),
    ),
)]
#[get("/ideas/{id}/result")]
pub async fn idea_result(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<IdeaResultView>> {
    let result = app::decisions::result(&state.db, viewer.actor().as_ref(), id.into_inner()).await?;
    Ok(web::Json(result.into()))
}
