use actix_web::http::header;
use actix_web::{HttpResponse, delete, get, patch, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{
    CreateWebhookRequest, UpdateWebhookRequest, WebhookDeliveryView, WebhookEndpointCreated, WebhookEndpointView,
};
use crate::error::ApiResult;
use crate::extract::{Admin, ValidJson, ValidQuery};
use crate::routes::page::{self, Page, PageQuery};
use crate::state::AppState;

/// The webhook endpoints (admin), newest first.
#[utoipa::path(
    tag = "webhooks",
    params(PageQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of endpoints.", body = Page<WebhookEndpointView>)),
)]
#[get("/admin/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    query: ValidQuery<PageQuery>,
) -> ApiResult<web::Json<Page<WebhookEndpointView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let (endpoints, total) = app::webhooks::list(&state.db, &admin.actor(), limit.into(), offset.into()).await?;
    let items = endpoints.into_iter().map(WebhookEndpointView::from).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}

/// Register a webhook endpoint (admin). The answer carries its signing secret, shown this once.
///
/// The URL must be https on a public address: names are resolved at every delivery and refused if
/// any address is loopback, private, link-local, multicast or a cloud metadata service; redirects are
/// not followed.
#[utoipa::path(
    tag = "webhooks",
    request_body = CreateWebhookRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The endpoint, with its secret.", body = WebhookEndpointCreated,
            headers(("Location" = String, description = "The endpoint's URL"))),
        (status = 422, description = "`validation_failed`: at /url `unsafe_target` (not https, or a refused address) or `invalid_url`; at /eventTypes none or `webhook.ping`."),
    ),
)]
#[post("/admin/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    body: ValidJson<CreateWebhookRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let request = app::webhooks::EndpointRequest {
        url: body.url,
        description: body.description,
        event_types: body.event_types,
        scope: body.scope,
    };
    let secret = webhook::new_secret();
    let endpoint = app::webhooks::create(
        &state.db,
        &admin.actor(),
        request,
        &state.webhook_policy,
        secret.clone(),
        Utc::now(),
    )
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/admin/webhooks/{}", endpoint.id)))
        .json(WebhookEndpointCreated {
            endpoint: endpoint.into(),
            secret,
        }))
}

/// One webhook endpoint (admin).
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The endpoint.", body = WebhookEndpointView)),
)]
#[get("/admin/webhooks/{id}")]
pub async fn get_webhook(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<WebhookEndpointView>> {
    let endpoint = app::webhooks::find(&state.db, &admin.actor(), id.into_inner()).await?;
    Ok(web::Json(endpoint.into()))
}

/// Change a webhook endpoint (admin); `enabled: true` switches it back on and its waiting deliveries go out.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint's id")),
    request_body = UpdateWebhookRequest,
    security(("bearer" = [])),
    responses((status = 200, description = "The endpoint as it is now.", body = WebhookEndpointView)),
)]
#[patch("/admin/webhooks/{id}")]
pub async fn update_webhook(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateWebhookRequest>,
) -> ApiResult<web::Json<WebhookEndpointView>> {
    let change = body.into_inner()?.into_change();
    let endpoint = app::webhooks::update(
        &state.db,
        &admin.actor(),
        id.into_inner(),
        change,
        &state.webhook_policy,
        Utc::now(),
    )
    .await?;
    Ok(web::Json(endpoint.into()))
}

/// Remove a webhook endpoint (admin) with its deliveries; the audit trail keeps that it was.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint's id")),
    security(("bearer" = [])),
    responses((status = 204, description = "Removed.")),
)]
#[delete("/admin/webhooks/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    app::webhooks::delete(&state.db, &admin.actor(), id.into_inner(), Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Give a webhook endpoint a new signing secret (admin), shown this once. The previous secret keeps
/// signing for 24 hours (each message then carries both signatures), so the receiver can switch.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The endpoint, with its new secret.", body = WebhookEndpointCreated)),
)]
#[post("/admin/webhooks/{id}/secret")]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<WebhookEndpointCreated>> {
    let secret = webhook::new_secret();
    let endpoint =
        app::webhooks::rotate_secret(&state.db, &admin.actor(), id.into_inner(), secret.clone(), Utc::now()).await?;
    Ok(web::Json(WebhookEndpointCreated {
        endpoint: endpoint.into(),
        secret,
    }))
}

/// Send a `webhook.ping` to the endpoint (admin), to try its receiver.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint's id")),
    security(("bearer" = [])),
    responses(
        (status = 202, description = "The ping, queued.", body = WebhookDeliveryView),
        (status = 409, description = "`endpoint_disabled`: switch the endpoint on first."),
    ),
)]
#[post("/admin/webhooks/{id}/ping")]
pub async fn ping_webhook(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let delivery = app::webhooks::ping(&state.db, &admin.actor(), id.into_inner(), Utc::now()).await?;
    Ok(HttpResponse::Accepted().json(WebhookDeliveryView::from(delivery)))
}
