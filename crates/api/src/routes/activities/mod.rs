//! Activities with foreign cities, formal partners or not: everyone reads them, staff record and
//! correct them. An activity may name the citizen's idea it grew from.

mod create;
pub mod dto;
mod list;
mod show;
mod update;

use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, FieldError};
use dto::ActivityView;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_activities)
        .service(list::list_city_activities)
        .service(create::create_activity)
        .service(show::show_activity)
        .service(update::update_activity);
}

/// One activity with its labels, or 404.
pub async fn view(db: &impl ConnectionTrait, id: Uuid) -> ApiResult<ActivityView> {
    let row = db::activities::find_row(db, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    ActivityView::new(row)
}

/// The references an activity is given (`None`: not given, nothing to check): its city exists, and
/// its idea is a selected one — the ideas whose outcomes the program shows to everyone.
pub async fn check_references(
    db: &impl ConnectionTrait,
    city_id: Option<Uuid>,
    idea_id: Option<Uuid>,
) -> ApiResult<()> {
    let mut errors = Vec::new();
    if let Some(city_id) = city_id
        && db::cities::find_by_id(db, city_id).await?.is_none()
    {
        errors.push(FieldError::new("/cityId", "unknown_city", "no such city"));
    }
    if let Some(idea_id) = idea_id {
        match db::ideas::find_by_id(db, idea_id).await? {
            None => errors.push(FieldError::new("/ideaId", "unknown_idea", "no such idea")),
            Some(idea) if idea.state != domain::idea::IdeaState::Selected => errors.push(FieldError::new(
                "/ideaId",
                "idea_not_selected",
                "only a selected idea, once its call's decisions are published, can be named as an activity's origin",
            )),
            Some(_) => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}
