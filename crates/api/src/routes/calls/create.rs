use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::{CallView, CreateCallRequest};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson, etag_header};
use crate::state::AppState;

/// Create a call for ideas (staff).
///
/// Dates without a time are read in the office's time zone: opensAt and reviewOpensAt as the start
/// of that day, closesAt and reviewClosesAt as its end ("until 30 Bahman" includes 30 Bahman).
#[utoipa::path(
    tag = "calls",
    request_body = CreateCallRequest,
    security(("bearer" = [])),
    responses((status = 201, description = "The call, created.", body = CallView,
        headers(("Location" = String, description = "The new call's URL"), ("ETag" = String)))),
)]
#[post("/calls")]
pub async fn create_call(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    body: ValidJson<CreateCallRequest>,
) -> ApiResult<HttpResponse> {
    let new = body.into_inner()?.into_new_call(state.time_zone)?;
    let now = Utc::now();
    let call = app::calls::create(&state.db, &staff.actor(), new, now).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/calls/{}", call.id)))
        .insert_header(etag_header(call.version))
        .json(CallView::new(call, now)))
}
