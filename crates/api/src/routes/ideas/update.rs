use actix_web::{HttpResponse, patch, web};
use chrono::Utc;
use domain::idea::{IdeaAction, IdeaState};
use uuid::Uuid;

use super::dto::{Content, Detail, UpdateIdeaRequest};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::{IfMatch, SignedIn, ValidJson, etag_header, stale};
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
        (status = 200, description = "The idea as changed.", body = super::dto::IdeaView, headers(("ETag" = String))),
        (status = 409, description = "`call_closed`, `call_not_open` or `invalid_transition` (not a draft or submitted idea).",
            body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`stale_version`: the idea changed since you read it.",
            body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "`precondition_required`: If-Match is missing.",
            body = Problem, content_type = "application/problem+json"),
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
    let request = body.into_inner()?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let idea = super::find_own(&txn, id.into_inner(), &caller).await?;
    let call = db::calls::find_by_id(&txn, idea.call_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    super::ensure_call_open(&call, now)?;
    super::next_state(&idea, IdeaAction::Edit)?;
    let expected = if_match.expected(idea.version)?;
    let content = Content::of(&idea)?.updated(request);
    super::check_references(&txn, &call, &content).await?;
    if idea.state == IdeaState::Submitted.as_str() {
        // A submitted idea stays as complete as submitting required.
        let missing = content.missing_for_submission();
        if !missing.is_empty() {
            return Err(ApiError::validation(missing));
        }
    }
    let category = super::submitter_category(&txn, caller.user.id).await?;
    let updated = db::ideas::update_content(
        &txn,
        &idea,
        expected,
        IdeaAction::Edit.from_states(),
        content.into_stored()?,
        category,
        now,
    )
    .await?
    .ok_or_else(stale)?;
    let view = super::view(&txn, updated.id, Detail::Submitter).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag_header(updated.version))
        .json(view))
}
