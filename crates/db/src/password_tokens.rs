//! One-time, expiring tokens for setting a password (invitations, forgotten passwords).

use chrono::{DateTime, Utc};
use domain::roles::Roles;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::password_token::{self, Column, Entity as PasswordTokens};
use crate::stored::Named;

pub use password_token::Model as PasswordToken;

/// A new token for the account, remembering the roles it holds now (`granted_roles`).
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    granted_roles: &Roles,
    token_hash: String,
    created_by: Option<Uuid>,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<PasswordToken, DbErr> {
    password_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        granted_roles: Set(Some(Named(granted_roles.clone()))),
        token_hash: Set(token_hash),
        created_by: Set(created_by),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
    }
    .insert(db)
    .await
}

pub async fn find_by_hash(db: &impl ConnectionTrait, token_hash: &str) -> Result<Option<PasswordToken>, DbErr> {
    PasswordTokens::find()
        .filter(Column::TokenHash.eq(token_hash))
        .lock_exclusive()
        .one(db)
        .await
}

/// Uses up every outstanding token of the account. Called whenever its password is set (by any path)
/// and whenever its roles or active flag change, so no token outlives the account it was issued for.
pub async fn use_all_for_user(db: &impl ConnectionTrait, user_id: Uuid, now: DateTime<Utc>) -> Result<(), DbErr> {
    PasswordTokens::update_many()
        .col_expr(Column::UsedAt, Expr::value(now))
        .filter(Column::UserId.eq(user_id))
        .filter(Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}
