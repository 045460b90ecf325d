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

/// Where a session is used from: the client's User-Agent and address, as far as they are known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub client: Option<String>,
    pub address: Option<String>,
}

impl Origin {
    pub fn new(client: Option<String>, address: Option<std::net::IpAddr>) -> Self {
        Origin {
            client,
            address: address.map(|ip| ip.to_string()),
        }
    }
}

pub async fn create(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    origin: Origin,
    now: DateTime<Utc>,
) -> Result<Session, DbErr> {
    session::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        created_at: Set(now),
        revoked_at: Set(None),
        last_refreshed_at: Set(None),
        client: Set(origin.client),
        client_address: Set(origin.address),
    }
    .insert(db)
    .await
}

/// A refresh of the session: when, and from where it came this time (what the request did not tell is
/// kept as it was).
pub async fn refreshed(
    db: &impl ConnectionTrait,
    session_id: Uuid,
    origin: Origin,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut update = Sessions::update_many().col_expr(session::Column::LastRefreshedAt, Expr::value(now));
    if let Some(client) = origin.client {
        update = update.col_expr(session::Column::Client, Expr::value(client));
    }
    if let Some(address) = origin.address {
        update = update.col_expr(session::Column::ClientAddress, Expr::value(address));
    }
    update
        .filter(session::Column::Id.eq(session_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Filters to the account's sessions that are still going: not ended, and refreshed (or begun) within the
/// life of a refresh token.
fn live(user_id: Uuid, now: DateTime<Utc>) -> sea_orm::Condition {
    let alive_since = now - domain::session::REFRESH_TOKEN_TTL;
    sea_orm::Condition::all()
        .add(session::Column::UserId.eq(user_id))
        .add(session::Column::RevokedAt.is_null())
        .add(
            sea_orm::Condition::any()
                .add(session::Column::LastRefreshedAt.gt(alive_since))
                .add(session::Column::CreatedAt.gt(alive_since)),
        )
}

/// One page of the account's live sessions, the latest begun first, and how many there are.
pub async fn list_live(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
    limit: u64,
    offset: u64,
) -> Result<(Vec<Session>, u64), DbErr> {
    let query = Sessions::find().filter(live(user_id, now));
    crate::page(
        db,
        query,
        (session::Column::CreatedAt, sea_orm::sea_query::Order::Desc),
        session::Column::Id,
        limit,
        offset,
    )
    .await
}

/// Ends one live session of the account: whether there was one.
pub async fn revoke_of_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    session_id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = Sessions::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .filter(live(user_id, now))
        .filter(session::Column::Id.eq(session_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
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

/// Ends every session of an account but `except` (the caller's own, when it stays signed in): how many
/// were going.
pub async fn revoke_all_for_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    except: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let mut update = Sessions::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::RevokedAt.is_null());
    if let Some(keep) = except {
        update = update.filter(session::Column::Id.ne(keep));
    }
    update.exec(db).await.map(|result| result.rows_affected)
}
