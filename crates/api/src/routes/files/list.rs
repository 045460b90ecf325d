use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use app::files::Owner;
use chrono::Utc;
use domain::file::FileOwnerKind;
use uuid::Uuid;

use super::dto::FileList;
use crate::error::ApiResult;
use crate::extract::{SignedIn, Viewer};
use crate::state::AppState;

async fn list(state: &AppState, actor: Option<app::Actor>, kind: FileOwnerKind, id: Uuid) -> ApiResult<HttpResponse> {
    let owner = Owner { kind, id };
    let files = app::files::list(&state.db, &state.files, actor.as_ref(), owner, Utc::now()).await?;
    // The links in it expire: never cached.
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(FileList::of(files)))
}

/// An idea's files, as many as you may see.
///
/// Its submitter and staff see all; a reviewer assigned to it the proposal documents and, unless the
/// call is blind, the evidence (a blind call's reviewers never see evidence, files marked identifying or
/// original names); the public, once the idea is selected and published, its proposal documents if the
/// submitter agreed (`filesPublic`).
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The files you may see, oldest first.", body = FileList)),
)]
#[get("/ideas/{id}/files")]
pub async fn list_idea_files(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    list(&state, viewer.actor(), FileOwnerKind::Idea, id.into_inner()).await
}

/// The evidence of a tie abroad: its citizen and staff see it.
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The tie's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The tie's files, oldest first.", body = FileList)),
)]
#[get("/ties/{id}/files")]
pub async fn list_tie_files(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    list(&state, Some(caller.actor()), FileOwnerKind::Tie, id.into_inner()).await
}

/// A partnership's documents and photographs: everyone sees them, except those marked internal (staff).
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The partnership's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The files you may see, oldest first.", body = FileList)),
)]
#[get("/partnerships/{id}/files")]
pub async fn list_partnership_files(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    list(&state, viewer.actor(), FileOwnerKind::Partnership, id.into_inner()).await
}

/// An activity's documents and photographs: everyone sees them, except those marked internal (staff).
#[utoipa::path(
    tag = "files",
    params(("id" = Uuid, Path, description = "The activity's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The files you may see, oldest first.", body = FileList)),
)]
#[get("/activities/{id}/files")]
pub async fn list_activity_files(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    list(&state, viewer.actor(), FileOwnerKind::Activity, id.into_inner()).await
}
