use actix_web::{get, web};

use super::dto::{ListPartnershipsQuery, PartnershipView};
use crate::error::ApiResult;
use crate::extract::{ValidQuery, Viewer};
use crate::routes::cities::dto::canonical_country;
use crate::routes::page::{self, Page};
use crate::routes::sort::Sort;
use crate::state::AppState;
use app::Order;
use app::partnerships::{PartnershipFilter, PartnershipSortField};

/// List partnerships with their health.
///
/// Everyone reads them; focal points appear for staff only. `dormant` filters on the derived flag,
/// whatever the recorded state.
#[utoipa::path(
    tag = "partnerships",
    params(ListPartnershipsQuery),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "One page of partnerships.", body = Page<PartnershipView>),
    ),
)]
#[get("/partnerships")]
pub async fn list_partnerships(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: ValidQuery<ListPartnershipsQuery>,
) -> ApiResult<web::Json<Page<PartnershipView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = PartnershipFilter {
        q: query.q,
        country: query.country.as_deref().map(canonical_country),
        kind: query.kind,
        state: query.state,
        dormant: query.dormant,
        sort: query
            .sort
            .map_or((PartnershipSortField::CityName, Order::Asc), Sort::key),
        limit: limit.into(),
        offset: offset.into(),
    };
    let dates = state.health_dates();
    let (partnerships, total) = app::partnerships::list(&state.db, viewer.actor().as_ref(), &filter, dates).await?;
    let items = partnerships
        .into_iter()
        .map(|p| PartnershipView::new(p, state.dormancy, dates.today))
        .collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}
