use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::{CreateNetworkRequest, NetworkView};
use crate::error::{ApiResult, Problem};
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Record a network the municipality belongs to, or belonged to (staff).
#[utoipa::path(
    tag = "networks",
    request_body = CreateNetworkRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The network, recorded.", body = NetworkView,
            headers(("Location" = String, description = "The new network's URL"))),
        (status = 422, description = "`validation_failed`: a field is missing or invalid, or `leftOn` \
            is before `joinedOn` (`out_of_order`).",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/networks")]
pub async fn create_network(
    state: web::Data<AppState>,
    _staff: Staff,
    body: ValidJson<CreateNetworkRequest>,
) -> ApiResult<HttpResponse> {
    let new = body.into_inner()?.into_new()?;
    let txn = db::begin_write(&state.db).await?;
    let network = db::networks::insert(&txn, new, Utc::now()).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/networks/{}", network.id)))
        .json(NetworkView::from(network)))
}
