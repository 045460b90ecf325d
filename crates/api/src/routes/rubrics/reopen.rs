use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::event::EventKind;
use uuid::Uuid;

use super::dto::{ReopenRubricRequest, RubricView};
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{IfMatch, Staff, ValidJson, etag_header, stale};
use crate::state::AppState;

/// Unlock a rubric that reviews were submitted against, with a reason for the call's history (staff).
///
/// Use it to correct a criterion after the jury started. Reviews already submitted stay; those that no longer
/// fit the corrected rubric leave the ranking until their reviewers rescore them. The next submitted review
/// locks the rubric again.
#[utoipa::path(
    tag = "rubrics",
    params(
        ("id" = Uuid, Path, description = "The call's id"),
        ("If-Match" = String, Header, description = "The ETag of the rubric as you read it"),
    ),
    request_body = ReopenRubricRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The rubric, unlocked.", body = RubricView, headers(("ETag" = String))),
        (status = 404, description = "`not_found`: no such call, or it has no rubric.",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`rubric_not_locked`: it can be edited already; `decisions_published`: \
            the call is decided.", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`stale_version`: it changed since you read it.",
            body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "`precondition_required`: If-Match is missing.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/calls/{id}/rubric/reopen")]
pub async fn reopen_rubric(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: ValidJson<ReopenRubricRequest>,
) -> ApiResult<HttpResponse> {
    let reason = body.into_inner()?.reason.trim().to_owned();
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let call = db::calls::find_by_id(&txn, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let current = db::rubrics::find(&txn, call.id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let expected = if_match.expected(current.version)?;
    crate::routes::calls::ensure_undecided(&call)?;
    if !current.locked {
        return Err(ApiError::new(
            ErrorCode::RubricNotLocked,
            "No review has been submitted since the rubric was last opened: change it with PUT directly.",
        ));
    }
    if !db::rubrics::reopen(&txn, call.id, expected, staff.user.id, now).await? {
        return Err(stale());
    }
    super::record(
        &txn,
        call.id,
        EventKind::RubricReopened,
        staff.user.id,
        Some(reason),
        now,
    )
    .await?;
    let saved = db::rubrics::find(&txn, call.id)
        .await?
        .ok_or_else(|| ApiError::internal("the rubric just reopened is missing"))?;
    txn.commit().await?;
    let view = RubricView::new(saved)?;
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}
