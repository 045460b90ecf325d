use actix_web::{get, web};

use super::dto::{ListReviewersQuery, ReviewerView};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidQuery};
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// List the jury's reviewers by name (staff).
///
/// Each with how many ideas they hold (`assigned`: pending or submitted) and have reviewed
/// (`submitted`), in the call given by `callId` or in all calls.
#[utoipa::path(
    tag = "reviewers",
    params(ListReviewersQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of reviewers.", body = Page<ReviewerView>),
    ),
)]
#[get("/reviewers")]
pub async fn list_reviewers(
    state: web::Data<AppState>,
    _staff: Staff,
    query: ValidQuery<ListReviewersQuery>,
) -> ApiResult<web::Json<Page<ReviewerView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = app::reviewers::ReviewerFilter {
        q: query.q,
        organisation: query.organisation,
        expertise: query.expertise,
        active: query.active,
        call_id: query.call_id,
        limit: limit.into(),
        offset: offset.into(),
    };
    let (rows, total) = app::reviewers::list(&state.db, &filter).await?;
    let items = rows.into_iter().map(ReviewerView::from_row).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}
