use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::event::EventKind;

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
    let request = body.into_inner()?;
    let fields = request.into_fields(state.time_zone)?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let call = db::calls::insert(&txn, fields, Some(staff.user.id), now).await?;
    let event = db::events::NewEvent::of_call(call.id, EventKind::CallCreated).by(staff.user.id);
    db::events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/calls/{}", call.id)))
        .insert_header(etag_header(call.version))
        .json(CallView::new(call, now)?))
}
