//! Calls for ideas.

use chrono::{DateTime, Utc};
use domain::call::{CallPhase, CallWindow};
use domain::idea::Domain;
use domain::text::Text;
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::call::{ActiveModel, Column, Entity as Calls, Model as Call};
use crate::stored::Listed;

/// A call's fields as staff give them, already checked.
#[derive(Debug, Clone)]
pub struct CallFields {
    pub title: Text,
    pub description: Text,
    pub window: CallWindow,
    pub domains: Vec<Domain>,
    pub ideas_per_citizen: i32,
    pub blind_review: bool,
    pub reviewers_per_idea: i32,
}

/// The dates a list of calls sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallSortField {
    OpensAt,
    ClosesAt,
    ReviewOpensAt,
    ReviewClosesAt,
    CreatedAt,
}

impl CallSortField {
    fn column(self) -> Column {
        match self {
            CallSortField::OpensAt => Column::OpensAt,
            CallSortField::ClosesAt => Column::ClosesAt,
            CallSortField::ReviewOpensAt => Column::ReviewOpensAt,
            CallSortField::ReviewClosesAt => Column::ReviewClosesAt,
            CallSortField::CreatedAt => Column::CreatedAt,
        }
    }
}

#[derive(Debug, Clone)]
pub struct CallFilter {
    pub phase: Option<CallPhase>,
    pub now: DateTime<Utc>,
    /// Default: the latest opening first. Calls on the same date come in the order of their ids.
    pub sort: Option<(CallSortField, Order)>,
    pub limit: u64,
    pub offset: u64,
}

/// Domains in the stored text form (comma-separated names), for columns not yet typed with `Listed`.
pub fn domains_to_stored(domains: &[Domain]) -> String {
    Listed(domains.to_vec()).to_stored()
}

fn apply(model: &mut ActiveModel, fields: CallFields) {
    (model.title_fa, model.title_en) = (Set(fields.title.0), Set(fields.title.1));
    (model.description_fa, model.description_en) = (Set(fields.description.0), Set(fields.description.1));
    model.opens_at = Set(fields.window.opens_at);
    model.closes_at = Set(fields.window.closes_at);
    model.review_opens_at = Set(fields.window.review_opens_at);
    model.review_closes_at = Set(fields.window.review_closes_at);
    model.domains = Set(Listed(fields.domains));
    model.ideas_per_citizen = Set(fields.ideas_per_citizen);
    model.blind_review = Set(fields.blind_review);
    model.reviewers_per_idea = Set(fields.reviewers_per_idea);
}

pub async fn insert(
    db: &impl ConnectionTrait,
    fields: CallFields,
    created_by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Call, DbErr> {
    let mut model = ActiveModel {
        id: Set(Uuid::now_v7()),
        decisions_published_at: Set(None),
        version: Set(1),
        created_by: Set(created_by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply(&mut model, fields);
    model.insert(db).await
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Call>, DbErr> {
    Calls::find_by_id(id).one(db).await
}

/// The calls in `phase` at `now`: the SQL twin of `domain::call::CallWindow::phase`.
fn phase_condition(phase: CallPhase, now: DateTime<Utc>) -> Condition {
    let decided = Column::DecisionsPublishedAt.is_not_null();
    let undecided = Condition::all().add(Column::DecisionsPublishedAt.is_null());
    match phase {
        CallPhase::Decided => Condition::all().add(decided),
        CallPhase::Upcoming => undecided.add(Column::OpensAt.gt(now)),
        CallPhase::Open => undecided.add(Column::OpensAt.lte(now)).add(Column::ClosesAt.gte(now)),
        CallPhase::Closed => undecided
            .add(Column::ClosesAt.lt(now))
            .add(Column::ReviewOpensAt.gt(now)),
        CallPhase::InReview => undecided.add(Column::ReviewOpensAt.lte(now)),
    }
}

/// One page of calls in the filter's order (the latest opening first unless it says), and how many match.
pub async fn list(db: &impl ConnectionTrait, filter: &CallFilter) -> Result<(Vec<Call>, u64), DbErr> {
    let mut query = Calls::find();
    if let Some(phase) = filter.phase {
        query = query.filter(phase_condition(phase, filter.now));
    }
    let (field, order) = filter.sort.clone().unwrap_or((CallSortField::OpensAt, Order::Desc));
    crate::page(
        db,
        query,
        (field.column(), order),
        Column::Id,
        filter.limit,
        filter.offset,
    )
    .await
}

/// Saves new fields if the call is still at `expected_version`; `None` when someone saved first.
pub async fn update(
    db: &impl ConnectionTrait,
    call: &Call,
    expected_version: i32,
    fields: CallFields,
    now: DateTime<Utc>,
) -> Result<Option<Call>, DbErr> {
    let mut model: ActiveModel = call.clone().into();
    apply(&mut model, fields);
    model.version = Set(expected_version + 1);
    model.updated_at = Set(now);
    let result = Calls::update_many()
        .set(model)
        .filter(Column::Id.eq(call.id))
        .filter(Column::Version.eq(expected_version))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Ok(None);
    }
    find_by_id(db, call.id).await
}

/// Ends the submission period now (only if it is still open): its last open moment was just before `now`.
pub async fn close_now(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let result = Calls::update_many()
        .col_expr(Column::ClosesAt, Expr::value(now - chrono::TimeDelta::microseconds(1)))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(phase_condition(CallPhase::Open, now))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub use crate::entities::call::Model;

/// Records when the call's decisions were published, only if they were not yet: false when another request
/// published them first (a concurrent publication then rolls back).
pub async fn set_decisions_published_once(
    db: &impl ConnectionTrait,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = Calls::update_many()
        .col_expr(Column::DecisionsPublishedAt, Expr::value(at))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .col_expr(Column::UpdatedAt, Expr::value(at))
        .filter(Column::Id.eq(id))
        .filter(Column::DecisionsPublishedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
