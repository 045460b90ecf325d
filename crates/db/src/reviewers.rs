//! The jury's roster: reviewer profiles beside their accounts, and how much each has been given.

use chrono::{DateTime, Utc};
use domain::idea::Domain;
use domain::review::AssignmentState;
use domain::reviewer::Organisation;
use sea_orm::sea_query::{Expr, ExprTrait, Func, Order, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, JoinType,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, RelationTrait, Set,
};
use uuid::Uuid;

use crate::entities::assignment;
use crate::entities::reviewer::{ActiveModel, Column, Entity as Reviewers, Model as Reviewer, Relation};
use crate::entities::user;
use crate::stored::{Listed, Named};

/// What staff set on a reviewer.
#[derive(Debug, Clone)]
pub struct ReviewerFields {
    pub organisation: Organisation,
    pub expertise: Vec<Domain>,
    pub max_load: i32,
    pub active: bool,
}

/// The expertise as stored: sorted, each domain once.
fn expertise(domains: &[Domain]) -> Listed<Domain> {
    let mut sorted = domains.to_vec();
    sorted.sort();
    sorted.dedup();
    Listed(sorted)
}

pub async fn insert(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    fields: ReviewerFields,
    now: DateTime<Utc>,
) -> Result<Reviewer, DbErr> {
    ActiveModel {
        user_id: Set(user_id),
        organisation: Set(Named(fields.organisation)),
        expertise: Set(expertise(&fields.expertise)),
        max_load: Set(fields.max_load),
        active: Set(fields.active),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
}

pub async fn find(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<Reviewer>, DbErr> {
    Reviewers::find_by_id(user_id).one(db).await
}

pub async fn update(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    fields: ReviewerFields,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = Reviewers::update_many()
        .col_expr(Column::Organisation, Expr::value(Named(fields.organisation)))
        .col_expr(Column::Expertise, Expr::value(expertise(&fields.expertise)))
        .col_expr(Column::MaxLoad, Expr::value(fields.max_load))
        .col_expr(Column::Active, Expr::value(fields.active))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// A reviewer with their account's name and how many assignments they hold.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ReviewerRow {
    #[sea_orm(nested)]
    pub reviewer: Reviewer,
    pub display_name: String,
    pub email: String,
    pub account_active: bool,
    /// Assignments that count (pending or submitted), in the call asked about or in all.
    pub assigned: i64,
    pub submitted: i64,
}

#[derive(Debug, Clone, Default)]
pub struct ReviewerFilter {
    /// Matched against the folded e-mail and display name.
    pub q: Option<String>,
    pub organisation: Option<Organisation>,
    pub expertise: Option<Domain>,
    pub active: Option<bool>,
    /// Count the assignments of this call only.
    pub call_id: Option<Uuid>,
    pub limit: u64,
    pub offset: u64,
}

/// How many of the reviewer's assignments are in `states`, as a correlated subquery.
fn assignment_count(states: &[AssignmentState], call_id: Option<Uuid>) -> SimpleExpr {
    let mut condition = Condition::all()
        .add(Expr::col((assignment::Entity, assignment::Column::ReviewerId)).equals((Reviewers, Column::UserId)))
        .add(Expr::col((assignment::Entity, assignment::Column::State)).is_in(states.iter().map(|s| s.as_str())));
    if let Some(call_id) = call_id {
        condition = condition.add(Expr::col((assignment::Entity, assignment::Column::CallId)).eq(call_id));
    }
    crate::scalar(
        Query::select()
            .expr(Func::count(Expr::col((assignment::Entity, assignment::Column::Id))))
            .from(assignment::Entity)
            .cond_where(condition)
            .to_owned(),
    )
}

fn with_account(call_id: Option<Uuid>) -> sea_orm::Select<Reviewers> {
    Reviewers::find()
        .join(JoinType::InnerJoin, Relation::User.def())
        .column_as(user::Column::DisplayName, "display_name")
        .column_as(user::Column::Email, "email")
        .column_as(user::Column::Active, "account_active")
        .expr_as(
            assignment_count(&[AssignmentState::Pending, AssignmentState::Submitted], call_id),
            "assigned",
        )
        .expr_as(assignment_count(&[AssignmentState::Submitted], call_id), "submitted")
}

fn filter_condition(filter: &ReviewerFilter) -> Condition {
    let mut condition = Condition::all();
    for word in crate::search::words(filter.q.as_deref()) {
        condition = condition.add(crate::search::contains(user::Column::SearchText, &word));
    }
    if let Some(organisation) = filter.organisation {
        condition = condition.add(Column::Organisation.eq(organisation.as_str()));
    }
    if let Some(domain) = filter.expertise {
        // The stored list is comma-separated domain names, none of which contains another.
        condition = condition.add(crate::search::contains(Column::Expertise, domain.as_str()));
    }
    if let Some(active) = filter.active {
        condition = condition.add(Column::Active.eq(active));
    }
    condition
}

/// One page of the roster by name, and how many match: two statements.
pub async fn list(db: &impl ConnectionTrait, filter: &ReviewerFilter) -> Result<(Vec<ReviewerRow>, u64), DbErr> {
    let condition = filter_condition(filter);
    let total = Reviewers::find()
        .join(JoinType::InnerJoin, Relation::User.def())
        .filter(condition.clone())
        .count(db)
        .await?;
    let query = with_account(filter.call_id)
        .filter(condition)
        .order_by(Expr::col((user::Entity, user::Column::DisplayName)), Order::Asc)
        .order_by(Column::UserId, Order::Asc);
    let items = crate::rows(db, query, filter.limit, filter.offset).await?;
    Ok((items, total))
}

pub async fn find_row(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    call_id: Option<Uuid>,
) -> Result<Option<ReviewerRow>, DbErr> {
    with_account(call_id)
        .filter(Column::UserId.eq(user_id))
        .into_model::<ReviewerRow>()
        .one(db)
        .await
}

/// The reviewers who may be given work: active on the jury, with an active account that still holds
/// the reviewer role, each with their load in `call_id`. One statement.
pub async fn roster(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<ReviewerRow>, DbErr> {
    let rows = with_account(Some(call_id))
        .column_as(user::Column::Roles, "roles")
        .filter(Column::Active.eq(true))
        .filter(Expr::col((user::Entity, user::Column::Active)).eq(true))
        .order_by(Column::UserId, Order::Asc)
        .into_model::<RosterRow>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|row| row.roles.is_reviewer())
        .map(|row| row.row)
        .collect())
}

#[derive(Debug, Clone, FromQueryResult)]
struct RosterRow {
    #[sea_orm(nested)]
    row: ReviewerRow,
    roles: crate::stored::Named<domain::roles::Roles>,
}

pub use crate::entities::reviewer::Model;
