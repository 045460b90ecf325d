//! The signed-in account's own profile, second factor and sessions.

pub mod dto;
mod email_verification;
mod second_factor;
mod sessions;
mod show;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show_me)
        .service(update::update_me)
        .service(email_verification::resend_email_verification)
        .service(second_factor::second_factor_status)
        .service(second_factor::begin_second_factor)
        .service(second_factor::confirm_second_factor)
        .service(second_factor::disable_second_factor)
        .service(second_factor::renew_recovery_codes)
        .service(sessions::list_my_sessions)
        .service(sessions::end_my_session)
        .service(sessions::end_my_other_sessions);
}
