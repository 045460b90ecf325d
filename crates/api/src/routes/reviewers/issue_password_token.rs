use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use uuid::Uuid;

use crate::auth::tokens::mailed_link;
use crate::error::ApiResult;
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
        (status = 403, description = "`forbidden`: the account holds the staff or admin role."),
        (status = 404, description = "`not_found`: the account is not a reviewer."),
    ),
)]
#[post("/reviewers/{id}/password-token")]
pub async fn issue_reviewer_password_token(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let link = mailed_link();
    let issued =
        app::reviewers::issue_password_link(&state.db, &staff.actor(), id.into_inner(), link.clone(), Utc::now())
            .await?;
    let view = PasswordTokenView::new(issued.user_id, issued.expires_at, link, state.mail_delivers);
    Ok(HttpResponse::Created().json(view))
}
