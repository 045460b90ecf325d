use actix_web::{get, web};
use uuid::Uuid;

use super::dto::{AssignmentView, ListAssignmentsQuery};
use crate::error::{ApiError, ApiResult, Problem};
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
        (status = 404, description = "`not_found`: no such call.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a query parameter is invalid.",
            body = Problem, content_type = "application/problem+json"),
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
    let call = db::calls::find_by_id(&state.db, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = db::assignments::AssignmentFilter {
        call_id: Some(call.id),
        reviewer_id: query.reviewer_id,
        idea_id: query.idea_id,
        states: query.state.into_iter().collect(),
        limit: limit.into(),
        offset: offset.into(),
    };
    let (rows, total) = db::assignments::list(&state.db, &filter).await?;
    Ok(web::Json(Page {
        items: rows.into_iter().map(AssignmentView::new).collect::<ApiResult<_>>()?,
        total,
        limit,
        offset,
    }))
}
