use actix_web::{get, web};

use super::dto::{ListNetworksQuery, NetworkView};
use crate::error::ApiResult;
use crate::extract::ValidQuery;
use crate::routes::page::{self, Page};
use crate::routes::sort::Sort;
use crate::state::AppState;
use app::networks::NetworkFilter;

/// List the city networks, by Persian name unless sorted otherwise.
#[utoipa::path(
    tag = "networks",
    params(ListNetworksQuery),
    responses(
        (status = 200, description = "One page of networks.", body = Page<NetworkView>),
    ),
)]
#[get("/networks")]
pub async fn list_networks(
    state: web::Data<AppState>,
    query: ValidQuery<ListNetworksQuery>,
) -> ApiResult<web::Json<Page<NetworkView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = NetworkFilter {
        q: query.q,
        current: query.current,
        sort: query.sort.map(Sort::key),
        limit: limit.into(),
        offset: offset.into(),
    };
    let (networks, total) = app::networks::list(&state.db, &filter).await?;
    Ok(web::Json(Page::new(
        networks.into_iter().map(NetworkView::from).collect(),
        total,
        (limit, offset),
    )))
}
