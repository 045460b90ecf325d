use actix_web::{get, web};
use uuid::Uuid;

use super::dto::{RankingQuery, RankingSort, RankingView};
use crate::error::{ApiResult, Problem};
use crate::extract::{Staff, ValidQuery};
use crate::routes::page;
use crate::state::AppState;

/// A call's ranking (staff): every idea that reached the jury with its raw and calibrated score and rank,
/// spread and disagreement flag, and the call's agreement, reviewers' strictness and progress.
///
/// Ranks are over the whole call; `limit` and `offset` page the ordered list afterwards. Reviews that no
/// longer fit the rubric (reopened and changed) are left out and counted in `progress.reviewsToRescore`.
#[utoipa::path(
    tag = "ranking",
    params(("callId" = Uuid, Path, description = "The call's id"), RankingQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The ranking.", body = RankingView),
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
#[get("/calls/{callId}/ranking")]
pub async fn show_ranking(
    state: web::Data<AppState>,
    _staff: Staff,
    call_id: web::Path<Uuid>,
    query: ValidQuery<RankingQuery>,
) -> ApiResult<web::Json<RankingView>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let sort = query.sort.unwrap_or(RankingSort::Calibrated);
    let ranking = super::compute(&state.db, &state.ranking, call_id.into_inner(), sort).await?;
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
        reviewers: ranking.reviewers,
        progress: ranking.progress,
        criteria: ranking.criteria,
        rules: ranking.rules,
    }))
}
