use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::{CreatePartnershipRequest, PartnershipView, focal_points};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson, etag_header};
use crate::routes::day::day;
use crate::routes::text::LongText;
use crate::state::AppState;

/// Record a partnership with a foreign city (staff).
///
/// Its state is the first entry of its history, dated `stateSince` (default: the signing day, else
/// today). A city has one partnership at most: a second is refused with `partnership_exists`.
#[utoipa::path(
    tag = "partnerships",
    request_body = CreatePartnershipRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The partnership, recorded.", body = PartnershipView,
            headers(("Location" = String, description = "The new partnership's URL"), ("ETag" = String))),
        (status = 409, description = "`partnership_exists`: the city has a partnership already."),
    ),
)]
#[post("/partnerships")]
pub async fn create_partnership(
    state: web::Data<AppState>,
    staff: Staff,
    body: ValidJson<CreatePartnershipRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let new = app::partnerships::NewPartnership {
        city_id: request.city_id,
        state: request.state,
        state_since: day(request.state_since),
        reason: request.reason,
        fields: app::partnerships::PartnershipFields {
            kind: request.kind,
            signed_on: day(request.signed_on),
            next_review_on: day(request.next_review_on),
            focal_points: focal_points(request.focal_points),
            notes: request.notes.map(LongText::normalized),
        },
    };
    let dates = state.health_dates();
    let partnership = app::partnerships::record(&state.db, &staff.0.actor(), new, dates, Utc::now()).await?;
    let view = PartnershipView::new(partnership, state.dormancy, dates.today);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/partnerships/{}", view.id)))
        .insert_header(etag_header(view.version))
        .json(view))
}
