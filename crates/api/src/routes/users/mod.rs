//! Accounts as admins manage them: list, change roles and active flag, issue set-password tokens.

pub mod dto;
mod issue_password_token;
mod list;
mod update;

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::tokens::{random_token, token_hash};
use crate::error::ApiResult;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_users)
        .service(update::update_user)
        .service(issue_password_token::issue_password_token);
}

/// A one-time set-password token for the account, issued by `by` inside the caller's transaction (how
/// staff invite a juror); the use case stores its hash and records the event.
pub(crate) async fn issue_password_token(
    db: &impl ConnectionTrait,
    user: &app::accounts::User,
    by: Uuid,
    now: DateTime<Utc>,
) -> ApiResult<dto::PasswordTokenView> {
    let token = random_token();
    let issued = app::accounts::issue_password_link_in(db, user, by, token_hash(&token), now).await?;
    Ok(dto::PasswordTokenView::new(issued, token))
}
