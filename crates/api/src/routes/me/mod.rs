//! The signed-in account's own profile.

pub mod dto;
mod show;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show_me).service(update::update_me);
}
