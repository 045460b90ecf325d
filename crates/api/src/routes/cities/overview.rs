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
use crate::routes::partnerships::with_history;
use crate::state::AppState;

/// How many of the most recent activities and ideas the overview carries; the full lists are at
/// /cities/{id}/activities and /ideas?targetCityId=….
const RECENT: u64 = 50;

/// The figures of a city's dashboard.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CityCounts {
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
pub struct CityOverview {
    pub city: CityView,
    /// Its partnership with its health and history, if there is one.
    pub partnership: Option<PartnershipView>,
    /// The 50 most recent activities with the city.
    pub activities: Vec<ActivityView>,
    /// The 50 most recent ideas you may see that target it: for the public, the selected ones once
    /// published; for staff, all of them with their states.
    pub ideas: Vec<IdeaView>,
    pub counts: CityCounts,
}

/// A city's overview: its partnership, its activities, the ideas that target it, and the counts
/// for a dashboard.
#[utoipa::path(
    tag = "cities",
    params(("id" = Uuid, Path, description = "The city's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The city's overview.", body = CityOverview)),
)]
#[get("/cities/{id}/overview")]
pub async fn city_overview(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<CityOverview>> {
    let db = &state.db;
    let city = db::cities::find_by_id(db, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let staff = viewer.is_staff();
    let dates = state.health_dates();
    let partnership = match db::partnerships::find_row_of_city(db, city.id, dates).await? {
        Some(row) => Some(with_history(db, row, staff, state.dormancy, dates.today).await?),
        None => None,
    };
    let activity_filter = db::activities::ActivityFilter {
        city_id: Some(city.id),
        limit: RECENT,
        ..Default::default()
    };
    let (activity_rows, _) = db::activities::list(db, &activity_filter).await?;
    let activities = activity_rows
        .into_iter()
        .map(ActivityView::new)
        .collect::<ApiResult<Vec<_>>>()?;
    let activities_by_kind = db::activities::count_by_kind(db, city.id)
        .await?
        .into_iter()
        .map(|(kind, n)| Ok((kind.parse().map_err(ApiError::internal)?, n)))
        .collect::<ApiResult<BTreeMap<_, _>>>()?;

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
    let actor = viewer.actor();
    let ideas: Vec<IdeaView> = idea_rows
        .into_iter()
        .map(|row| {
            let detail = Detail::for_viewer(actor.as_ref(), &row.idea);
            IdeaView::new(row, detail)
        })
        .collect();
    let ideas_by_state = db::ideas::count_by_state(db, audience, city.id)
        .await?
        .into_iter()
        .map(|(state, n)| Ok((state.parse().map_err(ApiError::internal)?, n)))
        .collect::<ApiResult<BTreeMap<IdeaState, i64>>>()?;

    let counts = CityCounts {
        activities: activities_by_kind.values().sum(),
        activities_by_kind,
        ideas: ideas_by_state.values().sum(),
        ideas_by_state,
    };
    Ok(web::Json(CityOverview {
        city: city.into(),
        partnership,
        activities,
        ideas,
        counts,
    }))
}
