//! One-time, expiring tokens that confirm an account's e-mail address.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::email_token::{self, Column, Entity as EmailTokens};

pub use email_token::Model as EmailToken;

pub async fn create(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    email: &str,
    token_hash: String,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<EmailToken, DbErr> {
    email_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        token_hash: Set(token_hash),
        email: Set(email.to_owned()),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
    }
    .insert(db)
    .await
}

/// The unused, unexpired token with this hash, locked until the transaction ends.
pub async fn find_usable(
    db: &impl ConnectionTrait,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<EmailToken>, DbErr> {
    EmailTokens::find()
        .filter(Column::TokenHash.eq(token_hash))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(now))
        .lock_exclusive()
        .one(db)
        .await
}

/// Uses up every outstanding token of the account.
pub async fn use_all_for_user(db: &impl ConnectionTrait, user_id: Uuid, now: DateTime<Utc>) -> Result<(), DbErr> {
    EmailTokens::update_many()
        .col_expr(Column::UsedAt, Expr::value(now))
        .filter(Column::UserId.eq(user_id))
        .filter(Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}
