//! Cities abroad that ideas target: anyone reads, a signed-in citizen adds a missing one
//! (unverified), staff correct and verify.

mod create;
pub mod dto;
mod list;
mod show;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_cities)
        .service(create::create_city)
        .service(show::show_city)
        .service(update::update_city);
}
