use actix_web::{get, web};

use super::dto::{AuditEntryView, AuditQuery};
use crate::error::ApiResult;
use crate::extract::{Admin, ValidQuery};
use crate::routes::day::instant_if;
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// The audit trail (admin): roles and activation changed, second factors enrolled, disabled or reset,
/// set-password links issued, passwords set, exports downloaded, sessions ended — the latest first.
///
/// Nobody can change it: there is no endpoint that does, and the database refuses to change or delete
/// a recorded event.
#[utoipa::path(
    tag = "audit",
    params(AuditQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "One page of the trail.", body = Page<AuditEntryView>)),
)]
#[get("/audit")]
pub async fn list_audit(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    query: ValidQuery<AuditQuery>,
) -> ApiResult<web::Json<Page<AuditEntryView>>> {
    let ValidQuery(query) = query;
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = app::audit::AuditFilter {
        actor: query.actor,
        subject: query.subject,
        kind: query.kind,
        since: instant_if(query.since, state.time_zone, false, "/since")?,
        until: instant_if(query.until, state.time_zone, true, "/until")?,
        limit: limit.into(),
        offset: offset.into(),
    };
    let (entries, total) = app::audit::list(&state.db, &admin.actor(), &filter).await?;
    let items = entries.into_iter().map(AuditEntryView::from).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}
