//! API keys as admins manage them: issued to other systems, shown once, revoked.

pub mod dto;
mod keys;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(keys::list_api_keys)
        .service(keys::issue_api_key)
        .service(keys::get_api_key)
        .service(keys::revoke_api_key);
}
