use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::{PasswordResetRequest, VerifyEmailRequest};
use crate::auth::tokens::{mailed_link, token_hash};
use crate::error::ApiResult;
use crate::extract::{Client, ValidJson};
use crate::state::AppState;

/// Forgot your password? Ask for a link that sets a new one.
///
/// The answer is the same whether or not an account has the address: if an active one has it, a link
/// that works for one hour is mailed there. Setting the password with it ends every session of the
/// account. Three asks per address and twenty per client within an hour; then 429 for an hour.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetRequest,
    responses(
        (status = 202, description = "If an active account has this address, a link is on its way."),
        (status = 429, description = "`too_many_attempts`: asked too often; wait as long as Retry-After says.",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
)]
#[post("/auth/password-reset")]
pub async fn request_password_reset(
    state: web::Data<AppState>,
    client: Client,
    body: ValidJson<PasswordResetRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let reset = app::accounts::PasswordResetRequest {
        email: request.email,
        address: client.address,
    };
    app::accounts::request_password_reset(&state.db, reset, mailed_link(), Utc::now()).await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Confirm your e-mail address with the token of the link mailed to it.
#[utoipa::path(
    tag = "auth",
    request_body = VerifyEmailRequest,
    responses(
        (status = 204, description = "The address is confirmed; the account may submit ideas."),
        (status = 422, description = "`validation_failed`: the token is unknown, used or expired (`invalid_verification_token` at /token)."),
    ),
)]
#[post("/auth/verify-email")]
pub async fn verify_email(state: web::Data<AppState>, body: ValidJson<VerifyEmailRequest>) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    app::accounts::verify_email(&state.db, &token_hash(&request.token), Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}
