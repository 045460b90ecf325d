use actix_web::{get, web};
use app::accounts::UserFilter;

use super::dto::ListUsersQuery;
use crate::error::ApiResult;
use crate::extract::{Admin, ValidQuery};
use crate::routes::auth::dto::UserView;
use crate::routes::page::{self, Page};
use crate::routes::sort::Sort;
use crate::state::AppState;

/// List accounts (admin).
#[utoipa::path(
    tag = "users",
    params(ListUsersQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of accounts.", body = Page<UserView>),
    ),
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    query: ValidQuery<ListUsersQuery>,
) -> ApiResult<web::Json<Page<UserView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = UserFilter {
        q: query.q,
        role: query.role,
        active: query.active,
        sort: query.sort.map(Sort::key),
        limit: limit.into(),
        offset: offset.into(),
    };
    let (users, total) = app::accounts::list(&state.db, &admin.actor(), &filter).await?;
    Ok(web::Json(Page::new(
        users.into_iter().map(UserView::from).collect(),
        total,
        (limit, offset),
    )))
}
