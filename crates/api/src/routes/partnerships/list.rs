use actix_web::{get, web};
use sea_orm::sea_query::Order;

use super::dto::{ListPartnershipsQuery, PartnershipSort, PartnershipView};
use crate::error::{ApiResult, Problem};
use crate::extract::{ValidQuery, Viewer};
use crate::routes::cities::dto::canonical_country;
use crate::routes::page::{self, Page};
use crate::state::AppState;
use db::partnerships::{PartnershipFilter, PartnershipSortField as Field};

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
        (status = 422, description = "`validation_failed`: a query parameter is invalid.",
            body = Problem, content_type = "application/problem+json"),
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
    let sort = match query.sort.unwrap_or(PartnershipSort::CityName) {
        PartnershipSort::CityName => (Field::CityName, Order::Asc),
        PartnershipSort::CityNameDesc => (Field::CityName, Order::Desc),
        PartnershipSort::SignedOn => (Field::SignedOn, Order::Asc),
        PartnershipSort::SignedOnDesc => (Field::SignedOn, Order::Desc),
        PartnershipSort::LastActivityOn => (Field::LastActivityOn, Order::Asc),
        PartnershipSort::LastActivityOnDesc => (Field::LastActivityOn, Order::Desc),
        PartnershipSort::RecentActivities => (Field::RecentActivities, Order::Asc),
        PartnershipSort::RecentActivitiesDesc => (Field::RecentActivities, Order::Desc),
        PartnershipSort::NextReviewOn => (Field::NextReviewOn, Order::Asc),
        PartnershipSort::NextReviewOnDesc => (Field::NextReviewOn, Order::Desc),
    };
    let filter = PartnershipFilter {
        q: query.q,
        country: query.country.as_deref().map(canonical_country),
        kind: query.kind,
        state: query.state,
        dormant: query.dormant,
        sort,
        limit: limit.into(),
        offset: offset.into(),
    };
    let dates = state.health_dates();
    let (rows, total) = db::partnerships::list(&state.db, &filter, dates).await?;
    let staff = viewer.is_staff();
    let items = rows
        .into_iter()
        .map(|row| PartnershipView::new(row, staff, state.dormancy, dates.today))
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(web::Json(Page {
        items,
        total,
        limit,
        offset,
    }))
}
