use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::{CreateNetworkRequest, NetworkView};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Record a network the municipality belongs to, or belonged to (staff).
///
/// `leftOn` before `joinedOn` is refused with `validation_failed` (field code `out_of_order`).
#[utoipa::path(
    tag = "networks",
    request_body = CreateNetworkRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The network, recorded.", body = NetworkView,
            headers(("Location" = String, description = "The new network's URL"))),
    ),
)]
#[post("/networks")]
pub async fn create_network(
    state: web::Data<AppState>,
    staff: Staff,
    body: ValidJson<CreateNetworkRequest>,
) -> ApiResult<HttpResponse> {
    let new = body.into_inner()?.into_new();
    let network = app::networks::create(&state.db, &staff.0.actor(), new, Utc::now()).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/networks/{}", network.id)))
        .json(NetworkView::from(network)))
}
