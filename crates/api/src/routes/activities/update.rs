use actix_web::{patch, web};
use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use super::dto::{ActivityView, UpdateActivityRequest};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson};
use crate::routes::text::{LongText, ShortText};
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
    let edit = app::activities::ActivityEdit {
        city_id: request.city_id,
        occurred_on: request.occurred_on.map(NaiveDate::from),
        kind: request.kind,
        direction: request.direction,
        status: request.status,
        title: request.title.map(ShortText::normalized),
        description: request.description.map(|d| d.map(LongText::normalized)),
        outcomes: request.outcomes.map(|o| o.map(LongText::normalized)),
        idea_id: request.idea_id,
    };
    let activity = app::activities::update(&state.db, &staff.0.actor(), id.into_inner(), edit, Utc::now()).await?;
    Ok(web::Json(activity.into()))
}
