//! Reading the history: a subject's events with the names of those who acted, loaded in one query.

use std::collections::{BTreeSet, HashMap};

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
    let names = display_names(db, events.iter().filter_map(|e| e.actor_id)).await?;
    Ok(events
        .into_iter()
        .map(|event| {
            let actor_name = event.actor_id.and_then(|id| names.get(&id).cloned());
            Entry { event, actor_name }
        })
        .collect())
}

/// The display names of these accounts, each looked up once, in one query.
pub(crate) async fn display_names(
    db: &impl ConnectionTrait,
    ids: impl Iterator<Item = Uuid>,
) -> Result<HashMap<Uuid, String>> {
    let ids: BTreeSet<Uuid> = ids.collect();
    let ids: Vec<Uuid> = ids.into_iter().collect();
    Ok(db::users::display_names(db, &ids).await?.into_iter().collect())
}
