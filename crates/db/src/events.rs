//! The history, one API for every subject: events are only ever added, never changed or deleted.
//! Build one with `NewEvent::of_idea`/`of_call`/`new`, add who, from, to, why, and record it inside the
//! transaction of the change it tells.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use domain::event::{EventKind, SubjectKind};
use sea_orm::sea_query::{ExprTrait, Order};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::entities::event::{ActiveModel, Column, Entity as Events, Model as Event};
use crate::stored::Named;

/// An event about to be recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub subject: SubjectKind,
    pub subject_id: Uuid,
    pub call_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub kind: EventKind,
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub address: Option<String>,
}

impl NewEvent {
    /// An event of any subject, by the system until `by` names an actor.
    pub fn new(subject: SubjectKind, subject_id: Uuid, kind: EventKind) -> Self {
        NewEvent {
            subject,
            subject_id,
            call_id: None,
            actor_id: None,
            kind,
            from: None,
            to: None,
            reason: None,
            note: None,
            address: None,
        }
    }

    /// An event of an idea, in its call.
    pub fn of_idea(idea_id: Uuid, call_id: Uuid, kind: EventKind) -> Self {
        NewEvent {
            call_id: Some(call_id),
            ..NewEvent::new(SubjectKind::Idea, idea_id, kind)
        }
    }

    /// An event of a call itself.
    pub fn of_call(call_id: Uuid, kind: EventKind) -> Self {
        NewEvent {
            call_id: Some(call_id),
            ..NewEvent::new(SubjectKind::Call, call_id, kind)
        }
    }

    /// Who acted (None: the system).
    pub fn by(self, actor_id: impl Into<Option<Uuid>>) -> Self {
        NewEvent {
            actor_id: actor_id.into(),
            ..self
        }
    }

    /// What the subject changed from and to.
    pub fn change(self, from: Option<impl ToString>, to: Option<impl ToString>) -> Self {
        NewEvent {
            from: from.map(|v| v.to_string()),
            to: to.map(|v| v.to_string()),
            ..self
        }
    }

    pub fn to(self, to: impl ToString) -> Self {
        NewEvent {
            to: Some(to.to_string()),
            ..self
        }
    }

    pub fn from(self, from: impl ToString) -> Self {
        NewEvent {
            from: Some(from.to_string()),
            ..self
        }
    }

    /// Why, as a stable code (a screening reason, a closing reason).
    pub fn reason(self, reason: Option<impl ToString>) -> Self {
        NewEvent {
            reason: reason.map(|r| r.to_string()),
            ..self
        }
    }

    /// A free-text note, for staff.
    pub fn note(self, note: Option<String>) -> Self {
        NewEvent { note, ..self }
    }

    /// The address the actor's request came from (kept for the audit trail).
    pub fn from_address(self, address: Option<IpAddr>) -> Self {
        NewEvent {
            address: address.map(|a| a.to_string()),
            ..self
        }
    }

    fn into_active_model(self, now: DateTime<Utc>) -> ActiveModel {
        ActiveModel {
            id: Set(Uuid::now_v7()),
            subject_type: Set(Named(self.subject)),
            subject_id: Set(self.subject_id),
            call_id: Set(self.call_id),
            actor_id: Set(self.actor_id),
            kind: Set(Named(self.kind)),
            from_value: Set(self.from),
            to_value: Set(self.to),
            reason: Set(self.reason),
            note: Set(self.note),
            created_at: Set(now),
            client_address: Set(self.address),
        }
    }
}

pub async fn record(db: &impl ConnectionTrait, event: NewEvent, now: DateTime<Utc>) -> Result<Event, DbErr> {
    event.into_active_model(now).insert(db).await
}

/// Rows per INSERT when many events are recorded at once: well under SQLite's bound on parameters.
const RECORD_CHUNK: usize = 500;

/// Records many events at once, all at `now`: one statement per 500 (an automatic assignment writes one per
/// reviewer given, a publication one per idea).
pub async fn record_many(db: &impl ConnectionTrait, events: Vec<NewEvent>, now: DateTime<Utc>) -> Result<(), DbErr> {
    let mut events = events.into_iter().peekable();
    while events.peek().is_some() {
        let chunk: Vec<ActiveModel> = events
            .by_ref()
            .take(RECORD_CHUNK)
            .map(|e| e.into_active_model(now))
            .collect();
        Events::insert_many(chunk).exec_without_returning(db).await?;
    }
    Ok(())
}

/// A subject's history, oldest first.
pub async fn of_subject(db: &impl ConnectionTrait, subject: SubjectKind, id: Uuid) -> Result<Vec<Event>, DbErr> {
    Events::find()
        .filter(Column::SubjectType.eq(Named(subject)))
        .filter(Column::SubjectId.eq(id))
        .order_by(Column::CreatedAt, Order::Asc)
        .order_by(Column::Id, Order::Asc)
        .all(db)
        .await
}

/// An idea's history, oldest first.
pub async fn for_idea(db: &impl ConnectionTrait, idea_id: Uuid) -> Result<Vec<Event>, DbErr> {
    of_subject(db, SubjectKind::Idea, idea_id).await
}

/// A call's own history (not its ideas'), oldest first.
pub async fn for_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<Event>, DbErr> {
    of_subject(db, SubjectKind::Call, call_id).await
}

/// Which entries of the audit trail to read: all filters optional, the time bounds inclusive.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<Uuid>,
    pub subject: Option<Uuid>,
    /// One of `domain::event::AUDITED`; any of them when None.
    pub kind: Option<EventKind>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub limit: u64,
    pub offset: u64,
}

/// One page of the audit trail, the latest first, and how many entries match: the audited kinds, and
/// everything an API key did (through its service account), whatever its kind.
pub async fn audit(db: &impl ConnectionTrait, filter: &AuditFilter) -> Result<(Vec<Event>, u64), DbErr> {
    let mut query = match filter.kind {
        Some(kind) => Events::find().filter(Column::Kind.eq(Named(kind))),
        None => {
            let kinds = domain::event::AUDITED.iter().copied().map(Named);
            let services = sea_orm::sea_query::Query::select()
                .column(crate::entities::user::Column::Id)
                .from(crate::entities::user::Entity)
                .and_where(sea_orm::sea_query::Expr::col(crate::entities::user::Column::Service).eq(true))
                .to_owned();
            let by_keys = Column::ActorId.in_subquery(services);
            Events::find().filter(sea_orm::Condition::any().add(Column::Kind.is_in(kinds)).add(by_keys))
        }
    };
    if let Some(actor) = filter.actor {
        query = query.filter(Column::ActorId.eq(actor));
    }
    if let Some(subject) = filter.subject {
        query = query.filter(Column::SubjectId.eq(subject));
    }
    if let Some(since) = filter.since {
        query = query.filter(Column::CreatedAt.gte(since));
    }
    if let Some(until) = filter.until {
        query = query.filter(Column::CreatedAt.lte(until));
    }
    crate::page(
        db,
        query,
        (Column::CreatedAt, Order::Desc),
        Column::Id,
        filter.limit,
        filter.offset,
    )
    .await
}

pub use crate::entities::event::Model;
