use actix_web::{get, web};

use super::dto::{CityView, ListCitiesQuery, canonical_country};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidQuery;
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// List cities abroad, by Persian name.
#[utoipa::path(
    tag = "cities",
    params(ListCitiesQuery),
    responses(
        (status = 200, description = "One page of cities.", body = Page<CityView>),
        (status = 422, description = "`validation_failed`: a query parameter is invalid.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/cities")]
pub async fn list_cities(
    state: web::Data<AppState>,
    query: ValidQuery<ListCitiesQuery>,
) -> ApiResult<web::Json<Page<CityView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = db::cities::CityFilter {
        q: query.q,
        country: query.country.as_deref().map(canonical_country),
        verified: query.verified,
        limit: limit.into(),
        offset: offset.into(),
    };
    let (cities, total) = db::cities::list(&state.db, &filter).await?;
    Ok(web::Json(Page {
        items: cities.into_iter().map(CityView::from).collect(),
        total,
        limit,
        offset,
    }))
}
