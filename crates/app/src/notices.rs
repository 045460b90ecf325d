//! Notices: how a use case tells someone what happened (`notify`, inside its own transaction), and the
//! reader's side — their list in the app, what they have read, and which e-mails they turned off.
//! Delivery is not here: the outbox rows written by `notify` are sent by the server's dispatcher.

use chrono::{DateTime, Utc};
use db::notices::NoticeFilter;
use db::outbox::NewMessage;
use domain::notice::{Bilingual, CallRef, Notice, NoticeKind};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::error::{Error, FieldError, Result};
use crate::{Actor, Db};

pub type StoredNotice = db::entities::notice::Model;
pub use db::notices::NoticeFilter as Filter;

/// Tells `user_id` of `notice`, in the caller's transaction: in the app's list when the kind shows there,
/// and by e-mail unless its reader turned the kind off. `secret` is the one-time token its link carries.
/// A deactivated account is told nothing.
pub(crate) async fn notify(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    notice: Notice,
    secret: Option<String>,
    now: DateTime<Utc>,
) -> Result<()> {
    match db::users::find_by_id(db, user_id).await? {
        Some(user) => notify_user(db, &user, notice, secret, now).await,
        None => Ok(()),
    }
}

/// The same, for an account the use case has read already.
pub(crate) async fn notify_user(
    db: &impl ConnectionTrait,
    user: &db::users::Model,
    notice: Notice,
    secret: Option<String>,
    now: DateTime<Utc>,
) -> Result<()> {
    if !user.active {
        return Ok(());
    }
    let user_id = user.id;
    let kind = notice.kind();
    if kind.in_app() {
        db::notices::insert(db, user_id, &notice, now).await?;
    }
    if kind.essential() || !db::notices::is_opted_out(db, user_id, kind).await? {
        db::outbox::insert(
            db,
            NewMessage {
                user_id,
                notice,
                secret,
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// The call as a notice names it.
pub(crate) async fn call_ref(db: &impl ConnectionTrait, call_id: Uuid) -> Result<CallRef> {
    let call = db::calls::find_by_id(db, call_id).await?.ok_or_else(Error::not_found)?;
    Ok(CallRef {
        id: call.id,
        title: Bilingual {
            fa: call.title_fa,
            en: call.title_en,
        },
    })
}

/// One page of your notices, newest first, and how many match.
pub async fn list(db: &Db, actor: &Actor, filter: NoticeFilter) -> Result<(Vec<StoredNotice>, u64)> {
    Ok(db::notices::list(db, actor.user_id, filter).await?)
}

pub async fn unread(db: &impl ConnectionTrait, actor: &Actor) -> Result<u64> {
    Ok(db::notices::count_unread(db, actor.user_id).await?)
}

/// Marks one of your notices read (404 when you have no such notice).
pub async fn mark_read(db: &Db, actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<()> {
    let txn = db::begin_write(db).await?;
    if !db::notices::mark_read(&txn, actor.user_id, id, now).await? {
        return Err(Error::not_found());
    }
    txn.commit().await?;
    Ok(())
}

pub async fn mark_all_read(db: &Db, actor: &Actor, now: DateTime<Utc>) -> Result<()> {
    let txn = db::begin_write(db).await?;
    db::notices::mark_all_read(&txn, actor.user_id, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Whether one kind is mailed to you, and whether you may turn it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preference {
    pub kind: NoticeKind,
    pub email: bool,
    pub essential: bool,
}

/// Every kind, in the vocabulary's order, with whether you receive it by e-mail.
pub async fn preferences(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Preference>> {
    let off = db::notices::opted_out(db, user_id).await?;
    Ok(NoticeKind::ALL
        .iter()
        .map(|kind| Preference {
            kind: *kind,
            email: kind.essential() || !off.contains(kind),
            essential: kind.essential(),
        })
        .collect())
}

/// Sets the complete set of kinds whose e-mail you turned off; an essential kind in it is 422.
pub async fn set_preferences(
    db: &Db,
    actor: &Actor,
    email_off: &[NoticeKind],
    now: DateTime<Utc>,
) -> Result<Vec<Preference>> {
    let essential: Vec<FieldError> = email_off
        .iter()
        .enumerate()
        .filter(|(_, kind)| kind.essential())
        .map(|(i, kind)| {
            FieldError::new(
                format!("/emailOff/{i}"),
                "essential",
                format!("{kind} messages are about your account's security and always go"),
            )
        })
        .collect();
    if !essential.is_empty() {
        return Err(Error::validation(essential));
    }
    let mut kinds = email_off.to_vec();
    kinds.sort();
    kinds.dedup();
    let txn = db::begin_write(db).await?;
    db::notices::set_opted_out(&txn, actor.user_id, &kinds, now).await?;
    let preferences = preferences(&txn, actor.user_id).await?;
    txn.commit().await?;
    Ok(preferences)
}

/// One-click unsubscribe: the account the signed token names stops receiving `kind` by e-mail. The
/// caller has checked the token's signature; an essential kind or an unknown account is 422 at /token.
pub async fn unsubscribe(db: &Db, user_id: Uuid, kind: NoticeKind, now: DateTime<Utc>) -> Result<()> {
    let invalid = || {
        Error::field(
            "/token",
            "invalid_unsubscribe_token",
            "the unsubscribe link is not valid",
        )
    };
    if kind.essential() {
        return Err(invalid());
    }
    let txn = db::begin_write(db).await?;
    db::users::find_by_id(&txn, user_id).await?.ok_or_else(invalid)?;
    db::notices::opt_out(&txn, user_id, kind, now).await?;
    txn.commit().await?;
    Ok(())
}
