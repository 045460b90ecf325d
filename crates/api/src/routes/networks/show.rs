use actix_web::{get, web};
use uuid::Uuid;

use super::dto::NetworkView;
use crate::error::ApiResult;
use crate::state::AppState;

/// A city network.
#[utoipa::path(
    tag = "networks",
    params(("id" = Uuid, Path, description = "The network's id")),
    responses((status = 200, description = "The network.", body = NetworkView)),
)]
#[get("/networks/{id}")]
pub async fn show_network(state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<web::Json<NetworkView>> {
    let network = app::networks::show(&state.db, id.into_inner()).await?;
    Ok(web::Json(network.into()))
}
