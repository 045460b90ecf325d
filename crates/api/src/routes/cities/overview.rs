use std::collections::BTreeMap;

use actix_web::{get, web};
use domain::activity::ActivityKind;
use domain::idea::IdeaState;
use sea_orm::sea_query::Order;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::dto::CityView;
use crate::error::{ApiError, ApiResult};
use crate::extract::Viewer;
use crate::routes::activities::dto::ActivityView;
use crate::routes::ideas::dto::{Detail, IdeaView};
use crate::routes::partnerships::dto::PartnershipView;
use crate::state::AppState;

/// How many of the most recent activities and ideas the overview carries; the full lists are at
/// /cities/{id}/activities and /ideas?targetCityId=….
const RECENT: u64 = 50;

/// The figures of a city's dashboard.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CityCountsView {
    pub activities: i64,
    pub activities_by_kind: BTreeMap<ActivityKind, i64>,
    /// The ideas you may see that target the city.
    pub ideas: i64,
    /// The same, by state: the public sees selected ideas only; staff see every state.
    pub ideas_by_state: BTreeMap<IdeaState, i64>,
}

/// Everything about one city abroad.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CityOverviewView {
    pub city: CityView,
    /// Its partnership with its health and history, if there is one.
    pub partnership: Option<PartnershipView>,
    /// The 50 most recent activities with the city.
    pub activities: Vec<ActivityView>,
    /// The 50 most recent ideas you may see that target it: for the public, the selected ones once
    /// published; for staff, all of them with their states.
    pub ideas: Vec<IdeaView>,
    pub counts: CityCountsView,
}

/// A city's overview: its partnership, its activities, the ideas that target it, and the counts
/// for a dashboard.
#[utoipa::path(
    tag = "cities",
    params(("id" = Uuid, Path, description = "The city's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The city's overview.", body = CityOverviewView)),
)]
#[get("/cities/{id}/overview")]
pub async fn city_overview(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<CityOverviewView>> {
    let db = &state.db;
    let actor = viewer.actor();
    let dates = state.health_dates();
    let overview = app::cities::overview(db, actor.as_ref(), id.into_inner(), RECENT, dates).await?;
    let city = overview.city;
    let staff = viewer.is_staff();
    let partnership = overview
        .partnership
        .map(|p| PartnershipView::new(p, state.dormancy, dates.today));
    let activities = overview.activities.into_iter().map(ActivityView::from).collect();
    let activities_by_kind = overview.activities_by_kind;

    // The ideas part is the ideas resource's: the lead ports it with the ideas' use cases.
    let audience = crate::routes::ideas::audience(&viewer);
    let idea_filter = db::ideas::IdeaFilter {
        audience,
        mine_of: None,
        call_id: None,
        state: None,
        domain: None,
        target_city_id: Some(city.id),
        target_country: None,
        submitter_category: None,
        submitted_from: None,
        submitted_to: None,
        q: None,
        sort: (db::ideas::IdeaSortField::SubmittedAt, Order::Desc),
        limit: RECENT,
        offset: 0,
    };
    let (idea_rows, _) = db::ideas::list(db, &idea_filter).await?;
    let caller = viewer.user_id();
    let ideas = idea_rows
        .into_iter()
        .map(|row| {
            let detail = Detail::for_viewer(staff, caller, &row.idea);
            IdeaView::new(row, detail)
        })
        .collect::<ApiResult<Vec<_>>>()?;
    let ideas_by_state = db::ideas::count_by_state(db, audience, city.id)
        .await?
        .into_iter()
        .map(|(state, n)| Ok((state.parse().map_err(ApiError::internal)?, n)))
        .collect::<ApiResult<BTreeMap<IdeaState, i64>>>()?;

    let counts = CityCountsView {
        activities: activities_by_kind.values().sum(),
        activities_by_kind,
        ideas: ideas_by_state.values().sum(),
        ideas_by_state,
    };
    Ok(web::Json(CityOverviewView {
        city: city.into(),
        partnership,
        activities,
        ideas,
        counts,
    }))
}
