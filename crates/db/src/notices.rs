//! Notices: a reader's list in the app, the kinds of e-mail each reader turned off, and the ledger that
//! lets a notice of the clock be written once.

use chrono::{DateTime, Utc};
use domain::notice::{Notice, NoticeKind};
use sea_orm::sea_query::{Expr, Order};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::notice::{self, Entity as Notices, Model as StoredNotice};
use crate::entities::notice_opt_out::{self, Entity as OptOuts};
use crate::entities::scheduled_notice::{self, Entity as Scheduled};
use crate::stored::{Json, Named};

pub async fn insert(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    notice: &Notice,
    now: DateTime<Utc>,
) -> Result<StoredNotice, DbErr> {
    notice::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        kind: Set(Named(notice.kind())),
        payload: Set(Json(notice.clone())),
        created_at: Set(now),
        read_at: Set(None),
    }
    .insert(db)
    .await
}

/// What a reader's list shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoticeFilter {
    pub unread_only: bool,
    pub limit: u64,
    pub offset: u64,
}

/// One page of the reader's notices, newest first, and how many match.
pub async fn list(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    filter: NoticeFilter,
) -> Result<(Vec<StoredNotice>, u64), DbErr> {
    let mut query = Notices::find().filter(notice::Column::UserId.eq(user_id));
    if filter.unread_only {
        query = query.filter(notice::Column::ReadAt.is_null());
    }
    crate::page(
        db,
        query,
        (notice::Column::CreatedAt, Order::Desc),
        notice::Column::Id,
        filter.limit,
        filter.offset,
    )
    .await
}

pub async fn count_unread(db: &impl ConnectionTrait, user_id: Uuid) -> Result<u64, DbErr> {
    Notices::find()
        .filter(notice::Column::UserId.eq(user_id))
        .filter(notice::Column::ReadAt.is_null())
        .count(db)
        .await
}

/// Marks the reader's notice read; false when they have no such notice.
pub async fn mark_read(db: &impl ConnectionTrait, user_id: Uuid, id: Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let Some(found) = Notices::find_by_id(id)
        .filter(notice::Column::UserId.eq(user_id))
        .one(db)
        .await?
    else {
        return Ok(false);
    };
    if found.read_at.is_none() {
        Notices::update_many()
            .col_expr(notice::Column::ReadAt, Expr::value(now))
            .filter(notice::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    Ok(true)
}

pub async fn mark_all_read(db: &impl ConnectionTrait, user_id: Uuid, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let result = Notices::update_many()
        .col_expr(notice::Column::ReadAt, Expr::value(now))
        .filter(notice::Column::UserId.eq(user_id))
        .filter(notice::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

// ---------------------------------------------------------------------------------------------------
// Preferences

/// The kinds whose e-mail the reader turned off.
pub async fn opted_out(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<NoticeKind>, DbErr> {
    Ok(OptOuts::find()
        .filter(notice_opt_out::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|row| row.kind.parse().ok())
        .collect())
}

pub async fn is_opted_out(db: &impl ConnectionTrait, user_id: Uuid, kind: NoticeKind) -> Result<bool, DbErr> {
    Ok(OptOuts::find_by_id((user_id, kind.as_str().to_owned()))
        .one(db)
        .await?
        .is_some())
}

/// Replaces the reader's opt-outs with `kinds`.
pub async fn set_opted_out(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    kinds: &[NoticeKind],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    OptOuts::delete_many()
        .filter(notice_opt_out::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    for kind in kinds {
        opt_out(db, user_id, *kind, now).await?;
    }
    Ok(())
}

/// Turns one kind off (again is fine).
pub async fn opt_out(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    kind: NoticeKind,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    OptOuts::insert(notice_opt_out::ActiveModel {
        user_id: Set(user_id),
        kind: Set(kind.as_str().to_owned()),
        created_at: Set(now),
    })
    .on_conflict_do_nothing()
    .exec(db)
    .await
    .map(|_| ())
}

// ---------------------------------------------------------------------------------------------------
// Notices of the clock

/// Which of these keys were claimed already (one read, so that a pass that finds everything written
/// writes nothing).
pub async fn claimed_schedule_keys(
    db: &impl ConnectionTrait,
    keys: &[String],
) -> Result<std::collections::HashSet<String>, DbErr> {
    let mut claimed = std::collections::HashSet::new();
    for chunk in keys.chunks(500) {
        let rows = Scheduled::find()
            .filter(scheduled_notice::Column::Key.is_in(chunk.iter().cloned()))
            .all(db)
            .await?;
        claimed.extend(rows.into_iter().map(|row| row.key));
    }
    Ok(claimed)
}

/// Claims the key of a notice of the clock: true the first time, false ever after (whoever asks).
pub async fn claim_schedule_key(db: &impl ConnectionTrait, key: &str, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let inserted = Scheduled::insert(scheduled_notice::ActiveModel {
        key: Set(key.to_owned()),
        created_at: Set(now),
    })
    .on_conflict_do_nothing()
    .exec(db)
    .await?;
    Ok(matches!(inserted, sea_orm::TryInsertResult::Inserted(_)))
}
