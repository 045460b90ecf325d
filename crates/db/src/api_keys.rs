//! API keys and their rate-limit windows.

use chrono::{DateTime, Utc};
use domain::api_key::ApiScope;
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::api_key::{self, Column, Entity as ApiKeys};
use crate::entities::user::{self, Entity as Users};
use crate::stored::Listed;

pub use api_key::Model as ApiKey;

pub struct NewApiKey {
    pub user_id: Uuid,
    pub name: String,
    pub prefix: String,
    pub token_hash: String,
    pub scopes: Vec<ApiScope>,
    pub rate_limit: i32,
    pub expires_at: DateTime<Utc>,
    pub created_by: Option<Uuid>,
}

pub async fn insert(db: &impl ConnectionTrait, new: NewApiKey, now: DateTime<Utc>) -> Result<ApiKey, DbErr> {
    api_key::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(new.user_id),
        name: Set(new.name),
        prefix: Set(new.prefix),
        token_hash: Set(new.token_hash),
        scopes: Set(Listed(new.scopes)),
        rate_limit: Set(new.rate_limit),
        window_started_at: Set(None),
        window_count: Set(0),
        expires_at: Set(new.expires_at),
        revoked_at: Set(None),
        last_used_at: Set(None),
        created_by: Set(new.created_by),
        created_at: Set(now),
    }
    .insert(db)
    .await
}

/// The key with this hash and its service account, in one statement (every keyed request reads it).
pub async fn find_by_hash(db: &impl ConnectionTrait, token_hash: &str) -> Result<Option<(ApiKey, user::Model)>, DbErr> {
    let found = ApiKeys::find()
        .filter(Column::TokenHash.eq(token_hash))
        .find_also_related(Users)
        .one(db)
        .await?;
    Ok(found.and_then(|(key, account)| Some((key, account?))))
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<ApiKey>, DbErr> {
    ApiKeys::find_by_id(id).one(db).await
}

/// One page of keys, newest first.
pub async fn list(db: &impl ConnectionTrait, limit: u64, offset: u64) -> Result<(Vec<ApiKey>, u64), DbErr> {
    crate::page(
        db,
        ApiKeys::find(),
        (Column::CreatedAt, Order::Desc),
        Column::Id,
        limit,
        offset,
    )
    .await
}

/// Revokes a key that is not revoked yet; false if it was.
pub async fn revoke(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let result = ApiKeys::update_many()
        .col_expr(Column::RevokedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Counts one request in the window starting at `window`, in one statement so that every API process
/// counts against the same number, and answers how many the window holds now (this one included).
pub async fn count_use(
    db: &impl ConnectionTrait,
    id: Uuid,
    window: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let same_window = Expr::col(Column::WindowStartedAt).eq(window);
    let counted = Expr::case(same_window, Expr::col(Column::WindowCount).add(1)).finally(1);
    let updated = ApiKeys::update_many()
        .col_expr(Column::WindowCount, counted.into())
        .col_expr(Column::WindowStartedAt, Expr::value(window))
        .col_expr(Column::LastUsedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .exec_with_returning(db)
        .await?;
    Ok(updated.first().map_or(0, |key| key.window_count))
}
