use actix_web::{get, web};
use uuid::Uuid;

use super::dto::{ActivityView, ListActivitiesQuery};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::extract::ValidQuery;
use crate::routes::page::Page;
use crate::state::AppState;

/// List activities with foreign cities, the newest first.
#[utoipa::path(
    tag = "activities",
    params(ListActivitiesQuery),
    responses((status = 200, description = "One page of activities.", body = Page<ActivityView>)),
)]
#[get("/activities")]
pub async fn list_activities(
    state: web::Data<AppState>,
    query: ValidQuery<ListActivitiesQuery>,
) -> ApiResult<web::Json<Page<ActivityView>>> {
    let (filter, limit, offset) = query.0.into_filter();
    let (activities, total) = app::activities::list(&state.db, &filter).await?;
    let items = activities.into_iter().map(ActivityView::from).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}

/// List the activities with one city, the newest first.
///
/// Takes the filters of `/activities` except `cityId` and `country`.
#[utoipa::path(
    tag = "activities",
    params(("id" = Uuid, Path, description = "The city's id"), ListActivitiesQuery),
    responses((status = 200, description = "One page of the city's activities.", body = Page<ActivityView>)),
)]
#[get("/cities/{id}/activities")]
pub async fn list_city_activities(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: ValidQuery<ListActivitiesQuery>,
) -> ApiResult<web::Json<Page<ActivityView>>> {
    let query = query.0;
    let mut errors = Vec::new();
    if query.city_id.is_some() {
        errors.push(FieldError::new("/cityId", "not_allowed", "the city is in the path"));
    }
    if query.country.is_some() {
        errors.push(FieldError::new("/country", "not_allowed", "the city is in the path"));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let (filter, limit, offset) = query.into_filter();
    let (activities, total) = app::activities::list_of_city(&state.db, id.into_inner(), filter).await?;
    let items = activities.into_iter().map(ActivityView::from).collect();
    Ok(web::Json(Page::new(items, total, (limit, offset))))
}
