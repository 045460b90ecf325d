//! Liveness and readiness, for load balancers and orchestrators.

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiResult;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(live).service(ready);
}

/// The answer of a health probe.
#[derive(Debug, Serialize, ToSchema)]
pub struct Probe {
    /// `ok`
    pub status: String,
}

/// Is the process up?
#[utoipa::path(tag = "health", responses((status = 200, description = "The process answers.", body = Probe)))]
#[get("/live")]
pub async fn live() -> web::Json<Probe> {
    web::Json(Probe { status: "ok".into() })
}

/// Can it serve requests: does the database answer?
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "Ready.", body = Probe),
        (status = 503, description = "`not_ready`: the database does not answer."),
    ),
)]
#[get("/ready")]
pub async fn ready(state: web::Data<AppState>) -> ApiResult<web::Json<Probe>> {
    app::health::ready(&state.db).await?;
    Ok(web::Json(Probe { status: "ok".into() }))
}
