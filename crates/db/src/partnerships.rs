//! Partnerships with foreign cities, their history of state changes, and their health: the date of
//! the last activity with the city and how many there were lately, read beside each partnership in
//! the same statement.

use chrono::{DateTime, NaiveDate, Utc};
use domain::activity::ActivityStatus;
use domain::partnership::{FocalPoint, PartnershipKind, PartnershipState};
use domain::text::Text;
use sea_orm::sea_query::{Expr, ExprTrait, Func, NullOrdering, Order, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, JoinType,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, RelationTrait, Set,
};
use uuid::Uuid;

use crate::entities::partnership::{ActiveModel, Column, Entity as Partnerships, Model as Partnership, Relation};
use crate::entities::partnership_state_change::{self as state_change, Entity as StateChanges, Model as StateChange};
use crate::entities::{activity, city, user};
use crate::stored::{Json, Named};

/// What staff write of a partnership, other than its state.
#[derive(Debug, Clone)]
pub struct PartnershipFields {
    pub kind: PartnershipKind,
    pub signed_on: Option<NaiveDate>,
    pub next_review_on: Option<NaiveDate>,
    pub focal_points: Vec<FocalPoint>,
    pub notes: Option<Text>,
}

impl PartnershipFields {
    /// The notes as their two columns.
    fn notes(&self) -> (Option<String>, Option<String>) {
        crate::optional_text_columns(self.notes.clone())
    }
}

/// A change of state as it is recorded in the history.
#[derive(Debug, Clone)]
pub struct NewStateChange {
    pub to: PartnershipState,
    pub effective_on: NaiveDate,
    pub reason: Option<String>,
    pub actor_id: Option<Uuid>,
}

/// The day health is reckoned on and the windows it uses.
#[derive(Debug, Clone, Copy)]
pub struct HealthDates {
    pub today: NaiveDate,
    /// Activities on or after this day are recent.
    pub recent_since: NaiveDate,
    /// A partnership whose last sign of life is before this day is dormant.
    pub dormant_before: NaiveDate,
}

