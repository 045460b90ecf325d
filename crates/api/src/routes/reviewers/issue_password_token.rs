use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::Staff;
use crate::routes::users::dto::PasswordTokenView;
use crate::state::AppState;

/// Issue a one-time set-password token for a reviewer (staff).
///
/// For a reviewer who lost the first token or forgot their password: hand the token over, and they
/// set a new password at POST /api/v1/auth/set-password. Only for accounts that are reviewers and
/// nothing more: the password of a staff or admin account is an admin's to reset
/// (POST /api/v1/users/{id}/password-token), or staff could take such an account over.
#[utoipa::path(
    tag = "reviewers",
    params(("id" = Uuid, Path, description = "The reviewer's account id")),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The token, shown this once.", body = PasswordTokenView),
        (status = 403, description = "`forbidden`: the account holds the staff or admin role.",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: the account is not a reviewer.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/reviewers/{id}/password-token")]
pub async fn issue_reviewer_password_token(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let user = db::users::find_by_id(&txn, id).await?.ok_or_else(ApiError::not_found)?;
    let roles = user.roles.0.clone();
    if !roles.is_reviewer() || db::reviewers::find(&txn, id).await?.is_none() {
        return Err(ApiError::not_found());
    }
    if roles.is_staff() {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "This reviewer also holds the staff or admin role: only an admin may issue a password token \
             for such an account, at POST /api/v1/users/{id}/password-token.",
        ));
    }
    let token = crate::routes::users::issue_password_token(&txn, &user, staff.user.id, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(token))
}
