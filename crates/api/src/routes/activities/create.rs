use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::activity::ActivityStatus;
use uuid::Uuid;

use super::dto::{ActivityView, CreateActivityRequest, long_text_parts};
use crate::error::{ApiError, ApiResult};
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Record an activity with a city (staff).
///
/// Any foreign city counts, formal partner or not. Its status defaults to `done` for a day up to
/// today and `planned` for a later one; only activities done or under way count for a partnership's
/// health. `ideaId` names the selected idea it grew from.
#[utoipa::path(
    tag = "activities",
    params(("id" = Uuid, Path, description = "The city's id")),
    request_body = CreateActivityRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The activity, recorded.", body = ActivityView,
            headers(("Location" = String, description = "The new activity's URL"))),
    ),
)]
#[post("/cities/{id}/activities")]
pub async fn create_activity(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    body: ValidJson<CreateActivityRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let city_id = id.into_inner();
    let occurred_on = request.occurred_on.0;
    let default_status = if occurred_on > state.today() {
        ActivityStatus::Planned
    } else {
        ActivityStatus::Done
    };
    let (title_fa, title_en) = request.title.normalized();
    let (description_fa, description_en) = long_text_parts(request.description);
    let (outcomes_fa, outcomes_en) = request.outcomes.map(|o| o.normalized()).unzip();
    let content = db::activities::ActivityContent {
        city_id,
        occurred_on,
        kind: request.kind,
        direction: request.direction,
        status: request.status.unwrap_or(default_status),
        title_fa,
        title_en,
        description_fa,
        description_en,
        outcomes_fa,
        outcomes_en: outcomes_en.flatten(),
        idea_id: request.idea_id,
    };
    let txn = db::begin_write(&state.db).await?;
    db::cities::find_by_id(&txn, city_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    super::check_references(&txn, None, request.idea_id).await?;
    let activity = db::activities::insert(&txn, content, Some(staff.user.id), Utc::now()).await?;
    let view = super::view(&txn, activity.id).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/activities/{}", activity.id)))
        .json(view))
}
