//! Your second factor: its state, setting one up (begin, confirm), turning it off, new recovery codes.
//! An enrol-only session (staff or admin without one, where the office requires it) may use these.

use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;

use super::dto::{
    DisableSecondFactorRequest, RecoveryCodesView, SecondFactorCodeRequest, SecondFactorEnrolmentView,
    SecondFactorStatusView, TotpAlgorithm,
};
use crate::auth::password::Busy;
use crate::auth::tokens::{recovery_codes, totp_secret};
use crate::error::ApiResult;
use crate::extract::{Client, Enrolling, ValidJson};
use crate::routes::auth::too_many_attempts;
use crate::state::AppState;

/// Your second factor: whether it is on and how many recovery codes are left.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses((status = 200, description = "The state of your second factor.", body = SecondFactorStatusView)),
)]
#[get("/me/second-factor")]
pub async fn second_factor_status(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
) -> ApiResult<web::Json<SecondFactorStatusView>> {
    let status = app::second_factor::status(&state.db, &caller.actor()).await?;
    Ok(web::Json(SecondFactorStatusView {
        enabled: status.enabled_at.is_some(),
        enabled_at: status.enabled_at,
        recovery_codes_left: status.recovery_codes_left,
        required: state.second_factor_required(&caller.roles),
    }))
}

/// Start setting up a second factor: a new key for your authenticator app.
///
/// Nothing changes at sign-in until you confirm with a code. Starting again replaces the key.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The key to scan or type into an authenticator.", body = SecondFactorEnrolmentView),
        (status = 409, description = "`second_factor_enabled`: one is set up already; turn it off first."),
    ),
)]
#[post("/me/second-factor")]
pub async fn begin_second_factor(state: web::Data<AppState>, Enrolling(caller): Enrolling) -> ApiResult<HttpResponse> {
    let key = app::second_factor::begin_enrolment(&state.db, &caller.actor(), totp_secret()).await?;
    Ok(HttpResponse::Created().json(SecondFactorEnrolmentView {
        secret: key.base32(),
        otpauth_uri: key.otpauth_uri(),
        algorithm: TotpAlgorithm::Sha1,
        digits: domain::second_factor::DIGITS,
        period: domain::second_factor::PERIOD_SECONDS,
    }))
}

/// Confirm the second factor with a code from your authenticator: it is on from now.
///
/// The answer holds your ten recovery codes, shown this once.
#[utoipa::path(
    tag = "me",
    request_body = SecondFactorCodeRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The second factor is on; keep these codes safe.", body = RecoveryCodesView),
        (status = 409, description = "`no_enrolment`: start setting one up first; `second_factor_enabled`: it is on already."),
    ),
)]
#[post("/me/second-factor/confirm")]
pub async fn confirm_second_factor(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
    body: ValidJson<SecondFactorCodeRequest>,
) -> ApiResult<web::Json<RecoveryCodesView>> {
    let request = body.into_inner()?;
    let codes = recovery_codes();
    app::second_factor::confirm_enrolment(&state.db, &caller.actor(), &request.code, &codes, Utc::now()).await?;
    Ok(web::Json(RecoveryCodesView { recovery_codes: codes }))
}

/// Turn your second factor off, with your password and a code (or a recovery code).
///
/// A wrong password or code counts as a failed sign-in of the account: too many lock it out (429).
#[utoipa::path(
    tag = "me",
    request_body = DisableSecondFactorRequest,
    security(("bearer" = [])),
    responses(
        (status = 204, description = "The second factor is off; its recovery codes are void."),
        (status = 409, description = "`second_factor_not_enabled`: there is none."),
        (status = 429, description = "`too_many_attempts`: too many failures; wait as long as Retry-After says.",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        Busy,
    ),
)]
#[post("/me/second-factor/disable")]
pub async fn disable_second_factor(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
    client: Client,
    body: ValidJson<DisableSecondFactorRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let attempt = client.signing_in(&caller.user.email, state.throttles);
    if let Some(wait) = app::accounts::sign_in_locked_for(&state.db, &attempt, now).await? {
        return Err(too_many_attempts(wait));
    }
    let password_ok = state
        .passwords
        .verify(request.password, caller.user.password_hash.clone())
        .await?;
    app::second_factor::disable(&state.db, &caller.actor(), &attempt, password_ok, &request.code, now).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// New recovery codes, after a code from your authenticator (or a recovery code); the old ones are void.
///
/// A wrong code counts as a failed sign-in of the account: too many lock it out (429).
#[utoipa::path(
    tag = "me",
    request_body = SecondFactorCodeRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Your new recovery codes, shown this once.", body = RecoveryCodesView),
        (status = 409, description = "`second_factor_not_enabled`: there is no second factor."),
        (status = 429, description = "`too_many_attempts`: too many failures; wait as long as Retry-After says.",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
)]
#[post("/me/second-factor/recovery-codes")]
pub async fn renew_recovery_codes(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
    client: Client,
    body: ValidJson<SecondFactorCodeRequest>,
) -> ApiResult<web::Json<RecoveryCodesView>> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let attempt = client.signing_in(&caller.user.email, state.throttles);
    if let Some(wait) = app::accounts::sign_in_locked_for(&state.db, &attempt, now).await? {
        return Err(too_many_attempts(wait));
    }
    let codes = recovery_codes();
    app::second_factor::renew_recovery_codes(&state.db, &caller.actor(), &attempt, &request.code, &codes, now).await?;
    Ok(web::Json(RecoveryCodesView { recovery_codes: codes }))
}
