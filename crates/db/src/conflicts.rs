//! Conflicts of interest between reviewers and ideas. A reviewer's own ideas are a conflict too, but
//! that one is never stored: it follows from the idea's submitter.

use chrono::{DateTime, Utc};
use domain::review::ConflictSource;
use sea_orm::sea_query::Order;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, JoinType,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, RelationTrait, Set,
};
use uuid::Uuid;

use crate::entities::conflict::{ActiveModel, Column, Entity as Conflicts, Model as Conflict, Relation};
use crate::entities::{idea, user};
use crate::stored::Named;

pub struct NewConflict {
    pub reviewer_id: Uuid,
    pub idea_id: Uuid,
    pub call_id: Uuid,
    pub source: ConflictSource,
    pub reason: String,
    pub entered_by: Uuid,
}

/// Records a conflict; a second one for the same reviewer and idea is a unique violation.
pub async fn insert(db: &impl ConnectionTrait, new: NewConflict, now: DateTime<Utc>) -> Result<Conflict, DbErr> {
    ActiveModel {
        id: Set(Uuid::now_v7()),
        reviewer_id: Set(new.reviewer_id),
        idea_id: Set(new.idea_id),
        call_id: Set(new.call_id),
        source: Set(Named(new.source)),
        reason: Set(new.reason),
        entered_by: Set(Some(new.entered_by)),
        created_at: Set(now),
    }
    .insert(db)
    .await
}

pub async fn exists(db: &impl ConnectionTrait, reviewer_id: Uuid, idea_id: Uuid) -> Result<bool, DbErr> {
    Ok(Conflicts::find()
        .filter(Column::ReviewerId.eq(reviewer_id))
        .filter(Column::IdeaId.eq(idea_id))
        .count(db)
        .await?
        > 0)
}

/// Every stored conflict of a call as (reviewer, idea): one statement, for the assignment planner.
pub async fn pairs_of_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<(Uuid, Uuid)>, DbErr> {
    Conflicts::find()
        .select_only()
        .column(Column::ReviewerId)
        .column(Column::IdeaId)
        .filter(Column::CallId.eq(call_id))
        .into_tuple()
        .all(db)
        .await
}

/// A conflict with the reviewer's name and the idea's title.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ConflictRow {
    #[sea_orm(nested)]
    pub conflict: Conflict,
    pub reviewer_name: String,
    pub idea_title: String,
}

#[derive(Debug, Clone, Default)]
pub struct ConflictFilter {
    pub call_id: Option<Uuid>,
    pub reviewer_id: Option<Uuid>,
    pub idea_id: Option<Uuid>,
    pub limit: u64,
    pub offset: u64,
}

fn with_names() -> sea_orm::Select<Conflicts> {
    Conflicts::find()
        .join(JoinType::InnerJoin, Relation::Reviewer.def())
        .join(JoinType::InnerJoin, Relation::Idea.def())
        .column_as(user::Column::DisplayName, "reviewer_name")
        .column_as(idea::Column::Title, "idea_title")
}

/// One page of conflicts, newest first, and how many match: two statements.
pub async fn list(db: &impl ConnectionTrait, filter: &ConflictFilter) -> Result<(Vec<ConflictRow>, u64), DbErr> {
    let mut condition = Condition::all();
    if let Some(call_id) = filter.call_id {
        condition = condition.add(Column::CallId.eq(call_id));
    }
    if let Some(reviewer_id) = filter.reviewer_id {
        condition = condition.add(Column::ReviewerId.eq(reviewer_id));
    }
    if let Some(idea_id) = filter.idea_id {
        condition = condition.add(Column::IdeaId.eq(idea_id));
    }
    let total = Conflicts::find().filter(condition.clone()).count(db).await?;
    let query = with_names()
        .filter(condition)
        .order_by(Column::CreatedAt, Order::Desc)
        .order_by(Column::Id, Order::Asc);
    let items = crate::rows(db, query, filter.limit, filter.offset).await?;
    Ok((items, total))
}

pub async fn find_row(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<ConflictRow>, DbErr> {
    with_names()
        .filter(Column::Id.eq(id))
        .into_model::<ConflictRow>()
        .one(db)
        .await
}

pub use crate::entities::conflict::Model;
