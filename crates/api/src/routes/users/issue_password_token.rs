use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::PasswordTokenView;
use crate::auth::tokens::mailed_link;
use crate::error::ApiResult;
use crate::extract::Admin;
use crate::state::AppState;

/// Issue a one-time set-password token for an account (admin).
///
/// For a forgotten password, until e-mail delivery exists: hand the token to the account's owner, who
/// sets a new password at POST /api/v1/auth/set-password within 7 days.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "The account's id")),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The token, shown this once.", body = PasswordTokenView),
    ),
)]
#[post("/users/{id}/password-token")]
pub async fn issue_password_token(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let link = mailed_link();
    let issued =
        app::accounts::issue_password_link(&state.db, &admin.actor(), id.into_inner(), link.clone(), Utc::now())
            .await?;
    let view = PasswordTokenView::new(issued.user_id, issued.expires_at, link, state.mail_delivers);
    Ok(HttpResponse::Created().json(view))
}
