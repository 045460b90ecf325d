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
    "files",
];

fn record(exported: app::calls::ExportedIdea) -> Vec<String> {
    let files = files_cell(&exported.files);
    let row = exported.row;
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
        files,
    ]
}

/// The idea's live files as `name (kind, size)`, joined by `; `.
fn files_cell(files: &[db::files::StoredFile]) -> String {
    files
        .iter()
        .map(|file| {
            let size = u64::try_from(file.size).unwrap_or_default();
            format!("{} ({}, {})", file.name, file.kind.as_str(), readable_size(size))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A size in bytes as people read it: `812 B`, `51.8 kB`, `2.3 MB` (decimal units).
fn readable_size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
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

#[cfg(test)]
mod tests {
    use super::readable_size;

    #[test]
    fn sizes_read_as_people_read_them() {
        assert_eq!(readable_size(0), "0 B");
        assert_eq!(readable_size(999), "999 B");
        assert_eq!(readable_size(1_658), "1.7 kB");
        assert_eq!(readable_size(51_846), "51.8 kB");
        assert_eq!(readable_size(10 * 1024 * 1024), "10.5 MB");
    }
}
