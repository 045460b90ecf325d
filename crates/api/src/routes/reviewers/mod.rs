//! The jury's roster: staff enrol reviewers (making their account when there is none), read and
//! filter the roster with each reviewer's load, change a reviewer's organisation, expertise, maximum
//! load or place on the roster, and hand a reviewer a one-time set-password token. The use cases are `app::reviewers`.

mod create;
pub mod dto;
mod issue_password_token;
mod list;
mod show;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_reviewers)
        .service(create::create_reviewer)
        .service(show::show_reviewer)
        .service(update::update_reviewer)
        .service(issue_password_token::issue_reviewer_password_token);
}
