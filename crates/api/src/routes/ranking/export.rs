//! The whole ranking as a spreadsheet for staff (`routes::spreadsheet`), numbers as numbers.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use super::dto::{RankedIdeaView, RankingCriterion, RankingExportQuery};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidQuery};
use crate::routes::spreadsheet::{self, Cell, ExportFormat};
use crate::state::AppState;

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
    "rank_shift",
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
        Cell::number(item.calibrated_score, 2),
        Cell::number(item.spread, 2),
        Cell::Number(item.review_count as f64, 0),
        Cell::Text(if item.disagreement { "yes" } else { "no" }.to_owned()),
        Cell::Text(if item.rank_shift { "yes" } else { "no" }.to_owned()),
    ];
    cells.extend(item.criterion_means.into_iter().map(|m| Cell::number(m.mean, 2)));
    cells
}

/// A call's whole ranking as CSV or XLSX (staff): every ranked idea, no paging, in the order asked for.
///
/// Columns: calibrated rank, raw rank, idea id, title, state, decision, raw score (2 decimals), calibrated
/// score (2, the same 0–100 scale), spread (2), reviews, disagreement, rank shift, then each criterion's mean
/// (2), headed by its key and Persian label.
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
        (status = 409, description = "`rubric_missing`: the call has no rubric yet."),
    ),
)]
#[get("/calls/{callId}/ranking/export")]
pub async fn export_ranking(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    call_id: web::Path<Uuid>,
    query: ValidQuery<RankingExportQuery>,
) -> ApiResult<HttpResponse> {
    let ValidQuery(query) = query;
    let (actor, call_id, sort) = (staff.actor(), call_id.into_inner(), query.sort.unwrap_or_default());
    let format = query.format.unwrap_or(ExportFormat::Csv);
    let file = format!("ranking.{}", format.extension());
    let ranking = app::ranking::export(
        &state.db,
        &actor,
        call_id,
        &state.ranking,
        sort,
        &file,
        chrono::Utc::now(),
    )
    .await?;
    let ranking = super::FullRanking::from(ranking);
    let headers = headers(&ranking.criteria);
    let rows = ranking.items.into_iter().map(record).collect();
    spreadsheet::attachment(format, format!("ranking-{call_id}"), "ranking", headers, rows).await
}
