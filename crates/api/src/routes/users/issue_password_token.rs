use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::PasswordTokenView;
use crate::error::{ApiError, ApiResult, Problem};
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
        (status = 404, description = "`not_found`: no such account.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/users/{id}/password-token")]
pub async fn issue_password_token(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let user = db::users::find_by_id(&txn, id).await?.ok_or_else(ApiError::not_found)?;
    let token = super::issue_password_token(&txn, &user, admin.user.id, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(token))
}
