//! Rubrics: a call's criteria, stored whole as one JSON list, versioned, and locked by the first submitted
//! review until staff reopen it.

use chrono::{DateTime, Utc};
use domain::rubric::Criterion;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::rubric::{ActiveModel, Column, Entity as Rubrics, Model as Rubric};
use crate::stored::Json;

/// The call's rubric as a domain value.
pub fn rubric_of(model: &Rubric) -> domain::rubric::Rubric {
    domain::rubric::Rubric::from_trusted(model.criteria.0.clone())
}

pub async fn find(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Option<Rubric>, DbErr> {
    Rubrics::find_by_id(call_id).one(db).await
}

pub async fn insert(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    criteria: &[Criterion],
    by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Rubric, DbErr> {
    ActiveModel {
        call_id: Set(call_id),
        criteria: Set(Json(criteria.to_vec())),
        locked: Set(false),
        version: Set(1),
        updated_by: Set(by),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
}

/// Replaces the criteria if the rubric is still at `version` and not locked; false otherwise.
pub async fn replace(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    version: i32,
    criteria: &[Criterion],
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = Rubrics::update_many()
        .col_expr(Column::Criteria, Expr::value(Json(criteria.to_vec())))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .col_expr(Column::UpdatedBy, Expr::value(by))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::CallId.eq(call_id))
        .filter(Column::Version.eq(version))
        .filter(Column::Locked.eq(false))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Locks the rubric (the first review was submitted); a no-op when it is locked already.
pub async fn lock(db: &impl ConnectionTrait, call_id: Uuid, now: DateTime<Utc>) -> Result<(), DbErr> {
    Rubrics::update_many()
        .col_expr(Column::Locked, Expr::value(true))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::CallId.eq(call_id))
        .filter(Column::Locked.eq(false))
        .exec(db)
        .await
        .map(|_| ())
}

/// Unlocks a locked rubric at `version` for editing; false if it changed or is not locked.
pub async fn reopen(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    version: i32,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = Rubrics::update_many()
        .col_expr(Column::Locked, Expr::value(false))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .col_expr(Column::UpdatedBy, Expr::value(by))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::CallId.eq(call_id))
        .filter(Column::Version.eq(version))
        .filter(Column::Locked.eq(true))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub use crate::entities::rubric::Model;
