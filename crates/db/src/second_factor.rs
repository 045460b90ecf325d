//! Accounts' second factors: the TOTP secret and its last accepted step (on the account's row), and
//! the one-time recovery codes (their SHA-256 hashes only).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::sea_query::ExprTrait;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::recovery_code::{ActiveModel, Column as CodeColumn, Entity as RecoveryCodes};
use crate::entities::user::{Column, Entity as Users};

/// Starts (or starts again) an enrolment: a new secret, not yet in force.
pub async fn begin(db: &impl ConnectionTrait, user_id: Uuid, secret: String) -> Result<(), DbErr> {
    Users::update_many()
        .col_expr(Column::TotpSecret, Expr::value(secret))
        .col_expr(Column::TotpEnabledAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::TotpLastStep, Expr::value(Option::<i64>::None))
        .filter(Column::Id.eq(user_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Puts the enrolled secret in force, `step` being that of the code that confirmed it.
pub async fn enable(db: &impl ConnectionTrait, user_id: Uuid, step: i64, now: DateTime<Utc>) -> Result<(), DbErr> {
    Users::update_many()
        .col_expr(Column::TotpEnabledAt, Expr::value(now))
        .col_expr(Column::TotpLastStep, Expr::value(step))
        .filter(Column::Id.eq(user_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Records `step` as the last accepted one, unless it is not later than the one recorded (a concurrent
/// sign-in used the same code): whether it was recorded.
pub async fn accept_step(db: &impl ConnectionTrait, user_id: Uuid, step: i64) -> Result<bool, DbErr> {
    let result = Users::update_many()
        .col_expr(Column::TotpLastStep, Expr::value(step))
        .filter(Column::Id.eq(user_id))
        .filter(Column::TotpLastStep.is_null().or(Column::TotpLastStep.lt(step)))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Removes the account's second factor and its recovery codes.
pub async fn remove(db: &impl ConnectionTrait, user_id: Uuid) -> Result<(), DbErr> {
    Users::update_many()
        .col_expr(Column::TotpSecret, Expr::value(Option::<String>::None))
        .col_expr(Column::TotpEnabledAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::TotpLastStep, Expr::value(Option::<i64>::None))
        .filter(Column::Id.eq(user_id))
        .exec(db)
        .await?;
    RecoveryCodes::delete_many()
        .filter(CodeColumn::UserId.eq(user_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Replaces the account's recovery codes with these hashes.
pub async fn replace_recovery_codes(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    code_hashes: Vec<String>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    RecoveryCodes::delete_many()
        .filter(CodeColumn::UserId.eq(user_id))
        .exec(db)
        .await?;
    let rows = code_hashes.into_iter().map(|code_hash| ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        code_hash: Set(code_hash),
        created_at: Set(now),
        used_at: Set(None),
    });
    RecoveryCodes::insert_many(rows)
        .exec_without_returning(db)
        .await
        .map(|_| ())
}

/// Uses up the account's unused recovery code with this hash: whether there was one.
pub async fn use_recovery_code(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    code_hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = RecoveryCodes::update_many()
        .col_expr(CodeColumn::UsedAt, Expr::value(now))
        .filter(CodeColumn::UserId.eq(user_id))
        .filter(CodeColumn::CodeHash.eq(code_hash))
        .filter(CodeColumn::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected >= 1)
}

/// How many of the account's recovery codes are still unused.
pub async fn recovery_codes_left(db: &impl ConnectionTrait, user_id: Uuid) -> Result<u64, DbErr> {
    RecoveryCodes::find()
        .filter(CodeColumn::UserId.eq(user_id))
        .filter(CodeColumn::UsedAt.is_null())
        .count(db)
        .await
}
