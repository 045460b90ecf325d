use actix_web::{patch, web};
use chrono::Utc;
use domain::roles::Roles;
use uuid::Uuid;

use super::dto::UpdateUserRequest;
use crate::error::ApiResult;
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
        (status = 409, description = "`self_lockout`: an admin demoting or deactivating themselves."),
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
    let change = app::accounts::AccessChange {
        roles: request.roles.map(Roles::new),
        active: request.active,
    };
    let user = app::accounts::change_access(&state.db, &admin.actor(), id.into_inner(), change, Utc::now()).await?;
    Ok(web::Json(UserView::from(user)))
}
