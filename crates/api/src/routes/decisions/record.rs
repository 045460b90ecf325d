use std::collections::{HashMap, HashSet};

use actix_web::{post, put, web};
use chrono::Utc;
use domain::event::EventKind;
use domain::idea::IdeaState;
use domain::review::DECIDABLE;
use uuid::Uuid;

use super::dto::{BulkDecisionRequest, BulkDecisionResult, DecisionRequest, DecisionView};
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError, Problem};
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Trimmed; blank is none.
fn tidy(note: Option<String>) -> Option<String> {
    note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty())
}

fn decidable(idea: &db::ideas::Model) -> ApiResult<bool> {
    let state: IdeaState = *idea.state;
    Ok(DECIDABLE.contains(&state))
}

fn not_under_review(idea: &db::ideas::Model) -> ApiError {
    ApiError::new(
        ErrorCode::NotUnderReview,
        format!(
            "Only an idea in review or reviewed can be decided on; this one is {}.",
            idea.state
        ),
    )
}

/// Decide on an idea (staff): selected or not selected, with a note for staff.
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
        (status = 401, description = "`not_signed_in`: sign in first.",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`forbidden`: staff only.",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such idea.",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`not_under_review`: the idea is not in review or reviewed; \
            `decisions_published`: the call's decisions are out already.",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the body is invalid.",
            body = Problem, content_type = "application/problem+json"),
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
    let note = tidy(request.note);
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let idea = db::ideas::find_by_id(&txn, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let call = crate::routes::calls::find(&txn, idea.call_id).await?;
    crate::routes::calls::ensure_undecided(&call)?;
    if !decidable(&idea)? {
        return Err(not_under_review(&idea));
    }
    let new = db::decisions::NewDecision {
        idea_id: idea.id,
        call_id: idea.call_id,
        outcome: request.outcome,
        note: note.clone(),
        decided_by: staff.user.id,
    };
    db::decisions::record(&txn, new, now).await?;
    crate::routes::assignments::record(
        &txn,
        &idea,
        EventKind::DecisionRecorded,
        Some(staff.user.id),
        None,
        Some(request.outcome.as_str().to_owned()),
        note,
        now,
    )
    .await?;
    let row = db::decisions::rows(&txn, call.id, Some(&[idea.id]))
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("a decision just recorded is missing"))?;
    txn.commit().await?;
    Ok(web::Json(DecisionView::new(row, false)?))
}

/// Decide on many ideas of a call at once (staff): all or nothing.
///
/// Every item is checked before any is recorded: the idea must be in this call, in review or reviewed, and
/// listed once. Bad items answer 422 with a pointer to each (`/items/3/ideaId`), and nothing is recorded.
#[utoipa::path(
    tag = "decisions",
    params(("callId" = Uuid, Path, description = "The call's id")),
    request_body = BulkDecisionRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every decision, recorded and pending.", body = BulkDecisionResult),
        (status = 401, description = "`not_signed_in`: sign in first.",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`forbidden`: staff only.",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such call.",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`decisions_published`: the call's decisions are out already.",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the body is invalid, or some items name an idea \
            that is unknown, of another call, not in review, or listed twice; nothing was recorded.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/calls/{callId}/decisions")]
pub async fn decide_many(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    call_id: web::Path<Uuid>,
    body: ValidJson<BulkDecisionRequest>,
) -> ApiResult<web::Json<BulkDecisionResult>> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let call = crate::routes::calls::find(&txn, call_id.into_inner()).await?;
    crate::routes::calls::ensure_undecided(&call)?;
    let ids: Vec<Uuid> = request.items.iter().map(|item| item.idea_id).collect();
    let found: HashMap<Uuid, db::ideas::Model> = db::ideas::find_many(&txn, &ids)
        .await?
        .into_iter()
        .map(|idea| (idea.id, idea))
        .collect();
    let mut seen = HashSet::new();
    let mut errors = Vec::new();
    let mut ideas = Vec::with_capacity(ids.len());
    for (i, item) in request.items.iter().enumerate() {
        let pointer = format!("/items/{i}/ideaId");
        let Some(idea) = found.get(&item.idea_id).filter(|idea| idea.call_id == call.id) else {
            errors.push(FieldError::new(pointer, "unknown_idea", "no such idea in this call"));
            continue;
        };
        if !seen.insert(item.idea_id) {
            errors.push(FieldError::new(pointer, "duplicate", "this idea is listed twice"));
        } else if !decidable(idea)? {
            errors.push(FieldError::new(
                pointer,
                "not_under_review",
                format!("the idea is {}, not in review or reviewed", idea.state),
            ));
        } else {
            ideas.push(idea);
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut decisions = Vec::with_capacity(ideas.len());
    let mut events = Vec::with_capacity(ideas.len());
    for (item, idea) in request.items.into_iter().zip(&ideas) {
        let note = tidy(item.note);
        events.push(db::events::NewEvent {
            to: Some(item.outcome.as_str().to_owned()),
            note: note.clone(),
            ..db::events::NewEvent::of_idea(idea.id, call.id, EventKind::DecisionRecorded).by(staff.user.id)
        });
        decisions.push(db::decisions::NewDecision {
            idea_id: idea.id,
            call_id: call.id,
            outcome: item.outcome,
            note,
            decided_by: staff.user.id,
        });
    }
    db::decisions::record_many(&txn, decisions, now).await?;
    db::events::record_many(&txn, events, now).await?;
    let mut rows: HashMap<Uuid, db::decisions::DecisionRow> = db::decisions::rows(&txn, call.id, Some(&ids))
        .await?
        .into_iter()
        .map(|row| (row.decision.idea_id, row))
        .collect();
    let items = ids
        .iter()
        .map(|id| {
            let row = rows
                .remove(id)
                .ok_or_else(|| ApiError::internal("a decision just recorded is missing"))?;
            DecisionView::new(row, false)
        })
        .collect::<ApiResult<Vec<_>>>()?;
    txn.commit().await?;
    Ok(web::Json(BulkDecisionResult { items }))
}
