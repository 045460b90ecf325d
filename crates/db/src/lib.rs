//! Persistence: connecting to SQLite or PostgreSQL, migrating, and the queries the API needs.
//! Every query takes `&impl ConnectionTrait`, so it runs alike on the pool and inside a transaction.

pub mod activities;
pub mod api_keys;
pub mod assignments;
pub mod calls;
pub mod cities;
pub mod conflicts;
pub mod decisions;
pub mod email_tokens;
pub mod entities;
pub mod events;
pub mod files;
pub mod ideas;
pub mod login_challenges;
pub mod networks;
pub mod notices;
pub mod outbox;
pub mod partnerships;
pub mod password_tokens;
pub mod profiles;
pub mod ranking;
pub mod reviewers;
pub mod reviews;
pub mod rubrics;
pub mod schedule;
pub mod search;
pub mod second_factor;
pub mod sessions;
pub mod stored;
pub mod throttle;
pub mod users;
pub mod webhooks;

#[cfg(test)]
mod jury_tests;
#[cfg(test)]
mod tests;

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sea_query::Order;
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, EntityTrait,
    FromQueryResult, PaginatorTrait, QueryOrder, QuerySelect, Select, SqlErr, SqliteTransactionMode, Statement,
    TransactionOptions, TransactionTrait,
};

pub use sea_orm::{DatabaseConnection as Db, DbErr as Error};

/// Any number of API processes may start together on one PostgreSQL: the first to take this
/// advisory lock migrates, the others wait and then find nothing left to do.
const MIGRATION_LOCK_KEY: i64 = 0x4349_5449_5a45_4e44; // "CITIZEND"

/// How long an SQLite writer waits for another writer before giving up.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        // WAL lets readers work beside the one writer; IMMEDIATE write transactions (see `begin_write`)
        // make writers queue on the busy timeout instead of failing with "database is locked".
        options.max_connections(8).min_connections(1).map_sqlx_sqlite_opts(|o| {
            o.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
        });
    } else {
        options.max_connections(16).min_connections(1);
    }
    Database::connect(options).await
}

/// Begins a transaction that will write. On SQLite it takes the write lock up front: a deferred
/// transaction that reads and then writes fails at once when another writer got in between.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let options = match db.get_database_backend() {
        DbBackend::Sqlite => TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        },
        _ => TransactionOptions::default(),
    };
    db.begin_with_options(options).await
}

/// Applies pending migrations in one transaction, on one connection (a migration that rebuilds a
/// table must see its own steps); on PostgreSQL under an advisory lock.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    if db.get_database_backend() == DbBackend::Postgres {
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [MIGRATION_LOCK_KEY.into()],
        ))
        .await?;
    }
    Migrator::up(&txn, None).await?;
    txn.commit().await
}

/// The migrations and whether each is applied, in order.
pub async fn migration_status(db: &DatabaseConnection) -> Result<Vec<(String, bool)>, DbErr> {
    Migrator::install(db).await?;
    let pending: Vec<String> = Migrator::get_pending_migrations(db)
        .await?
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    Ok(Migrator::migrations()
        .iter()
        .map(|m| {
            let name = m.name().to_owned();
            let applied = !pending.contains(&name);
            (name, applied)
        })
        .collect())
}

/// Readiness: does the database answer?
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.ping().await
}

pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// One page of `query` in `order`, then by `id` so that pages never overlap, and how many rows match
/// in all: the two statements every plain list runs.
pub async fn page<E>(
    db: &impl ConnectionTrait,
    query: Select<E>,
    order: (E::Column, Order),
    id: E::Column,
    limit: u64,
    offset: u64,
) -> Result<(Vec<E::Model>, u64), DbErr>
where
    E: EntityTrait,
    E::Model: Sync,
{
    let total = query.clone().count(db).await?;
    let items = query
        .order_by(order.0, order.1)
        .order_by(id, Order::Asc)
        .limit(limit)
        .offset(offset)
        .all(db)
        .await?;
    Ok((items, total))
}

/// An optional bilingual text as its two nullable columns (Persian, English).
pub(crate) fn optional_text_columns(text: Option<domain::text::Text>) -> (Option<String>, Option<String>) {
    text.map_or((None, None), |(fa, en)| (Some(fa), en))
}

/// One page of `query`, already filtered and ordered, read as rows of `R`.
pub(crate) async fn rows<E: EntityTrait, R: FromQueryResult>(
    db: &impl ConnectionTrait,
    query: Select<E>,
    limit: u64,
    offset: u64,
) -> Result<Vec<R>, DbErr> {
    query.limit(limit).offset(offset).into_model::<R>().all(db).await
}

/// A correlated subquery that yields one value per row of the outer query (a count, a latest day).
pub(crate) fn scalar(select: sea_orm::sea_query::SelectStatement) -> sea_orm::sea_query::SimpleExpr {
    sea_orm::sea_query::SimpleExpr::SubQuery(
        None,
        Box::new(sea_orm::sea_query::SubQueryStatement::SelectStatement(select)),
    )
}

pub fn is_postgres(db: &DatabaseConnection) -> bool {
    db.get_database_backend() == DbBackend::Postgres
}

/// The row `id` as long as its holder still holds it: its lease (`locked_until`) unchanged since it was
/// taken. A row taken over by another process after the lease ran out no longer matches, so only its new
/// holder records what became of it (the outbox's e-mail and the webhook deliveries alike).
pub(crate) fn still_held<C: sea_orm::ColumnTrait>(
    (id_column, id): (C, uuid::Uuid),
    (lease_column, locked_until): (C, Option<chrono::DateTime<chrono::Utc>>),
) -> sea_orm::Condition {
    let held = sea_orm::Condition::all().add(id_column.eq(id));
    match locked_until {
        Some(until) => held.add(lease_column.eq(until)),
        None => held.add(lease_column.is_null()),
    }
}
