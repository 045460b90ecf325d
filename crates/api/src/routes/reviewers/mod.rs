//! The jury's roster: staff enrol reviewers (making their account when there is none), read and
//! filter the roster with each reviewer's load, change a reviewer's organisation, expertise, maximum
//! load or place on the roster, and hand a reviewer a one-time set-password token.

mod create;
pub mod dto;
mod issue_password_token;
mod list;
mod show;
mod update;

use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::ApiResult;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_reviewers)
        .service(create::create_reviewer)
        .service(show::show_reviewer)
        .service(update::update_reviewer)
        .service(issue_password_token::issue_reviewer_password_token);
}

/// The reviewer as the roster shows them, read inside the transaction that changed them.
async fn view(db: &impl ConnectionTrait, user_id: Uuid, call_id: Option<Uuid>) -> ApiResult<dto::ReviewerView> {
    let row = db::reviewers::find_row(db, user_id, call_id)
        .await?
        .ok_or_else(crate::error::ApiError::not_found)?;
    dto::ReviewerView::from_row(row)
}
