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

use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};
use crate::extract::SignedIn;
use dto::Detail;

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

/// The ideas a caller may see in lists (the rule is `app::ideas::audience`).
pub fn audience(viewer: &crate::extract::Viewer) -> db::ideas::Audience {
    app::ideas::audience(viewer.actor().as_ref())
}

/// The idea, if `caller` (None: the public) may see it; 404 otherwise (the rule is `app::ideas::find_visible`).
pub async fn find_visible(
    db: &impl ConnectionTrait,
    id: Uuid,
    caller: Option<&SignedIn>,
) -> ApiResult<(db::ideas::IdeaRow, Detail)> {
    Ok(app::ideas::find_visible(db, id, caller.map(SignedIn::actor).as_ref()).await?)
}

/// 409 for a transition another request made first.
pub fn raced() -> ApiError {
    app::ideas::raced().into()
}
