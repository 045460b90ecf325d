use actix_web::{post, put, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{BulkDecisionRequest, BulkDecisionView, DecisionRequest, DecisionView};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Decide on an idea (staff): selected or not selected, with a note for staff.
///
/// The idea must be in review or reviewed, with at least one review submitted (its `allowedActions` then offer
/// `decide`).
///
/// The decision stays pending — nobody but staff sees it and the idea's state does not change — until the
/// call's decisions are published. Deciding again replaces it; each decision is kept in the idea's history.
#[utoipa::path(
    tag = "decisions",
    params(("id" = Uuid, Path, description = "The idea's id")),
    request_body = DecisionRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The pending decision.", body = DecisionView),
        (status = 409, description = "`not_under_review`: the idea is not in review or reviewed; \
            `no_submitted_review`: no juror has submitted a review of it yet; \
            `decisions_published`: the call's decisions are out already."),
    ),
)]
#[put("/ideas/{id}/decision")]
pub async fn decide_idea(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    body: ValidJson<DecisionRequest>,
) -> ApiResult<web::Json<DecisionView>> {
    let request = body.into_inner()?;
    let actor = staff.actor();
    let row = app::decisions::decide(
        &state.db,
        &actor,
        id.into_inner(),
        request.outcome,
        request.note,
        Utc::now(),
    )
    .await?;
    Ok(web::Json(DecisionView::new(row, false)))
}

/// Decide on many ideas of a call at once (staff): all or nothing.
///
/// Every item is checked before any is recorded: the idea must be in this call, in review or reviewed, with at
/// least one review submitted, and listed once. Bad items answer 422 with a pointer to each
/// (`/items/3/ideaId`, with the code `unknown_idea`, `duplicate`, `not_under_review` or `no_submitted_review`),
/// and nothing is recorded.
#[utoipa::path(
    tag = "decisions",
    params(("callId" = Uuid, Path, description = "The call's id")),
    request_body = BulkDecisionRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every decision, recorded and pending.", body = BulkDecisionView),
        (status = 409, description = "`decisions_published`: the call's decisions are out already."),
        (status = 422, description = "`validation_failed`: the body is invalid, or some items name an idea \
            that is unknown, of another call, not in review, without a submitted review, or listed twice; nothing \
            was recorded."),
    ),
)]
#[post("/calls/{callId}/decisions")]
pub async fn decide_many(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    call_id: web::Path<Uuid>,
    body: ValidJson<BulkDecisionRequest>,
) -> ApiResult<web::Json<BulkDecisionView>> {
    let items = body
        .into_inner()?
        .items
        .into_iter()
        .map(|item| app::decisions::DecisionItem {
            idea_id: item.idea_id,
            outcome: item.outcome,
            note: item.note,
        })
        .collect();
    let rows = app::decisions::decide_many(&state.db, &staff.actor(), call_id.into_inner(), items, Utc::now()).await?;
    Ok(web::Json(BulkDecisionView {
        items: rows.into_iter().map(|row| DecisionView::new(row, false)).collect(),
    }))
}
