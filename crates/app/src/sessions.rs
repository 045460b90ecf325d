//! Sessions an account's owner can see and end, and an admin's ending of all of an account's sessions
//! (recorded in the audit trail). A session ended here refreshes no more, and its access tokens stop
//! working at once.

use chrono::{DateTime, Utc};
use db::events;
use domain::event::EventKind;
use uuid::Uuid;

use crate::accounts::{Session, account_event, ensure_admin, privileged};
use crate::{Actor, Db, Error, Result};

/// One page of sessions: (limit, offset).
pub type Page = (u64, u64);

/// One page of the owner's live sessions, the latest begun first, and how many there are.
pub async fn list_own(
    db: &Db,
    actor: &Actor,
    (limit, offset): Page,
    now: DateTime<Utc>,
) -> Result<(Vec<Session>, u64)> {
    Ok(db::sessions::list_live(db, actor.user_id, now, limit, offset).await?)
}

/// The owner ends one of their sessions (404 if it is not one of their live ones).
pub async fn end_own(db: &Db, actor: &Actor, session_id: Uuid, now: DateTime<Utc>) -> Result<()> {
    let txn = db::begin_write(db).await?;
    if !db::sessions::revoke_of_user(&txn, actor.user_id, session_id, now).await? {
        return Err(Error::not_found());
    }
    txn.commit().await?;
    Ok(())
}

/// The owner ends every session but the one they call from.
pub async fn end_others(db: &Db, actor: &Actor, current: Uuid, now: DateTime<Utc>) -> Result<()> {
    let txn = db::begin_write(db).await?;
    db::sessions::revoke_all_for_user(&txn, actor.user_id, Some(current), now).await?;
    txn.commit().await?;
    Ok(())
}

/// An admin reads an account's live sessions (404 if there is no such account).
pub async fn list_of(
    db: &Db,
    actor: &Actor,
    user_id: Uuid,
    (limit, offset): Page,
    now: DateTime<Utc>,
) -> Result<(Vec<Session>, u64)> {
    ensure_admin(actor)?;
    db::users::find_by_id(db, user_id).await?.ok_or_else(Error::not_found)?;
    Ok(db::sessions::list_live(db, user_id, now, limit, offset).await?)
}

/// An admin ends every session of an account (a stolen laptop); recorded with how many were going.
pub async fn end_all_of(db: &Db, actor: &Actor, user_id: Uuid, now: DateTime<Utc>) -> Result<u64> {
    ensure_admin(actor)?;
    let txn = db::begin_write(db).await?;
    db::users::find_by_id(&txn, user_id)
        .await?
        .ok_or_else(Error::not_found)?;
    let ended = db::sessions::revoke_all_for_user(&txn, user_id, None, now).await?;
    let event = privileged(account_event(user_id, EventKind::SessionsEnded), actor).to(ended);
    events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(ended)
}
