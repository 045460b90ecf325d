//! Accounts as admins manage them: list, change roles and active flag, issue set-password tokens.

pub mod dto;
mod issue_password_token;
mod list;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_users)
        .service(update::update_user)
        .service(issue_password_token::issue_password_token);
}
