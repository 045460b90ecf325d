use actix_web::{HttpResponse, put, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{RubricRequest, RubricView};
use crate::error::ApiResult;
use crate::extract::{IfMatch, Staff, ValidJson, etag_header};
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
        (status = 409, description = "`rubric_locked`: reviews were submitted against it; \
            `decisions_published`: the call is decided."),
        (status = 422, description = "`validation_failed`: a criterion is invalid (`duplicate` key, `scale_order`, \
            `out_of_range`, `too_long`…), each at its field."),
        (status = 428, description = "`precondition_required`: the rubric exists and If-Match is missing."),
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
    let criteria = body.into_inner()?.into_criteria();
    let matches = if_match.as_ref().map(|if_match| &if_match.0);
    let saved = app::rubrics::replace(
        &state.db,
        &staff.actor(),
        id.into_inner(),
        criteria,
        matches,
        Utc::now(),
    )
    .await?;
    let view = RubricView::new(saved.rubric);
    let mut response = if saved.created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    };
    Ok(response.insert_header(etag_header(view.version)).json(view))
}
