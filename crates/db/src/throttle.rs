//! Failed-login counters, shared by every API process through the database.

use chrono::{DateTime, Utc};
use domain::throttle::FailureRecord;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QuerySelect, Set};

use crate::entities::login_throttle::{ActiveModel, Column, Entity as LoginThrottles, Model};

/// The key's record, creating an empty one if there is none, locked for the rest of the transaction
/// (on PostgreSQL; SQLite's write transaction holds the whole database) so concurrent failures all count.
pub async fn lock_for_update(db: &impl ConnectionTrait, key: &str, now: DateTime<Utc>) -> Result<FailureRecord, DbErr> {
    let empty = FailureRecord {
        failures: 0,
        window_started_at: now,
        locked_until: None,
    };
    LoginThrottles::insert(row(key, empty))
        .on_conflict(OnConflict::column(Column::Key).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    let row = LoginThrottles::find_by_id(key.to_owned())
        .lock_exclusive()
        .one(db)
        .await?;
    Ok(row.map(record).unwrap_or(empty))
}

/// The key's record as it is now, for checking a lock; no row lock taken.
pub async fn find(db: &impl ConnectionTrait, key: &str) -> Result<Option<FailureRecord>, DbErr> {
    Ok(LoginThrottles::find_by_id(key.to_owned()).one(db).await?.map(record))
}

fn record(row: Model) -> FailureRecord {
    FailureRecord {
        failures: u32::try_from(row.failures).unwrap_or(0),
        window_started_at: row.window_started_at,
        locked_until: row.locked_until,
    }
}

pub async fn save(db: &impl ConnectionTrait, key: &str, record: FailureRecord) -> Result<(), DbErr> {
    LoginThrottles::insert(row(key, record))
        .on_conflict(
            OnConflict::column(Column::Key)
                .update_columns([Column::Failures, Column::WindowStartedAt, Column::LockedUntil])
                .to_owned(),
        )
        .exec(db)
        .await
        .map(|_| ())
}

fn row(key: &str, record: FailureRecord) -> ActiveModel {
    ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(i32::try_from(record.failures).unwrap_or(i32::MAX)),
        window_started_at: Set(record.window_started_at),
        locked_until: Set(record.locked_until),
    }
}

pub async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    LoginThrottles::delete_by_id(key.to_owned()).exec(db).await.map(|_| ())
}
