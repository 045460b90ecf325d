//! Sign-ins waiting for their second-factor code.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::login_challenge::{ActiveModel, Column, Entity as LoginChallenges, Model as LoginChallenge};

pub async fn create(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    token_hash: String,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<LoginChallenge, DbErr> {
    // Challenges past their time are of no use to anyone: the account's are cleared as a new one begins.
    LoginChallenges::delete_many()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        token_hash: Set(token_hash),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
    }
    .insert(db)
    .await
}

/// The unused, unexpired challenge with this hash, locked until the transaction ends (on PostgreSQL;
/// SQLite's write transaction holds the whole database), so it finishes one sign-in only.
pub async fn find_usable(
    db: &impl ConnectionTrait,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<LoginChallenge>, DbErr> {
    LoginChallenges::find()
        .filter(Column::TokenHash.eq(token_hash))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(now))
        .lock_exclusive()
        .one(db)
        .await
}

pub async fn mark_used(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<(), DbErr> {
    LoginChallenges::update_many()
        .col_expr(Column::UsedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}
