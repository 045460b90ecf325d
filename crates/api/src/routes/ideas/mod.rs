//! Ideas: citizens create, edit, submit and withdraw them while their call is open; staff screen
//! them; each state change writes its event in the same transaction (DESIGN.md, "The life of an idea").

mod create;
pub mod dto;
mod events;
mod list;
mod screen;
mod show;
mod similar;
mod submitter_actions;
mod update;

use chrono::{DateTime, Utc};
use domain::call::CallPhase;
use domain::idea::{IdeaAction, IdeaState};
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::extract::SignedIn;
use dto::{Detail, IdeaView};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create_idea)
        .service(list::list_ideas)
        .service(list::list_call_ideas)
        .service(screen::screen_many)
        .service(show::show_idea)
        .service(update::update_idea)
        .service(submitter_actions::submit_idea)
        .service(submitter_actions::withdraw_idea)
        .service(screen::screen_idea)
        .service(screen::reopen_screening)
        .service(events::list_idea_events)
        .service(similar::similar_ideas);
}

/// Whether an idea is visible to anyone: selected ideas are public once their call's decisions are out.
pub fn is_public(idea: &db::ideas::Model) -> bool {
    idea.state == IdeaState::Selected.as_str()
}

/// The idea, if `caller` (None: the public) may see it; 404 otherwise, so its existence does not leak.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    id: Uuid,
    caller: Option<&SignedIn>,
) -> ApiResult<(db::ideas::IdeaRow, Detail)> {
    let row = db::ideas::find_row(db, id).await?.ok_or_else(ApiError::not_found)?;
    let staff = caller.is_some_and(SignedIn::is_staff);
    let mut detail = Detail::for_viewer(staff, caller.map(|c| c.user.id), &row.idea);
    if detail == Detail::Public
        && let Some(reviewer) = caller.filter(|c| c.roles.is_reviewer())
        && let Some(blind) = crate::routes::assignments::reviewing(db, &row.idea, reviewer.user.id).await?
    {
        detail = Detail::Reviewer { blind };
    }
    if detail == Detail::Public && !is_public(&row.idea) {
        return Err(ApiError::not_found());
    }
    Ok((row, detail))
}

/// The idea, for an action only its submitter may take: 404 if the caller cannot see it, 403 if they
/// can but it is not theirs.
pub async fn find_own(db: &impl ConnectionTrait, id: Uuid, caller: &SignedIn) -> ApiResult<db::ideas::Model> {
    let (row, _) = find_visible(db, id, Some(caller)).await?;
    if row.idea.submitter_id != caller.user.id {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "Only the idea's submitter may do this.",
        ));
    }
    Ok(row.idea)
}

/// Refuses a submitter's action outside the call's open window.
pub fn ensure_call_open(call: &db::calls::Model, now: DateTime<Utc>) -> ApiResult<()> {
    match crate::routes::calls::dto::phase(call, now) {
        CallPhase::Open => Ok(()),
        CallPhase::Upcoming => Err(ApiError::new(
            ErrorCode::CallNotOpen,
            format!("The call opens at {}.", call.opens_at.to_rfc3339()),
        )),
        _ => Err(ApiError::new(
            ErrorCode::CallClosed,
            format!(
                "The call closed at {}; ideas can no longer change.",
                call.closes_at.to_rfc3339()
            ),
        )),
    }
}

/// The state after `action`, or 409 `invalid_transition`.
pub fn next_state(idea: &db::ideas::Model, action: IdeaAction) -> ApiResult<IdeaState> {
    let from: IdeaState = idea.state.parse().map_err(ApiError::internal)?;
    action
        .apply(from)
        .map_err(|refused| ApiError::new(ErrorCode::InvalidTransition, refused.to_string()))
}

/// 409 for a transition another request made first.
pub fn raced() -> ApiError {
    ApiError::new(
        ErrorCode::InvalidTransition,
        "The idea changed state while you acted; read it again.",
    )
}

/// The idea as `detail` shows it, read inside the transaction that changed it.
pub async fn view(db: &impl ConnectionTrait, id: Uuid, detail: Detail) -> ApiResult<IdeaView> {
    let row = db::ideas::find_row(db, id).await?.ok_or_else(ApiError::not_found)?;
    IdeaView::new(row, detail)
}

/// The submitter's occupation now, recorded on the idea for filters and statistics.
pub async fn submitter_category(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> ApiResult<Option<domain::profile::OccupationCategory>> {
    Ok(db::profiles::occupation(db, user_id).await?)
}

/// Checks the content's references against the call: its domain and the target city.
pub async fn check_references(
    db: &impl ConnectionTrait,
    call: &db::calls::Model,
    content: &dto::Content,
) -> ApiResult<()> {
    let domains = db::calls::domains_from_stored(&call.domains)?;
    let mut errors = Vec::new();
    if !domains.contains(&content.domain) {
        let accepted: Vec<&str> = domains.iter().map(|d| d.as_str()).collect();
        errors.push(crate::error::FieldError::new(
            "/domain",
            "not_in_call",
            format!("this call accepts the domains {}", accepted.join(", ")),
        ));
    }
    if db::cities::find_by_id(db, content.target_city_id).await?.is_none() {
        errors.push(crate::error::FieldError::new(
            "/targetCityId",
            "unknown_city",
            "no such city; find it or add it at /api/v1/cities",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

/// The ideas a caller may see in lists: staff all, an account its own and the published selected
/// ones, the public the published selected ones.
pub fn audience(viewer: &crate::extract::Viewer) -> db::ideas::Audience {
    match (viewer.is_staff(), viewer.user_id()) {
        (true, _) => db::ideas::Audience::Staff,
        (false, Some(id)) => db::ideas::Audience::Account(id),
        (false, None) => db::ideas::Audience::Public,
    }
}
