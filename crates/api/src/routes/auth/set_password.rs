use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::roles::Roles;
use sea_orm::ConnectionTrait;

use super::dto::SetPasswordRequest;
use crate::auth::password::Busy;
use crate::auth::tokens::token_hash;
use crate::error::{ApiError, ApiResult};
use crate::extract::ValidJson;
use crate::routes::rules;
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
    // account's own address or name, and hashing takes a while.
    let user = usable_token(&state.db, &hash_of_token).await?.1;
    rules::new_password("/password", &request.password, &user.email, &user.display_name)?;
    let new_hash = state.passwords.hash(request.password).await?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    // Again inside the transaction: the token may have been used or ended meanwhile.
    let (_, user) = usable_token(&txn, &hash_of_token).await?;
    db::users::set_password_hash(&txn, user.id, new_hash, now).await?;
    db::sessions::revoke_all_for_user(&txn, user.id, None, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The token and its account, when the token may still set that account's password: unused, not
/// expired, the account active and holding no role it did not hold when the token was issued. A
/// token from before roles were recorded never opens a staff or admin account.
async fn usable_token(
    db: &impl ConnectionTrait,
    hash_of_token: &str,
) -> ApiResult<(db::password_tokens::PasswordToken, db::users::Model)> {
    let unusable = || {
        ApiError::field(
            "/token",
            "invalid_password_token",
            "the token is unknown, used or expired",
        )
    };
    let now = Utc::now();
    let token = db::password_tokens::find_by_hash(db, hash_of_token)
        .await?
        .filter(|t| t.used_at.is_none() && t.expires_at > now)
        .ok_or_else(unusable)?;
    let user = db::users::find_by_id(db, token.user_id).await?.ok_or_else(unusable)?;
    let held = Roles::from_stored(&user.roles).map_err(ApiError::internal)?;
    let within_granted = match token.granted_roles.as_deref() {
        Some(granted) => held.within(&Roles::from_stored(granted).map_err(ApiError::internal)?),
        None => !held.is_staff(),
    };
    if !user.active || !within_granted {
        return Err(unusable());
    }
    Ok((token, user))
}
