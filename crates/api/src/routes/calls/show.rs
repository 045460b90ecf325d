use actix_web::{HttpResponse, get, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::CallView;
use crate::error::ApiResult;
use crate::extract::etag_header;
use crate::state::AppState;

/// A call for ideas, with its phase now.
#[utoipa::path(
    tag = "calls",
    params(("id" = Uuid, Path, description = "The call's id")),
    responses((status = 200, description = "The call.", body = CallView,
        headers(("ETag" = String, description = "Send it as If-Match to edit")))),
)]
#[get("/calls/{id}")]
pub async fn show_call(state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let call = super::find(&state.db, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag_header(call.version))
        .json(CallView::new(call, Utc::now())?))
}
