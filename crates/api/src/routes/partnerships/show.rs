use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use super::dto::PartnershipView;
use crate::error::ApiResult;
use crate::extract::{Viewer, etag_header};
use crate::state::AppState;

/// A partnership with its health and history.
///
/// Focal points and who recorded each change appear for staff only; `allowedActions` says what the
/// caller may do next with it.
#[utoipa::path(
    tag = "partnerships",
    params(("id" = Uuid, Path, description = "The partnership's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The partnership.", body = PartnershipView, headers(("ETag" = String)))),
)]
#[get("/partnerships/{id}")]
pub async fn show_partnership(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let dates = state.health_dates();
    let partnership = app::partnerships::show(&state.db, viewer.actor().as_ref(), id.into_inner(), dates).await?;
    let view = PartnershipView::new(partnership, state.dormancy, dates.today);
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}
