//! Partnerships with foreign cities: everyone reads them (without focal points), staff record them,
//! edit them and change their state, each change kept in their history with when, who and why.

mod change_state;
mod create;
pub mod dto;
mod list;
mod show;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_partnerships)
        .service(create::create_partnership)
        .service(show::show_partnership)
        .service(update::update_partnership)
        .service(change_state::change_partnership_state);
}
