use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{NotificationView, NotificationsQuery};
use crate::error::ApiResult;
use crate::extract::{Enrolling, ValidQuery};
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// Your notices in the app, the latest first: receipts, screening outcomes, results, assignments,
/// reminders, digests and security changes. Messages with one-time links go by e-mail only.
#[utoipa::path(
    tag = "notifications",
    params(NotificationsQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of your notices.", body = Page<NotificationView>)),
)]
#[get("/me/notifications")]
pub async fn list_my_notifications(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
    query: ValidQuery<NotificationsQuery>,
) -> ApiResult<web::Json<Page<NotificationView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = app::notices::Filter {
        unread_only: query.unread.unwrap_or(false),
        limit: limit.into(),
        offset: offset.into(),
    };
    let (notices, total) = app::notices::list(&state.db, &caller.actor(), filter).await?;
    let items = notices.into_iter().map(NotificationView::from).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}

/// Mark one of your notices read.
#[utoipa::path(
    tag = "notifications",
    params(("id" = Uuid, Path, description = "The notice's id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "It is read."),
        (status = 404, description = "`not_found`: you have no notice with this id."),
    ),
)]
#[post("/me/notifications/{id}/read")]
pub async fn mark_notification_read(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    app::notices::mark_read(&state.db, &caller.actor(), id.into_inner(), Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mark all your notices read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses((status = 204, description = "They are read.")),
)]
#[post("/me/notifications/read")]
pub async fn mark_all_notifications_read(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
) -> ApiResult<HttpResponse> {
    app::notices::mark_all_read(&state.db, &caller.actor(), Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}
