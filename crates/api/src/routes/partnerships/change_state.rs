use actix_web::{HttpResponse, post, web};
use chrono::{NaiveDate, Utc};
use domain::partnership::{PartnershipState, StateChangeRefused, check_state_change};
use uuid::Uuid;

use super::dto::{ChangeStateRequest, PartnershipView};
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError, Problem};
use crate::extract::{IfMatch, Staff, ValidJson, etag_header, stale};
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
        (status = 409, description = "`state_unchanged`: it is in that state already.",
            body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`stale_version`: it changed since you read it.",
            body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "`precondition_required`: If-Match is missing.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/partnerships/{id}/state")]
pub async fn change_partnership_state(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: ValidJson<ChangeStateRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let today = state.today();
    let effective_on = request.effective_on.map_or(today, NaiveDate::from);
    let txn = db::begin_write(&state.db).await?;
    let current = db::partnerships::find_by_id(&txn, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let expected = if_match.expected(current.version)?;
    let from: PartnershipState = current.state.parse().map_err(ApiError::internal)?;
    let latest = db::partnerships::latest_change_on(&txn, current.id).await?;
    check_state_change(from, latest, request.state, effective_on, today).map_err(refused)?;
    let change = db::partnerships::NewStateChange {
        to: request.state,
        effective_on,
        reason: Some(request.reason.trim().to_owned()),
        actor_id: Some(staff.user.id),
    };
    if !db::partnerships::change_state(&txn, current.id, expected, from, change, Utc::now()).await? {
        return Err(stale());
    }
    let view: PartnershipView = super::detail(&txn, &state, current.id, true).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}

fn refused(refusal: StateChangeRefused) -> ApiError {
    match refusal {
        StateChangeRefused::Unchanged(_) => ApiError::new(ErrorCode::StateUnchanged, refusal.to_string()),
        StateChangeRefused::InTheFuture => ApiError::validation(vec![FieldError::new(
            "/effectiveOn",
            "in_the_future",
            refusal.to_string(),
        )]),
        StateChangeRefused::BeforeLastChange(_) => ApiError::validation(vec![FieldError::new(
            "/effectiveOn",
            "before_last_change",
            refusal.to_string(),
        )]),
    }
}
