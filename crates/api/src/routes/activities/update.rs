use actix_web::{patch, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{ActivityView, UpdateActivityRequest};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Correct an activity (staff): leave out what stays, send null to clear.
#[utoipa::path(
    tag = "activities",
    params(("id" = Uuid, Path, description = "The activity's id")),
    request_body = UpdateActivityRequest,
    security(("bearer" = [])),
    responses((status = 200, description = "The activity as changed.", body = ActivityView)),
)]
#[patch("/activities/{id}")]
pub async fn update_activity(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateActivityRequest>,
) -> ApiResult<web::Json<ActivityView>> {
    let request = body.into_inner()?;
    let (actor, id) = (staff.0.actor(), id.into_inner());
    let activity = app::activities::update(&state.db, &actor, id, |a, s| request.applied_to(a, s), Utc::now()).await?;
    Ok(web::Json(activity.into()))
}
