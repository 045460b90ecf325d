use actix_web::{get, web};
use sea_orm::sea_query::Order;

use super::dto::{ListUsersQuery, UserSort};
use crate::error::{ApiResult, Problem};
use crate::extract::{Admin, ValidQuery};
use crate::routes::auth::dto::UserView;
use crate::routes::page::{self, Page};
use crate::state::AppState;
use db::users::{UserFilter, UserSortField};

/// List accounts (admin).
#[utoipa::path(
    tag = "users",
    params(ListUsersQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of accounts.", body = Page<UserView>),
        (status = 422, description = "`validation_failed`: a query parameter is invalid.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    _admin: Admin,
    query: ValidQuery<ListUsersQuery>,
) -> ApiResult<web::Json<Page<UserView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let sort = query.sort.map(|sort| match sort {
        UserSort::CreatedAt => (UserSortField::CreatedAt, Order::Asc),
        UserSort::CreatedAtDesc => (UserSortField::CreatedAt, Order::Desc),
        UserSort::Email => (UserSortField::Email, Order::Asc),
        UserSort::EmailDesc => (UserSortField::Email, Order::Desc),
        UserSort::DisplayName => (UserSortField::DisplayName, Order::Asc),
        UserSort::DisplayNameDesc => (UserSortField::DisplayName, Order::Desc),
    });
    let filter = UserFilter {
        q: query.q,
        role: query.role,
        active: query.active,
        sort,
        limit: limit.into(),
        offset: offset.into(),
    };
    let (users, total) = db::users::list(&state.db, &filter).await?;
    let items = users.into_iter().map(UserView::from_model).collect::<Result<_, _>>()?;
    Ok(web::Json(Page {
        items,
        total,
        limit,
        offset,
    }))
}
