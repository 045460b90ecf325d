//! A call's ideas as a spreadsheet for staff: CSV (UTF-8 with a byte-order mark, so that spreadsheet
//! programs show Persian) or XLSX (right-to-left sheet).

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, get, web};
use rust_xlsxwriter::{Format, Workbook};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::error::{ApiError, ApiResult};
use crate::extract::{Staff, ValidQuery};
use crate::state::AppState;

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

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
        idea.state,
        idea.submitted_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
        idea.title,
        idea.summary,
        idea.domain,
        row.city_name_fa,
        row.city_name_en.unwrap_or_default(),
        row.city_country,
        row.submitter_name,
        row.submitter_email,
        idea.submitter_category.unwrap_or_default(),
        idea.channel_kind.unwrap_or_default(),
        idea.channel_description,
        idea.channel_years.map(|y| y.to_string()).unwrap_or_default(),
        idea.expected_outcomes,
        idea.best_match_id.map(|id| id.to_string()).unwrap_or_default(),
        row.best_match_title.unwrap_or_default(),
        idea.best_match_score.map(|s| format!("{s:.3}")).unwrap_or_default(),
    ]
}

/// A cell a spreadsheet program would read as a formula is prefixed with `'`, so that a citizen's
/// text such as `=HYPERLINK(...)` stays text when staff open the file (CSV injection).
fn inert(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn csv(records: Vec<Vec<String>>) -> ApiResult<Vec<u8>> {
    let mut out = "\u{FEFF}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(HEADERS).map_err(ApiError::internal)?;
        for record in records {
            writer
                .write_record(record.into_iter().map(inert))
                .map_err(ApiError::internal)?;
        }
        writer.flush().map_err(ApiError::internal)?;
    }
    Ok(out)
}

fn xlsx(records: Vec<Vec<String>>) -> ApiResult<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("ideas").map_err(ApiError::internal)?;
    sheet.set_right_to_left(true);
    let bold = Format::new().set_bold();
    for (col, name) in (0u16..).zip(HEADERS) {
        sheet
            .write_string_with_format(0, col, *name, &bold)
            .map_err(ApiError::internal)?;
    }
    for (row, record) in (1u32..).zip(records) {
        for (col, value) in (0u16..).zip(record) {
            sheet.write_string(row, col, value).map_err(ApiError::internal)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(ApiError::internal)?;
    workbook.save_to_buffer().map_err(ApiError::internal)
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
    _staff: Staff,
    id: web::Path<Uuid>,
    query: ValidQuery<ExportQuery>,
) -> ApiResult<HttpResponse> {
    let call = super::find(&state.db, id.into_inner()).await?;
    let rows = db::ideas::all_of_call(&state.db, call.id).await?;
    let records: Vec<Vec<String>> = rows.into_iter().map(record).collect();
    let format = query.0.format.unwrap_or(ExportFormat::Csv);
    let (body, content_type, extension) = match format {
        ExportFormat::Csv => (csv(records)?, "text/csv; charset=utf-8", "csv"),
        ExportFormat::Xlsx => (
            web::block(move || xlsx(records)).await.map_err(ApiError::internal)??,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(format!("ideas-{}.{extension}", call.id))],
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header(disposition)
        .body(body))
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formulas_become_text_and_the_rest_is_untouched() {
        assert_eq!(inert("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("+98 31".into()), "'+98 31");
        assert_eq!(inert("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(inert("هفته فرهنگی".into()), "هفته فرهنگی");
        assert_eq!(inert(String::new()), "");
    }
}
