use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::RefreshRequest;
use crate::auth::tokens::token_hash;
use crate::error::ApiResult;
use crate::extract::ValidJson;
use crate::state::AppState;

/// Sign out: end the session the refresh token belongs to.
///
/// Its refresh tokens and access tokens stop working at once.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "The session is ended."),
        (status = 401, description = "`invalid_refresh_token`: the token is unknown."),
    ),
)]
#[post("/auth/logout")]
pub async fn logout(state: web::Data<AppState>, body: ValidJson<RefreshRequest>) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    app::accounts::sign_out(&state.db, &token_hash(&request.refresh_token), Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}
