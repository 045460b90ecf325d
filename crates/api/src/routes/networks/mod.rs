//! City networks the municipality belongs to (WeGO, UNESCO's Global Network of Learning Cities…):
//! anyone reads, staff record and edit them. There is no delete: leaving a network is recorded with
//! `leftOn`.

mod create;
pub mod dto;
mod list;
mod show;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_networks)
        .service(create::create_network)
        .service(show::show_network)
        .service(update::update_network);
}
