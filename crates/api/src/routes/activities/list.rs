use actix_web::{get, web};
use uuid::Uuid;

use super::dto::{ActivitySort, ActivityView, ListActivitiesQuery};
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::extract::ValidQuery;
use crate::routes::cities::dto::canonical_country;
use crate::routes::day::day;
use crate::routes::page::{self, Page};
use crate::state::AppState;

/// List activities with foreign cities, the newest first.
#[utoipa::path(
    tag = "activities",
    params(ListActivitiesQuery),
    responses(
        (status = 200, description = "One page of activities.", body = Page<ActivityView>),
        (status = 422, description = "`validation_failed`: a query parameter is invalid.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/activities")]
pub async fn list_activities(
    state: web::Data<AppState>,
    query: ValidQuery<ListActivitiesQuery>,
) -> ApiResult<web::Json<Page<ActivityView>>> {
    list(&state, query.0).await.map(web::Json)
}

/// List the activities with one city, the newest first.
///
/// Takes the filters of `/activities` except `cityId` and `country`.
#[utoipa::path(
    tag = "activities",
    params(("id" = Uuid, Path, description = "The city's id"), ListActivitiesQuery),
    responses(
        (status = 200, description = "One page of the city's activities.", body = Page<ActivityView>),
        (status = 422, description = "`validation_failed`: a query parameter is invalid.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/cities/{id}/activities")]
pub async fn list_city_activities(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: ValidQuery<ListActivitiesQuery>,
) -> ApiResult<web::Json<Page<ActivityView>>> {
    let mut query = query.0;
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
    let city = db::cities::find_by_id(&state.db, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    query.city_id = Some(city.id);
    list(&state, query).await.map(web::Json)
}

async fn list(state: &AppState, query: ListActivitiesQuery) -> ApiResult<Page<ActivityView>> {
    if let (Some(from), Some(to)) = (query.from, query.to)
        && from > to
    {
        return Err(ApiError::validation(vec![FieldError::new(
            "/to",
            "before_from",
            "`to` is before `from`",
        )]));
    }
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let filter = db::activities::ActivityFilter {
        city_id: query.city_id,
        country: query.country.as_deref().map(canonical_country),
        kind: query.kind,
        direction: query.direction,
        status: query.status,
        idea_id: query.idea_id,
        from: day(query.from),
        to: day(query.to),
        q: query.q,
        ascending: matches!(query.sort, Some(ActivitySort::OccurredOn)),
        limit: limit.into(),
        offset: offset.into(),
    };
    let (rows, total) = db::activities::list(&state.db, &filter).await?;
    let items = rows.into_iter().map(ActivityView::new).collect::<ApiResult<Vec<_>>>()?;
    Ok(Page {
        items,
        total,
        limit,
        offset,
    })
}
