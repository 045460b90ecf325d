//! Your notices in the app, which kinds you receive by e-mail, and the one-click unsubscribe of a message.

pub mod dto;
mod list;
mod preferences;
mod unsubscribe;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_my_notifications)
        .service(list::mark_notification_read)
        .service(list::mark_all_notifications_read)
        .service(preferences::show_notification_preferences)
        .service(preferences::change_notification_preferences)
        .service(unsubscribe::check_unsubscribe)
        .service(unsubscribe::unsubscribe);
}
