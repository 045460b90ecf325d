use actix_web::{get, web};

use super::dto::{ConflictView, ListConflictsQuery};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidQuery};
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// List conflicts of interest, newest first (staff).
///
/// The conflicts recorded here; a reviewer's own ideas are a conflict too, never listed.
#[utoipa::path(
    tag = "conflicts",
    params(ListConflictsQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of conflicts.", body = Page<ConflictView>),
    ),
)]
#[get("/conflicts")]
pub async fn list_conflicts(
    state: web::Data<AppState>,
    _staff: Staff,
    query: ValidQuery<ListConflictsQuery>,
) -> ApiResult<web::Json<Page<ConflictView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = app::conflicts::ConflictFilter {
        call_id: query.call_id,
        reviewer_id: query.reviewer_id,
        idea_id: query.idea_id,
        limit: limit.into(),
        offset: offset.into(),
    };
    let (rows, total) = app::conflicts::list(&state.db, &filter).await?;
    let items = rows.into_iter().map(ConflictView::from_row).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}
