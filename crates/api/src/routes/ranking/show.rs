use actix_web::{get, web};
use uuid::Uuid;

use super::dto::{RankingQuery, RankingView};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidQuery};
use crate::routes::page;
use crate::state::AppState;

/// A call's ranking (staff): every idea that reached the jury with its raw and calibrated score and rank,
/// spread and flags, and the call's agreement, jury graph (`graph.split` warns that calibration cannot compare
/// separate groups of jurors), jurors' offsets and progress.
///
/// Ranks are over the whole call; `limit` and `offset` page the ordered list afterwards. Reviews that no
/// longer fit the rubric (reopened and changed) are left out and counted in `progress.reviewsToRescore`.
#[utoipa::path(
    tag = "ranking",
    params(("callId" = Uuid, Path, description = "The call's id"), RankingQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The ranking.", body = RankingView),
        (status = 409, description = "`rubric_missing`: the call has no rubric yet."),
    ),
)]
#[get("/calls/{callId}/ranking")]
pub async fn show_ranking(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    call_id: web::Path<Uuid>,
    query: ValidQuery<RankingQuery>,
) -> ApiResult<web::Json<RankingView>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let (actor, sort) = (staff.actor(), query.sort.unwrap_or_default());
    let ranking = app::ranking::compute(&state.db, &actor, call_id.into_inner(), &state.ranking, sort).await?;
    let ranking = super::FullRanking::from(ranking);
    let total = ranking.items.len() as u64;
    let items = ranking
        .items
        .into_iter()
        .skip(offset as usize)
        .take(limit as usize)
        .collect();
    Ok(web::Json(RankingView {
        items,
        total,
        limit,
        offset,
        agreement: ranking.agreement,
        graph: ranking.graph,
        reviewers: ranking.reviewers,
        progress: ranking.progress,
        criteria: ranking.criteria,
        rules: ranking.rules,
    }))
}
