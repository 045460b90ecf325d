use actix_web::{get, web};
use domain::review::AssignmentState;

use super::dto::{MyAssignmentView, MyAssignments, MyAssignmentsQuery, ReviewProgress};
use crate::error::{ApiResult, Problem};
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
        (status = 200, description = "One page of my assignments and my progress.", body = MyAssignments),
        (status = 403, description = "`forbidden`: the account is not a reviewer.",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a query parameter is invalid.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/me/assignments")]
pub async fn my_assignments(
    state: web::Data<AppState>,
    reviewer: Reviewer,
    query: ValidQuery<MyAssignmentsQuery>,
) -> ApiResult<web::Json<MyAssignments>> {
    let ValidQuery(query) = query;
    let me = reviewer.0.user.id;
    let (limit, offset) = crate::routes::page::bounds(query.limit, query.offset);
    let states = match query.state {
        Some(AssignmentState::Declined) => vec![],
        Some(state) => vec![state],
        None => vec![AssignmentState::Pending, AssignmentState::Submitted],
    };
    let (rows, total) = if states.is_empty() {
        (Vec::new(), 0)
    } else {
        let filter = db::assignments::AssignmentFilter {
            call_id: query.call_id,
            reviewer_id: Some(me),
            idea_id: None,
            states,
            limit: limit.into(),
            offset: offset.into(),
        };
        db::assignments::list(&state.db, &filter).await?
    };
    let counts = db::assignments::progress(&state.db, me, query.call_id).await?;
    let count = |state: AssignmentState| {
        counts
            .iter()
            .find(|(s, _)| s == state.as_str())
            .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0))
    };
    let (pending, submitted) = (count(AssignmentState::Pending), count(AssignmentState::Submitted));
    Ok(web::Json(MyAssignments {
        items: rows.into_iter().map(MyAssignmentView::new).collect::<ApiResult<_>>()?,
        total,
        limit,
        offset,
        progress: ReviewProgress {
            assigned: pending + submitted,
            submitted,
            pending,
        },
    }))
}
