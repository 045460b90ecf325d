use actix_files::NamedFile;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, get, web};
use app::files::{Opened, OpenedBytes, SignedLink};
use chrono::Utc;
use domain::file::FileVariant;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;
use validator::Validate;

use super::dto::link_url;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ValidQuery, Viewer};
use crate::state::AppState;

async fn redirect(state: &AppState, viewer: Viewer, id: Uuid, variant: FileVariant) -> ApiResult<HttpResponse> {
    let actor = viewer.actor();
    let link = app::files::open(&state.db, &state.files, actor.as_ref(), id, variant, Utc::now()).await?;
    Ok(HttpResponse::Found()
        .insert_header((header::LOCATION, link_url(&link)))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}

/// Open a file: a redirect to a link that serves its bytes for a few minutes.
///
/// For clients that send a bearer header or an API key; browsers use the `url` of the file's listing.
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The file's id")),
    security((), ("bearer" = [])),
    responses((status = 302, description = "To a short-lived link that serves the file.",
        headers(("Location" = String, description = "The signed or pre-signed link")))),
)]
#[get("/files/{id}/content")]
pub async fn open_file(state: web::Data<AppState>, viewer: Viewer, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    redirect(&state, viewer, id.into_inner(), FileVariant::Original).await
}

/// Open an image's preview (at most 320×320): a redirect to a short-lived link; 404 when it has none.
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The file's id")),
    security((), ("bearer" = [])),
    responses((status = 302, description = "To a short-lived link that serves the preview.",
        headers(("Location" = String, description = "The signed or pre-signed link")))),
)]
#[get("/files/{id}/preview")]
pub async fn open_preview(state: web::Data<AppState>, viewer: Viewer, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    redirect(&state, viewer, id.into_inner(), FileVariant::Preview).await
}

/// A link this server signed.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SignedQuery {
    #[param(inline)]
    pub variant: FileVariant,
    /// When the link stops working, in Unix seconds.
    pub expires: i64,
    /// The name the file is served under.
    #[validate(length(max = 400))]
    pub name: String,
    #[validate(length(equal = 64))]
    pub signature: String,
}

/// The bytes a signed link opens (local storage): no bearer header needed, the signature is the key.
///
/// Answers with the type read at upload, `Content-Disposition` with the name (RFC 6266), `ETag`, and
/// `206` for a `Range`. A link opens one variant of one file under one name until it expires.
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The file's id"), SignedQuery),
    responses(
        (status = 200, description = "The bytes.", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 206, description = "The asked range of the bytes.", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 403, description = "`link_expired` or `link_invalid`."),
        (status = 416, description = "The range is outside the file."),
    ),
)]
#[get("/files/{id}/signed")]
pub async fn signed_file(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    query: ValidQuery<SignedQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.0;
    let link = SignedLink {
        file_id: id.into_inner(),
        variant: query.variant,
        name: query.name,
        expires: query.expires,
        signature: query.signature,
    };
    let now = Utc::now();
    let opened = app::files::open_signed(&state.db, &state.files, &link, now).await?;
    serve(&req, opened, now)
}

/// The bytes with their type, name (RFC 6266), validator and how long they may be kept.
fn serve(req: &HttpRequest, opened: Opened, now: chrono::DateTime<Utc>) -> ApiResult<HttpResponse> {
    let mime: actix_web::mime::Mime = opened
        .content_type
        .parse()
        .map_err(|_| ApiError::from(app::Error::internal("a stored content type does not parse")))?;
    let mut response = match opened.bytes {
        OpenedBytes::Path(path) => NamedFile::open(&path)
            .map_err(|_| ApiError::from(app::Error::not_found()))?
            .set_content_type(mime)
            .disable_content_disposition()
            .into_response(req),
        OpenedBytes::Memory { bytes, etag } => HttpResponse::Ok()
            .content_type(mime)
            .insert_header((header::ETAG, format!("\"{etag}\"")))
            .body(bytes),
    };
    let disposition = match opened.variant {
        FileVariant::Original => files::DispositionKind::Attachment,
        FileVariant::Preview => files::DispositionKind::Inline,
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&files::content_disposition(disposition, &opened.name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    let max_age = (opened.expires_at - now).num_seconds().max(0);
    if let Ok(value) = HeaderValue::from_str(&format!("private, max-age={max_age}")) {
        headers.insert(header::CACHE_CONTROL, value);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    Ok(response)
}
