use actix_web::http::header::{HeaderValue, RETRY_AFTER};
use actix_web::{post, web};
use app::accounts::{SignInTokens, SignedIn};
use chrono::{TimeDelta, Utc};

use super::dto::{LoginAnswer, LoginRequest, SecondFactorChallenge};
use crate::auth::password;
use crate::auth::password::Busy;
use crate::auth::tokens::{random_token, token_hash};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::extract::{Client, ValidJson};
use crate::state::AppState;

/// Sign in with e-mail and password.
///
/// An unknown e-mail and a wrong password get the same answer. Repeated failures for one account or
/// from one client address are refused with 429 for a while. An account with a second factor gets no
/// tokens yet but a challenge: finish at /api/v1/auth/login/second-factor with a code within 5 minutes.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in (tokens), or waiting for the second factor's code (a challenge).",
            body = LoginAnswer),
        (status = 401, description = "`invalid_credentials`: wrong e-mail or password."),
        (status = 403, description = "`account_inactive`: the password is right but the account is deactivated."),
        (status = 429, description = "`too_many_attempts`: too many failures; wait as long as Retry-After says.",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        Busy,
    ),
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    client: Client,
    body: ValidJson<LoginRequest>,
) -> ApiResult<web::Json<LoginAnswer>> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let attempt = client.signing_in(&request.email, state.throttles);
    if let Some(wait) = app::accounts::sign_in_locked_for(&state.db, &attempt, now).await? {
        return Err(too_many_attempts(wait));
    }
    let account = app::accounts::account_signing_in(&state.db, &attempt).await?;
    let stored_hash = account.as_ref().and_then(|u| u.password_hash.clone());
    // Timing-equalised: an unknown account is checked against a dummy hash.
    let password_ok = state
        .passwords
        .verify(request.password.clone(), stored_hash.clone())
        .await?;
    let user = app::accounts::admit(&state.db, &attempt, account, password_ok, now).await?;
    if let Some(stored) = stored_hash.filter(|stored| !password::is_current(stored)) {
        let upgraded = state.passwords.hash(request.password).await?;
        app::accounts::upgrade_password_hash(&state.db, user.id, &stored, upgraded).await?;
    }
    let (refresh_token, challenge) = (random_token(), random_token());
    let tokens = SignInTokens {
        refresh_token_hash: token_hash(&refresh_token),
        challenge_hash: token_hash(&challenge),
    };
    let answer = match app::accounts::start_sign_in(&state.db, &attempt, &user, tokens, now).await? {
        SignedIn::Session(session) => {
            LoginAnswer::Tokens(super::token_view(&state, user, &session, refresh_token, now)?)
        }
        SignedIn::AwaitingCode { expires_at } => LoginAnswer::Challenge(SecondFactorChallenge {
            challenge,
            expires_in: (expires_at - now).num_seconds(),
        }),
    };
    Ok(web::Json(answer))
}

pub(crate) fn too_many_attempts(wait: TimeDelta) -> ApiError {
    // Round up: a client that waits exactly this long finds the lock gone.
    let seconds = (wait.num_milliseconds() + 999) / 1000;
    ApiError::new(
        ErrorCode::TooManyAttempts,
        format!("Too many failed sign-ins; try again in {seconds} seconds."),
    )
    .with_header(RETRY_AFTER, HeaderValue::from(seconds.max(1)))
}
