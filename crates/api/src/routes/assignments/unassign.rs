use actix_web::{HttpResponse, delete, web};
use chrono::Utc;
use uuid::Uuid;

use crate::error::ApiResult;
use crate::extract::Staff;
use crate::state::AppState;

/// Take an idea back from a reviewer who has not submitted their review (staff).
///
/// A draft they saved goes with it. The idea's history records the change; with no reviewer left the idea is
/// shortlisted again. A submitted review stays: to keep it out of the ranking, record a conflict of interest.
#[utoipa::path(
    tag = "assignments",
    params(("id" = Uuid, Path, description = "The assignment's id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Unassigned."),
        (status = 409, description = "`review_submitted`: the review is in; `conflict_of_interest`: it was \
            declined for a conflict and stays as its record; `decisions_published`."),
    ),
)]
#[delete("/assignments/{id}")]
pub async fn unassign(state: web::Data<AppState>, Staff(staff): Staff, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    app::assignments::unassign(&state.db, &staff.actor(), id.into_inner(), Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}
