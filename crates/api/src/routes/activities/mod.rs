//! Activities with foreign cities, formal partners or not: everyone reads them, staff record and
//! correct them. An activity may name the citizen's idea it grew from.

mod create;
pub mod dto;
mod list;
mod show;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_activities)
        .service(list::list_city_activities)
        .service(create::create_activity)
        .service(show::show_activity)
        .service(update::update_activity);
}
