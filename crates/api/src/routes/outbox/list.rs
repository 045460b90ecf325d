use actix_web::{get, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{OutboxEntryView, OutboxQuery};
use crate::error::ApiResult;
use crate::extract::{Admin, ValidQuery};
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// The outbox (admin): every e-mail the platform queued, the latest first, with how its delivery went.
#[utoipa::path(
    tag = "outbox",
    params(OutboxQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of the outbox.", body = Page<OutboxEntryView>)),
)]
#[get("/admin/outbox")]
pub async fn list_outbox(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    query: ValidQuery<OutboxQuery>,
) -> ApiResult<web::Json<Page<OutboxEntryView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = app::outbox::Filter {
        state: query.state,
        limit: limit.into(),
        offset: offset.into(),
    };
    let (entries, total) = app::outbox::list(&state.db, &admin.actor(), filter).await?;
    let items = entries.into_iter().map(OutboxEntryView::from).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}

/// Send a dead letter again (admin), from its first attempt.
#[utoipa::path(
    tag = "outbox",
    params(("id" = Uuid, Path, description = "The message's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The message, pending again.", body = OutboxEntryView),
        (status = 404, description = "`not_found`: no such message."),
        (status = 409, description = "`invalid_transition`: only a dead letter can be sent again."),
    ),
)]
#[post("/admin/outbox/{id}/retry")]
pub async fn retry_outbox_message(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<OutboxEntryView>> {
    let entry = app::outbox::retry(&state.db, &admin.actor(), id.into_inner(), Utc::now()).await?;
    Ok(web::Json(OutboxEntryView::from(entry)))
}
