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

/// The answer of the readiness probe: what the service runs with.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    /// `ok`
    pub status: String,
    /// Where files are kept: `local` (the data folder) or `s3`.
    pub storage: String,
    /// Whether an antivirus (CLAMAV_URL) scans each upload; false means uploads are kept unscanned.
    pub uploads_scanned: bool,
}

/// Can it serve requests: do the database, the file store and (when set) the antivirus answer?
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "Ready.", body = Readiness),
        (status = 503, description = "`not_ready`: the database, the file store or the antivirus does not answer."),
    ),
)]
#[get("/ready")]
pub async fn ready(state: web::Data<AppState>) -> ApiResult<web::Json<Readiness>> {
    app::health::ready(&state.db).await?;
    app::health::files_ready(&state.files).await?;
    Ok(web::Json(Readiness {
        status: "ok".into(),
        storage: state.files.storage.kind().into(),
        uploads_scanned: state.files.scanner.is_some(),
    }))
}
