//! The outbox: e-mails written in the transaction of their cause, then taken by a dispatcher, sent and
//! marked. A dispatcher holds what it took under a lease (`locked_until`); on PostgreSQL it takes rows
//! with `FOR UPDATE SKIP LOCKED`, so several API processes never take the same message at once, and a
//! process that dies mid-delivery leaves its messages to whoever comes after the lease.

use chrono::{DateTime, TimeDelta, Utc};
use domain::notice::{DeliveryState, Notice, NoticeKind};
use sea_orm::sea_query::{Expr, LockBehavior, LockType, Order};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::outbox_message::{self, Column, Entity as Outbox};
use crate::entities::user::{self, Entity as Users};
use crate::stored::{Json, Named};

pub use outbox_message::Model as OutboxMessage;

/// A message to queue: to whom, what, and the one-time token its link carries, if any.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub user_id: Uuid,
    pub notice: Notice,
    pub secret: Option<String>,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    message: NewMessage,
    now: DateTime<Utc>,
) -> Result<OutboxMessage, DbErr> {
    outbox_message::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(message.user_id),
        kind: Set(Named(message.notice.kind())),
        payload: Set(Json(message.notice)),
        secret: Set(message.secret),
        state: Set(Named(DeliveryState::Pending)),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
    }
    .insert(db)
    .await
}

/// A message taken for delivery, with its recipient as the account is now.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub message: OutboxMessage,
    pub recipient: Option<user::Model>,
}

/// Takes up to `limit` messages whose attempt is due and that nobody holds, and holds them until
/// `now + lease`. Run it in a write transaction and commit before sending.
pub async fn claim(
    db: &impl ConnectionTrait,
    limit: u64,
    lease: TimeDelta,
    now: DateTime<Utc>,
) -> Result<Vec<Claimed>, DbErr> {
    let due = Outbox::find()
        .filter(Column::State.eq(Named(DeliveryState::Pending)))
        .filter(Column::NextAttemptAt.lte(now))
        .filter(
            Condition::any()
                .add(Column::LockedUntil.is_null())
                .add(Column::LockedUntil.lte(now)),
        )
        .order_by(Column::NextAttemptAt, Order::Asc)
        .order_by(Column::Id, Order::Asc)
        .limit(limit)
        // Ignored by SQLite, whose write transaction holds the whole database anyway.
        .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
        .all(db)
        .await?;
    if due.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = due.iter().map(|m| m.id).collect();
    let until = now + lease;
    Outbox::update_many()
        .col_expr(Column::LockedUntil, Expr::value(until))
        .filter(Column::Id.is_in(ids.clone()))
        .exec(db)
        .await?;
    let recipients = Users::find()
        .filter(user::Column::Id.is_in(due.iter().map(|m| m.user_id)))
        .all(db)
        .await?;
    Ok(due
        .into_iter()
        .map(|mut message| {
            message.locked_until = Some(until);
            let recipient = recipients.iter().find(|u| u.id == message.user_id).cloned();
            Claimed { message, recipient }
        })
        .collect())
}

/// How one attempt ended.
#[derive(Debug, Clone)]
pub enum Outcome {
    Sent,
    /// It failed; try again at `retry_at`, or never (`None`: it is dead).
    Failed {
        error: String,
        retry_at: Option<DateTime<Utc>>,
    },
}

/// Records how the attempts of a batch ended, in one statement per message, each only while the
/// dispatcher still holds it (`locked_until` unchanged), so a message taken over after a lease expired
/// is marked by its new holder only.
pub async fn record(
    db: &impl ConnectionTrait,
    results: &[(OutboxMessage, Outcome)],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    for (message, outcome) in results {
        let mut update = Outbox::update_many()
            .col_expr(Column::Attempts, Expr::value(message.attempts + 1))
            .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None));
        update = match outcome {
            Outcome::Sent => update
                .col_expr(Column::State, Expr::value(DeliveryState::Sent.as_str()))
                .col_expr(Column::SentAt, Expr::value(now))
                .col_expr(Column::Secret, Expr::value(Option::<String>::None))
                .col_expr(Column::LastError, Expr::value(Option::<String>::None)),
            Outcome::Failed { error, retry_at } => {
                let update = update.col_expr(Column::LastError, Expr::value(error.clone()));
                match retry_at {
                    Some(at) => update.col_expr(Column::NextAttemptAt, Expr::value(*at)),
                    None => update.col_expr(Column::State, Expr::value(DeliveryState::Dead.as_str())),
                }
            }
        };
        let held = crate::still_held((Column::Id, message.id), (Column::LockedUntil, message.locked_until));
        update.filter(held).exec(db).await?;
    }
    Ok(())
}

/// What the admin's outbox page shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutboxFilter {
    pub state: Option<DeliveryState>,
    pub limit: u64,
    pub offset: u64,
}

/// One page of the outbox, newest first, each message with its recipient.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: OutboxFilter,
) -> Result<(Vec<(OutboxMessage, Option<user::Model>)>, u64), DbErr> {
    let mut query = Outbox::find();
    if let Some(state) = filter.state {
        query = query.filter(Column::State.eq(Named(state)));
    }
    let (messages, total) = crate::page(
        db,
        query,
        (Column::CreatedAt, Order::Desc),
        Column::Id,
        filter.limit,
        filter.offset,
    )
    .await?;
    let recipients = Users::find()
        .filter(user::Column::Id.is_in(messages.iter().map(|m| m.user_id)))
        .all(db)
        .await?;
    let rows = messages
        .into_iter()
        .map(|message| {
            let recipient = recipients.iter().find(|u| u.id == message.user_id).cloned();
            (message, recipient)
        })
        .collect();
    Ok((rows, total))
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<(OutboxMessage, Option<user::Model>)>, DbErr> {
    let Some(message) = Outbox::find_by_id(id).lock_exclusive().one(db).await? else {
        return Ok(None);
    };
    let recipient = Users::find_by_id(message.user_id).one(db).await?;
    Ok(Some((message, recipient)))
}

/// A dead message goes back to the queue with its attempts counted from zero.
pub async fn revive(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let result = Outbox::update_many()
        .col_expr(Column::State, Expr::value(DeliveryState::Pending.as_str()))
        .col_expr(Column::Attempts, Expr::value(0))
        .col_expr(Column::NextAttemptAt, Expr::value(now))
        .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(Column::Id.eq(id))
        .filter(Column::State.eq(Named(DeliveryState::Dead)))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// How many messages of each kind are in `state` (tests, the demo, the benchmark).
pub async fn count(db: &impl ConnectionTrait, state: DeliveryState, kind: Option<NoticeKind>) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    let mut query = Outbox::find().filter(Column::State.eq(Named(state)));
    if let Some(kind) = kind {
        query = query.filter(Column::Kind.eq(Named(kind)));
    }
    query.count(db).await
}

/// Drops every message not yet sent: for a database filled by the demo, whose people are made up.
pub async fn discard_pending(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    let result = Outbox::delete_many()
        .filter(Column::State.ne(Named(DeliveryState::Sent)))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
