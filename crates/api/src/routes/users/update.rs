use actix_web::{patch, web};
use chrono::Utc;
use domain::roles::{Role, Roles};
use uuid::Uuid;

use super::dto::UpdateUserRequest;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{Admin, ValidJson};
use crate::routes::auth::dto::UserView;
use crate::state::AppState;

/// Change an account's roles or active flag (admin).
///
/// Takes effect at once: the account's next request is checked against the new roles. Deactivating
/// ends its sessions. An admin cannot remove their own admin role or deactivate themselves, so the
/// system never loses its last way in by accident.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "The account's id")),
    request_body = UpdateUserRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account as changed.", body = UserView),
        (status = 404, description = "`not_found`: no such account.",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`self_lockout`: an admin demoting or deactivating themselves.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateUserRequest>,
) -> ApiResult<web::Json<UserView>> {
    let request = body.into_inner()?;
    let id = id.into_inner();
    let roles = request.roles.map(Roles::new);
    let demotes_self = roles.as_ref().is_some_and(|r| !r.has(Role::Admin));
    let deactivates_self = request.active == Some(false);
    if id == admin.user.id && (demotes_self || deactivates_self) {
        return Err(ApiError::new(
            ErrorCode::SelfLockout,
            "You cannot remove your own admin role or deactivate yourself; ask another admin.",
        ));
    }
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let user = db::users::find_by_id(&txn, id).await?.ok_or_else(ApiError::not_found)?;
    let user = db::users::update_access(
        &txn,
        user,
        db::users::AccessChange {
            roles,
            active: request.active,
        },
        now,
    )
    .await?;
    if !user.active {
        db::sessions::revoke_all_for_user(&txn, user.id, None, now).await?;
    }
    txn.commit().await?;
    UserView::from_model(user).map(web::Json)
}
