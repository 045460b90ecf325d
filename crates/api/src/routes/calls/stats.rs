use std::collections::BTreeMap;

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::idea::IdeaState;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::ApiResult;
use crate::extract::Viewer;
use crate::state::AppState;

/// A count of ideas under one key.
#[derive(Debug, Serialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Count {
    pub key: String,
    pub count: u64,
}

/// Ideas submitted on one of the office's days.
#[derive(Debug, Serialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DayCount {
    /// The day in the office's time zone.
    pub date: NaiveDate,
    pub count: u64,
}

/// How far screening has come (staff).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ScreeningProgress {
    /// Submitted and waiting for screening.
    pub awaiting_screening: u64,
    /// Screened: shortlisted or rejected, or further.
    pub screened: u64,
}

/// A call's statistics: aggregates only, never personal data.
///
/// `byState` counts every idea, drafts included. The other breakdowns count the ideas that were
/// submitted and not withdrawn.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CallStats {
    pub call_id: Uuid,
    /// Submitted and not withdrawn.
    pub submitted: u64,
    pub by_state: Vec<Count>,
    pub by_domain: Vec<Count>,
    /// ISO 3166-1 alpha-2 country of the target city.
    pub by_target_country: Vec<Count>,
    /// The submitter's occupation; `unknown` when they gave none.
    pub by_submitter_category: Vec<Count>,
    /// Per day of submission in the office's time zone, in order.
    pub by_day: Vec<DayCount>,
    /// Staff only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<ScreeningProgress>,
}

fn counts(map: BTreeMap<String, u64>) -> Vec<Count> {
    let mut counts: Vec<Count> = map.into_iter().map(|(key, count)| Count { key, count }).collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    counts
}

/// A call's statistics: counts by state, domain, target country, submitter category and day.
#[utoipa::path(
    tag = "calls",
    params(("id" = Uuid, Path, description = "The call's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The call's statistics.", body = CallStats)),
)]
#[get("/calls/{id}/stats")]
pub async fn call_stats(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<CallStats>> {
    let call = super::find(&state.db, id.into_inner()).await?;
    let rows = db::ideas::stats_rows(&state.db, call.id).await?;
    let mut by_state = BTreeMap::new();
    let (mut by_domain, mut by_country, mut by_category) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let mut by_day: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    let (mut submitted, mut awaiting, mut screened) = (0, 0, 0);
    for row in rows {
        *by_state.entry(row.state.to_string()).or_insert(0) += 1;
        let Some(at) = row.submitted_at else { continue };
        if row.state == IdeaState::Withdrawn {
            continue;
        }
        submitted += 1;
        if row.state == IdeaState::Submitted {
            awaiting += 1;
        } else {
            screened += 1;
        }
        *by_domain.entry(row.domain.to_string()).or_insert(0) += 1;
        *by_country.entry(row.country).or_insert(0) += 1;
        let category = row
            .submitter_category
            .map_or_else(|| "unknown".to_owned(), |c| c.to_string());
        *by_category.entry(category).or_insert(0) += 1;
        *by_day.entry(domain::call::office_day(at, state.time_zone)).or_insert(0) += 1;
    }
    Ok(web::Json(CallStats {
        call_id: call.id,
        submitted,
        by_state: counts(by_state),
        by_domain: counts(by_domain),
        by_target_country: counts(by_country),
        by_submitter_category: counts(by_category),
        by_day: by_day
            .into_iter()
            .map(|(date, count)| DayCount { date, count })
            .collect(),
        progress: viewer.is_staff().then_some(ScreeningProgress {
            awaiting_screening: awaiting,
            screened,
        }),
    }))
}
