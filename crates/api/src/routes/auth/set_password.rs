use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::SetPasswordRequest;
use crate::auth::password::Busy;
use crate::auth::tokens::token_hash;
use crate::error::ApiResult;
use crate::extract::ValidJson;
use crate::state::AppState;

/// Set a password with a one-time token.
///
/// How invited accounts get their first password and how a forgotten one is replaced: an admin (or,
/// for jurors, staff) hands over a token that works once and expires. Every session of the account is
/// ended; sign in with the new password. A token also ends when the account's roles or active flag
/// change or its password is set another way, and it never opens an account holding a role it did not
/// hold when the token was issued.
#[utoipa::path(
    tag = "auth",
    request_body = SetPasswordRequest,
    responses(
        (status = 204, description = "The password is set; the token is used up."),
        Busy,
    ),
)]
#[post("/auth/set-password")]
pub async fn set_password(state: web::Data<AppState>, body: ValidJson<SetPasswordRequest>) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let hash_of_token = token_hash(&request.token);
    // Checked before hashing, outside the write transaction: the password must not be built from the
    // account's own address or name, and hashing takes a while. The use case checks the token again.
    let user = app::accounts::password_link_account(&state.db, &hash_of_token, Utc::now()).await?;
    app::accounts::check_new_password("/password", &request.password, &user.email, &user.display_name)?;
    let new_hash = state.passwords.hash(request.password).await?;
    app::accounts::set_password(&state.db, &hash_of_token, new_hash, Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}
