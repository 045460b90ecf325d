use std::collections::BTreeMap;

use actix_web::{get, web};
use chrono::Utc;
use domain::activity::ActivityKind;
use domain::idea::IdeaState;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::dto::CityView;
use crate::error::ApiResult;
use crate::extract::Viewer;
use crate::routes::activities::dto::ActivityView;
use crate::routes::ideas::dto::IdeaView;
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
    let overview = app::cities::overview(db, actor.as_ref(), id.into_inner(), RECENT, dates, Utc::now()).await?;
    let city = overview.city;
    let partnership = overview
        .partnership
        .map(|p| PartnershipView::new(p, state.dormancy, dates.today));
    let activities = overview.activities.into_iter().map(ActivityView::from).collect();
    let activities_by_kind = overview.activities_by_kind;

    let ideas = overview.ideas.into_iter().map(IdeaView::of).collect();
    let ideas_by_state = overview.ideas_by_state;
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
