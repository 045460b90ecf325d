use actix_web::{get, web};
use uuid::Uuid;

use super::dto::{EventList, EventView};
use crate::error::ApiResult;
use crate::extract::Staff;
use crate::state::AppState;

/// A call's own history: its creation, edits, window moves and early closing (staff).
#[utoipa::path(
    tag = "calls",
    params(("id" = Uuid, Path, description = "The call's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The call's events, oldest first.", body = EventList)),
)]
#[get("/calls/{id}/events")]
pub async fn list_call_events(
    state: web::Data<AppState>,
    _staff: Staff,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<EventList>> {
    let call = super::find(&state.db, id.into_inner()).await?;
    let events = db::events::for_call(&state.db, call.id).await?;
    let entries = app::history::named(&state.db, events).await?;
    Ok(web::Json(EventList {
        items: entries.into_iter().map(EventView::of).collect(),
    }))
}
