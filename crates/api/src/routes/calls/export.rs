//! A call's ideas as a spreadsheet for staff (`routes::spreadsheet`).

use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;
use validator::Validate;

use crate::error::ApiResult;
use crate::extract::{Staff, ValidQuery};
use crate::routes::spreadsheet::{self, Cell, ExportFormat};
use crate::state::AppState;

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `csv` (default) or `xlsx`.
    #[param(inline)]
    pub format: Option<ExportFormat>,
}

const HEADERS: &[&str] = &[
    "id",
    "state",
    "submitted_at",
    "title",
    "summary",
    "domain",
    "target_city_fa",
    "target_city_en",
    "target_country",
    "submitter",
    "submitter_email",
    "submitter_category",
    "channel_kind",
    "channel_description",
    "channel_years",
    "expected_outcomes",
    "best_match_id",
    "best_match_title",
    "best_match_score",
];

fn record(row: db::ideas::IdeaRow) -> Vec<String> {
    let idea = row.idea;
    vec![
        idea.id.to_string(),
        idea.state.to_string(),
        idea.submitted_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
        idea.title,
        idea.summary,
        idea.domain.to_string(),
        row.city_name_fa,
        row.city_name_en.unwrap_or_default(),
        row.city_country,
        row.submitter_name,
        row.submitter_email,
        idea.submitter_category.map(|c| c.to_string()).unwrap_or_default(),
        idea.channel_kind.map(|k| k.to_string()).unwrap_or_default(),
        idea.channel_description,
        idea.channel_years.map(|y| y.to_string()).unwrap_or_default(),
        idea.expected_outcomes,
        idea.best_match_id.map(|id| id.to_string()).unwrap_or_default(),
        row.best_match_title.unwrap_or_default(),
        idea.best_match_score.map(|s| format!("{s:.3}")).unwrap_or_default(),
    ]
}

/// A call's ideas as CSV or XLSX (staff), in submission order, with their submitters and best matches.
#[utoipa::path(
    tag = "calls",
    params(("id" = Uuid, Path, description = "The call's id"), ExportQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "The spreadsheet, as an attachment.",
        content(
            (Vec<u8> = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ))),
)]
#[get("/calls/{id}/ideas/export")]
pub async fn export_ideas(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    query: ValidQuery<ExportQuery>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let format = query.0.format.unwrap_or(ExportFormat::Csv);
    let file = format!("ideas.{}", format.extension());
    let rows = app::calls::ideas_for_export(&state.db, &staff.actor(), id, &file, chrono::Utc::now()).await?;
    let headers = HEADERS.iter().map(|h| (*h).to_owned()).collect();
    let rows = rows
        .into_iter()
        .map(|row| record(row).into_iter().map(Cell::Text).collect())
        .collect();
    spreadsheet::attachment(format, format!("ideas-{id}"), "ideas", headers, rows).await
}
