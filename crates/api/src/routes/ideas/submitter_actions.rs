//! The submitter's state changes: submit and withdraw, while the call is open.

use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::event::EventKind;
use domain::idea::IdeaAction;
use uuid::Uuid;

use super::dto::{Content, Detail, IdeaView};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::{SignedIn, etag_header};
use crate::state::AppState;

async fn act(state: &AppState, caller: &SignedIn, id: Uuid, action: IdeaAction) -> ApiResult<HttpResponse> {
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let idea = super::find_own(&txn, id, caller).await?;
    let call = db::calls::find_by_id(&txn, idea.call_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    super::ensure_call_open(&call, now)?;
    let to = super::next_state(&idea, action)?;
    if action == IdeaAction::Submit {
        let missing = Content::of(&idea)?.missing_for_submission();
        if !missing.is_empty() {
            return Err(ApiError::validation(missing));
        }
    }
    let changed = db::ideas::transition(&txn, idea.id, action.from_states(), to, now)
        .await?
        .ok_or_else(super::raced)?;
    if let Some(kind) = EventKind::of_action(action) {
        let event = db::events::NewEvent {
            from: Some(idea.state.clone()),
            to: Some(to.as_str().to_owned()),
            ..db::events::NewEvent::of_idea(idea.id, idea.call_id, kind).by(caller.user.id)
        };
        db::events::record(&txn, event, now).await?;
    }
    let view = super::view(&txn, idea.id, Detail::Submitter).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag_header(changed.version))
        .json(view))
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
        (status = 409, description = "`call_closed`, `call_not_open` or `invalid_transition` (not a draft).",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: fields that submitting needs are empty.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/ideas/{id}/submit")]
pub async fn submit_idea(state: web::Data<AppState>, caller: SignedIn, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    act(&state, &caller, id.into_inner(), IdeaAction::Submit).await
}

/// Withdraw your draft or submitted idea, while the call is open. It is kept, never deleted.
#[utoipa::path(
    tag = "ideas",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The idea, withdrawn.", body = IdeaView, headers(("ETag" = String))),
        (status = 409, description = "`call_closed`, `call_not_open` or `invalid_transition`.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/ideas/{id}/withdraw")]
pub async fn withdraw_idea(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    act(&state, &caller, id.into_inner(), IdeaAction::Withdraw).await
}
