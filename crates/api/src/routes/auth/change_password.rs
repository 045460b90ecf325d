use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::ChangePasswordRequest;
use crate::auth::password::Busy;
use crate::error::{ApiError, ApiResult};
use crate::extract::{SignedIn, ValidJson};
use crate::routes::rules;
use crate::state::AppState;

/// Change your password.
///
/// Needs the current password. Every other session of the account is ended; this one stays signed in.
#[utoipa::path(
    tag = "auth",
    request_body = ChangePasswordRequest,
    security(("bearer" = [])),
    responses(
        (status = 204, description = "The password is changed."),
        Busy,
    ),
)]
#[post("/auth/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: ValidJson<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let current_ok = state
        .passwords
        .verify(request.current_password, caller.user.password_hash.clone())
        .await?;
    if !current_ok {
        return Err(ApiError::field(
            "/currentPassword",
            "wrong_password",
            "the current password is wrong",
        ));
    }
    rules::new_password(
        "/newPassword",
        &request.new_password,
        &caller.user.email,
        &caller.user.display_name,
    )?;
    let new_hash = state.passwords.hash(request.new_password).await?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    db::users::set_password_hash(&txn, caller.user.id, new_hash, now).await?;
    db::sessions::revoke_all_for_user(&txn, caller.user.id, Some(caller.session_id), now).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
