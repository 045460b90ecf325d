use actix_web::{get, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{DeliveriesQuery, WebhookDeliveryDetail, WebhookDeliveryView, delivery_id};
use crate::error::{ApiError, ApiResult};
use crate::extract::{Admin, ValidQuery};
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// An endpoint's deliveries (admin), newest first: its delivery log.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint's id"), DeliveriesQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of deliveries.", body = Page<WebhookDeliveryView>)),
)]
#[get("/admin/webhooks/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
    query: ValidQuery<DeliveriesQuery>,
) -> ApiResult<web::Json<Page<WebhookDeliveryView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = app::webhooks::Filter {
        state: query.state,
        event_type: query.event_type,
        limit: limit.into(),
        offset: offset.into(),
    };
    let (deliveries, total) = app::webhooks::deliveries(&state.db, &admin.actor(), id.into_inner(), filter).await?;
    let items = deliveries.into_iter().map(WebhookDeliveryView::from).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}

/// One delivery (admin): its body as sent and every attempt at it.
#[utoipa::path(
    tag = "webhooks",
    params(
        ("id" = Uuid, Path, description = "The endpoint's id"),
        ("deliveryId" = String, Path, description = "The message id (`msg_…`)"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The delivery.", body = WebhookDeliveryDetail),
        (status = 422, description = "`validation_failed`: the message id holds a control character."),
    ),
)]
#[get("/admin/webhooks/{id}/deliveries/{deliveryId}")]
pub async fn get_webhook_delivery(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<web::Json<WebhookDeliveryDetail>> {
    let (endpoint_id, delivery) = path.into_inner();
    let delivery = delivery_id(&delivery).ok_or_else(ApiError::not_found)?;
    let found = app::webhooks::delivery(&state.db, &admin.actor(), endpoint_id, delivery).await?;
    Ok(web::Json(found.into()))
}

/// Send a delivered or failed message again (admin), with the same message id and a fresh set of attempts.
#[utoipa::path(
    tag = "webhooks",
    params(
        ("id" = Uuid, Path, description = "The endpoint's id"),
        ("deliveryId" = String, Path, description = "The message id (`msg_…`)"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The delivery, pending again.", body = WebhookDeliveryView),
        (status = 409, description = "`delivery_pending`: it is waiting for delivery already."),
        (status = 422, description = "`validation_failed`: the message id holds a control character."),
    ),
)]
#[post("/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver")]
pub async fn redeliver_webhook(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<web::Json<WebhookDeliveryView>> {
    let (endpoint_id, delivery) = path.into_inner();
    let delivery = delivery_id(&delivery).ok_or_else(ApiError::not_found)?;
    let redelivered = app::webhooks::redeliver(&state.db, &admin.actor(), endpoint_id, delivery, Utc::now()).await?;
    Ok(web::Json(redelivered.into()))
}
