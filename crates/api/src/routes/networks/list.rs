use actix_web::{get, web};
use sea_orm::sea_query::Order;

use super::dto::{ListNetworksQuery, NetworkSort, NetworkView};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidQuery;
use crate::routes::page::{self, Page};
use crate::state::AppState;
use db::networks::{NetworkFilter, NetworkSortField};

/// List the city networks, by Persian name unless sorted otherwise.
#[utoipa::path(
    tag = "networks",
    params(ListNetworksQuery),
    responses(
        (status = 200, description = "One page of networks.", body = Page<NetworkView>),
        (status = 422, description = "`validation_failed`: a query parameter is invalid.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/networks")]
pub async fn list_networks(
    state: web::Data<AppState>,
    query: ValidQuery<ListNetworksQuery>,
) -> ApiResult<web::Json<Page<NetworkView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let sort = query.sort.map(|sort| match sort {
        NetworkSort::Name => (NetworkSortField::Name, Order::Asc),
        NetworkSort::NameDesc => (NetworkSortField::Name, Order::Desc),
        NetworkSort::JoinedOn => (NetworkSortField::JoinedOn, Order::Asc),
        NetworkSort::JoinedOnDesc => (NetworkSortField::JoinedOn, Order::Desc),
    });
    let filter = NetworkFilter {
        q: query.q,
        current: query.current,
        sort,
        limit: limit.into(),
        offset: offset.into(),
    };
    let (networks, total) = db::networks::list(&state.db, &filter).await?;
    Ok(web::Json(Page {
        items: networks.into_iter().map(NetworkView::from).collect(),
        total,
        limit,
        offset,
    }))
}
