use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{ReopenRubricRequest, RubricView};
use crate::error::ApiResult;
use crate::extract::{IfMatch, Staff, ValidJson, etag_header};
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
        (status = 404, description = "`not_found`: no such call, or it has no rubric."),
        (status = 409, description = "`rubric_not_locked`: it can be edited already; `decisions_published`: \
            the call is decided."),
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
    let reason = body.into_inner()?.reason;
    let rubric = app::rubrics::reopen(
        &state.db,
        &staff.actor(),
        id.into_inner(),
        &reason,
        &if_match.0,
        Utc::now(),
    )
    .await?;
    let view = RubricView::new(rubric);
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}
