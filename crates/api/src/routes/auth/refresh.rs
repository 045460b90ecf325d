use actix_web::{post, web};
use chrono::Utc;
use domain::session::{REFRESH_TOKEN_TTL, RefreshDecision, RefreshTokenState, decide_refresh};

use super::dto::{RefreshRequest, TokenResponse};
use crate::auth::tokens::token_hash;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;

pub(super) fn invalid_refresh_token() -> ApiError {
    ApiError::new(
        ErrorCode::InvalidRefreshToken,
        "The refresh token is unknown, expired or revoked; sign in again.",
    )
}

/// Exchange a refresh token for new tokens.
///
/// Each refresh token works once. Presenting it again within 10 seconds answers with the same new
/// refresh token (two tabs refreshing together); later, it ends the whole session.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "New tokens; the presented refresh token is used up.", body = TokenResponse),
        (status = 401, description = "`invalid_refresh_token`, or `refresh_token_reused` when a used token \
            came back after the grace window and the session was ended.",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`account_inactive`: the account is deactivated.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    body: ValidJson<RefreshRequest>,
) -> ApiResult<web::Json<TokenResponse>> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let (token, session) = db::sessions::find_refresh_token(&txn, &token_hash(&request.refresh_token))
        .await?
        .ok_or_else(invalid_refresh_token)?;
    let user = db::users::find_by_id(&txn, session.user_id)
        .await?
        .ok_or_else(invalid_refresh_token)?;

    let decision = decide_refresh(
        RefreshTokenState {
            expires_at: token.expires_at,
            used_at: token.used_at,
            session_revoked: session.revoked_at.is_some(),
        },
        now,
    );
    let successor = state.keys.refresh_successor(&request.refresh_token)?;
    match decision {
        RefreshDecision::Refuse => return Err(invalid_refresh_token()),
        RefreshDecision::RevokeSession => {
            db::sessions::revoke(&txn, session.id, now).await?;
            txn.commit().await?;
            tracing::warn!(session = %session.id, user = %user.id, "a used refresh token came back; session revoked");
            return Err(ApiError::new(
                ErrorCode::RefreshTokenReused,
                "This refresh token was used before, so the session has been ended; sign in again.",
            ));
        }
        _ if !user.active => {
            return Err(ApiError::new(
                ErrorCode::AccountInactive,
                "This account is deactivated.",
            ));
        }
        RefreshDecision::Rotate => {
            db::sessions::mark_used(&txn, token.id, now).await?;
            db::sessions::add_refresh_token(&txn, session.id, token_hash(&successor), now, now + REFRESH_TOKEN_TTL)
                .await?;
        }
        RefreshDecision::ReturnSameSuccessor => {}
    }
    txn.commit().await?;
    super::token_response(&state, user, session.id, successor, now).map(web::Json)
}
