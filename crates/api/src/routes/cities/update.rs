use actix_web::{patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{CityView, UpdateCityRequest, canonical_country};
use crate::error::{ApiError, ApiResult};
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
        (status = 409, description = "`city_exists`: another entry has that name in that country.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/cities/{id}")]
pub async fn update_city(
    state: web::Data<AppState>,
    _staff: Staff,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateCityRequest>,
) -> ApiResult<web::Json<CityView>> {
    let request = body.into_inner()?;
    let name = request.name.map(|n| n.normalized());
    let change = db::cities::CityChange {
        name_fa: name.as_ref().map(|n| n.0.clone()),
        name_en: name.map(|n| n.1),
        country: request.country.as_deref().map(canonical_country),
        coordinates: request.coordinates.map(|c| Some((c.latitude, c.longitude))),
        verified: request.verified,
    };
    let txn = db::begin_write(&state.db).await?;
    let city = db::cities::find_by_id(&txn, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let country = change.country.clone().unwrap_or_else(|| city.country.clone());
    let name_fa = change.name_fa.clone().unwrap_or_else(|| city.name_fa.clone());
    let name_en = change.name_en.clone().unwrap_or_else(|| city.name_en.clone());
    let names: Vec<&str> = [Some(name_fa.as_str()), name_en.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if let Some(existing) = db::cities::find_same(&txn, &country, &names, Some(city.id)).await? {
        return Err(super::create::already_listed(&existing));
    }
    let city = db::cities::update(&txn, city, change, Utc::now()).await?;
    txn.commit().await?;
    Ok(web::Json(city.into()))
}
