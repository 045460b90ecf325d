use actix_web::{post, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use super::dto::CityView;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError, Problem};
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
pub struct Moved {
    pub ideas: u64,
    pub activities: u64,
    pub partnership: bool,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MergeCityResult {
    /// The surviving entry.
    pub city: CityView,
    pub moved: Moved,
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
        (status = 200, description = "The surviving entry and what moved to it.", body = MergeCityResult),
        (status = 409, description = "`cities_not_mergeable`: both entries have a partnership.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/cities/{id}/merge")]
pub async fn merge_city(
    state: web::Data<AppState>,
    _staff: Staff,
    id: web::Path<Uuid>,
    body: ValidJson<MergeCityRequest>,
) -> ApiResult<web::Json<MergeCityResult>> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let duplicate = db::cities::find_by_id(&txn, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    if request.into == duplicate.id {
        return Err(ApiError::validation(vec![FieldError::new(
            "/into",
            "same_city",
            "a city cannot be merged into itself",
        )]));
    }
    let survivor = db::cities::find_by_id(&txn, request.into)
        .await?
        .ok_or_else(|| ApiError::validation(vec![FieldError::new("/into", "unknown_city", "no such city")]))?;
    let partnered = (
        db::partnerships::find_by_city(&txn, duplicate.id).await?,
        db::partnerships::find_by_city(&txn, survivor.id).await?,
    );
    let both_partnered = || {
        ApiError::new(
            ErrorCode::CitiesNotMergeable,
            "Both entries have a partnership, and a city has one at most: end or correct one of them first.",
        )
    };
    if let (Some(_), Some(_)) = partnered {
        return Err(both_partnered());
    }
    let gaps = db::cities::CityChange {
        name_en: survivor.name_en.is_none().then(|| duplicate.name_en.clone()),
        coordinates: survivor
            .latitude
            .is_none()
            .then(|| duplicate.latitude.zip(duplicate.longitude)),
        ..Default::default()
    };
    let merged = db::cities::merge(&txn, duplicate.id, survivor.id, now)
        .await
        .map_err(|err| {
            if db::is_unique_violation(&err) {
                // A partnership with the surviving entry was recorded a moment ago.
                both_partnered()
            } else {
                err.into()
            }
        })?;
    let city = db::cities::update(&txn, survivor, gaps, now).await?;
    txn.commit().await?;
    tracing::info!(duplicate = %duplicate.id, survivor = %city.id, ?merged, "cities merged");
    Ok(web::Json(MergeCityResult {
        city: city.into(),
        moved: Moved {
            ideas: merged.ideas,
            activities: merged.activities,
            partnership: merged.partnership,
        },
    }))
}
