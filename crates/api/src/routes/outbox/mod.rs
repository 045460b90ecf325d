//! The outbox as admins see it: what was sent, what waits for a retry, and the dead letters they may
//! send again.

pub mod dto;
mod list;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_outbox).service(list::retry_outbox_message);
}
