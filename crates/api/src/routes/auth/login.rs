use actix_web::http::header::{HeaderValue, RETRY_AFTER};
use actix_web::{post, web};
use chrono::{DateTime, TimeDelta, Utc};
use domain::account::normalize_email;
use domain::throttle::{FailureRecord, ThrottlePolicy};

use super::dto::{LoginRequest, TokenResponse};
use crate::auth::password;
use crate::auth::password::Busy;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{ClientAddress, ValidJson};
use crate::state::AppState;

/// Sign in with e-mail and password.
///
/// An unknown e-mail and a wrong password get the same answer. Repeated failures for one account or
/// from one client address are refused with 429 for a while.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in.", body = TokenResponse),
        (status = 401, description = "`invalid_credentials`: wrong e-mail or password.",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`account_inactive`: the password is right but the account is deactivated.",
            body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`too_many_attempts`: too many failures; wait as long as Retry-After says.",
            body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        Busy,
    ),
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    client: ClientAddress,
    body: ValidJson<LoginRequest>,
) -> ApiResult<web::Json<TokenResponse>> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let email = normalize_email(&request.email);
    let keys = throttle_keys(&state, &email, client);

    let mut wait = None;
    for (key, _) in &keys {
        if let Some(locked_for) = db::throttle::find(&state.db, key)
            .await?
            .and_then(|r| r.locked_for(now))
        {
            wait = wait.max(Some(locked_for));
        }
    }
    if let Some(wait) = wait {
        return Err(too_many_attempts(wait));
    }

    let user = db::users::find_by_email(&state.db, &email).await?;
    let stored_hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let password_ok = state
        .passwords
        .verify(request.password.clone(), stored_hash.clone())
        .await?;
    let Some(user) = user.filter(|_| password_ok) else {
        record_failure(&state, &keys, now).await?;
        return Err(ApiError::new(
            ErrorCode::InvalidCredentials,
            "The e-mail address or the password is wrong.",
        ));
    };
    if !user.active {
        return Err(ApiError::new(
            ErrorCode::AccountInactive,
            "This account is deactivated.",
        ));
    }

    if let Some(stored) = stored_hash.filter(|stored| !password::is_current(stored)) {
        let upgraded = state.passwords.hash(request.password).await?;
        db::users::replace_password_hash(&state.db, user.id, &stored, upgraded).await?;
    }

    let txn = db::begin_write(&state.db).await?;
    if let Some((account_key, _)) = keys.first() {
        db::throttle::clear(&txn, account_key).await?;
    }
    let tokens = super::start_session(&state, &txn, user, now).await?;
    txn.commit().await?;
    Ok(web::Json(tokens))
}

/// The account's key first, then the client address's, each with its policy.
fn throttle_keys(state: &AppState, email: &str, client: ClientAddress) -> Vec<(String, ThrottlePolicy)> {
    let mut keys = vec![(format!("account:{email}"), state.account_throttle)];
    if let ClientAddress(Some(ip)) = client {
        keys.push((format!("client:{ip}"), state.client_throttle));
    }
    keys
}

async fn record_failure(
    state: &AppState,
    keys: &[(String, ThrottlePolicy)],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let txn = db::begin_write(&state.db).await?;
    for (key, policy) in keys {
        let previous = db::throttle::lock_for_update(&txn, key, now).await?;
        db::throttle::save(&txn, key, FailureRecord::after_failure(Some(previous), now, *policy)).await?;
    }
    txn.commit().await?;
    Ok(())
}

fn too_many_attempts(wait: TimeDelta) -> ApiError {
    // Round up: a client that waits exactly this long finds the lock gone.
    let seconds = (wait.num_milliseconds() + 999) / 1000;
    ApiError::new(
        ErrorCode::TooManyAttempts,
        format!("Too many failed sign-ins; try again in {seconds} seconds."),
    )
    .with_header(RETRY_AFTER, HeaderValue::from(seconds.max(1)))
}
