use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::SetPasswordRequest;
use crate::auth::password;
use crate::auth::tokens::token_hash;
use crate::error::{ApiError, ApiResult};
use crate::extract::ValidJson;
use crate::state::AppState;

/// Set a password with a one-time token.
///
/// How invited accounts get their first password and how a forgotten one is replaced: an admin (or,
/// for jurors, staff) hands over a token that works once and expires. Every session of the account is
/// ended; sign in with the new password.
#[utoipa::path(
    tag = "auth",
    request_body = SetPasswordRequest,
    responses(
        (status = 204, description = "The password is set; the token is used up."),
    ),
)]
#[post("/auth/set-password")]
pub async fn set_password(state: web::Data<AppState>, body: ValidJson<SetPasswordRequest>) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let new_hash = password::hash(request.password).await?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let token = db::password_tokens::find_by_hash(&txn, &token_hash(&request.token))
        .await?
        .filter(|t| t.used_at.is_none() && t.expires_at > now)
        .ok_or_else(|| {
            ApiError::field(
                "/token",
                "invalid_password_token",
                "the token is unknown, used or expired",
            )
        })?;
    db::users::set_password_hash(&txn, token.user_id, new_hash, now).await?;
    db::password_tokens::use_all_for_user(&txn, token.user_id, now).await?;
    db::sessions::revoke_all_for_user(&txn, token.user_id, None, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
