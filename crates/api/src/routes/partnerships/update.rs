use actix_web::{HttpResponse, patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{PartnershipView, UpdatePartnershipRequest, focal_points};
use crate::error::ApiResult;
use crate::extract::{IfMatch, Staff, ValidJson, etag_header};
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
    ),
)]
#[patch("/partnerships/{id}")]
pub async fn update_partnership(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: ValidJson<UpdatePartnershipRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let edit = app::partnerships::PartnershipEdit {
        kind: request.kind,
        signed_on: request.signed_on.map(day),
        next_review_on: request.next_review_on.map(day),
        focal_points: request.focal_points.map(focal_points),
        notes: request.notes.map(|notes| notes.map(LongText::normalized)),
    };
    let (id, if_match, dates) = (id.into_inner(), if_match.0, state.health_dates());
    let partnership =
        app::partnerships::update(&state.db, &staff.0.actor(), id, &if_match, edit, dates, Utc::now()).await?;
    let view = PartnershipView::new(partnership, state.dormancy, dates.today);
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}
