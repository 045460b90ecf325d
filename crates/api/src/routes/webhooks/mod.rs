//! Webhook endpoints as admins manage them: registration, secrets, the delivery log and redelivery.

mod deliveries;
pub mod dto;
mod endpoints;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(endpoints::list_webhooks)
        .service(endpoints::create_webhook)
        .service(endpoints::get_webhook)
        .service(endpoints::update_webhook)
        .service(endpoints::delete_webhook)
        .service(endpoints::rotate_webhook_secret)
        .service(endpoints::ping_webhook)
        .service(deliveries::list_webhook_deliveries)
        .service(deliveries::get_webhook_delivery)
        .service(deliveries::redeliver_webhook);
}
