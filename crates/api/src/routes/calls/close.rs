use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::call::CallPhase;
use domain::event::EventKind;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use super::dto::{CallView, phase};
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
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
        (status = 409, description = "`call_not_open` (not open yet) or `call_closed` (closed already).",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/calls/{id}/close")]
pub async fn close_call(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    body: ValidJson<CloseCallRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let call = super::find(&txn, id.into_inner()).await?;
    match phase(&call, now) {
        CallPhase::Open => {}
        CallPhase::Upcoming => {
            return Err(ApiError::new(
                ErrorCode::CallNotOpen,
                "The call has not opened; move its window instead.",
            ));
        }
        _ => return Err(ApiError::new(ErrorCode::CallClosed, "The call is closed already.")),
    }
    if !db::calls::close_now(&txn, call.id, now).await? {
        return Err(ApiError::new(ErrorCode::CallClosed, "The call is closed already."));
    }
    let event = db::events::NewEvent {
        from: Some(call.closes_at.to_rfc3339()),
        to: Some((now - chrono::TimeDelta::microseconds(1)).to_rfc3339()),
        note: request.note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
        ..db::events::NewEvent::of_call(call.id, EventKind::ClosedEarly).by(staff.user.id)
    };
    db::events::record(&txn, event, now).await?;
    let closed = super::find(&txn, call.id).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag_header(closed.version))
        .json(CallView::new(closed, now)?))
}
