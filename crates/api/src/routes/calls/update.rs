use actix_web::{HttpResponse, patch, web};
use chrono::Utc;
use domain::event::EventKind;
use uuid::Uuid;

use super::dto::{CallView, UpdateCallRequest};
use crate::error::{ApiResult, Problem};
use crate::extract::{IfMatch, Staff, ValidJson, etag_header, stale};
use crate::state::AppState;

fn window_text(call: &db::calls::Model) -> String {
    format!(
        "{} – {} (review {} – {})",
        call.opens_at.to_rfc3339(),
        call.closes_at.to_rfc3339(),
        call.review_opens_at.to_rfc3339(),
        call.review_closes_at.to_rfc3339()
    )
}

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
        (status = 412, description = "`stale_version`: the call changed since you read it.",
            body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "`precondition_required`: If-Match is missing.",
            body = Problem, content_type = "application/problem+json"),
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
    let request = body.into_inner()?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let call = super::find(&txn, id.into_inner()).await?;
    let expected = if_match.expected(call.version)?;
    let fields = request.apply_to(&call, state.time_zone)?;
    let updated = db::calls::update(&txn, &call, expected, fields, now)
        .await?
        .ok_or_else(stale)?;
    let (before, after) = (window_text(&call), window_text(&updated));
    let (kind, from, to) = if before == after {
        (EventKind::CallUpdated, None, None)
    } else {
        (EventKind::WindowMoved, Some(before), Some(after))
    };
    let event = db::events::NewEvent {
        from,
        to,
        ..db::events::NewEvent::of_call(call.id, kind).by(staff.user.id)
    };
    db::events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag_header(updated.version))
        .json(CallView::new(updated, now)?))
}