/// A partnership with its city and its health.
#[derive(Debug, Clone, FromQueryResult)]
pub struct PartnershipRow {
    #[sea_orm(nested)]
    pub partnership: Partnership,
    pub city_name_fa: String,
    pub city_name_en: Option<String>,
    pub city_country: String,
    pub city_verified: bool,
    pub last_activity_on: Option<NaiveDate>,
    pub recent_activities: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnershipSortField {
    CityName,
    SignedOn,
    LastActivityOn,
    RecentActivities,
    NextReviewOn,
}

#[derive(Debug, Clone)]
pub struct PartnershipFilter {
    pub q: Option<String>,
    pub country: Option<String>,
    pub kind: Option<PartnershipKind>,
    pub state: Option<PartnershipState>,
    pub dormant: Option<bool>,
    pub sort: (PartnershipSortField, Order),
    pub limit: u64,
    pub offset: u64,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    city_id: Uuid,
    fields: PartnershipFields,
    initial: NewStateChange,
    recorded_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Partnership, DbErr> {
    let (notes_fa, notes_en) = fields.notes();
    let partnership = ActiveModel {
        id: Set(Uuid::now_v7()),
        city_id: Set(city_id),
        kind: Set(Named(fields.kind)),
        state: Set(Named(initial.to)),
        signed_on: Set(fields.signed_on),
        next_review_on: Set(fields.next_review_on),
        focal_points: Set(Json(fields.focal_points)),
        notes_fa: Set(notes_fa),
        notes_en: Set(notes_en),
        recorded_on: Set(recorded_on),
        version: Set(1),
        created_by: Set(initial.actor_id),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    record_change(db, partnership.id, None, initial, now).await?;
    Ok(partnership)
}

async fn record_change(
    db: &impl ConnectionTrait,
    partnership_id: Uuid,
    from: Option<PartnershipState>,
    change: NewStateChange,
    now: DateTime<Utc>,
) -> Result<StateChange, DbErr> {
    state_change::ActiveModel {
        id: Set(Uuid::now_v7()),
        partnership_id: Set(partnership_id),
        from_state: Set(from.map(Named)),
        to_state: Set(Named(change.to)),
        effective_on: Set(change.effective_on),
        reason: Set(change.reason),
        actor_id: Set(change.actor_id),
        recorded_at: Set(now),
    }
    .insert(db)
    .await
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Partnership>, DbErr> {
    Partnerships::find_by_id(id).one(db).await
}

pub async fn find_by_city(db: &impl ConnectionTrait, city_id: Uuid) -> Result<Option<Partnership>, DbErr> {
    Partnerships::find().filter(Column::CityId.eq(city_id)).one(db).await
}

/// Writes `fields` if the partnership is still at `expected` version; false when it is not.
pub async fn update(
    db: &impl ConnectionTrait,
    id: Uuid,
    expected: i32,
    fields: PartnershipFields,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let (notes_fa, notes_en) = fields.notes();
    let result = Partnerships::update_many()
        .col_expr(Column::NotesFa, Expr::value(notes_fa))
        .col_expr(Column::NotesEn, Expr::value(notes_en))
        .col_expr(Column::Kind, Expr::value(Named(fields.kind)))
        .col_expr(Column::SignedOn, Expr::value(fields.signed_on))
        .col_expr(Column::NextReviewOn, Expr::value(fields.next_review_on))
        .col_expr(Column::FocalPoints, Expr::value(Json(fields.focal_points)))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(expected))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Moves the partnership from `from` to the change's state if it is still at `expected` version,
/// and records the change; false when it changed meanwhile.
pub async fn change_state(
    db: &impl ConnectionTrait,
    id: Uuid,
    expected: i32,
    from: PartnershipState,
    change: NewStateChange,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = Partnerships::update_many()
        .col_expr(Column::State, Expr::value(Named(change.to)))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(expected))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Ok(false);
    }
    record_change(db, id, Some(from), change, now).await?;
    Ok(true)
}

/// A state change with the name of who recorded it.
#[derive(Debug, Clone, FromQueryResult)]
pub struct StateChangeRow {
    #[sea_orm(nested)]
    pub change: StateChange,
    pub actor_name: Option<String>,
}

/// The history of a partnership, in the order the changes took effect.
pub async fn history(db: &impl ConnectionTrait, partnership_id: Uuid) -> Result<Vec<StateChangeRow>, DbErr> {
    StateChanges::find()
        .filter(state_change::Column::PartnershipId.eq(partnership_id))
        .join(JoinType::LeftJoin, state_change::Relation::Actor.def())
        .column_as(user::Column::DisplayName, "actor_name")
        .order_by(state_change::Column::EffectiveOn, Order::Asc)
        .order_by(state_change::Column::RecordedAt, Order::Asc)
        .order_by(state_change::Column::Id, Order::Asc)
        .into_model::<StateChangeRow>()
        .all(db)
        .await
}

/// The day of the latest change in a partnership's history.
pub async fn latest_change_on(db: &impl ConnectionTrait, partnership_id: Uuid) -> Result<Option<NaiveDate>, DbErr> {
    StateChanges::find()
        .select_only()
        .column(state_change::Column::EffectiveOn)
        .filter(state_change::Column::PartnershipId.eq(partnership_id))
        .order_by(state_change::Column::EffectiveOn, Order::Desc)
        .into_tuple::<NaiveDate>()
        .one(db)
        .await
}

/// The activities with the partnership's city that count for its health on `today`.
fn signs_of_life(today: NaiveDate) -> Condition {
    let statuses: Vec<&str> = ActivityStatus::SIGNS_OF_LIFE.iter().map(|s| s.as_str()).collect();
    Condition::all()
        .add(Expr::col((activity::Entity, activity::Column::CityId)).equals((Partnerships, Column::CityId)))
        .add(Expr::col((activity::Entity, activity::Column::Status)).is_in(statuses))
        .add(Expr::col((activity::Entity, activity::Column::OccurredOn)).lte(today))
}

/// The day of the last activity that counts, as a correlated subquery.
fn last_activity_on(dates: HealthDates) -> SimpleExpr {
    crate::scalar(
        Query::select()
            .expr(Func::max(Expr::col((activity::Entity, activity::Column::OccurredOn))))
            .from(activity::Entity)
            .cond_where(signs_of_life(dates.today))
            .to_owned(),
    )
}

/// How many activities that count fall in the recent window, as a correlated subquery.
fn recent_activities(dates: HealthDates) -> SimpleExpr {
    crate::scalar(
        Query::select()
            .expr(Func::count(Expr::col((activity::Entity, activity::Column::Id))))
            .from(activity::Entity)
            .cond_where(
                signs_of_life(dates.today)
                    .add(Expr::col((activity::Entity, activity::Column::OccurredOn)).gte(dates.recent_since)),
            )
            .to_owned(),
    )
}

/// `domain::partnership::health_basis` in SQL: the last activity, else the signing, else the record.
fn health_basis(dates: HealthDates) -> SimpleExpr {
    Func::coalesce([
        last_activity_on(dates),
        Expr::col((Partnerships, Column::SignedOn)),
        Expr::col((Partnerships, Column::RecordedOn)),
    ])
    .into()
}

fn filter_condition(filter: &PartnershipFilter, dates: HealthDates) -> Condition {
    let mut condition = Condition::all();
    for word in crate::search::words(filter.q.as_deref()) {
        condition = condition.add(crate::search::contains(city::Column::SearchText, &word));
    }
    if let Some(country) = &filter.country {
        condition = condition.add(city::Column::Country.eq(country.as_str()));
    }
    if let Some(kind) = filter.kind {
        condition = condition.add(Column::Kind.eq(Named(kind)));
    }
    if let Some(state) = filter.state {
        condition = condition.add(Column::State.eq(Named(state)));
    }
    if let Some(dormant) = filter.dormant {
        let before_cutoff = health_basis(dates).lt(dates.dormant_before);
        condition = condition.add(if dormant { before_cutoff } else { before_cutoff.not() });
    }
    condition
}

fn with_city_and_health(select: sea_orm::Select<Partnerships>, dates: HealthDates) -> sea_orm::Select<Partnerships> {
    select
        .join(JoinType::InnerJoin, Relation::City.def())
        .column_as(city::Column::NameFa, "city_name_fa")
        .column_as(city::Column::NameEn, "city_name_en")
        .column_as(city::Column::Country, "city_country")
        .column_as(city::Column::Verified, "city_verified")
        .expr_as(last_activity_on(dates), "last_activity_on")
        .expr_as(recent_activities(dates), "recent_activities")
}

/// One page of partnerships with their cities and health, and how many match: two statements.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &PartnershipFilter,
    dates: HealthDates,
) -> Result<(Vec<PartnershipRow>, u64), DbErr> {
    let condition = filter_condition(filter, dates);
    let total = Partnerships::find()
        .join(JoinType::InnerJoin, Relation::City.def())
        .filter(condition.clone())
        .count(db)
        .await?;
    let (field, order) = filter.sort.clone();
    let key: SimpleExpr = match field {
        PartnershipSortField::CityName => Expr::col((city::Entity, city::Column::NameFa)),
        PartnershipSortField::SignedOn => Expr::col((Partnerships, Column::SignedOn)),
        PartnershipSortField::LastActivityOn => last_activity_on(dates),
        PartnershipSortField::RecentActivities => recent_activities(dates),
        PartnershipSortField::NextReviewOn => Expr::col((Partnerships, Column::NextReviewOn)),
    };
    let query = with_city_and_health(Partnerships::find(), dates)
        .filter(condition)
        .order_by_with_nulls(key, order, NullOrdering::Last)
        .order_by(Column::Id, Order::Asc);
    let items = crate::rows(db, query, filter.limit, filter.offset).await?;
    Ok((items, total))
}

/// The partnership `condition` picks, with its city and health.
async fn find_row_where(
    db: &impl ConnectionTrait,
    condition: SimpleExpr,
    dates: HealthDates,
) -> Result<Option<PartnershipRow>, DbErr> {
    with_city_and_health(Partnerships::find(), dates)
        .filter(condition)
        .into_model::<PartnershipRow>()
        .one(db)
        .await
}

/// One partnership with its city and health.
pub async fn find_row(
    db: &impl ConnectionTrait,
    id: Uuid,
    dates: HealthDates,
) -> Result<Option<PartnershipRow>, DbErr> {
    find_row_where(db, Column::Id.eq(id), dates).await
}

/// The partnership of a city, with its health.
pub async fn find_row_of_city(
    db: &impl ConnectionTrait,
    city_id: Uuid,
    dates: HealthDates,
) -> Result<Option<PartnershipRow>, DbErr> {
    find_row_where(db, Column::CityId.eq(city_id), dates).await
}

pub use crate::entities::partnership::Model;
pub use crate::entities::partnership_state_change::Model as StateChangeModel;
