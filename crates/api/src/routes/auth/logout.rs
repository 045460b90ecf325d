use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::RefreshRequest;
use super::refresh::invalid_refresh_token;
use crate::auth::tokens::token_hash;
use crate::error::{ApiResult, Problem};
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
        (status = 401, description = "`invalid_refresh_token`: the token is unknown.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/logout")]
pub async fn logout(state: web::Data<AppState>, body: ValidJson<RefreshRequest>) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let txn = db::begin_write(&state.db).await?;
    let (_, session) = db::sessions::find_refresh_token(&txn, &token_hash(&request.refresh_token))
        .await?
        .ok_or_else(invalid_refresh_token)?;
    db::sessions::revoke(&txn, session.id, Utc::now()).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
