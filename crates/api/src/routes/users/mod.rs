//! Accounts as admins manage them: list, change roles and active flag, issue set-password tokens, reset
//! the second factor, read and end sessions.

pub mod dto;
mod issue_password_token;
mod list;
mod security;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_users)
        .service(update::update_user)
        .service(issue_password_token::issue_password_token)
        .service(security::reset_second_factor)
        .service(security::list_user_sessions)
        .service(security::end_user_sessions);
}
