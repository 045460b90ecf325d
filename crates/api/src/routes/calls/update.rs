use actix_web::{HttpResponse, patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{CallView, UpdateCallRequest};
use crate::error::ApiResult;
use crate::extract::{IfMatch, Staff, ValidJson, etag_header};
use crate::state::AppState;

/// Edit a call (staff), sending `If-Match` with the ETag you read.
///
/// Moving the window is recorded as a `window_moved` event with the dates before and after; other
/// changes as `call_updated`.
#[utoipa::path(
    tag = "calls",
    params(
        ("id" = Uuid, Path, description = "The call's id"),
        ("If-Match" = String, Header, description = "The ETag of the call as you read it"),
    ),
    request_body = UpdateCallRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The call as changed.", body = CallView, headers(("ETag" = String))),
    ),
)]
#[patch("/calls/{id}")]
pub async fn update_call(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: ValidJson<UpdateCallRequest>,
) -> ApiResult<HttpResponse> {
    let change = body.into_inner()?.into_change(state.time_zone)?;
    let now = Utc::now();
    let call = app::calls::update(&state.db, &staff.actor(), id.into_inner(), change, &if_match.0, now).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag_header(call.version))
        .json(CallView::new(call, now)))
}
