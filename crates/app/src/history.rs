//! Reading the history: a subject's events with the names of those who acted, loaded in one query.

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::error::Result;

/// One event and the display name of its actor (None for the system, or when it is not shown).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub event: db::events::Model,
    pub actor_name: Option<String>,
}

/// The events with their actors' names.
pub async fn named(db: &impl ConnectionTrait, events: Vec<db::events::Model>) -> Result<Vec<Entry>> {
    let mut ids: Vec<Uuid> = events.iter().filter_map(|e| e.actor_id).collect();
    ids.sort();
    ids.dedup();
    let names = db::users::display_names(db, &ids).await?;
    Ok(events
        .into_iter()
        .map(|event| {
            let actor_name = event.actor_id.and_then(|id| {
                names
                    .iter()
                    .find(|(actor, _)| *actor == id)
                    .map(|(_, name)| name.clone())
            });
            Entry { event, actor_name }
        })
        .collect())
}
