use actix_web::{get, web};
use uuid::Uuid;

use super::dto::{AssignmentView, ListAssignmentsQuery};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidQuery};
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// A call's assignments, oldest first (staff).
#[utoipa::path(
    tag = "assignments",
    params(("id" = Uuid, Path, description = "The call's id"), ListAssignmentsQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of assignments.", body = Page<AssignmentView>),
    ),
)]
#[get("/calls/{id}/assignments")]
pub async fn list_assignments(
    state: web::Data<AppState>,
    _staff: Staff,
    id: web::Path<Uuid>,
    query: ValidQuery<ListAssignmentsQuery>,
) -> ApiResult<web::Json<Page<AssignmentView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = app::assignments::AssignmentFilter {
        call_id: None,
        reviewer_id: query.reviewer_id,
        idea_id: query.idea_id,
        states: query.state.into_iter().collect(),
        limit: limit.into(),
        offset: offset.into(),
    };
    let (rows, total) = app::assignments::list(&state.db, id.into_inner(), filter).await?;
    Ok(web::Json(Page::new(
        rows.into_iter().map(AssignmentView::new).collect(),
        total,
        (limit, offset),
    )))
}
