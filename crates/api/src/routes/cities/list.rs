use actix_web::{get, web};

use super::dto::{CityView, ListCitiesQuery, canonical_country};
use crate::error::ApiResult;
use crate::extract::ValidQuery;
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// List cities abroad, by Persian name.
#[utoipa::path(
    tag = "cities",
    params(ListCitiesQuery),
    responses((status = 200, description = "One page of cities.", body = Page<CityView>)),
)]
#[get("/cities")]
pub async fn list_cities(
    state: web::Data<AppState>,
    query: ValidQuery<ListCitiesQuery>,
) -> ApiResult<web::Json<Page<CityView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = app::cities::CityFilter {
        q: query.q,
        country: query.country.as_deref().map(canonical_country),
        verified: query.verified,
        limit: limit.into(),
        offset: offset.into(),
    };
    let (cities, total) = app::cities::list(&state.db, &filter).await?;
    Ok(web::Json(Page::new(
        cities.into_iter().map(CityView::from).collect(),
        total,
        (limit, offset),
    )))
}
