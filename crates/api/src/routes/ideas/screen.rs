//! Screening, staff only: shortlist or reject a submitted idea, one or many at once, and reopen a
//! screening before review starts.

use actix_web::{HttpResponse, post, web};
use chrono::{DateTime, Utc};
use domain::event::EventKind;
use domain::idea::{IdeaAction, IdeaState, Screening, ScreeningError, ScreeningReason};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::dto::{
    BulkScreeningRequest, BulkScreeningResult, Detail, IdeaStateView, IdeaView, ReopenScreeningRequest,
    ScreeningRequest,
};
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError, Problem};
use crate::extract::{Staff, ValidJson, etag_header};
use crate::state::AppState;

fn screening_error(err: ScreeningError) -> ApiError {
    let pointer = match err {
        ScreeningError::RejectionWithoutReason => "/reason",
        ScreeningError::OtherWithoutNote => "/note",
    };
    ApiError::field(pointer, "required", err.to_string())
}

/// Applies `action` to the idea and records its event; the idea must still be in the action's
/// from-states when the update runs, so of two concurrent screenings one wins and one gets 409.
async fn apply(
    db: &impl ConnectionTrait,
    staff_id: Uuid,
    idea: &db::ideas::Model,
    action: IdeaAction,
    reason: Option<ScreeningReason>,
    note: Option<String>,
    now: DateTime<Utc>,
) -> ApiResult<db::ideas::Model> {
    let to = super::next_state(idea, action)?;
    let changed = db::ideas::transition(db, idea.id, action.from_states(), to, now)
        .await?
        .ok_or_else(super::raced)?;
    let kind = EventKind::of_action(action).ok_or_else(|| ApiError::internal("screening without an event kind"))?;
    let event = db::events::NewEvent {
        from: Some(idea.state.clone()),
        to: Some(to.as_str().to_owned()),
        reason: reason.map(|r| r.as_str().to_owned()),
        note,
        ..db::events::NewEvent::of_idea(idea.id, idea.call_id, kind).by(staff_id)
    };
    db::events::record(db, event, now).await?;
    Ok(changed)
}

/// One staff action on one idea, in its own transaction, answered with the idea as staff see it.
async fn act_on_one(
    state: &AppState,
    staff_id: Uuid,
    id: Uuid,
    action: IdeaAction,
    reason: Option<ScreeningReason>,
    note: Option<String>,
) -> ApiResult<HttpResponse> {
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let idea = db::ideas::find_by_id(&txn, id).await?.ok_or_else(ApiError::not_found)?;
    let changed = apply(&txn, staff_id, &idea, action, reason, note, now).await?;
    let view = super::view(&txn, idea.id, Detail::Staff).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag_header(changed.version))
        .json(view))
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
        (status = 409, description = "`invalid_transition`: only a submitted idea can be screened.",
            body = Problem, content_type = "application/problem+json"),
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
    let screening = Screening::new(request.decision, request.reason, request.note).map_err(screening_error)?;
    let action = IdeaAction::Screen(screening.decision);
    act_on_one(
        &state,
        staff.user.id,
        id.into_inner(),
        action,
        screening.reason,
        screening.note,
    )
    .await
}

/// Put a shortlisted or rejected idea back to submitted, before review starts (staff). The reason is required.
#[utoipa::path(
    tag = "screening",
    params(("id" = Uuid, Path, description = "The idea's id")),
    request_body = ReopenScreeningRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The idea, submitted again.", body = IdeaView, headers(("ETag" = String))),
        (status = 409, description = "`invalid_transition`: the idea is not shortlisted or rejected (review may have started).",
            body = Problem, content_type = "application/problem+json"),
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
    let note = request.note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if request.reason == ScreeningReason::Other && note.is_none() {
        return Err(screening_error(ScreeningError::OtherWithoutNote));
    }
    let reason = Some(request.reason);
    act_on_one(
        &state,
        staff.user.id,
        id.into_inner(),
        IdeaAction::ReopenScreening,
        reason,
        note,
    )
    .await
}

/// Screen many submitted ideas with one decision (staff): all or nothing.
///
/// If any idea is unknown (422, pointing at it) or not submitted (409, naming them), none is screened.
#[utoipa::path(
    tag = "screening",
    request_body = BulkScreeningRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every idea, screened.", body = BulkScreeningResult),
        (status = 409, description = "`invalid_transition`: some ideas are not submitted; none was screened.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/ideas/screening")]
pub async fn screen_many(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    body: ValidJson<BulkScreeningRequest>,
) -> ApiResult<web::Json<BulkScreeningResult>> {
    let request = body.into_inner()?;
    let screening = Screening::new(request.decision, request.reason, request.note).map_err(screening_error)?;
    let mut seen = std::collections::HashSet::new();
    let duplicates: Vec<FieldError> = request
        .idea_ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !seen.insert(**id))
        .map(|(i, _)| FieldError::new(format!("/ideaIds/{i}"), "duplicate", "this idea is listed twice"))
        .collect();
    if !duplicates.is_empty() {
        return Err(ApiError::validation(duplicates));
    }
    let action = IdeaAction::Screen(screening.decision);
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let mut found = db::ideas::find_many(&txn, &request.idea_ids).await?;
    let mut ideas = Vec::with_capacity(request.idea_ids.len());
    let mut unknown = Vec::new();
    for (i, id) in request.idea_ids.iter().enumerate() {
        match found.iter().position(|idea| idea.id == *id) {
            Some(at) => ideas.push(found.swap_remove(at)),
            None => unknown.push(FieldError::new(format!("/ideaIds/{i}"), "unknown_idea", "no such idea")),
        }
    }
    if !unknown.is_empty() {
        return Err(ApiError::validation(unknown));
    }
    let refused: Vec<String> = ideas
        .iter()
        .filter(|idea| idea.state != IdeaState::Submitted.as_str())
        .map(|idea| format!("{} ({})", idea.id, idea.state))
        .collect();
    if !refused.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidTransition,
            format!(
                "Only submitted ideas can be screened; none was. Not submitted: {}.",
                refused.join(", ")
            ),
        ));
    }
    let mut items = Vec::with_capacity(ideas.len());
    for idea in &ideas {
        // Dropping the transaction on an error rolls back the ideas screened before it.
        let changed = apply(
            &txn,
            staff.user.id,
            idea,
            action,
            screening.reason,
            screening.note.clone(),
            now,
        )
        .await?;
        items.push(IdeaStateView {
            idea_id: changed.id,
            state: changed.state.parse().map_err(ApiError::internal)?,
        });
    }
    txn.commit().await?;
    Ok(web::Json(BulkScreeningResult { items }))
}
