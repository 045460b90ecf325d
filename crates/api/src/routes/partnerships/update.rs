use actix_web::{HttpResponse, patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{PartnershipView, UpdatePartnershipRequest, focal_points_json, notes_parts};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::{IfMatch, Staff, ValidJson, etag_header, stale};
use crate::routes::day::day;
use crate::routes::text::LongText;
use crate::state::AppState;

/// Edit a partnership (staff), sending `If-Match` with the ETag you read.
///
/// Its state changes through `POST /partnerships/{id}/state`, so that every change has a date and a reason.
#[utoipa::path(
    tag = "partnerships",
    params(
        ("id" = Uuid, Path, description = "The partnership's id"),
        ("If-Match" = String, Header, description = "The ETag of the partnership as you read it"),
    ),
    request_body = UpdatePartnershipRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The partnership as changed.", body = PartnershipView, headers(("ETag" = String))),
        (status = 412, description = "`stale_version`: it changed since you read it.",
            body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "`precondition_required`: If-Match is missing.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/partnerships/{id}")]
pub async fn update_partnership(
    state: web::Data<AppState>,
    _staff: Staff,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: ValidJson<UpdatePartnershipRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let txn = db::begin_write(&state.db).await?;
    let current = db::partnerships::find_by_id(&txn, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let expected = if_match.expected(current.version)?;
    let notes = match request.notes {
        Some(notes) => notes,
        None => current
            .notes_fa
            .clone()
            .map(|fa| LongText::from_parts(fa, current.notes_en.clone())),
    };
    let (notes_fa, notes_en) = notes_parts(notes);
    let focal_points_json = match request.focal_points {
        Some(points) => focal_points_json(&points)?,
        None => current.focal_points.clone(),
    };
    let fields = db::partnerships::PartnershipFields {
        kind: match request.kind {
            Some(kind) => kind,
            None => current.kind.parse().map_err(ApiError::internal)?,
        },
        signed_on: request.signed_on.map_or(current.signed_on, day),
        next_review_on: request.next_review_on.map_or(current.next_review_on, day),
        focal_points_json,
        notes_fa,
        notes_en,
    };
    if !db::partnerships::update(&txn, current.id, expected, fields, Utc::now()).await? {
        return Err(stale());
    }
    let view: PartnershipView = super::detail(&txn, &state, current.id, true).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}
