use actix_web::{post, web};
use chrono::Utc;

use super::dto::{SecondFactorLoginRequest, TokenView};
use super::login::too_many_attempts;
use crate::auth::tokens::{random_token, token_hash};
use crate::error::ApiResult;
use crate::extract::{Client, ValidJson};
use crate::state::AppState;

/// Finish signing in with the second factor: the code the authenticator shows, or a recovery code.
///
/// A code works once: the same code again, or an older one, is refused. A wrong code counts as a failed
/// sign-in of the account and of the client address, so guessing is locked out (429) as password guessing
/// is. A recovery code is used up.
#[utoipa::path(
    tag = "auth",
    request_body = SecondFactorLoginRequest,
    responses(
        (status = 200, description = "Signed in.", body = TokenView),
        (status = 401, description = "`invalid_code`: the code is wrong or was used already; \
            `invalid_challenge`: the challenge is unknown, used or expired (sign in again)."),
        (status = 403, description = "`account_inactive`: the account was deactivated meanwhile."),
        (status = 429, description = "`too_many_attempts`: too many failures; wait as long as Retry-After says.",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
)]
#[post("/auth/login/second-factor")]
pub async fn login_second_factor(
    state: web::Data<AppState>,
    client: Client,
    body: ValidJson<SecondFactorLoginRequest>,
) -> ApiResult<web::Json<TokenView>> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let challenge = token_hash(&request.challenge);
    let user = app::second_factor::awaiting_code(&state.db, &challenge, now).await?;
    let attempt = client.signing_in(&user.email, state.throttles);
    if let Some(wait) = app::accounts::sign_in_locked_for(&state.db, &attempt, now).await? {
        return Err(too_many_attempts(wait));
    }
    let refresh_token = random_token();
    let (user, session) = app::second_factor::finish_sign_in(
        &state.db,
        &attempt,
        &challenge,
        &request.code,
        token_hash(&refresh_token),
        now,
    )
    .await?;
    super::token_view(&state, user, &session, refresh_token, now).map(web::Json)
}
