//! The submitter's state changes: submit and withdraw, while the call is open.

use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::IdeaView;
use crate::error::ApiResult;
use crate::extract::{SignedIn, etag_header};
use crate::state::AppState;

fn answer(viewed: app::ideas::Viewed) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(etag_header(viewed.record.idea.version))
        .json(IdeaView::of(viewed))
}

/// Submit your draft for screening, while the call is open.
///
/// Submitting needs the summary, body, channel and expected outcomes filled in (422 names each
/// missing field). A submitted idea stays editable until the deadline.
#[utoipa::path(
    tag = "ideas",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The idea, submitted.", body = IdeaView, headers(("ETag" = String))),
        (status = 409, description = "`call_closed`, `call_not_open` or `invalid_transition` (not a draft)."),
        (status = 422, description = "`validation_failed`: fields that submitting needs are empty."),
    ),
)]
#[post("/ideas/{id}/submit")]
pub async fn submit_idea(state: web::Data<AppState>, caller: SignedIn, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let viewed = app::ideas::submit(&state.db, &caller.actor(), id.into_inner(), Utc::now()).await?;
    Ok(answer(viewed))
}

/// Withdraw your draft or submitted idea, while the call is open. It is kept, never deleted.
#[utoipa::path(
    tag = "ideas",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The idea, withdrawn.", body = IdeaView, headers(("ETag" = String))),
        (status = 409, description = "`call_closed`, `call_not_open` or `invalid_transition`."),
    ),
)]
#[post("/ideas/{id}/withdraw")]
pub async fn withdraw_idea(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let viewed = app::ideas::withdraw(&state.db, &caller.actor(), id.into_inner(), Utc::now()).await?;
    Ok(answer(viewed))
}
