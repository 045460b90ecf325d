use actix_web::{get, web};
use uuid::Uuid;

use crate::error::ApiResult;
use crate::extract::SignedIn;
use crate::routes::calls::dto::EventListView;
use crate::state::AppState;

/// An idea's history, oldest first.
///
/// Staff see every event with who acted and their notes; the submitter sees the state changes and
/// their reasons, never staff notes or who acted. Nobody else sees it (404), reviewers included.
#[utoipa::path(
    tag = "ideas",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The idea's events.", body = EventListView)),
)]
#[get("/ideas/{id}/events")]
pub async fn list_idea_events(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<EventListView>> {
    let entries = app::ideas::history(&state.db, &caller.actor(), id.into_inner()).await?;
    Ok(web::Json(EventListView::of(entries)))
}
