//! Assignments: which reviewer reviews which idea, their state, and the lists staff and reviewers read.

use chrono::{DateTime, NaiveDate, Utc};
use domain::idea::{Domain, IdeaState};
use domain::review::AssignmentState;
use domain::reviewer::Organisation;
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, JoinType,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, RelationTrait, Set,
};
use uuid::Uuid;

use crate::entities::assignment::{ActiveModel, Column, Entity as Assignments, Model as Assignment, Relation};
use crate::entities::{call, idea, review, reviewer, user};
use crate::stored::Named;

/// Rows per INSERT when many assignments are saved at once: well under SQLite's bound on parameters.
const INSERT_CHUNK: usize = 1000;

#[derive(Debug, Clone)]
pub struct NewAssignment {
    pub call_id: Uuid,
    pub idea_id: Uuid,
    pub reviewer_id: Uuid,
    pub due_on: Option<NaiveDate>,
    pub assigned_by: Option<Uuid>,
}

fn active_model(new: NewAssignment, now: DateTime<Utc>) -> ActiveModel {
    ActiveModel {
        id: Set(Uuid::now_v7()),
        call_id: Set(new.call_id),
        idea_id: Set(new.idea_id),
        reviewer_id: Set(new.reviewer_id),
        state: Set(Named(AssignmentState::Pending)),
        due_on: Set(new.due_on),
        assigned_by: Set(new.assigned_by),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

/// One assignment; assigning the same reviewer to the same idea twice is a unique violation.
pub async fn insert(db: &impl ConnectionTrait, new: NewAssignment, now: DateTime<Utc>) -> Result<Assignment, DbErr> {
    active_model(new, now).insert(db).await
}

/// Many assignments in a few statements.
pub async fn insert_many(db: &impl ConnectionTrait, new: Vec<NewAssignment>, now: DateTime<Utc>) -> Result<(), DbErr> {
    for chunk in new.chunks(INSERT_CHUNK) {
        Assignments::insert_many(chunk.iter().cloned().map(|n| active_model(n, now)))
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Assignment>, DbErr> {
    Assignments::find_by_id(id).one(db).await
}

pub async fn find(db: &impl ConnectionTrait, idea_id: Uuid, reviewer_id: Uuid) -> Result<Option<Assignment>, DbErr> {
    Assignments::find()
        .filter(Column::IdeaId.eq(idea_id))
        .filter(Column::ReviewerId.eq(reviewer_id))
        .one(db)
        .await
}

/// Moves an assignment from one of `from` to `to`; false when it was not in `from`.
pub async fn set_state(
    db: &impl ConnectionTrait,
    id: Uuid,
    from: &[AssignmentState],
    to: AssignmentState,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = Assignments::update_many()
        .col_expr(Column::State, Expr::value(to.as_str()))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(Column::State.is_in(from.iter().map(|s| s.as_str())))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<bool, DbErr> {
    Ok(Assignments::delete_by_id(id).exec(db).await?.rows_affected == 1)
}

/// Every assignment of a call: one statement.
pub async fn of_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<Assignment>, DbErr> {
    Assignments::find()
        .filter(Column::CallId.eq(call_id))
        .order_by(Column::IdeaId, Order::Asc)
        .order_by(Column::ReviewerId, Order::Asc)
        .all(db)
        .await
}

/// How many of an idea's assignments count (not declined), and how many of those are submitted.
pub async fn counts_of_idea(db: &impl ConnectionTrait, idea_id: Uuid) -> Result<(usize, usize), DbErr> {
    let states: Vec<Named<AssignmentState>> = Assignments::find()
        .select_only()
        .column(Column::State)
        .filter(Column::IdeaId.eq(idea_id))
        .into_tuple()
        .all(db)
        .await?;
    let active = states.iter().filter(|s| **s != AssignmentState::Declined).count();
    let submitted = states.iter().filter(|s| **s == AssignmentState::Submitted).count();
    Ok((active, submitted))
}

/// An assignment with what its lists show: the idea, its call, the reviewer and the review's progress.
#[derive(Debug, Clone, FromQueryResult)]
pub struct AssignmentRow {
    #[sea_orm(nested)]
    pub assignment: Assignment,
    pub idea_title: String,
    pub idea_state: Named<IdeaState>,
    pub idea_domain: Named<Domain>,
    pub call_title_fa: String,
    pub call_title_en: Option<String>,
    pub call_blind_review: bool,
    pub review_opens_at: DateTime<Utc>,
    pub review_closes_at: DateTime<Utc>,
    pub reviewer_name: String,
    /// None when the account has no reviewer profile any more.
    pub reviewer_organisation: Option<Named<Organisation>>,
    /// When the review was last saved, if there is one (a draft or submitted).
    pub review_saved_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Default)]
pub struct AssignmentFilter {
    pub call_id: Option<Uuid>,
    pub reviewer_id: Option<Uuid>,
    pub idea_id: Option<Uuid>,
    /// Only assignments in these states; all when empty.
    pub states: Vec<AssignmentState>,
    pub limit: u64,
    pub offset: u64,
}

fn condition(filter: &AssignmentFilter) -> Condition {
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
    if !filter.states.is_empty() {
        condition = condition.add(Column::State.is_in(filter.states.iter().map(|s| s.as_str())));
    }
    condition
}

/// One page of assignments, by due day then idea, and how many match: two statements.
pub async fn list(db: &impl ConnectionTrait, filter: &AssignmentFilter) -> Result<(Vec<AssignmentRow>, u64), DbErr> {
    let condition = condition(filter);
    let total = Assignments::find().filter(condition.clone()).count(db).await?;
    let query = with_context()
        .filter(condition)
        .order_by(Column::CreatedAt, Order::Asc)
        .order_by(Column::Id, Order::Asc);
    let items = crate::rows(db, query, filter.limit, filter.offset).await?;
    Ok((items, total))
}

/// One assignment with what its views show.
pub async fn find_row(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<AssignmentRow>, DbErr> {
    with_context()
        .filter(Column::Id.eq(id))
        .into_model::<AssignmentRow>()
        .one(db)
        .await
}

fn with_context() -> sea_orm::Select<Assignments> {
    Assignments::find()
        .join(JoinType::InnerJoin, Relation::Idea.def())
        .join(JoinType::InnerJoin, Relation::Reviewer.def())
        .join(JoinType::InnerJoin, call_relation())
        .join(JoinType::LeftJoin, reviewer_relation())
        .join(JoinType::LeftJoin, review_relation())
        .column_as(idea::Column::Title, "idea_title")
        .column_as(idea::Column::State, "idea_state")
        .column_as(idea::Column::Domain, "idea_domain")
        .column_as(call::Column::TitleFa, "call_title_fa")
        .column_as(call::Column::TitleEn, "call_title_en")
        .column_as(call::Column::BlindReview, "call_blind_review")
        .column_as(call::Column::ReviewOpensAt, "review_opens_at")
        .column_as(call::Column::ReviewClosesAt, "review_closes_at")
        .column_as(user::Column::DisplayName, "reviewer_name")
        .column_as(reviewer::Column::Organisation, "reviewer_organisation")
        .column_as(review::Column::UpdatedAt, "review_saved_at")
}

fn call_relation() -> sea_orm::RelationDef {
    Assignments::belongs_to(call::Entity)
        .from(Column::CallId)
        .to(call::Column::Id)
        .into()
}

fn reviewer_relation() -> sea_orm::RelationDef {
    Assignments::belongs_to(reviewer::Entity)
        .from(Column::ReviewerId)
        .to(reviewer::Column::UserId)
        .into()
}

fn review_relation() -> sea_orm::RelationDef {
    Assignments::belongs_to(review::Entity)
        .from(Column::Id)
        .to(review::Column::AssignmentId)
        .into()
}

/// How many of a reviewer's assignments are in each state, in one call or in all: one statement.
pub async fn progress(
    db: &impl ConnectionTrait,
    reviewer_id: Uuid,
    call_id: Option<Uuid>,
) -> Result<Vec<(Named<AssignmentState>, i64)>, DbErr> {
    let mut query = Assignments::find()
        .select_only()
        .column(Column::State)
        .column_as(Column::Id.count(), "count")
        .filter(Column::ReviewerId.eq(reviewer_id))
        .group_by(Column::State);
    if let Some(call_id) = call_id {
        query = query.filter(Column::CallId.eq(call_id));
    }
    query.into_tuple().all(db).await
}

/// An idea as the assignment planner sees it.
#[derive(Debug, Clone, FromQueryResult)]
pub struct PlanningIdea {
    pub id: Uuid,
    pub title: String,
    pub domain: Named<Domain>,
    pub state: Named<IdeaState>,
    pub submitter_id: Uuid,
}

/// The call's ideas in `states`, for the planner: one statement.
pub async fn planning_ideas(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    states: &[IdeaState],
) -> Result<Vec<PlanningIdea>, DbErr> {
    idea::Entity::find()
        .select_only()
        .column(idea::Column::Id)
        .column(idea::Column::Title)
        .column(idea::Column::Domain)
        .column(idea::Column::State)
        .column(idea::Column::SubmitterId)
        .filter(idea::Column::CallId.eq(call_id))
        .filter(idea::Column::State.is_in(states.iter().map(|s| s.as_str())))
        .order_by(idea::Column::Id, Order::Asc)
        .into_model::<PlanningIdea>()
        .all(db)
        .await
}

/// Moves the shortlisted ones of `idea_ids` into review (they just got their first reviewers), a few
/// statements whatever their number; the ids of those it moved.
pub async fn start_review(
    db: &impl ConnectionTrait,
    idea_ids: &[Uuid],
    now: DateTime<Utc>,
) -> Result<Vec<Uuid>, DbErr> {
    let mut moved = Vec::new();
    for chunk in idea_ids.chunks(INSERT_CHUNK) {
        let shortlisted: Vec<Uuid> = idea::Entity::find()
            .select_only()
            .column(idea::Column::Id)
            .filter(idea::Column::Id.is_in(chunk.iter().copied()))
            .filter(idea::Column::State.eq(IdeaState::Shortlisted.as_str()))
            .into_tuple()
            .all(db)
            .await?;
        if shortlisted.is_empty() {
            continue;
        }
        idea::Entity::update_many()
            .col_expr(idea::Column::State, Expr::value(IdeaState::InReview.as_str()))
            .col_expr(idea::Column::Version, Expr::col(idea::Column::Version).add(1))
            .col_expr(idea::Column::UpdatedAt, Expr::value(now))
            .filter(idea::Column::Id.is_in(shortlisted.iter().copied()))
            .filter(idea::Column::State.eq(IdeaState::Shortlisted.as_str()))
            .exec(db)
            .await?;
        moved.extend(shortlisted);
    }
    Ok(moved)
}

pub use crate::entities::assignment::Model;
