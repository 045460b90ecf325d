use actix_web::{get, web};
use uuid::Uuid;

use super::dto::CityView;
use crate::error::ApiResult;
use crate::state::AppState;

/// A city abroad.
#[utoipa::path(
    tag = "cities",
    params(("id" = Uuid, Path, description = "The city's id")),
    responses((status = 200, description = "The city.", body = CityView)),
)]
#[get("/cities/{id}")]
pub async fn show_city(state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<web::Json<CityView>> {
    let city = app::cities::show(&state.db, id.into_inner()).await?;
    Ok(web::Json(city.into()))
}
