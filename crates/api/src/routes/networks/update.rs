use actix_web::{patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{NetworkView, UpdateNetworkRequest};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Correct a network, or record that the municipality left it (staff).
///
/// Fields left out stay as they are; `null` clears an optional one. Networks are not versioned: no
/// If-Match is needed.
#[utoipa::path(
    tag = "networks",
    params(("id" = Uuid, Path, description = "The network's id")),
    request_body = UpdateNetworkRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The network as changed.", body = NetworkView),
        (status = 422, description = "`validation_failed`: a field is invalid, or the network would be \
            left before it was joined (`out_of_order`).",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/networks/{id}")]
pub async fn update_network(
    state: web::Data<AppState>,
    _staff: Staff,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateNetworkRequest>,
) -> ApiResult<web::Json<NetworkView>> {
    let request = body.into_inner()?;
    let txn = db::begin_write(&state.db).await?;
    let network = db::networks::find_by_id(&txn, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let change = request.into_change(&network)?;
    let network = db::networks::update(&txn, network, change, Utc::now()).await?;
    txn.commit().await?;
    Ok(web::Json(network.into()))
}
