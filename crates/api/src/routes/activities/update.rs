use actix_web::{patch, web};
use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use super::dto::{ActivityView, UpdateActivityRequest, long_text_parts};
use crate::error::{ApiError, ApiResult};
use crate::extract::{Staff, ValidJson};
use crate::routes::text::LongText;
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
    _staff: Staff,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateActivityRequest>,
) -> ApiResult<web::Json<ActivityView>> {
    let request = body.into_inner()?;
    let txn = db::begin_write(&state.db).await?;
    let current = db::activities::find_by_id(&txn, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let city_id = request.city_id.unwrap_or(current.city_id);
    let idea_id = request.idea_id.unwrap_or(current.idea_id);
    // Only what changes is checked: an idea linked earlier stays linked whatever became of it.
    let new_city = Some(city_id).filter(|id| *id != current.city_id);
    let new_idea = idea_id.filter(|id| Some(*id) != current.idea_id);
    super::check_references(&txn, new_city, new_idea).await?;
    let stored =
        |fa: &str, en: &Option<String>| (!fa.is_empty()).then(|| LongText::from_parts(fa.to_owned(), en.clone()));
    let description = request
        .description
        .unwrap_or_else(|| stored(&current.description_fa, &current.description_en));
    let outcomes = request.outcomes.unwrap_or_else(|| {
        current
            .outcomes_fa
            .as_deref()
            .and_then(|fa| stored(fa, &current.outcomes_en))
    });
    let (title_fa, title_en) = match request.title {
        Some(title) => title.normalized(),
        None => (current.title_fa.clone(), current.title_en.clone()),
    };
    let (description_fa, description_en) = long_text_parts(description);
    let (outcomes_fa, outcomes_en) = outcomes.map(|o| o.normalized()).unzip();
    let content = db::activities::ActivityContent {
        city_id,
        occurred_on: request.occurred_on.map_or(current.occurred_on, NaiveDate::from),
        kind: match request.kind {
            Some(kind) => kind,
            None => current.kind.parse().map_err(ApiError::internal)?,
        },
        direction: match request.direction {
            Some(direction) => direction,
            None => current.direction.parse().map_err(ApiError::internal)?,
        },
        status: match request.status {
            Some(status) => status,
            None => current.status.parse().map_err(ApiError::internal)?,
        },
        title_fa,
        title_en,
        description_fa,
        description_en,
        outcomes_fa,
        outcomes_en: outcomes_en.flatten(),
        idea_id,
    };
    let activity = db::activities::update(&txn, current, content, Utc::now()).await?;
    let view = super::view(&txn, activity.id).await?;
    txn.commit().await?;
    Ok(web::Json(view))
}
