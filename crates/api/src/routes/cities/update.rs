use actix_web::{patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{CityView, UpdateCityRequest, canonical_country};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Correct or verify a city (staff).
#[utoipa::path(
    tag = "cities",
    params(("id" = Uuid, Path, description = "The city's id")),
    request_body = UpdateCityRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The city as changed.", body = CityView),
        (status = 409, description = "`city_exists`: another entry has that name in that country."),
    ),
)]
#[patch("/cities/{id}")]
pub async fn update_city(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateCityRequest>,
) -> ApiResult<web::Json<CityView>> {
    let request = body.into_inner()?;
    let edit = app::cities::CityEdit {
        name: request.name.map(|n| n.normalized()),
        country: request.country.as_deref().map(canonical_country),
        coordinates: request.coordinates.map(|c| (c.latitude, c.longitude)),
        verified: request.verified,
    };
    let city = app::cities::update(&state.db, &staff.0.actor(), id.into_inner(), edit, Utc::now()).await?;
    Ok(web::Json(city.into()))
}
