//! Cities abroad that ideas target: anyone reads, a signed-in citizen adds a missing one
//! (unverified), staff correct, verify and merge duplicates. A city's overview gathers its partnership,
//! activities and ideas.

mod create;
pub mod dto;
mod list;
mod merge;
mod overview;
mod show;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_cities)
        .service(create::create_city)
        .service(show::show_city)
        .service(update::update_city)
        .service(merge::merge_city)
        .service(overview::city_overview);
}
