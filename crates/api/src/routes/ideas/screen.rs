//! Screening, staff only: shortlist or reject a submitted idea, one or many at once, and reopen a
//! screening before review starts.

use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{
    BulkScreeningRequest, BulkScreeningView, IdeaStateView, IdeaView, ReopenScreeningRequest, ScreeningRequest,
};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson, etag_header};
use crate::state::AppState;

fn answer(viewed: app::ideas::Viewed) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(etag_header(viewed.record.idea.version))
        .json(IdeaView::of(viewed))
}

/// Screen a submitted idea (staff): shortlist it, or reject it with a reason.
///
/// Staff may screen before the deadline if they choose. The reason and note are kept in the idea's
/// history; the submitter sees the reason, never the note.
#[utoipa::path(
    tag = "screening",
    params(("id" = Uuid, Path, description = "The idea's id")),
    request_body = ScreeningRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The idea, screened.", body = IdeaView, headers(("ETag" = String))),
        (status = 409, description = "`invalid_transition`: only a submitted idea can be screened."),
    ),
)]
#[post("/ideas/{id}/screening")]
pub async fn screen_idea(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    body: ValidJson<ScreeningRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let screening = app::ideas::screening(request.decision, request.reason, request.note)?;
    let viewed = app::ideas::screen(&state.db, &staff.actor(), id.into_inner(), screening, Utc::now()).await?;
    Ok(answer(viewed))
}

/// Put a shortlisted or rejected idea back to submitted, before review starts (staff). The reason is required.
#[utoipa::path(
    tag = "screening",
    params(("id" = Uuid, Path, description = "The idea's id")),
    request_body = ReopenScreeningRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The idea, submitted again.", body = IdeaView, headers(("ETag" = String))),
        (status = 409, description = "`invalid_transition`: the idea is not shortlisted or rejected (review may have started)."),
    ),
)]
#[post("/ideas/{id}/screening/reopen")]
pub async fn reopen_screening(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    body: ValidJson<ReopenScreeningRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let (actor, id) = (staff.actor(), id.into_inner());
    let viewed = app::ideas::reopen_screening(&state.db, &actor, id, request.reason, request.note, Utc::now()).await?;
    Ok(answer(viewed))
}

/// Screen many submitted ideas with one decision (staff): all or nothing.
///
/// If any idea is unknown (422) or not submitted (409), none is screened. Either way the problem's `errors`
/// point at each refused idea in the request: `{ "pointer": "/ideaIds/3", "code": "not_submitted", "message":
/// "the idea is shortlisted, not submitted" }` (409), or the code `unknown_idea` or `duplicate` (422).
#[utoipa::path(
    tag = "screening",
    request_body = BulkScreeningRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every idea, screened.", body = BulkScreeningView),
        (status = 409, description = "`invalid_transition`: some ideas are not submitted; none was screened. \
            `errors` lists each of them, pointing at it (`/ideaIds/<n>`) with the code `not_submitted`."),
        (status = 422, description = "`validation_failed`: the body is invalid, or some ideas are unknown or \
            listed twice (`errors`, each at `/ideaIds/<n>`); none was screened."),
    ),
)]
#[post("/ideas/screening")]
pub async fn screen_many(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    body: ValidJson<BulkScreeningRequest>,
) -> ApiResult<web::Json<BulkScreeningView>> {
    let request = body.into_inner()?;
    let screening = app::ideas::screening(request.decision, request.reason, request.note)?;
    let screened = app::ideas::screen_many(&state.db, &staff.actor(), &request.idea_ids, screening, Utc::now()).await?;
    let items = screened
        .into_iter()
        .map(|s| IdeaStateView {
            idea_id: s.idea_id,
            state: s.state,
        })
        .collect();
    Ok(web::Json(BulkScreeningView { items }))
}
