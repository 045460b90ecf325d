//! One-click unsubscribe (RFC 8058): the link of a message's List-Unsubscribe header. Mail clients POST
//! to it with a form body; a person who clicks the link in the message lands on the SPA, which asks
//! here what the link turns off and POSTs when they confirm. No sign-in: the signed token is the
//! authority, and it can only turn one kind off for one account.

use actix_web::{get, post, web};
use chrono::Utc;

use super::dto::{UnsubscribeQuery, UnsubscribeView};
use crate::error::{ApiError, ApiResult};
use crate::extract::ValidQuery;
use crate::state::AppState;

fn read(state: &AppState, token: &str) -> ApiResult<(uuid::Uuid, domain::notice::NoticeKind)> {
    state
        .keys
        .read_unsubscribe_token(token)
        .filter(|(_, kind)| !kind.essential())
        .ok_or_else(|| {
            ApiError::field(
                "/token",
                "invalid_unsubscribe_token",
                "the unsubscribe link is not valid",
            )
        })
}

/// What an unsubscribe link turns off (changes nothing).
#[utoipa::path(
    tag = "notifications",
    params(UnsubscribeQuery),
    responses(
        (status = 200, description = "The kind of message the link turns off.", body = UnsubscribeView),
        (status = 422, description = "`validation_failed`: the token is not valid (`invalid_unsubscribe_token` at /token)."),
    ),
)]
#[get("/unsubscribe")]
pub async fn check_unsubscribe(
    state: web::Data<AppState>,
    query: ValidQuery<UnsubscribeQuery>,
) -> ApiResult<web::Json<UnsubscribeView>> {
    let ValidQuery(query) = query;
    let (_, kind) = read(&state, &query.token)?;
    Ok(web::Json(UnsubscribeView { kind }))
}

/// Turn off the e-mail an unsubscribe link names, for the account it names. Any body is accepted
/// (mail clients send `List-Unsubscribe=One-Click` as a form); doing it again changes nothing.
#[utoipa::path(
    tag = "notifications",
    params(UnsubscribeQuery),
    responses(
        (status = 200, description = "That kind is no longer mailed to the account.", body = UnsubscribeView),
        (status = 422, description = "`validation_failed`: the token is not valid (`invalid_unsubscribe_token` at /token)."),
    ),
)]
#[post("/unsubscribe")]
pub async fn unsubscribe(
    state: web::Data<AppState>,
    query: ValidQuery<UnsubscribeQuery>,
) -> ApiResult<web::Json<UnsubscribeView>> {
    let ValidQuery(query) = query;
    let (user_id, kind) = read(&state, &query.token)?;
    app::notices::unsubscribe(&state.db, user_id, kind, Utc::now()).await?;
    Ok(web::Json(UnsubscribeView { kind }))
}
