use actix_web::{get, web};
use chrono::Utc;

use super::dto::{CallView, ListCallsQuery};
use crate::error::ApiResult;
use crate::extract::ValidQuery;
use crate::routes::page::{self, Page};
use crate::routes::sort::Sort;
use crate::state::AppState;

/// List calls for ideas, the latest opening first unless `sort` says otherwise.
#[utoipa::path(
    tag = "calls",
    params(ListCallsQuery),
    responses(
        (status = 200, description = "One page of calls.", body = Page<CallView>),
    ),
)]
#[get("/calls")]
pub async fn list_calls(
    state: web::Data<AppState>,
    query: ValidQuery<ListCallsQuery>,
) -> ApiResult<web::Json<Page<CallView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let now = Utc::now();
    let sort = query.sort.map(Sort::key);
    let (calls, total) = app::calls::list(&state.db, query.phase, sort, limit, offset, now).await?;
    let items = calls.into_iter().map(|c| CallView::new(c, now)).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}
