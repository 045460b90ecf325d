//! An admin's hand on an account's security: resetting its second factor (a lost phone), reading and
//! ending its sessions (a stolen laptop). Each is recorded in the audit trail.

use actix_web::{HttpResponse, delete, get, web};
use chrono::Utc;
use uuid::Uuid;

use crate::error::ApiResult;
use crate::extract::{Admin, ValidQuery};
use crate::routes::me::dto::SessionView;
use crate::routes::page::PageQuery;
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// Reset an account's second factor (admin): its owner signs in with the password alone and sets up a new
/// one. Every session of the account ends.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "The account's id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "The second factor and its recovery codes are removed; the account's sessions ended."),
        (status = 409, description = "`second_factor_not_enabled`: the account has none."),
    ),
)]
#[delete("/users/{id}/second-factor")]
pub async fn reset_second_factor(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    app::second_factor::reset(&state.db, &admin.actor(), id.into_inner(), Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// An account's live sessions (admin), the latest first.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "The account's id"), PageQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of the account's sessions.", body = Page<SessionView>)),
)]
#[get("/users/{id}/sessions")]
pub async fn list_user_sessions(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
    query: ValidQuery<PageQuery>,
) -> ApiResult<web::Json<Page<SessionView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let page_of = (limit.into(), offset.into());
    let (sessions, total) =
        app::sessions::list_of(&state.db, &admin.actor(), id.into_inner(), page_of, Utc::now()).await?;
    let items = sessions.into_iter().map(|s| SessionView::of(s, None)).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}

/// End every session of an account (admin): its tokens stop working at once.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "The account's id")),
    security(("bearer" = [])),
    responses((status = 204, description = "The account's sessions are ended.")),
)]
#[delete("/users/{id}/sessions")]
pub async fn end_user_sessions(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    app::sessions::end_all_of(&state.db, &admin.actor(), id.into_inner(), Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}
