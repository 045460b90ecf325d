use actix_web::{get, web};
use uuid::Uuid;

use super::dto::ActivityView;
use crate::error::ApiResult;
use crate::state::AppState;

/// An activity with a foreign city.
#[utoipa::path(
    tag = "activities",
    params(("id" = Uuid, Path, description = "The activity's id")),
    responses((status = 200, description = "The activity.", body = ActivityView)),
)]
#[get("/activities/{id}")]
pub async fn show_activity(state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<web::Json<ActivityView>> {
    let activity = app::activities::show(&state.db, id.into_inner()).await?;
    Ok(web::Json(activity.into()))
}
