//! The jury's roster: staff enrol reviewers (making their account when there is none), read and
//! filter the roster with each reviewer's load, change a reviewer's organisation, expertise, maximum
//! load or place on the roster, and hand a reviewer a one-time set-password token.

mod create;
pub mod dto;
mod issue_password_token;
mod list;
mod show;
mod update;

use chrono::{DateTime, Utc};
use domain::session::SET_PASSWORD_TOKEN_TTL;
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::tokens::{random_token, token_hash};
use crate::error::ApiResult;
use crate::routes::users::dto::PasswordTokenView;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_reviewers)
        .service(create::create_reviewer)
        .service(show::show_reviewer)
        .service(update::update_reviewer)
        .service(issue_password_token::issue_reviewer_password_token);
}

/// A one-time set-password token for the account, issued by `by`; only its hash is stored.
async fn password_token(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    by: Uuid,
    now: DateTime<Utc>,
) -> ApiResult<PasswordTokenView> {
    let token = random_token();
    let expires_at = now + SET_PASSWORD_TOKEN_TTL;
    db::password_tokens::create(db, user_id, token_hash(&token), Some(by), now, expires_at).await?;
    Ok(PasswordTokenView {
        user_id,
        token,
        expires_at,
    })
}

/// The reviewer as the roster shows them, read inside the transaction that changed them.
async fn view(db: &impl ConnectionTrait, user_id: Uuid, call_id: Option<Uuid>) -> ApiResult<dto::ReviewerView> {
    let row = db::reviewers::find_row(db, user_id, call_id)
        .await?
        .ok_or_else(crate::error::ApiError::not_found)?;
    dto::ReviewerView::from_row(row)
}
