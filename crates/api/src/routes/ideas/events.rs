use actix_web::{get, web};
use domain::event::EventKind;
use uuid::Uuid;

use super::dto::Detail;
use crate::error::{ApiError, ApiResult};
use crate::extract::SignedIn;
use crate::routes::calls::dto::{EventList, full_events};
use crate::state::AppState;

/// An idea's history, oldest first.
///
/// Staff see every event with who acted and their notes; the submitter sees the state changes and
/// their reasons, never staff notes or who acted. Nobody else sees it (404), reviewers included.
#[utoipa::path(
    tag = "ideas",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The idea's events.", body = EventList)),
)]
#[get("/ideas/{id}/events")]
pub async fn list_idea_events(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<EventList>> {
    let (row, detail) = super::find_visible(&state.db, id.into_inner(), Some(&caller)).await?;
    if matches!(detail, Detail::Public | Detail::Reviewer { .. }) {
        return Err(ApiError::not_found());
    }
    let events = db::events::for_idea(&state.db, row.idea.id).await?;
    let mut items = full_events(&state.db, events).await?;
    if detail == Detail::Submitter {
        items = items
            .into_iter()
            .filter(|event| EventKind::shown_to_submitter(event.kind))
            .map(|event| event.for_submitter())
            .collect();
    }
    Ok(web::Json(EventList { items }))
}
