use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::ChangePasswordRequest;
use crate::auth::password::Busy;
use crate::error::ApiResult;
use crate::extract::{SignedIn, ValidJson};
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
    app::accounts::check_password_change(&caller.user, current_ok, &request.new_password)?;
    let new_hash = state.passwords.hash(request.new_password).await?;
    app::accounts::change_password(&state.db, &caller.actor(), caller.session_id, new_hash, Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}
