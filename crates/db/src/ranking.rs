//! What a call's ranking is computed from, read in a fixed number of statements whatever the size of the
//! call: the call, its rubric, the ideas that reached the jury with their decisions, the counted reviews, and
//! the assignments counted by state.

use domain::idea::IdeaState;
use sea_orm::sea_query::Order;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, JoinType, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::entities::{assignment, decision, idea};

/// The states of an idea that reached the jury: those the ranking lists.
pub const RANKED_STATES: [IdeaState; 5] = [
    IdeaState::Shortlisted,
    IdeaState::InReview,
    IdeaState::Reviewed,
    IdeaState::Selected,
    IdeaState::NotSelected,
];

/// An idea as the ranking lists it, with its decision's outcome (pending or published) if there is one.
#[derive(Debug, Clone, FromQueryResult)]
pub struct RankedIdea {
    pub id: Uuid,
    pub title: String,
    pub state: String,
    pub decision: Option<String>,
}

/// Everything the ranking of one call needs.
#[derive(Debug, Clone)]
pub struct RankingInputs {
    pub call: crate::calls::Model,
    pub rubric: crate::rubrics::Model,
    pub ideas: Vec<RankedIdea>,
    pub reviews: Vec<crate::reviews::ReviewRow>,
    /// How many of the call's assignments are in each state.
    pub assignments: Vec<(String, i64)>,
}

/// What reading a call's ranking inputs found.
#[derive(Debug, Clone)]
pub enum Loaded {
    NoCall,
    /// The call, which has no rubric yet.
    NoRubric(Box<crate::calls::Model>),
    Ready(Box<RankingInputs>),
}

/// Reads what the ranking of a call needs, in five statements at most whatever the number of ideas and
/// reviews:
/// 1. the call (`calls::find_by_id`);
/// 2. its rubric (`rubrics::find`);
/// 3. its ideas with the jury, with their decisions' outcomes (`ideas_with_decisions`: one SELECT with a LEFT
///    JOIN on decisions);
/// 4. its counted reviews with their authors (`reviews::of_call`);
/// 5. its assignments counted by state (`assignment_counts`: one GROUP BY).
///
/// A missing call stops after the first, a missing rubric after the second.
pub async fn load(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Loaded, DbErr> {
    let Some(call) = crate::calls::find_by_id(db, call_id).await? else {
        return Ok(Loaded::NoCall);
    };
    let Some(rubric) = crate::rubrics::find(db, call_id).await? else {
        return Ok(Loaded::NoRubric(Box::new(call)));
    };
    let ideas = ideas_with_decisions(db, call_id).await?;
    let reviews = crate::reviews::of_call(db, call_id).await?;
    let assignments = assignment_counts(db, call_id).await?;
    Ok(Loaded::Ready(Box::new(RankingInputs {
        call,
        rubric,
        ideas,
        reviews,
        assignments,
    })))
}

fn decision_relation() -> sea_orm::RelationDef {
    idea::Entity::belongs_to(decision::Entity)
        .from(idea::Column::Id)
        .to(decision::Column::IdeaId)
        .into()
}

/// The call's ideas that reached the jury, each with its decision's outcome: one statement, oldest first.
pub async fn ideas_with_decisions(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<RankedIdea>, DbErr> {
    idea::Entity::find()
        .select_only()
        .column(idea::Column::Id)
        .column(idea::Column::Title)
        .column(idea::Column::State)
        .column_as(decision::Column::Outcome, "decision")
        .join(JoinType::LeftJoin, decision_relation())
        .filter(idea::Column::CallId.eq(call_id))
        .filter(idea::Column::State.is_in(RANKED_STATES.iter().map(|s| s.as_str())))
        .order_by(idea::Column::CreatedAt, Order::Asc)
        .order_by(idea::Column::Id, Order::Asc)
        .into_model::<RankedIdea>()
        .all(db)
        .await
}

/// How many of the call's assignments are in each state: one statement.
pub async fn assignment_counts(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<(String, i64)>, DbErr> {
    assignment::Entity::find()
        .select_only()
        .column(assignment::Column::State)
        .column_as(assignment::Column::Id.count(), "count")
        .filter(assignment::Column::CallId.eq(call_id))
        .group_by(assignment::Column::State)
        .into_tuple()
        .all(db)
        .await
}
