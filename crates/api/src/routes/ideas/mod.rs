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

use utoipa_actix_web::service_config::ServiceConfig;

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
