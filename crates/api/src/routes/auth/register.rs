use actix_web::{HttpResponse, http::header, post, web};
use chrono::Utc;
use domain::account::{default_display_name, normalize_display_name, normalize_email};
use domain::roles::Roles;

use super::dto::{RegisterRequest, TokenResponse};
use crate::auth::password::Busy;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::ValidJson;
use crate::routes::rules;
use crate::state::AppState;

/// Create an account and sign in.
///
/// Anyone may register; every account can propose ideas as a citizen. The answer signs the new account
/// in, as a login would.
#[utoipa::path(
    tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "The account exists and is signed in.", body = TokenResponse,
            headers(("Location" = String, description = "/api/v1/me"))),
        (status = 409, description = "`email_taken`: the e-mail address is registered already.",
            body = Problem, content_type = "application/problem+json"),
        Busy,
    ),
)]
#[post("/auth/register")]
pub async fn register(state: web::Data<AppState>, body: ValidJson<RegisterRequest>) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let email = normalize_email(&request.email);
    let display_name = match request.display_name.as_deref() {
        Some(name) => {
            normalize_display_name(name).map_err(|e| ApiError::field("/displayName", "invalid", e.to_string()))?
        }
        None => default_display_name(&email),
    };
    rules::new_password("/password", &request.password, &email, &display_name)?;
    let password_hash = state.passwords.hash(request.password).await?;
    let new_user = db::users::NewUser {
        email,
        display_name,
        password_hash: Some(password_hash),
        roles: Roles::default(),
        locale: request.locale.unwrap_or_default().as_str().to_owned(),
    };

    let txn = db::begin_write(&state.db).await?;
    let user = db::users::insert(&txn, new_user, now).await.map_err(|err| {
        if db::is_unique_violation(&err) {
            ApiError::new(
                ErrorCode::EmailTaken,
                "An account with this e-mail address exists already.",
            )
        } else {
            err.into()
        }
    })?;
    let tokens = super::start_session(&state, &txn, user, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, "/api/v1/me"))
        .json(tokens))
}
