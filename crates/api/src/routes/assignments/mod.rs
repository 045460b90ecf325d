//! Assignments: staff give an idea with the jury to a reviewer, one by one or all at once with the
//! planner, and take it back. The use cases and their rules are `app::assignments`.

use chrono::{DateTime, Utc};
use domain::event::EventKind;
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::ApiResult;

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

/// Whether `reviewer_id` reviews the idea now (`app::assignments::reviewing`), for `routes::ideas` until it
/// calls the application layer itself.
pub async fn reviewing(
    db: &impl ConnectionTrait,
    idea: &db::ideas::Model,
    reviewer_id: Uuid,
) -> ApiResult<Option<bool>> {
    Ok(app::assignments::reviewing(db, idea, reviewer_id).await?)
}

/// Records an event on an idea; left for `routes::decisions` until its use cases record their own events
/// through `db::events` in the application layer.
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
    let event = db::events::NewEvent::of_idea(idea.id, idea.call_id, kind)
        .by(actor)
        .change(from, to)
        .note(note);
    db::events::record(db, event, now).await?;
    Ok(())
}
