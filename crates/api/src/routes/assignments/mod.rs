//! Assignments: staff give an idea with the jury to a reviewer, one by one or all at once with the
//! planner (`domain::assignment`), and take it back. The idea's state follows its assignments
//! (`domain::review::review_state`), each change with its event.

use chrono::{DateTime, Utc};
use domain::event::EventKind;
use domain::idea::IdeaState;
use domain::review::{UNDER_REVIEW, review_state, review_state_event};
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

mod assign;
mod auto;
pub mod dto;
mod list;
mod unassign;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_assignments)
        .service(auto::auto_assign)
        .service(assign::assign)
        .service(unassign::unassign);
}

/// The call, if it exists (404) and its decisions are not published yet (409): assignments change only before.
async fn open_call(db: &impl ConnectionTrait, call_id: Uuid) -> ApiResult<db::calls::Model> {
    let call = db::calls::find_by_id(db, call_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    crate::routes::calls::ensure_undecided(&call)?;
    Ok(call)
}

/// The default due day of a review: the last office day of the call's review window.
fn due_on(state: &AppState, call: &db::calls::Model) -> chrono::NaiveDate {
    domain::call::office_day(call.review_closes_at, state.time_zone)
}

/// Whether `reviewer_id` reviews the idea now: `Some(blind)` when they hold an assignment to it that
/// counts (not declined), with whether its call is blind; `None` otherwise. A reviewer with a conflict
/// never holds one: recording the conflict declines it.
pub async fn reviewing(
    db: &impl ConnectionTrait,
    idea: &db::ideas::Model,
    reviewer_id: Uuid,
) -> ApiResult<Option<bool>> {
    if idea.submitter_id == reviewer_id {
        return Ok(None);
    }
    let Some(assignment) = db::assignments::find(db, idea.id, reviewer_id).await? else {
        return Ok(None);
    };
    if assignment.state == domain::review::AssignmentState::Declined.as_str() {
        return Ok(None);
    }
    let call = db::calls::find_by_id(db, idea.call_id)
        .await?
        .ok_or_else(|| ApiError::internal("an assignment's call is missing"))?;
    Ok(Some(call.blind_review))
}

/// Brings an idea with the jury into the state its assignments call for (shortlisted, in_review or
/// reviewed) and records the change; nothing happens to an idea in any other state.
pub async fn settle(
    db: &impl ConnectionTrait,
    idea_id: Uuid,
    actor: Option<Uuid>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let idea = db::ideas::find_by_id(db, idea_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let from: IdeaState = *idea.state;
    if !UNDER_REVIEW.contains(&from) {
        return Ok(());
    }
    let (active, submitted) = db::assignments::counts_of_idea(db, idea_id).await?;
    let to = review_state(active, submitted);
    let Some(kind) = review_state_event(from, to) else {
        return Ok(());
    };
    if db::ideas::transition(db, &idea, &[from], to, now).await?.is_none() {
        return Err(crate::routes::ideas::raced());
    }
    record(
        db,
        &idea,
        kind,
        actor,
        Some(from.as_str().to_owned()),
        Some(to.as_str().to_owned()),
        None,
        now,
    )
    .await
}

/// Records an event on an idea.
#[allow(clippy::too_many_arguments)]
pub async fn record(
    db: &impl ConnectionTrait,
    idea: &db::ideas::Model,
    kind: EventKind,
    actor: Option<Uuid>,
    from: Option<String>,
    to: Option<String>,
    note: Option<String>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    db::events::record(
        db,
        db::events::NewEvent {
            from,
            to,
            note,
            ..db::events::NewEvent::of_idea(idea.id, idea.call_id, kind).by(actor)
        },
        now,
    )
    .await?;
    Ok(())
}
