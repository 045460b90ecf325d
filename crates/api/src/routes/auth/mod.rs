//! Registration, sign-in, token refresh, sign-out and passwords.

mod change_password;
pub mod dto;
mod login;
mod login_second_factor;
mod logout;
mod password_reset;
mod refresh;
mod register;
mod set_password;

use chrono::{DateTime, Utc};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;
use crate::state::AppState;
use dto::TokenView;
pub(crate) use login::too_many_attempts;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(register::register)
        .service(login::login)
        .service(login_second_factor::login_second_factor)
        .service(refresh::refresh)
        .service(logout::logout)
        .service(change_password::change_password)
        .service(set_password::set_password)
        .service(password_reset::request_password_reset)
        .service(password_reset::verify_email);
}

/// The answer of a sign-in: a signed access token for the session, and its refresh token.
pub(crate) fn token_view(
    state: &AppState,
    user: app::accounts::User,
    session: &app::accounts::Session,
    refresh_token: String,
    now: DateTime<Utc>,
) -> Result<TokenView, ApiError> {
    let (access_token, expires_in) = state.keys.access_token(user.id, session.id, &user.roles, now)?;
    Ok(TokenView {
        access_token,
        refresh_token,
        token_type: dto::TokenType::Bearer,
        expires_in,
        enrol_only: state.must_enrol(&user),
        user: dto::UserView::from(user),
    })
}
