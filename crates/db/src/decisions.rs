//! Decisions: staff's selected or not selected per idea, pending until the call's decisions are published.

use chrono::{DateTime, Utc};
use domain::review::DecisionOutcome;
use sea_orm::sea_query::{OnConflict, Order};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::entities::decision::{ActiveModel, Column, Entity as Decisions, Model as Decision};
use crate::stored::Named;

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
        outcome: Set(Named(new.outcome)),
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

/// A decision with its idea's title and the name of the staff member who took it.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct DecisionRow {
    #[sea_orm(nested)]
    pub decision: Decision,
    pub idea_title: String,
    pub decider_name: Option<String>,
}

fn decider_relation() -> sea_orm::RelationDef {
    Decisions::belongs_to(crate::entities::user::Entity)
        .from(Column::DecidedBy)
        .to(crate::entities::user::Column::Id)
        .into()
}

/// The decisions of a call (or, with `ideas`, of those ideas only), with their ideas' titles and who took them:
/// one statement, by idea.
pub async fn rows(db: &impl ConnectionTrait, call_id: Uuid, ideas: Option<&[Uuid]>) -> Result<Vec<DecisionRow>, DbErr> {
    use sea_orm::{JoinType, QuerySelect, RelationTrait};
    let mut query = Decisions::find()
        .join(JoinType::InnerJoin, crate::entities::decision::Relation::Idea.def())
        .join(JoinType::LeftJoin, decider_relation())
        .column_as(crate::entities::idea::Column::Title, "idea_title")
        .column_as(crate::entities::user::Column::DisplayName, "decider_name")
        .filter(Column::CallId.eq(call_id));
    if let Some(ideas) = ideas {
        query = query.filter(Column::IdeaId.is_in(ideas.iter().copied()));
    }
    query
        .order_by(Column::IdeaId, Order::Asc)
        .into_model::<DecisionRow>()
        .all(db)
        .await
}

/// Rows per INSERT when many decisions are recorded at once: well under SQLite's bound on parameters.
const RECORD_CHUNK: usize = 500;

/// Records many decisions, each replacing its idea's earlier one: one statement per 500.
pub async fn record_many(db: &impl ConnectionTrait, new: Vec<NewDecision>, now: DateTime<Utc>) -> Result<(), DbErr> {
    let models: Vec<ActiveModel> = new
        .into_iter()
        .map(|new| ActiveModel {
            idea_id: Set(new.idea_id),
            call_id: Set(new.call_id),
            outcome: Set(Named(new.outcome)),
            note: Set(new.note),
            decided_by: Set(Some(new.decided_by)),
            decided_at: Set(now),
        })
        .collect();
    for chunk in models.chunks(RECORD_CHUNK) {
        Decisions::insert_many(chunk.iter().cloned())
            .on_conflict(
                OnConflict::column(Column::IdeaId)
                    .update_columns([Column::Outcome, Column::Note, Column::DecidedBy, Column::DecidedAt])
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// How many of the call's ideas with the jury (shortlisted, in review or reviewed) have no decision: one
/// statement.
pub async fn count_undecided(db: &impl ConnectionTrait, call_id: Uuid) -> Result<u64, DbErr> {
    use crate::entities::idea;
    use sea_orm::{JoinType, PaginatorTrait, QuerySelect};
    let relation = idea::Entity::belongs_to(Decisions)
        .from(idea::Column::Id)
        .to(Column::IdeaId)
        .into();
    idea::Entity::find()
        .join(JoinType::LeftJoin, relation)
        .filter(idea::Column::CallId.eq(call_id))
        .filter(idea::Column::State.is_in(domain::review::UNDER_REVIEW.iter().map(|s| s.as_str())))
        .filter(Column::IdeaId.is_null())
        .count(db)
        .await
}

/// The call's decided ideas with their decision and their state now: one statement.
pub async fn decided_ideas(
    db: &impl ConnectionTrait,
    call_id: Uuid,
) -> Result<Vec<(Uuid, Named<DecisionOutcome>, Named<domain::idea::IdeaState>)>, DbErr> {
    use crate::entities::idea;
    use sea_orm::{JoinType, QuerySelect, RelationTrait};
    Decisions::find()
        .select_only()
        .column(Column::IdeaId)
        .column(Column::Outcome)
        .column(idea::Column::State)
        .join(JoinType::InnerJoin, crate::entities::decision::Relation::Idea.def())
        .filter(Column::CallId.eq(call_id))
        .order_by(Column::IdeaId, Order::Asc)
        .into_tuple()
        .all(db)
        .await
}
