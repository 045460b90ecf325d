use actix_web::{HttpResponse, http::header, post, web};
use chrono::Utc;

use super::dto::{RegisterRequest, TokenView};
use crate::auth::password::Busy;
use crate::auth::tokens::{mailed_link, random_token, token_hash};
use crate::error::ApiResult;
use crate::extract::{Client, ValidJson};
use crate::state::AppState;

/// Create an account and sign in.
///
/// Anyone may register; every account can propose ideas as a citizen. The answer signs the new account
/// in, as a login would.
#[utoipa::path(
    tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "The account exists and is signed in.", body = TokenView,
            headers(("Location" = String, description = "/api/v1/me"))),
        (status = 409, description = "`email_taken`: the e-mail address is registered already."),
        Busy,
    ),
)]
#[post("/auth/register")]
pub async fn register(
    state: web::Data<AppState>,
    client: Client,
    body: ValidJson<RegisterRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let registration = app::accounts::Registration {
        email: request.email,
        display_name: request.display_name,
        locale: request.locale,
    };
    let account = app::accounts::prepare_registration(registration, &request.password)?;
    let password_hash = state.passwords.hash(request.password).await?;
    let refresh_token = random_token();
    let (user, session) = app::accounts::register(
        &state.db,
        account,
        password_hash,
        token_hash(&refresh_token),
        state.require_email_verification.then(mailed_link),
        client.origin(),
        now,
    )
    .await?;
    let tokens = super::token_view(&state, user, &session, refresh_token, now)?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, "/api/v1/me"))
        .json(tokens))
}
