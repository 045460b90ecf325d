use actix_web::{post, web};
use chrono::{SubsecRound, Utc};
use domain::call::CallPhase;
use domain::event::EventKind;
use domain::idea::IdeaState;
use domain::review::{DecisionOutcome, UNDER_REVIEW};
use uuid::Uuid;

use super::dto::PublishDecisionsResult;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::Staff;
use crate::state::AppState;

/// Publish a call's decisions (staff), once.
///
/// The call must be closed for ideas, and every idea still with the jury must have a decision. In one transaction, each decided idea becomes
/// `selected` or `not_selected` (its submitter sees the result and the reviewers' comments meant for them,
/// the public sees the selected ones), each change with its event, and the call's phase becomes `decided`.
#[utoipa::path(
    tag = "decisions",
    params(("callId" = Uuid, Path, description = "The call's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The decisions are out.", body = PublishDecisionsResult),
        (status = 401, description = "`not_signed_in`: sign in first.",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`forbidden`: staff only.",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such call.",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`decisions_published`: they are out already; `decisions_incomplete`: some \
            ideas with the jury have no decision yet (the detail says how many), or the call still takes ideas.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/calls/{callId}/decisions/publish")]
pub async fn publish_decisions(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    call_id: web::Path<Uuid>,
) -> ApiResult<web::Json<PublishDecisionsResult>> {
    // To the microsecond, as both databases keep it: the answer then equals the call's decisionsPublishedAt.
    let now = Utc::now().trunc_subsecs(6);
    let txn = db::begin_write(&state.db).await?;
    let call = crate::routes::calls::find(&txn, call_id.into_inner()).await?;
    crate::routes::calls::ensure_undecided(&call)?;
    // While citizens may still propose, ideas yet to come could never be decided once the call is decided.
    if matches!(
        crate::routes::calls::dto::phase(&call, now),
        CallPhase::Upcoming | CallPhase::Open
    ) {
        return Err(ApiError::new(
            ErrorCode::DecisionsIncomplete,
            format!(
                "The call takes ideas until {}; its decisions can be published once it has closed.",
                call.closes_at.to_rfc3339()
            ),
        ));
    }
    let undecided = db::decisions::count_undecided(&txn, call.id).await?;
    if undecided > 0 {
        return Err(ApiError::new(
            ErrorCode::DecisionsIncomplete,
            format!("{undecided} idea(s) with the jury have no decision yet; decide on them first."),
        ));
    }
    let mut events = Vec::new();
    let mut moving: Vec<(DecisionOutcome, Vec<Uuid>)> = vec![
        (DecisionOutcome::Selected, Vec::new()),
        (DecisionOutcome::NotSelected, Vec::new()),
    ];
    for (idea_id, outcome, idea_state) in db::decisions::decided_ideas(&txn, call.id).await? {
        let outcome: DecisionOutcome = outcome.parse().map_err(ApiError::internal)?;
        let from: IdeaState = idea_state.parse().map_err(ApiError::internal)?;
        // Only an idea still with the jury moves; any other kept its decision from an earlier life.
        if !UNDER_REVIEW.contains(&from) {
            continue;
        }
        for (o, ids) in &mut moving {
            if *o == outcome {
                ids.push(idea_id);
            }
        }
        events.push(db::events::NewEvent {
            from: Some(from.as_str().to_owned()),
            to: Some(outcome.state().as_str().to_owned()),
            ..db::events::NewEvent::of_idea(idea_id, call.id, EventKind::DecisionPublished).by(staff.user.id)
        });
    }
    let mut counts = Vec::with_capacity(moving.len());
    for (outcome, ids) in &moving {
        let moved = db::ideas::transition_many(&txn, ids, &UNDER_REVIEW, outcome.state(), now).await?;
        if moved != ids.len() as u64 {
            // Another request changed an idea between the read and the update: roll back, let staff retry.
            return Err(crate::routes::ideas::raced());
        }
        counts.push(moved);
    }
    let (selected, not_selected) = (counts[0], counts[1]);
    events.push(db::events::NewEvent {
        note: Some(format!("{selected} selected, {not_selected} not selected")),
        ..db::events::NewEvent::of_call(call.id, EventKind::DecisionsPublished).by(staff.user.id)
    });
    db::events::record_many(&txn, events, now).await?;
    if !db::calls::set_decisions_published_once(&txn, call.id, now).await? {
        return Err(ApiError::new(
            ErrorCode::DecisionsPublished,
            "Another request published the call's decisions first.",
        ));
    }
    txn.commit().await?;
    Ok(web::Json(PublishDecisionsResult {
        published_at: now,
        selected,
        not_selected,
    }))
}
