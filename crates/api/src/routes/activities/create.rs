use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{ActivityView, CreateActivityRequest};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson};
use crate::routes::text::LongText;
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
    staff: Staff,
    id: web::Path<Uuid>,
    body: ValidJson<CreateActivityRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let content = app::activities::ActivityContent {
        city_id: id.into_inner(),
        occurred_on: request.occurred_on.0,
        kind: request.kind,
        direction: request.direction,
        title: request.title.normalized(),
        description: request.description.map(LongText::normalized),
        outcomes: request.outcomes.map(LongText::normalized),
        idea_id: request.idea_id,
    };
    let (actor, status) = (staff.0.actor(), request.status);
    let activity = app::activities::record(&state.db, &actor, content, status, state.today(), Utc::now()).await?;
    let view = ActivityView::from(activity);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/activities/{}", view.id)))
        .json(view))
}
