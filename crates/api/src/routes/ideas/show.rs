use actix_web::{HttpResponse, get, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::IdeaView;
use crate::error::ApiResult;
use crate::extract::{Viewer, etag_header};
use crate::state::AppState;

/// An idea, as much of it as you may see.
///
/// Its submitter and staff see all of it; anyone else only a selected idea after its call's
/// decisions are published, and without personal data. Anything else answers 404.
#[utoipa::path(
    tag = "ideas",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The idea.", body = IdeaView,
        headers(("ETag" = String, description = "Send it as If-Match to edit")))),
)]
#[get("/ideas/{id}")]
pub async fn show_idea(state: web::Data<AppState>, viewer: Viewer, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let viewed = app::ideas::show(&state.db, viewer.actor().as_ref(), id.into_inner(), Utc::now()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag_header(viewed.record.idea.version))
        .json(IdeaView::of(viewed)))
}
