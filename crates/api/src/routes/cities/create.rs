use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::{CityView, CreateCityRequest, canonical_country};
use crate::error::ApiResult;
use crate::extract::{SignedIn, ValidJson};
use crate::state::AppState;

/// Add a missing city.
///
/// A city added by a citizen stays unverified until staff verify it; one added by staff is verified.
/// A city of the same country whose name folds to the same text (ي/ی, ك/ک, spaces…) is refused with
/// `city_exists`, and the detail names it.
#[utoipa::path(
    tag = "cities",
    request_body = CreateCityRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The city, added.", body = CityView,
            headers(("Location" = String, description = "The new city's URL"))),
        (status = 409, description = "`city_exists`: the city is in the list already."),
    ),
)]
#[post("/cities")]
pub async fn create_city(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: ValidJson<CreateCityRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let (name_fa, name_en) = request.name.normalized();
    let new = app::cities::NewCity {
        name_fa,
        name_en,
        country: canonical_country(&request.country),
        coordinates: request.coordinates.map(|c| (c.latitude, c.longitude)),
    };
    let city = app::cities::add(&state.db, &caller.actor(), new, Utc::now()).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/cities/{}", city.id)))
        .json(CityView::from(city)))
}
