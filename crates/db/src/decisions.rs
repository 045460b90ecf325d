//! Decisions: staff's selected or not selected per idea, pending until the call's decisions are published.

use chrono::{DateTime, Utc};
use domain::review::DecisionOutcome;
use sea_orm::sea_query::{OnConflict, Order};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::entities::decision::{ActiveModel, Column, Entity as Decisions, Model as Decision};

pub struct NewDecision {
    pub idea_id: Uuid,
    pub call_id: Uuid,
    pub outcome: DecisionOutcome,
    pub note: Option<String>,
    pub decided_by: Uuid,
}

/// Records a decision, replacing the idea's earlier one.
pub async fn record(db: &impl ConnectionTrait, new: NewDecision, now: DateTime<Utc>) -> Result<(), DbErr> {
    let model = ActiveModel {
        idea_id: Set(new.idea_id),
        call_id: Set(new.call_id),
        outcome: Set(new.outcome.as_str().to_owned()),
        note: Set(new.note),
        decided_by: Set(Some(new.decided_by)),
        decided_at: Set(now),
    };
    Decisions::insert(model)
        .on_conflict(
            OnConflict::column(Column::IdeaId)
                .update_columns([Column::Outcome, Column::Note, Column::DecidedBy, Column::DecidedAt])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await
        .map(|_| ())
}

pub async fn find(db: &impl ConnectionTrait, idea_id: Uuid) -> Result<Option<Decision>, DbErr> {
    Decisions::find_by_id(idea_id).one(db).await
}

/// Every decision of a call: one statement.
pub async fn of_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<Decision>, DbErr> {
    Decisions::find()
        .filter(Column::CallId.eq(call_id))
        .order_by(Column::IdeaId, Order::Asc)
        .all(db)
        .await
}

pub use crate::entities::decision::Model;
