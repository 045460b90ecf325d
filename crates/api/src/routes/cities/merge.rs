use actix_web::{post, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use super::dto::CityView;
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MergeCityRequest {
    /// The entry that stays.
    pub into: Uuid,
}

/// What moved to the surviving entry.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MovedView {
    pub ideas: u64,
    pub activities: u64,
    pub partnership: bool,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MergeCityView {
    /// The surviving entry.
    pub city: CityView,
    pub moved: MovedView,
}

/// Merge a duplicate city entry into another (staff).
///
/// The ideas that target the duplicate, its activities and its partnership move to the surviving
/// entry, which also takes the duplicate's English name and coordinates where it has none; then the
/// duplicate is deleted. Moved ideas get a new version (ETag). Two entries that both have a
/// partnership are refused with `cities_not_mergeable`: end or correct one of them first.
#[utoipa::path(
    tag = "cities",
    params(("id" = Uuid, Path, description = "The duplicate entry, which goes")),
    request_body = MergeCityRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The surviving entry and what moved to it.", body = MergeCityView),
        (status = 409, description = "`cities_not_mergeable`: both entries have a partnership."),
    ),
)]
#[post("/cities/{id}/merge")]
pub async fn merge_city(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<Uuid>,
    body: ValidJson<MergeCityRequest>,
) -> ApiResult<web::Json<MergeCityView>> {
    let request = body.into_inner()?;
    let (city, moved) =
        app::cities::merge(&state.db, &staff.0.actor(), id.into_inner(), request.into, Utc::now()).await?;
    Ok(web::Json(MergeCityView {
        city: city.into(),
        moved: MovedView {
            ideas: moved.ideas,
            activities: moved.activities,
            partnership: moved.partnership,
        },
    }))
}
