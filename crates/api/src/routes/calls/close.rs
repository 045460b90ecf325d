use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use super::dto::CallView;
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson, etag_header};
use crate::state::AppState;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CloseCallRequest {
    /// Why the call closes before its deadline; kept in its history.
    #[validate(length(max = 2000, code = "too_long"))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// Close an open call now, before its deadline (staff).
#[utoipa::path(
    tag = "calls",
    params(("id" = Uuid, Path, description = "The call's id")),
    request_body = CloseCallRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The call, closed.", body = CallView, headers(("ETag" = String))),
        (status = 409, description = "`call_not_open` (not open yet) or `call_closed` (closed already)."),
    ),
)]
#[post("/calls/{id}/close")]
pub async fn close_call(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    body: ValidJson<CloseCallRequest>,
) -> ApiResult<HttpResponse> {
    let note = body.into_inner()?.note;
    let now = Utc::now();
    let call = app::calls::close(&state.db, &staff.actor(), id.into_inner(), note, now).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag_header(call.version))
        .json(CallView::new(call, now)))
}
