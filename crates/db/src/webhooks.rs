//! Webhook endpoints, their deliveries and the log of attempts. Deliveries are taken like the outbox's
//! e-mails: under a lease, with `FOR UPDATE SKIP LOCKED` on PostgreSQL, so that several API processes never
//! send one message at once and a process that dies leaves its messages to the next after the lease.

use chrono::{DateTime, TimeDelta, Utc};
use domain::webhook::{WebhookDeliveryState, WebhookEventType, WebhookScope};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LockBehavior, LockType, Order, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::webhook_attempt::{self, Entity as Attempts};
use crate::entities::webhook_delivery::{self, Entity as Deliveries};
use crate::entities::webhook_endpoint::{self, Entity as Endpoints};
use crate::stored::{Listed, Named};

pub use webhook_attempt::Model as Attempt;
pub use webhook_delivery::Model as Delivery;
pub use webhook_endpoint::Model as Endpoint;

pub struct NewEndpoint {
    pub url: String,
    pub description: String,
    pub event_types: Vec<WebhookEventType>,
    pub scope: WebhookScope,
    pub secret: String,
    pub created_by: Option<Uuid>,
}

pub async fn insert_endpoint(
    db: &impl ConnectionTrait,
    new: NewEndpoint,
    now: DateTime<Utc>,
) -> Result<Endpoint, DbErr> {
    webhook_endpoint::ActiveModel {
        id: Set(Uuid::now_v7()),
        url: Set(new.url),
        description: Set(new.description),
        event_types: Set(Listed(new.event_types)),
        scope: Set(Named(new.scope)),
        secret: Set(new.secret),
        previous_secret: Set(None),
        previous_secret_expires_at: Set(None),
        enabled: Set(true),
        disabled_at: Set(None),
        disabled_by: Set(None),
        failing_since: Set(None),
        consecutive_failures: Set(0),
        created_by: Set(new.created_by),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
}

/// An endpoint, locked for the rest of the transaction on PostgreSQL.
pub async fn find_endpoint(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Endpoint>, DbErr> {
    Endpoints::find_by_id(id).lock_exclusive().one(db).await
}

pub async fn list_endpoints(db: &impl ConnectionTrait, limit: u64, offset: u64) -> Result<(Vec<Endpoint>, u64), DbErr> {
    crate::page(
        db,
        Endpoints::find(),
        (webhook_endpoint::Column::CreatedAt, Order::Desc),
        webhook_endpoint::Column::Id,
        limit,
        offset,
    )
    .await
}

/// Writes an endpoint as the caller changed it.
pub async fn save_endpoint(db: &impl ConnectionTrait, endpoint: Endpoint) -> Result<Endpoint, DbErr> {
    let active = webhook_endpoint::ActiveModel::from(endpoint).reset_all();
    active.update(db).await
}

pub async fn delete_endpoint(db: &impl ConnectionTrait, id: Uuid) -> Result<bool, DbErr> {
    Ok(Endpoints::delete_by_id(id).exec(db).await?.rows_affected == 1)
}

/// The enabled endpoints subscribed to `event_type`.
pub async fn subscribers(db: &impl ConnectionTrait, event_type: WebhookEventType) -> Result<Vec<Endpoint>, DbErr> {
    // No type's name is part of another's, so a substring test on the stored list is exact.
    Endpoints::find()
        .filter(webhook_endpoint::Column::Enabled.eq(true))
        .filter(webhook_endpoint::Column::EventTypes.contains(event_type.as_str()))
        .all(db)
        .await
}

pub async fn insert_delivery(
    db: &impl ConnectionTrait,
    endpoint_id: Uuid,
    event_type: WebhookEventType,
    payload: String,
    now: DateTime<Utc>,
) -> Result<Delivery, DbErr> {
    webhook_delivery::ActiveModel {
        id: Set(Uuid::now_v7()),
        endpoint_id: Set(endpoint_id),
        event_type: Set(Named(event_type)),
        payload: Set(payload),
        state: Set(Named(WebhookDeliveryState::Pending)),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        last_status: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        delivered_at: Set(None),
    }
    .insert(db)
    .await
}

/// Takes up to `limit` due deliveries of enabled endpoints that nobody holds, and holds them until
/// `now + lease`; each comes with its endpoint. Run it in a write transaction and commit before sending.
pub async fn claim(
    db: &impl ConnectionTrait,
    limit: u64,
    lease: TimeDelta,
    now: DateTime<Utc>,
) -> Result<Vec<(Delivery, Endpoint)>, DbErr> {
    use webhook_delivery::Column;
    let enabled = Query::select()
        .column(webhook_endpoint::Column::Id)
        .from(Endpoints)
        .and_where(Expr::col(webhook_endpoint::Column::Enabled).eq(true))
        .to_owned();
    let due = Deliveries::find()
        .filter(Column::State.eq(Named(WebhookDeliveryState::Pending)))
        .filter(Column::NextAttemptAt.lte(now))
        .filter(
            Condition::any()
                .add(Column::LockedUntil.is_null())
                .add(Column::LockedUntil.lte(now)),
        )
        .filter(Column::EndpointId.in_subquery(enabled))
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
    let until = now + lease;
    Deliveries::update_many()
        .col_expr(Column::LockedUntil, Expr::value(until))
        .filter(Column::Id.is_in(due.iter().map(|d| d.id)))
        .exec(db)
        .await?;
    let endpoints = Endpoints::find()
        .filter(webhook_endpoint::Column::Id.is_in(due.iter().map(|d| d.endpoint_id)))
        .all(db)
        .await?;
    Ok(due
        .into_iter()
        .filter_map(|mut delivery| {
            delivery.locked_until = Some(until);
            let endpoint = endpoints.iter().find(|e| e.id == delivery.endpoint_id).cloned()?;
            Some((delivery, endpoint))
        })
        .collect())
}

/// What one attempt brought.
#[derive(Debug, Clone)]
pub struct AttemptRecord {
    pub attempted_at: DateTime<Utc>,
    pub status: Option<u16>,
    pub error: Option<String>,
    pub response_body: Option<String>,
    pub duration_ms: i32,
}

/// What becomes of the delivery after an attempt.
#[derive(Debug, Clone, Copy)]
pub enum Next {
    Delivered,
    RetryAt(DateTime<Utc>),
    Failed,
}

/// Logs an attempt and moves its delivery on, only while the dispatcher still holds it (a delivery taken
/// over after its lease expired is recorded by its new holder only). False when it no longer held it.
pub async fn record_attempt(
    db: &impl ConnectionTrait,
    delivery: &Delivery,
    attempt: AttemptRecord,
    next: Next,
) -> Result<bool, DbErr> {
    use webhook_delivery::Column;
    let now = attempt.attempted_at;
    let mut update = Deliveries::update_many()
        .col_expr(Column::Attempts, Expr::value(delivery.attempts + 1))
        .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::LastStatus, Expr::value(attempt.status.map(i32::from)))
        .col_expr(Column::LastError, Expr::value(attempt.error.clone()));
    update = match next {
        Next::Delivered => update
            .col_expr(Column::State, Expr::value(WebhookDeliveryState::Delivered.as_str()))
            .col_expr(Column::DeliveredAt, Expr::value(now)),
        Next::RetryAt(at) => update.col_expr(Column::NextAttemptAt, Expr::value(at)),
        Next::Failed => update.col_expr(Column::State, Expr::value(WebhookDeliveryState::Failed.as_str())),
    };
    let held = crate::still_held((Column::Id, delivery.id), (Column::LockedUntil, delivery.locked_until));
    if update.filter(held).exec(db).await?.rows_affected != 1 {
        return Ok(false);
    }
    webhook_attempt::ActiveModel {
        id: Set(Uuid::now_v7()),
        delivery_id: Set(delivery.id),
        attempted_at: Set(now),
        status: Set(attempt.status.map(i32::from)),
        error: Set(attempt.error),
        response_body: Set(attempt.response_body),
        duration_ms: Set(attempt.duration_ms),
    }
    .insert(db)
    .await?;
    Ok(true)
}

/// The endpoint's run of failures after an attempt: reset by a success, lengthened by a failure. Answers
/// the endpoint as it is now.
pub async fn count_outcome(
    db: &impl ConnectionTrait,
    endpoint_id: Uuid,
    succeeded: bool,
    now: DateTime<Utc>,
) -> Result<Option<Endpoint>, DbErr> {
    use webhook_endpoint::Column;
    let update = if succeeded {
        Endpoints::update_many()
            .col_expr(Column::ConsecutiveFailures, Expr::value(0))
            .col_expr(Column::FailingSince, Expr::value(Option::<DateTime<Utc>>::None))
    } else {
        Endpoints::update_many()
            .col_expr(
                Column::ConsecutiveFailures,
                Expr::col(Column::ConsecutiveFailures).add(1),
            )
            .col_expr(
                Column::FailingSince,
                Func::coalesce([Expr::col(Column::FailingSince), Expr::value(now)]).into(),
            )
    };
    update.filter(Column::Id.eq(endpoint_id)).exec(db).await?;
    Endpoints::find_by_id(endpoint_id).one(db).await
}

#[derive(Debug, Clone, Copy, Default)]
pub struct DeliveryFilter {
    pub state: Option<WebhookDeliveryState>,
    pub event_type: Option<WebhookEventType>,
    pub limit: u64,
    pub offset: u64,
}

/// One page of an endpoint's deliveries, newest first.
pub async fn list_deliveries(
    db: &impl ConnectionTrait,
    endpoint_id: Uuid,
    filter: DeliveryFilter,
) -> Result<(Vec<Delivery>, u64), DbErr> {
    use webhook_delivery::Column;
    let mut query = Deliveries::find().filter(Column::EndpointId.eq(endpoint_id));
    if let Some(state) = filter.state {
        query = query.filter(Column::State.eq(Named(state)));
    }
    if let Some(event_type) = filter.event_type {
        query = query.filter(Column::EventType.eq(Named(event_type)));
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

/// A delivery of the endpoint, locked for the rest of the transaction on PostgreSQL.
pub async fn find_delivery(db: &impl ConnectionTrait, endpoint_id: Uuid, id: Uuid) -> Result<Option<Delivery>, DbErr> {
    Deliveries::find_by_id(id)
        .filter(webhook_delivery::Column::EndpointId.eq(endpoint_id))
        .lock_exclusive()
        .one(db)
        .await
}

/// A delivery's attempts, oldest first.
pub async fn attempts_of(db: &impl ConnectionTrait, delivery_id: Uuid) -> Result<Vec<Attempt>, DbErr> {
    Attempts::find()
        .filter(webhook_attempt::Column::DeliveryId.eq(delivery_id))
        .order_by(webhook_attempt::Column::AttemptedAt, Order::Asc)
        .order_by(webhook_attempt::Column::Id, Order::Asc)
        .all(db)
        .await
}

/// Sends a delivery again, now, with a fresh set of attempts; its log and its message id stay.
pub async fn redeliver(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    use webhook_delivery::Column;
    let result = Deliveries::update_many()
        .col_expr(Column::State, Expr::value(WebhookDeliveryState::Pending.as_str()))
        .col_expr(Column::Attempts, Expr::value(0))
        .col_expr(Column::NextAttemptAt, Expr::value(now))
        .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::DeliveredAt, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(Column::Id.eq(id))
        .filter(Column::State.ne(Named(WebhookDeliveryState::Pending)))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// How many deliveries are in `state`, of one type or all (tests, the demo).
pub async fn count_deliveries(
    db: &impl ConnectionTrait,
    state: WebhookDeliveryState,
    event_type: Option<WebhookEventType>,
) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    let mut query = Deliveries::find().filter(webhook_delivery::Column::State.eq(Named(state)));
    if let Some(event_type) = event_type {
        query = query.filter(webhook_delivery::Column::EventType.eq(Named(event_type)));
    }
    query.count(db).await
}
