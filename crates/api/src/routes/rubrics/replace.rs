use actix_web::{HttpResponse, put, web};
use chrono::Utc;
use domain::event::EventKind;
use uuid::Uuid;

use super::dto::{RubricRequest, RubricView};
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{IfMatch, Staff, ValidJson, etag_header, stale};
use crate::state::AppState;

/// Set or change a call's rubric (staff).
///
/// The whole list of criteria is replaced. The first time, no `If-Match` is needed (201); after that send the
/// ETag you read. Once a review has been submitted the rubric is locked (409 `rubric_locked`) until staff
/// reopen it with a reason. Submitted reviews that no longer fit a changed rubric (a criterion added, or a
/// scale narrowed) stay out of the ranking until their reviewers rescore them.
#[utoipa::path(
    tag = "rubrics",
    params(
        ("id" = Uuid, Path, description = "The call's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag of the rubric as you read it; not needed the first time"),
    ),
    request_body = RubricRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The rubric as changed.", body = RubricView, headers(("ETag" = String))),
        (status = 201, description = "The call's first rubric.", body = RubricView, headers(("ETag" = String))),
        (status = 404, description = "`not_found`: no such call.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`rubric_locked`: reviews were submitted against it; \
            `decisions_published`: the call is decided.", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`stale_version`: it changed since you read it.",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a criterion is invalid (`duplicate` key, `scale_order`, \
            `out_of_range`, `too_long`…), each at its field.", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "`precondition_required`: the rubric exists and If-Match is missing.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[put("/calls/{id}/rubric")]
pub async fn replace_rubric(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    if_match: Option<IfMatch>,
    body: ValidJson<RubricRequest>,
) -> ApiResult<HttpResponse> {
    let rubric = body.into_inner()?.into_rubric()?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let call = db::calls::find_by_id(&txn, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    crate::routes::calls::ensure_undecided(&call)?;
    let created = match db::rubrics::find(&txn, call.id).await? {
        None => {
            db::rubrics::insert(&txn, call.id, rubric.criteria(), Some(staff.user.id), now).await?;
            true
        }
        Some(current) => {
            let if_match = if_match.ok_or_else(|| {
                ApiError::new(
                    ErrorCode::PreconditionRequired,
                    "The call has a rubric: send If-Match with its ETag, so that you never overwrite someone else's change.",
                )
            })?;
            let expected = if_match.expected(current.version)?;
            if current.locked {
                return Err(super::locked());
            }
            if !db::rubrics::replace(&txn, call.id, expected, rubric.criteria(), staff.user.id, now).await? {
                return Err(stale());
            }
            false
        }
    };
    super::record(&txn, call.id, EventKind::RubricUpdated, staff.user.id, None, now).await?;
    let saved = db::rubrics::find(&txn, call.id)
        .await?
        .ok_or_else(|| ApiError::internal("the rubric just saved is missing"))?;
    txn.commit().await?;
    let view = RubricView::new(saved)?;
    let mut response = if created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    };
    Ok(response.insert_header(etag_header(view.version)).json(view))
}
