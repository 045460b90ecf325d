//! Accounts as admins manage them: list, change roles and active flag, issue set-password tokens.

pub mod dto;
mod issue_password_token;
mod list;
mod update;

use chrono::{DateTime, Utc};
use domain::roles::Roles;
use domain::session::SET_PASSWORD_TOKEN_TTL;
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::tokens::{random_token, token_hash};
use crate::error::{ApiError, ApiResult};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_users)
        .service(update::update_user)
        .service(issue_password_token::issue_password_token);
}

/// A one-time set-password token for the account, issued by `by`. Only its hash is stored, with the
/// roles the account holds now: set-password refuses it once the account holds more.
pub(crate) async fn issue_password_token(
    db: &impl ConnectionTrait,
    user: &db::users::Model,
    by: Uuid,
    now: DateTime<Utc>,
) -> ApiResult<dto::PasswordTokenView> {
    let roles = Roles::from_stored(&user.roles).map_err(ApiError::internal)?;
    let token = random_token();
    let expires_at = now + SET_PASSWORD_TOKEN_TTL;
    db::password_tokens::create(db, user.id, &roles, token_hash(&token), Some(by), now, expires_at).await?;
    Ok(dto::PasswordTokenView {
        user_id: user.id,
        token,
        expires_at,
    })
}
