//! Registration, sign-in, token refresh, sign-out and passwords.

mod change_password;
pub mod dto;
mod login;
mod logout;
mod refresh;
mod register;
mod set_password;

use chrono::{DateTime, Utc};
use domain::roles::Roles;
use domain::session::REFRESH_TOKEN_TTL;
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::tokens::{random_token, token_hash};
use crate::error::ApiError;
use crate::state::AppState;
use dto::TokenResponse;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(register::register)
        .service(login::login)
        .service(refresh::refresh)
        .service(logout::logout)
        .service(change_password::change_password)
        .service(set_password::set_password);
}

/// Starts a new session for `user` and answers with its first tokens.
pub(crate) async fn start_session(
    state: &AppState,
    db: &impl ConnectionTrait,
    user: db::users::Model,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let session = db::sessions::create(db, user.id, now).await?;
    let refresh_token = random_token();
    db::sessions::add_refresh_token(db, session.id, token_hash(&refresh_token), now, now + REFRESH_TOKEN_TTL).await?;
    token_response(state, user, session.id, refresh_token, now)
}

pub(crate) fn token_response(
    state: &AppState,
    user: db::users::Model,
    session_id: uuid::Uuid,
    refresh_token: String,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let roles = Roles::from_stored(&user.roles).map_err(ApiError::internal)?;
    let (access_token, expires_in) = state.keys.access_token(user.id, session_id, &roles, now)?;
    Ok(TokenResponse {
        access_token,
        refresh_token,
        token_type: dto::TokenType::Bearer,
        expires_in,
        user: dto::UserView::from_model(user)?,
    })
}
