use actix_web::{get, web};
use chrono::NaiveDate;
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
pub struct CallStatsView {
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

fn counts(tally: Vec<(String, u64)>) -> Vec<Count> {
    tally.into_iter().map(|(key, count)| Count { key, count }).collect()
}

/// A call's statistics: counts by state, domain, target country, submitter category and day.
#[utoipa::path(
    tag = "calls",
    params(("id" = Uuid, Path, description = "The call's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The call's statistics.", body = CallStatsView)),
)]
#[get("/calls/{id}/stats")]
pub async fn call_stats(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<CallStatsView>> {
    let stats = app::calls::stats(&state.db, viewer.actor().as_ref(), id.into_inner(), state.time_zone).await?;
    Ok(web::Json(CallStatsView {
        call_id: stats.call_id,
        submitted: stats.submitted,
        by_state: counts(stats.by_state),
        by_domain: counts(stats.by_domain),
        by_target_country: counts(stats.by_target_country),
        by_submitter_category: counts(stats.by_submitter_category),
        by_day: stats
            .by_day
            .into_iter()
            .map(|(date, count)| DayCount { date, count })
            .collect(),
        progress: stats.progress.map(|(awaiting_screening, screened)| ScreeningProgress {
            awaiting_screening,
            screened,
        }),
    }))
}
