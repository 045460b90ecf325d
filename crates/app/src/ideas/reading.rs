//! Reading ideas: one as its viewer may see it, a page of them, an idea's history, its look-alikes.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use domain::event::EventKind;
use domain::idea::IdeaState;
use uuid::Uuid;

use super::{Detail, Viewed, audience, find_visible};
use crate::actor::Actor;
use crate::error::{Error, ErrorCode, Result};
use crate::history::Entry;

/// How many similar ideas are listed.
const SIMILAR_LIMIT: usize = 10;

/// An idea, as much of it as `viewer` may see (404 otherwise), with what they may do next; staff also see its
/// submitter's ties abroad.
pub async fn show(db: &db::Db, viewer: Option<&Actor>, id: Uuid, now: DateTime<Utc>) -> Result<Viewed> {
    let (record, detail) = find_visible(db, id, viewer).await?;
    Viewed::new(record, detail, now).with_submitter_ties(db).await
}

/// One page of the ideas `viewer` may see that match `filter` (whose audience is set here), with how
/// many match in all. `mine` keeps the caller's own ideas, and needs a signed-in caller.
pub async fn list(
    db: &db::Db,
    viewer: Option<&Actor>,
    mine: bool,
    mut filter: db::ideas::IdeaFilter,
    now: DateTime<Utc>,
) -> Result<(Vec<Viewed>, u64)> {
    filter.audience = audience(viewer);
    filter.mine_of = match (mine, viewer) {
        (true, Some(actor)) => Some(actor.user_id),
        (true, None) => return Err(Error::new(ErrorCode::NotSignedIn, "Sign in to list your own ideas.")),
        (false, _) => None,
    };
    let (records, total) = db::ideas::list(db, &filter).await?;
    let items = records
        .into_iter()
        .map(|record| {
            let detail = Detail::for_viewer(viewer, &record.idea);
            Viewed::new(record, detail, now)
        })
        .collect();
    Ok((items, total))
}

/// The latest ideas for a city that `viewer` may see (at most `recent`), and how many they may see by state.
pub async fn of_city(
    db: &db::Db,
    viewer: Option<&Actor>,
    city_id: Uuid,
    recent: u64,
    now: DateTime<Utc>,
) -> Result<(Vec<Viewed>, BTreeMap<IdeaState, i64>)> {
    let filter = db::ideas::IdeaFilter {
        target_city_id: Some(city_id),
        limit: recent,
        ..db::ideas::IdeaFilter::new(audience(viewer))
    };
    let (ideas, _) = list(db, viewer, false, filter, now).await?;
    let by_state = db::ideas::count_by_state(db, audience(viewer), city_id).await?;
    Ok((ideas, by_state.into_iter().collect()))
}

/// An idea's history, oldest first. Staff see every event with who acted and their notes; the
/// submitter sees the state changes and their reasons, never staff notes or who acted. Nobody else
/// sees it (404), reviewers included.
pub async fn history(db: &db::Db, viewer: &Actor, id: Uuid) -> Result<Vec<Entry>> {
    let (record, detail) = find_visible(db, id, Some(viewer)).await?;
    if matches!(detail, Detail::Public | Detail::Reviewer { .. }) {
        return Err(Error::not_found());
    }
    let events = db::events::for_idea(db, record.idea.id).await?;
    let entries = crate::history::named(db, events).await?;
    if detail == Detail::Staff {
        return Ok(entries);
    }
    Ok(entries
        .into_iter()
        .filter(|entry| EventKind::shown_to_submitter(*entry.event.kind))
        .map(|entry| Entry {
            event: db::events::Model {
                note: None,
                actor_id: None,
                ..entry.event
            },
            actor_name: None,
        })
        .collect())
}

/// The ideas of the same call most like this one, best first, with their scores (staff).
pub async fn similar(db: &db::Db, id: Uuid, now: DateTime<Utc>) -> Result<Vec<(Viewed, f64)>> {
    let idea = db::ideas::find_by_id(db, id).await?.ok_or_else(Error::not_found)?;
    let similar = db::ideas::similar(db, &idea, SIMILAR_LIMIT).await?;
    Ok(similar
        .into_iter()
        .map(|(record, score)| (Viewed::new(record, Detail::Staff, now), score))
        .collect())
}
