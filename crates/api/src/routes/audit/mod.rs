//! The audit trail of privileged actions, for admins; read only.

pub mod dto;
mod list;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_audit);
}
