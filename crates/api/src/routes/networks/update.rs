use actix_web::{patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{NetworkView, UpdateNetworkRequest};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Correct a network, or record that the municipality left it (staff).
///
/// Fields left out stay as they are; `null` clears an optional one. Networks are not versioned: no
/// If-Match is needed. A network left before it was joined is refused with `validation_failed`
/// (field code `out_of_order`).
#[utoipa::path(
    tag = "networks",
    params(("id" = Uuid, Path, description = "The network's id")),
    request_body = UpdateNetworkRequest,
    security(("bearer" = [])),
    responses((status = 200, description = "The network as changed.", body = NetworkView)),
)]
#[patch("/networks/{id}")]
pub async fn update_network(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateNetworkRequest>,
) -> ApiResult<web::Json<NetworkView>> {
    let change = body.into_inner()?.into_change();
    let network = app::networks::update(&state.db, &staff.0.actor(), id.into_inner(), change, Utc::now()).await?;
    Ok(web::Json(network.into()))
}
