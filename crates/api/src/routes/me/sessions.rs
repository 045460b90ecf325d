//! Your sessions: where you are signed in, and ending them.

use actix_web::{HttpResponse, delete, get, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::SessionView;
use crate::error::ApiResult;
use crate::extract::{Enrolling, ValidQuery};
use crate::routes::page::PageQuery;
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// The sessions you are signed in with, the latest first.
#[utoipa::path(
    tag = "me",
    params(PageQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of your live sessions.", body = Page<SessionView>)),
)]
#[get("/me/sessions")]
pub async fn list_my_sessions(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
    query: ValidQuery<PageQuery>,
) -> ApiResult<web::Json<Page<SessionView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let page_of = (limit.into(), offset.into());
    let (sessions, total) = app::sessions::list_own(&state.db, &caller.actor(), page_of, Utc::now()).await?;
    let items = sessions
        .into_iter()
        .map(|s| SessionView::of(s, Some(caller.session_id)))
        .collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}

/// End one of your sessions (this one too, which signs you out).
#[utoipa::path(
    tag = "me",
    params(("id" = Uuid, Path, description = "The session's id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "The session is ended: its tokens stop working."),
        (status = 404, description = "`not_found`: no live session of yours has this id."),
    ),
)]
#[delete("/me/sessions/{id}")]
pub async fn end_my_session(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    app::sessions::end_own(&state.db, &caller.actor(), id.into_inner(), Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// End every session of yours but this one.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses((status = 204, description = "Every other session is ended.")),
)]
#[delete("/me/sessions")]
pub async fn end_my_other_sessions(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
) -> ApiResult<HttpResponse> {
    app::sessions::end_others(&state.db, &caller.actor(), caller.session_id, Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}
