//! Partnerships with foreign cities: everyone reads them (without focal points), staff record them,
//! edit them and change their state, each change kept in their history with when, who and why.

mod change_state;
mod create;
pub mod dto;
mod list;
mod show;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

use crate::extract::IfMatch;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_partnerships)
        .service(create::create_partnership)
        .service(show::show_partnership)
        .service(update::update_partnership)
        .service(change_state::change_partnership_state);
}

/// The versions an `If-Match` header accepts, as the use cases take them.
fn versions(if_match: IfMatch) -> app::partnerships::IfMatch {
    match if_match {
        IfMatch::Any => None,
        IfMatch::Versions(versions) => Some(versions),
    }
}
