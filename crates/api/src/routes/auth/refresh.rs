use actix_web::{post, web};
use chrono::Utc;

use super::dto::{RefreshRequest, TokenView};
use crate::auth::tokens::token_hash;
use crate::error::ApiResult;
use crate::extract::{Client, ValidJson};
use crate::state::AppState;

/// Exchange a refresh token for new tokens.
///
/// Each refresh token works once. Presenting it again within 10 seconds answers with the same new
/// refresh token (two tabs refreshing together); later, it ends the whole session.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "New tokens; the presented refresh token is used up.", body = TokenView),
        (status = 401, description = "`invalid_refresh_token`, or `refresh_token_reused` when a used token \
            came back after the grace window and the session was ended."),
        (status = 403, description = "`account_inactive`: the account is deactivated."),
    ),
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    client: Client,
    body: ValidJson<RefreshRequest>,
) -> ApiResult<web::Json<TokenView>> {
    let request = body.into_inner()?;
    let now = Utc::now();
    // The successor is derived from the presented token, so a repeat within the grace window gets the same one.
    let successor = state.keys.refresh_successor(&request.refresh_token)?;
    let presented = token_hash(&request.refresh_token);
    let (user, session) =
        app::accounts::refresh(&state.db, &presented, token_hash(&successor), client.origin(), now).await?;
    super::token_view(&state, user, &session, successor, now).map(web::Json)
}
