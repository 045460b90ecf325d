//! Calls for ideas: staff create and edit them, everyone reads them; their events, statistics and
//! exports. The ideas of one call are listed by `ideas::list`. The use cases are `app::calls`.

mod close;
mod create;
pub mod dto;
mod events;
mod export;
mod list;
mod show;
mod stats;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_calls)
        .service(create::create_call)
        .service(show::show_call)
        .service(update::update_call)
        .service(close::close_call)
        .service(events::list_call_events)
        .service(stats::call_stats)
        .service(export::export_ideas);
}
