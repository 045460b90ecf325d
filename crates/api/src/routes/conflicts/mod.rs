//! Conflicts of interest: staff enter them and assigned reviewers declare them. Recording one takes
//! the reviewer off the idea at once: their assignment is declined and the idea's state follows
//! (`routes::assignments::settle`). A reviewer's own ideas are a conflict that is never stored.

mod create;
mod declare;
pub mod dto;
mod list;

use chrono::{DateTime, Utc};
use domain::event::EventKind;
use domain::review::{AssignmentState, ConflictSource};
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::routes::assignments;
use dto::ConflictView;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_conflicts)
        .service(create::create_conflict)
        .service(declare::declare_conflict);
}

fn recorded_already() -> ApiError {
    ApiError::new(
        ErrorCode::ConflictExists,
        "This reviewer's conflict of interest with this idea is recorded already.",
    )
}

/// Records a conflict between `reviewer_id` and `idea`, in the caller's transaction: stores it,
/// declines the reviewer's assignment to the idea if they hold one that counts, writes the idea's
/// `conflict_recorded` event and brings the idea into the state its remaining assignments call for.
async fn record(
    db: &impl ConnectionTrait,
    idea: &db::ideas::Model,
    reviewer_id: Uuid,
    source: ConflictSource,
    reason: String,
    actor: Uuid,
    now: DateTime<Utc>,
) -> ApiResult<ConflictView> {
    if db::conflicts::exists(db, reviewer_id, idea.id).await? {
        return Err(recorded_already());
    }
    let conflict = db::conflicts::insert(
        db,
        db::conflicts::NewConflict {
            reviewer_id,
            idea_id: idea.id,
            call_id: idea.call_id,
            source,
            reason: reason.clone(),
            entered_by: actor,
        },
        now,
    )
    .await
    .map_err(|err| {
        if db::is_unique_violation(&err) {
            recorded_already()
        } else {
            err.into()
        }
    })?;
    if let Some(assignment) = db::assignments::find(db, idea.id, reviewer_id).await? {
        db::assignments::set_state(
            db,
            assignment.id,
            &[AssignmentState::Pending, AssignmentState::Submitted],
            AssignmentState::Declined,
            now,
        )
        .await?;
    }
    assignments::record(
        db,
        idea,
        EventKind::ConflictRecorded,
        Some(actor),
        None,
        Some(reviewer_id.to_string()),
        Some(reason),
        now,
    )
    .await?;
    assignments::settle(db, idea.id, Some(actor), now).await?;
    let row = db::conflicts::find_row(db, conflict.id)
        .await?
        .ok_or_else(|| ApiError::internal("a conflict just recorded is missing"))?;
    ConflictView::from_row(row)
}
