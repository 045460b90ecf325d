//! The whole ranking as a spreadsheet for staff, as the idea export does it (`calls::export`): CSV in UTF-8
//! with a byte-order mark so that spreadsheet programs show Persian, or XLSX in a right-to-left sheet.

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, get, web};
use rust_xlsxwriter::{Format, Workbook};
use uuid::Uuid;

use super::dto::{RankedIdeaView, RankingCriterion, RankingExportFormat, RankingExportQuery, RankingSort};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::{Staff, ValidQuery};
use crate::state::AppState;

/// One cell: text, or a number shown with so many decimals.
enum Cell {
    Text(String),
    Number(f64, usize),
    Empty,
}

impl Cell {
    fn number(value: Option<f64>, decimals: usize) -> Cell {
        value
            .filter(|v| v.is_finite())
            .map_or(Cell::Empty, |v| Cell::Number(v, decimals))
    }

    fn whole(value: Option<impl Into<f64>>) -> Cell {
        Cell::number(value.map(Into::into), 0)
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(text) => inert(text),
            Cell::Number(value, decimals) => format!("{value:.decimals$}"),
            Cell::Empty => String::new(),
        }
    }
}

/// A cell a spreadsheet program would read as a formula is prefixed with `'` (CSV injection), as in the idea
/// export: titles are citizens' text.
fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

const FIXED_HEADERS: &[&str] = &[
    "calibrated_rank",
    "raw_rank",
    "idea_id",
    "title",
    "state",
    "decision",
    "raw_score",
    "calibrated_score",
    "spread",
    "reviews",
    "disagreement",
];

fn headers(criteria: &[RankingCriterion]) -> Vec<String> {
    FIXED_HEADERS
        .iter()
        .map(|h| (*h).to_owned())
        .chain(criteria.iter().map(|c| format!("{} ({})", c.key, c.label.fa)))
        .collect()
}

fn record(item: RankedIdeaView) -> Vec<Cell> {
    let mut cells = vec![
        Cell::whole(item.calibrated_rank),
        Cell::whole(item.raw_rank),
        Cell::Text(item.idea_id.to_string()),
        Cell::Text(item.title),
        Cell::Text(item.state.as_str().to_owned()),
        item.decision.map_or(Cell::Empty, |d| Cell::Text(d.as_str().to_owned())),
        Cell::number(item.raw_score, 2),
        // A z-score is small: a third decimal tells ideas apart.
        Cell::number(item.calibrated_score, 3),
        Cell::number(item.spread, 2),
        Cell::Number(item.review_count as f64, 0),
        Cell::Text(if item.disagreement { "yes" } else { "no" }.to_owned()),
    ];
    cells.extend(item.criterion_means.into_iter().map(|m| Cell::number(m.mean, 2)));
    cells
}

fn csv(headers: Vec<String>, records: Vec<Vec<Cell>>) -> ApiResult<Vec<u8>> {
    let mut out = "\u{FEFF}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(&headers).map_err(ApiError::internal)?;
        for record in records {
            writer
                .write_record(record.iter().map(Cell::csv))
                .map_err(ApiError::internal)?;
        }
        writer.flush().map_err(ApiError::internal)?;
    }
    Ok(out)
}

fn xlsx(headers: Vec<String>, records: Vec<Vec<Cell>>) -> ApiResult<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("ranking").map_err(ApiError::internal)?;
    sheet.set_right_to_left(true);
    let bold = Format::new().set_bold();
    let formats = [
        Format::new().set_num_format("0"),
        Format::new().set_num_format("0.0"),
        Format::new().set_num_format("0.00"),
        Format::new().set_num_format("0.000"),
    ];
    for (col, name) in (0u16..).zip(&headers) {
        sheet
            .write_string_with_format(0, col, name, &bold)
            .map_err(ApiError::internal)?;
    }
    for (row, record) in (1u32..).zip(records) {
        for (col, cell) in (0u16..).zip(record) {
            match cell {
                Cell::Text(text) => {
                    sheet.write_string(row, col, text).map_err(ApiError::internal)?;
                }
                Cell::Number(value, decimals) => {
                    let format = &formats[decimals.min(formats.len() - 1)];
                    sheet
                        .write_number_with_format(row, col, value, format)
                        .map_err(ApiError::internal)?;
                }
                Cell::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(ApiError::internal)?;
    workbook.save_to_buffer().map_err(ApiError::internal)
}

/// A call's whole ranking as CSV or XLSX (staff): every ranked idea, no paging, in the order asked for.
///
/// Columns: calibrated rank, raw rank, idea id, title, state, decision, raw score (2 decimals), calibrated
/// score (3), spread (2), reviews, disagreement, then each criterion's mean (2), headed by its key and
/// Persian label.
#[utoipa::path(
    tag = "ranking",
    params(("callId" = Uuid, Path, description = "The call's id"), RankingExportQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The spreadsheet, as an attachment named `ranking-<callId>.csv` or `.xlsx`.",
            content(
                (Vec<u8> = "text/csv"),
                (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            )),
        (status = 401, description = "`not_signed_in`: sign in first.",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`forbidden`: staff only.",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such call.",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`rubric_missing`: the call has no rubric yet.",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a query parameter is invalid.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/calls/{callId}/ranking/export")]
pub async fn export_ranking(
    state: web::Data<AppState>,
    _staff: Staff,
    call_id: web::Path<Uuid>,
    query: ValidQuery<RankingExportQuery>,
) -> ApiResult<HttpResponse> {
    let ValidQuery(query) = query;
    let call_id = call_id.into_inner();
    let sort = query.sort.unwrap_or(RankingSort::Calibrated);
    let ranking = super::compute(&state.db, &state.ranking, call_id, sort).await?;
    let headers = headers(&ranking.criteria);
    let records: Vec<Vec<Cell>> = ranking.items.into_iter().map(record).collect();
    let (body, content_type, extension) = match query.format.unwrap_or(RankingExportFormat::Csv) {
        RankingExportFormat::Csv => (csv(headers, records)?, "text/csv; charset=utf-8", "csv"),
        RankingExportFormat::Xlsx => (
            web::block(move || xlsx(headers, records))
                .await
                .map_err(ApiError::internal)??,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(format!("ranking-{call_id}.{extension}"))],
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header(disposition)
        .body(body))
}

#[cfg(test)]
mod tests {
    use super::{Cell, inert};

    #[test]
    fn numbers_keep_their_decimals_and_formulas_become_text() {
        assert_eq!(Cell::number(Some(61.234_56), 2).csv(), "61.23");
        assert_eq!(Cell::number(Some(-0.456_78), 3).csv(), "-0.457");
        assert_eq!(Cell::number(None, 2).csv(), "");
        assert_eq!(Cell::whole(Some(3u32)).csv(), "3");
        assert_eq!(inert("=1+1"), "'=1+1");
        assert_eq!(inert("ایده"), "ایده");
    }
}
