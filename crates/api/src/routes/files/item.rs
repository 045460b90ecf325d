use actix_web::http::header;
use actix_web::{HttpResponse, delete, get, patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{EditFileRequest, StoredFileView};
use crate::error::ApiResult;
use crate::extract::{SignedIn, ValidJson, Viewer};
use crate::state::AppState;

/// One file, if you may see it.
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The file's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The file, with fresh links.", body = StoredFileView)),
)]
#[get("/files/{id}")]
pub async fn show_file(state: web::Data<AppState>, viewer: Viewer, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let actor = viewer.actor();
    let shown = app::files::show_one(&state.db, &state.files, actor.as_ref(), id.into_inner(), Utc::now()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(StoredFileView::from(shown)))
}

/// Change a file's description or marks: whoever may add files to its owner now.
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The file's id")),
    request_body = EditFileRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The file as it is now.", body = StoredFileView),
        (status = 409, description = "`call_closed` or `invalid_transition`: the idea may not be edited now."),
    ),
)]
#[patch("/files/{id}")]
pub async fn edit_file(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: ValidJson<EditFileRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let change = app::files::FileChange {
        description: request.description,
        kind: request.kind,
        identifying: request.identifying,
        internal: request.internal,
    };
    let actor = caller.actor();
    let shown = app::files::edit(&state.db, &state.files, &actor, id.into_inner(), change, Utc::now()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(StoredFileView::from(shown)))
}

/// Remove a file: no link opens it any more; its bytes go with the next sweep.
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The file's id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Removed."),
        (status = 409, description = "`call_closed` or `invalid_transition`: the idea may not be edited now."),
    ),
)]
#[delete("/files/{id}")]
pub async fn remove_file(state: web::Data<AppState>, caller: SignedIn, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    app::files::remove(&state.db, &caller.actor(), id.into_inner(), Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}
