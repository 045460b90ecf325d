use actix_web::{HttpResponse, post, web};
use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use super::dto::{ChangeStateRequest, PartnershipView};
use crate::error::ApiResult;
use crate::extract::{IfMatch, Staff, ValidJson, etag_header};
use crate::state::AppState;

/// Change a partnership's state (staff), with the day it happened and why.
///
/// Any state may follow any other — a dormant tie revived, an ended one renegotiated — and the
/// change is added to the history. Send `If-Match` with the ETag you read.
#[utoipa::path(
    tag = "partnerships",
    params(
        ("id" = Uuid, Path, description = "The partnership's id"),
        ("If-Match" = String, Header, description = "The ETag of the partnership as you read it"),
    ),
    request_body = ChangeStateRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The partnership in its new state, with its history.",
            body = PartnershipView, headers(("ETag" = String))),
        (status = 409, description = "`state_unchanged`: it is in that state already."),
    ),
)]
#[post("/partnerships/{id}/state")]
pub async fn change_partnership_state(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: ValidJson<ChangeStateRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let change = app::partnerships::StateChange {
        state: request.state,
        effective_on: request.effective_on.map(NaiveDate::from),
        reason: request.reason,
    };
    let (id, if_match, dates) = (id.into_inner(), if_match.0, state.health_dates());
    let partnership =
        app::partnerships::change_state(&state.db, &staff.0.actor(), id, &if_match, change, dates, Utc::now()).await?;
    let view = PartnershipView::new(partnership, state.dormancy, dates.today);
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}
