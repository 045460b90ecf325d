use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::{CreatePartnershipRequest, PartnershipView, focal_points_json, notes_parts};
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError, Problem};
use crate::extract::{Staff, ValidJson, etag_header};
use crate::routes::day::day;
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
        (status = 409, description = "`partnership_exists`: the city has a partnership already.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/partnerships")]
pub async fn create_partnership(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    body: ValidJson<CreatePartnershipRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let (now, today) = (Utc::now(), state.today());
    let (signed_on, state_since) = (day(request.signed_on), day(request.state_since));
    let state_since = state_since.or(signed_on).unwrap_or(today);
    if state_since > today {
        return Err(ApiError::validation(vec![FieldError::new(
            if request.state_since.is_some() {
                "/stateSince"
            } else {
                "/signedOn"
            },
            "in_the_future",
            "a state cannot be taken in the future; give stateSince",
        )]));
    }
    let (notes_fa, notes_en) = notes_parts(request.notes);
    let fields = db::partnerships::PartnershipFields {
        kind: request.kind,
        signed_on,
        next_review_on: day(request.next_review_on),
        focal_points_json: focal_points_json(&request.focal_points)?,
        notes_fa,
        notes_en,
    };
    let initial = db::partnerships::NewStateChange {
        to: request.state,
        effective_on: state_since,
        reason: None,
        actor_id: Some(staff.user.id),
    };
    let txn = db::begin_write(&state.db).await?;
    if db::cities::find_by_id(&txn, request.city_id).await?.is_none() {
        return Err(ApiError::validation(vec![FieldError::new(
            "/cityId",
            "unknown_city",
            "no such city; find it or add it at /api/v1/cities",
        )]));
    }
    if let Some(existing) = db::partnerships::find_by_city(&txn, request.city_id).await? {
        return Err(already_partnered(existing.id));
    }
    let partnership = db::partnerships::insert(&txn, request.city_id, fields, initial, today, now)
        .await
        .map_err(|err| {
            if db::is_unique_violation(&err) {
                // Another request recorded one for the same city a moment ago.
                ApiError::new(ErrorCode::PartnershipExists, "The city has a partnership already.")
            } else {
                err.into()
            }
        })?;
    let view = super::detail(&txn, &state, partnership.id, true).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/partnerships/{}", view.id)))
        .insert_header(etag_header(view.version))
        .json(view))
}

fn already_partnered(existing: uuid::Uuid) -> ApiError {
    ApiError::new(
        ErrorCode::PartnershipExists,
        format!("The city has a partnership already: /api/v1/partnerships/{existing}. Change that one instead."),
    )
}
