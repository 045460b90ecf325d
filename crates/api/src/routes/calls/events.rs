use actix_web::{get, web};
use uuid::Uuid;

use super::dto::EventListView;
use crate::error::ApiResult;
use crate::extract::Staff;
use crate::state::AppState;

/// A call's own history: its creation, edits, window moves and early closing (staff).
#[utoipa::path(
    tag = "calls",
    params(("id" = Uuid, Path, description = "The call's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The call's events, oldest first.", body = EventListView)),
)]
#[get("/calls/{id}/events")]
pub async fn list_call_events(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<EventListView>> {
    let history = app::calls::history(&state.db, &staff.actor(), id.into_inner()).await?;
    Ok(web::Json(EventListView::of(history)))
}
