use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use app::files::Owner;
use chrono::Utc;
use domain::file::FileOwnerKind;
use uuid::Uuid;

use super::dto::{StoredFileView, UploadForm};
use super::multipart::read_upload;
use crate::error::ApiResult;
use crate::extract::{SignedIn, Staff};
use crate::state::AppState;

/// Checks who may add, reads the body part by part, then adds the file.
async fn upload(
    state: &AppState,
    caller: &SignedIn,
    owner: Owner,
    req: &HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let actor = caller.actor();
    // Refused before a byte of the body is read: nothing is stored for a caller who may not add here.
    app::files::check_may_add(&state.db, &actor, owner, Utc::now()).await?;
    let store = &state.files;
    let upload = read_upload(req, payload, store.limits.file_bytes, &store.temp_dir).await?;
    let shown = app::files::add(&state.db, store, &actor, owner, upload, Utc::now()).await?;
    let view = StoredFileView::from(shown);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/files/{}", view.id)))
        .json(view))
}

/// Add a file to your idea while it may be edited.
///
/// A `proposal` document (shown to the jury) or `evidence` of the tie abroad the idea relies on (never
/// shown to a blind call's reviewers). Mark a file `identifying` when it names you: a blind call's
/// reviewers never see it. Check `authorField` in the answer: a document's metadata may name its author.
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The idea's id")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The file, kept.", body = StoredFileView,
            headers(("Location" = String, description = "The file's URL"))),
        (status = 400, description = "`malformed_multipart`: the body is not multipart/form-data."),
        (status = 409, description = "`call_closed` or `invalid_transition`: the idea may not be edited now."),
        (status = 413, description = "`file_too_large` (UPLOAD_MAX_FILE_BYTES, 10 MB by default) or `owner_files_too_large` (UPLOAD_MAX_IDEA_BYTES, 30 MB by default, for the idea's files together)."),
        (status = 415, description = "`unsupported_file_type`: the bytes are not PDF, PNG, JPEG, WebP, ODT or DOCX."),
        (status = 422, description = "`validation_failed` (see `errors`) or `infected_file`: the antivirus found something."),
        (status = 503, description = "`not_ready`: the antivirus could not scan the file; nothing was kept."),
    ),
)]
#[post("/ideas/{id}/files")]
pub async fn upload_idea_file(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let owner = Owner {
        kind: FileOwnerKind::Idea,
        id: id.into_inner(),
    };
    upload(&state, &caller, owner, &req, payload).await
}

/// Add evidence of one of your ties abroad (seen by you and staff only).
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The tie's id (from your profile)")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The file, kept.", body = StoredFileView,
            headers(("Location" = String, description = "The file's URL"))),
        (status = 400, description = "`malformed_multipart`: the body is not multipart/form-data."),
        (status = 413, description = "`file_too_large` or `owner_files_too_large` (the tie's files together)."),
        (status = 415, description = "`unsupported_file_type`: the bytes are not PDF, PNG, JPEG, WebP, ODT or DOCX."),
        (status = 422, description = "`validation_failed` (see `errors`) or `infected_file`."),
        (status = 503, description = "`not_ready`: the antivirus could not scan the file; nothing was kept."),
    ),
)]
#[post("/ties/{id}/files")]
pub async fn upload_tie_file(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let owner = Owner {
        kind: FileOwnerKind::Tie,
        id: id.into_inner(),
    };
    upload(&state, &caller, owner, &req, payload).await
}

/// Add a document or photograph to a partnership's record (staff); public unless marked `internal`.
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The partnership's id")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The file, kept.", body = StoredFileView,
            headers(("Location" = String, description = "The file's URL"))),
        (status = 400, description = "`malformed_multipart`: the body is not multipart/form-data."),
        (status = 413, description = "`file_too_large`."),
        (status = 415, description = "`unsupported_file_type`: the bytes are not PDF, PNG, JPEG, WebP, ODT or DOCX."),
        (status = 422, description = "`validation_failed` (see `errors`) or `infected_file`."),
        (status = 503, description = "`not_ready`: the antivirus could not scan the file; nothing was kept."),
    ),
)]
#[post("/partnerships/{id}/files")]
pub async fn upload_partnership_file(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<Uuid>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let owner = Owner {
        kind: FileOwnerKind::Partnership,
        id: id.into_inner(),
    };
    upload(&state, &staff.0, owner, &req, payload).await
}

/// Add a document or photograph to an activity's record (staff); public unless marked `internal`.
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The activity's id")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The file, kept.", body = StoredFileView,
            headers(("Location" = String, description = "The file's URL"))),
        (status = 400, description = "`malformed_multipart`: the body is not multipart/form-data."),
        (status = 413, description = "`file_too_large`."),
        (status = 415, description = "`unsupported_file_type`: the bytes are not PDF, PNG, JPEG, WebP, ODT or DOCX."),
        (status = 422, description = "`validation_failed` (see `errors`) or `infected_file`."),
        (status = 503, description = "`not_ready`: the antivirus could not scan the file; nothing was kept."),
    ),
)]
#[post("/activities/{id}/files")]
pub async fn upload_activity_file(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<Uuid>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let owner = Owner {
        kind: FileOwnerKind::Activity,
        id: id.into_inner(),
    };
    upload(&state, &staff.0, owner, &req, payload).await
}
