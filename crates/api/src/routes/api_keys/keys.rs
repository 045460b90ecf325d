use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{ApiKeyCreated, ApiKeyView, IssueApiKeyRequest};
use crate::error::ApiResult;
use crate::extract::{Admin, ValidJson, ValidQuery};
use crate::routes::page::{self, Page, PageQuery};
use crate::state::AppState;

/// The API keys (admin), newest first.
#[utoipa::path(
    tag = "api-keys",
    params(PageQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of keys.", body = Page<ApiKeyView>)),
)]
#[get("/admin/api-keys")]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    query: ValidQuery<PageQuery>,
) -> ApiResult<web::Json<Page<ApiKeyView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let (keys, total) = app::api_keys::list(&state.db, &admin.actor(), limit.into(), offset.into()).await?;
    let now = Utc::now();
    let items = keys.into_iter().map(|key| ApiKeyView::new(key, now)).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}

/// Issue an API key (admin) for another system. The answer carries the key, shown this once; only its
/// hash is kept.
#[utoipa::path(
    tag = "api-keys",
    request_body = IssueApiKeyRequest,
    security(("bearer" = [])),
    responses((status = 201, description = "The key, with the key itself.", body = ApiKeyCreated,
        headers(("Location" = String, description = "The key's URL")))),
)]
#[post("/admin/api-keys")]
pub async fn issue_api_key(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    body: ValidJson<IssueApiKeyRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let request = app::api_keys::KeyRequest {
        name: body.name,
        scopes: body.scopes,
        expires_at: body.expires_at,
        rate_limit: body.rate_limit,
    };
    let minted = crate::auth::tokens::api_key();
    let now = Utc::now();
    let key = app::api_keys::issue(&state.db, &admin.actor(), request, &minted, now).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/admin/api-keys/{}", key.id)))
        .json(ApiKeyCreated {
            key: ApiKeyView::new(key, now),
            token: minted.token,
        }))
}

/// One API key (admin).
#[utoipa::path(
    tag = "api-keys",
    params(("id" = Uuid, Path, description = "The key's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The key.", body = ApiKeyView)),
)]
#[get("/admin/api-keys/{id}")]
pub async fn get_api_key(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ApiKeyView>> {
    let key = app::api_keys::find(&state.db, &admin.actor(), id.into_inner()).await?;
    Ok(web::Json(ApiKeyView::new(key, Utc::now())))
}

/// Revoke an API key (admin): its next request is refused with 401.
#[utoipa::path(
    tag = "api-keys",
    params(("id" = Uuid, Path, description = "The key's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The key, revoked.", body = ApiKeyView),
        (status = 409, description = "`key_revoked`: it is revoked already."),
    ),
)]
#[post("/admin/api-keys/{id}/revoke")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ApiKeyView>> {
    let now = Utc::now();
    let key = app::api_keys::revoke(&state.db, &admin.actor(), id.into_inner(), now).await?;
    Ok(web::Json(ApiKeyView::new(key, now)))
}
