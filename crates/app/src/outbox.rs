//! The outbox seen from outside the use cases that fill it: the dispatcher takes due messages and
//! records how each attempt ended; admins read it and send a dead letter again.

use chrono::{DateTime, TimeDelta, Utc};
use domain::notice::{DeliveryState, MAX_ATTEMPTS, retry_delay};
use uuid::Uuid;

use crate::error::{Error, ErrorCode, Result};
use crate::{Actor, Db};

pub use db::outbox::{Claimed, OutboxFilter as Filter, OutboxMessage};

/// A message with its recipient as the account is now (None if it was deleted meanwhile).
pub type Entry = (OutboxMessage, Option<db::entities::user::Model>);

/// Takes up to `limit` due messages and holds them for `lease` (committed before anything is sent).
pub async fn claim(db: &Db, limit: u64, lease: TimeDelta, now: DateTime<Utc>) -> Result<Vec<Claimed>> {
    let txn = db::begin_write(db).await?;
    let claimed = db::outbox::claim(&txn, limit, lease, now).await?;
    txn.commit().await?;
    Ok(claimed)
}

/// How one attempt at a message ended, as the dispatcher saw it.
#[derive(Debug, Clone)]
pub enum Attempt {
    Sent,
    /// `permanent`: it can never go as it is (a refused address, a message that does not render).
    Failed {
        error: String,
        permanent: bool,
    },
}

/// Records the attempts of a batch: sent ones are done (their secret erased), failed ones wait for their
/// next try with exponential backoff and jitter (`jitter` gives a number in [0, 1) per message) or, after
/// the last attempt or a permanent failure, become dead letters.
pub async fn record(
    db: &Db,
    attempts: Vec<(OutboxMessage, Attempt)>,
    mut jitter: impl FnMut() -> f64,
    now: DateTime<Utc>,
) -> Result<()> {
    let outcomes: Vec<(OutboxMessage, db::outbox::Outcome)> = attempts
        .into_iter()
        .map(|(message, attempt)| {
            let outcome = match attempt {
                Attempt::Sent => db::outbox::Outcome::Sent,
                Attempt::Failed { error, permanent } => {
                    let tried = message.attempts + 1;
                    let retry_at = (!permanent && tried < MAX_ATTEMPTS).then(|| now + retry_delay(tried, jitter()));
                    db::outbox::Outcome::Failed { error, retry_at }
                }
            };
            (message, outcome)
        })
        .collect();
    let txn = db::begin_write(db).await?;
    db::outbox::record(&txn, &outcomes, now).await?;
    txn.commit().await?;
    Ok(())
}

/// One page of the outbox, newest first (admin).
pub async fn list(db: &Db, actor: &Actor, filter: Filter) -> Result<(Vec<Entry>, u64)> {
    crate::accounts::ensure_admin(actor)?;
    Ok(db::outbox::list(db, filter).await?)
}

/// Sends a dead letter again, from its first attempt (admin); 409 unless it is dead.
pub async fn retry(db: &Db, actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<Entry> {
    crate::accounts::ensure_admin(actor)?;
    let txn = db::begin_write(db).await?;
    let (message, _) = db::outbox::find(&txn, id).await?.ok_or_else(Error::not_found)?;
    if *message.state != DeliveryState::Dead || !db::outbox::revive(&txn, id, now).await? {
        return Err(Error::new(
            ErrorCode::InvalidTransition,
            format!(
                "Only a dead letter can be sent again; this message is {}.",
                *message.state
            ),
        ));
    }
    let entry = db::outbox::find(&txn, id).await?.ok_or_else(Error::not_found)?;
    txn.commit().await?;
    Ok(entry)
}
