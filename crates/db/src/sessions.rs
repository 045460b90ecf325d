//! Sign-in sessions and their refresh tokens (stored as SHA-256 hashes only).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::refresh_token::{self, Entity as RefreshTokens};
use crate::entities::session::{self, Entity as Sessions};
use crate::entities::user::{self, Entity as Users};

pub use refresh_token::Model as RefreshToken;
pub use session::Model as Session;

pub async fn create(db: &impl ConnectionTrait, user_id: Uuid, now: DateTime<Utc>) -> Result<Session, DbErr> {
    session::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        created_at: Set(now),
        revoked_at: Set(None),
    }
    .insert(db)
    .await
}

pub async fn add_refresh_token(
    db: &impl ConnectionTrait,
    session_id: Uuid,
    token_hash: String,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<RefreshToken, DbErr> {
    refresh_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        session_id: Set(session_id),
        token_hash: Set(token_hash),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
    }
    .insert(db)
    .await
}

/// A refresh token and the session it belongs to. The token's row is locked on PostgreSQL until the
/// transaction ends, so two rotations of one token queue up (SQLite's write lock does the same).
pub async fn find_refresh_token(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<(RefreshToken, Session)>, DbErr> {
    let Some(token) = RefreshTokens::find()
        .filter(refresh_token::Column::TokenHash.eq(token_hash))
        .lock_exclusive()
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let session = Sessions::find_by_id(token.session_id).one(db).await?;
    Ok(session.map(|session| (token, session)))
}

pub async fn mark_used(db: &impl ConnectionTrait, token_id: Uuid, now: DateTime<Utc>) -> Result<(), DbErr> {
    RefreshTokens::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(token_id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// The session and its account, for checking an access token on every request: one key lookup.
pub async fn find_with_user(
    db: &impl ConnectionTrait,
    session_id: Uuid,
) -> Result<Option<(Session, user::Model)>, DbErr> {
    let found = Sessions::find_by_id(session_id)
        .find_also_related(Users)
        .one(db)
        .await?;
    Ok(found.and_then(|(session, user)| user.map(|u| (session, u))))
}

pub async fn revoke(db: &impl ConnectionTrait, session_id: Uuid, now: DateTime<Utc>) -> Result<(), DbErr> {
    Sessions::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// Ends every session of an account but `except` (the caller's own, when it stays signed in).
pub async fn revoke_all_for_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    except: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut update = Sessions::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::RevokedAt.is_null());
    if let Some(keep) = except {
        update = update.filter(session::Column::Id.ne(keep));
    }
    update.exec(db).await.map(|_| ())
}
