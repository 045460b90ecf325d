//! The history: events are only ever added, never changed or deleted.

use chrono::{DateTime, Utc};
use domain::idea::EventKind;
use sea_orm::sea_query::Order;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::entities::event::{ActiveModel, Column, Entity as Events, Model as Event};

pub struct NewEvent {
    pub call_id: Uuid,
    pub idea_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub kind: EventKind,
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
}

pub async fn record(db: &impl ConnectionTrait, event: NewEvent, now: DateTime<Utc>) -> Result<Event, DbErr> {
    ActiveModel {
        id: Set(Uuid::now_v7()),
        call_id: Set(event.call_id),
        idea_id: Set(event.idea_id),
        actor_id: Set(event.actor_id),
        kind: Set(event.kind.as_str().to_owned()),
        from_value: Set(event.from),
        to_value: Set(event.to),
        reason: Set(event.reason),
        note: Set(event.note),
        created_at: Set(now),
    }
    .insert(db)
    .await
}

/// Rows per INSERT when many events are recorded at once: well under SQLite's bound on parameters.
const RECORD_CHUNK: usize = 500;

/// Records many events at once, all at `now`: one statement per 500 (an automatic assignment writes one per
/// reviewer given, a publication one per idea).
pub async fn record_many(db: &impl ConnectionTrait, events: Vec<NewEvent>, now: DateTime<Utc>) -> Result<(), DbErr> {
    for chunk in events.chunks(RECORD_CHUNK) {
        let models = chunk.iter().map(|event| ActiveModel {
            id: Set(Uuid::now_v7()),
            call_id: Set(event.call_id),
            idea_id: Set(event.idea_id),
            actor_id: Set(event.actor_id),
            kind: Set(event.kind.as_str().to_owned()),
            from_value: Set(event.from.clone()),
            to_value: Set(event.to.clone()),
            reason: Set(event.reason.clone()),
            note: Set(event.note.clone()),
            created_at: Set(now),
        });
        Events::insert_many(models).exec_without_returning(db).await?;
    }
    Ok(())
}

/// An idea's history, oldest first.
pub async fn for_idea(db: &impl ConnectionTrait, idea_id: Uuid) -> Result<Vec<Event>, DbErr> {
    Events::find()
        .filter(Column::IdeaId.eq(idea_id))
        .order_by(Column::CreatedAt, Order::Asc)
        .order_by(Column::Id, Order::Asc)
        .all(db)
        .await
}

/// A call's own history (not its ideas'), oldest first.
pub async fn for_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<Event>, DbErr> {
    Events::find()
        .filter(Column::CallId.eq(call_id))
        .filter(Column::IdeaId.is_null())
        .order_by(Column::CreatedAt, Order::Asc)
        .order_by(Column::Id, Order::Asc)
        .all(db)
        .await
}

pub use crate::entities::event::Model;
