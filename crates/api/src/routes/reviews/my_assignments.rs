use actix_web::{get, web};

use super::dto::{MyAssignmentListView, MyAssignmentView, MyAssignmentsQuery, ReviewProgressView};
use crate::error::ApiResult;
use crate::extract::{Reviewer, ValidQuery};
use crate::state::AppState;

/// The ideas I am to review, oldest assignment first, with my progress (reviewers).
///
/// Ideas I declared a conflict of interest with are not among them.
#[utoipa::path(
    tag = "reviews",
    params(MyAssignmentsQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of my assignments and my progress.", body = MyAssignmentListView),
    ),
)]
#[get("/me/assignments")]
pub async fn my_assignments(
    state: web::Data<AppState>,
    reviewer: Reviewer,
    query: ValidQuery<MyAssignmentsQuery>,
) -> ApiResult<web::Json<MyAssignmentListView>> {
    let ValidQuery(query) = query;
    let (limit, offset) = crate::routes::page::bounds(query.limit, query.offset);
    let asked = app::reviews::MyAssignmentsQuery {
        call_id: query.call_id,
        state: query.state,
        limit: limit.into(),
        offset: offset.into(),
    };
    let mine = app::reviews::my_assignments(&state.db, &reviewer.0.actor(), asked).await?;
    Ok(web::Json(MyAssignmentListView {
        items: mine.rows.into_iter().map(MyAssignmentView::new).collect(),
        total: mine.total,
        limit,
        offset,
        progress: ReviewProgressView {
            assigned: mine.pending + mine.submitted,
            submitted: mine.submitted,
            pending: mine.pending,
        },
    }))
}
