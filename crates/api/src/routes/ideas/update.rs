use actix_web::{HttpResponse, patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{IdeaView, UpdateIdeaRequest};
use crate::error::ApiResult;
use crate::extract::{IfMatch, SignedIn, ValidJson, etag_header};
use crate::state::AppState;

/// Edit your idea while its call is open, sending `If-Match` with the ETag you read.
///
/// A draft and a submitted idea are editable until the deadline; a submitted idea stays submitted,
/// and stays complete (422 names a field emptied that submitting needs).
#[utoipa::path(
    tag = "ideas",
    params(
        ("id" = Uuid, Path, description = "The idea's id"),
        ("If-Match" = String, Header, description = "The ETag of the idea as you read it"),
    ),
    request_body = UpdateIdeaRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The idea as changed.", body = IdeaView, headers(("ETag" = String))),
        (status = 409, description = "`call_closed`, `call_not_open` or `invalid_transition` (not a draft or submitted idea)."),
    ),
)]
#[patch("/ideas/{id}")]
pub async fn update_idea(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: ValidJson<UpdateIdeaRequest>,
) -> ApiResult<HttpResponse> {
    let change = body.into_inner()?.into();
    let viewed = app::ideas::update(
        &state.db,
        &caller.actor(),
        id.into_inner(),
        &if_match.0,
        change,
        Utc::now(),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag_header(viewed.record.idea.version))
        .json(IdeaView::of(viewed)))
}
