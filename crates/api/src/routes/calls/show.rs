use actix_web::{HttpResponse, get, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::CallView;
use crate::error::ApiResult;
use crate::extract::{Viewer, etag_header};
use crate::state::AppState;

/// A call for ideas, with its phase now and what the caller may do next with it.
#[utoipa::path(
    tag = "calls",
    params(("id" = Uuid, Path, description = "The call's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The call.", body = CallView,
        headers(("ETag" = String, description = "Send it as If-Match to edit")))),
)]
#[get("/calls/{id}")]
pub async fn show_call(state: web::Data<AppState>, viewer: Viewer, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let now = Utc::now();
    let detail = app::calls::show(&state.db, viewer.actor().as_ref(), id.into_inner(), now).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag_header(detail.call.version))
        .json(CallView::detail(detail, now)))
}
