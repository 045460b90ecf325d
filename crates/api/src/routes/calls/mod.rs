//! Calls for ideas: staff create and edit them, everyone reads them; their events, statistics and
//! exports. The ideas of one call are listed by `ideas::list`.

mod close;
mod create;
pub mod dto;
mod events;
mod export;
mod list;
mod show;
mod stats;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_calls)
        .service(create::create_call)
        .service(show::show_call)
        .service(update::update_call)
        .service(close::close_call)
        .service(events::list_call_events)
        .service(stats::call_stats)
        .service(export::export_ideas);
}

/// The call, or 404.
pub async fn find(
    db: &impl sea_orm::ConnectionTrait,
    id: uuid::Uuid,
) -> Result<db::calls::Model, crate::error::ApiError> {
    db::calls::find_by_id(db, id)
        .await?
        .ok_or_else(crate::error::ApiError::not_found)
}

/// 409 `decisions_published` once the call's decisions are out: they are final, and so is everything the jury
/// worked with (rubric, assignments, reviews, decisions).
pub fn ensure_undecided(call: &db::calls::Model) -> Result<(), crate::error::ApiError> {
    match call.decisions_published_at {
        Some(at) => Err(crate::error::ApiError::new(
            crate::error::ErrorCode::DecisionsPublished,
            format!(
                "The call's decisions were published at {}; they are final.",
                at.to_rfc3339()
            ),
        )),
        None => Ok(()),
    }
}
