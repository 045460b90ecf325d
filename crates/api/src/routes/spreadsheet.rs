//! Spreadsheets for staff: CSV in UTF-8 with a byte-order mark (so that spreadsheet programs show Persian) or
//! XLSX in a right-to-left sheet, sent as an attachment. The idea export and the ranking export both use it.

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use rust_xlsxwriter::{Format, Workbook};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult};

/// The format of an export.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

impl ExportFormat {
    /// The file's extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// One cell: text, or a number shown with so many decimals.
pub enum Cell {
    Text(String),
    Number(f64, usize),
    Empty,
}

impl Cell {
    pub fn number(value: Option<f64>, decimals: usize) -> Cell {
        value
            .filter(|v| v.is_finite())
            .map_or(Cell::Empty, |v| Cell::Number(v, decimals))
    }

    pub fn whole(value: Option<impl Into<f64>>) -> Cell {
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

/// A cell a spreadsheet program would read as a formula is prefixed with `'`, so that a citizen's text such
/// as `=HYPERLINK(...)` stays text when staff open the file (CSV injection).
fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn csv(headers: &[String], rows: Vec<Vec<Cell>>) -> ApiResult<Vec<u8>> {
    let mut out = "\u{FEFF}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(headers).map_err(ApiError::internal)?;
        for row in rows {
            writer
                .write_record(row.iter().map(Cell::csv))
                .map_err(ApiError::internal)?;
        }
        writer.flush().map_err(ApiError::internal)?;
    }
    Ok(out)
}

fn xlsx(sheet_name: &str, headers: &[String], rows: Vec<Vec<Cell>>) -> ApiResult<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name).map_err(ApiError::internal)?;
    sheet.set_right_to_left(true);
    let bold = Format::new().set_bold();
    let formats = [
        Format::new().set_num_format("0"),
        Format::new().set_num_format("0.0"),
        Format::new().set_num_format("0.00"),
        Format::new().set_num_format("0.000"),
    ];
    for (col, name) in (0u16..).zip(headers) {
        sheet
            .write_string_with_format(0, col, name, &bold)
            .map_err(ApiError::internal)?;
    }
    for (row, cells) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(cells) {
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

/// The rows as a download named `<name>.csv` or `<name>.xlsx` (its sheet named `sheet_name`).
pub async fn attachment(
    format: ExportFormat,
    name: String,
    sheet_name: &'static str,
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
) -> ApiResult<HttpResponse> {
    let (body, content_type, extension) = match format {
        ExportFormat::Csv => (csv(&headers, rows)?, "text/csv; charset=utf-8", "csv"),
        ExportFormat::Xlsx => (
            // Writing a workbook is CPU work: off the async workers.
            web::block(move || xlsx(sheet_name, &headers, rows))
                .await
                .map_err(ApiError::internal)??,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(format!("{name}.{extension}"))],
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
    fn formulas_become_text_and_the_rest_is_untouched() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("+98 31"), "'+98 31");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("هفته فرهنگی"), "هفته فرهنگی");
        assert_eq!(inert(""), "");
    }

    #[test]
    fn numbers_keep_their_decimals() {
        assert_eq!(Cell::number(Some(61.234_56), 2).csv(), "61.23");
        assert_eq!(Cell::number(Some(-0.456_78), 3).csv(), "-0.457");
        assert_eq!(Cell::number(None, 2).csv(), "");
        assert_eq!(Cell::whole(Some(3u32)).csv(), "3");
    }
}
