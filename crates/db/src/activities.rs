//! Activities with foreign cities: writing them, and the lists (two statements per page) with the
//! city and the title of the idea each grew from.

use chrono::{DateTime, NaiveDate, Utc};
use domain::activity::{ActivityDirection, ActivityKind, ActivityStatus};
use domain::text::{Text, fold};
use sea_orm::sea_query::{Expr, Order};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, JoinType,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, RelationTrait, Set,
};
use uuid::Uuid;

use crate::entities::activity::{ActiveModel, Column, Entity as Activities, Model as Activity, Relation};
use crate::entities::{city, idea};
use crate::stored::Named;

/// An activity as staff write it, already checked; its status goes beside it.
#[derive(Debug, Clone)]
pub struct ActivityContent {
    pub city_id: Uuid,
    pub occurred_on: NaiveDate,
    pub kind: ActivityKind,
    pub direction: ActivityDirection,
    pub title: Text,
    /// Stored as an empty Persian text when there is none.
    pub description: Option<Text>,
    pub outcomes: Option<Text>,
    pub idea_id: Option<Uuid>,
}

impl ActivityContent {
    fn apply(self, status: ActivityStatus, model: &mut ActiveModel) {
        let (description_fa, description_en) = self.description.unwrap_or_default();
        let (outcomes_fa, outcomes_en) = crate::optional_text_columns(self.outcomes);
        let texts = [
            Some(self.title.0.as_str()),
            self.title.1.as_deref(),
            Some(description_fa.as_str()),
            description_en.as_deref(),
            outcomes_fa.as_deref(),
            outcomes_en.as_deref(),
        ];
        model.search_text = Set(fold(&texts.into_iter().flatten().collect::<Vec<_>>().join(
            "
",
        )));
        model.city_id = Set(self.city_id);
        model.occurred_on = Set(self.occurred_on);
        model.kind = Set(Named(self.kind));
        model.direction = Set(Named(self.direction));
        model.status = Set(Named(status));
        (model.title_fa, model.title_en) = (Set(self.title.0), Set(self.title.1));
        (model.description_fa, model.description_en) = (Set(description_fa), Set(description_en));
        (model.outcomes_fa, model.outcomes_en) = (Set(outcomes_fa), Set(outcomes_en));
        model.idea_id = Set(self.idea_id);
    }
}

/// The content of a stored activity, to change a part of it.
pub fn content_of(activity: &Activity) -> ActivityContent {
    ActivityContent {
        city_id: activity.city_id,
        occurred_on: activity.occurred_on,
        kind: *activity.kind,
        direction: *activity.direction,
        title: (activity.title_fa.clone(), activity.title_en.clone()),
        description: (!activity.description_fa.is_empty())
            .then(|| (activity.description_fa.clone(), activity.description_en.clone())),
        outcomes: activity
            .outcomes_fa
            .clone()
            .map(|fa| (fa, activity.outcomes_en.clone())),
        idea_id: activity.idea_id,
    }
}

pub async fn insert(
    db: &impl ConnectionTrait,
    content: ActivityContent,
    status: ActivityStatus,
    created_by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Activity, DbErr> {
    let mut model = ActiveModel {
        id: Set(Uuid::now_v7()),
        created_by: Set(created_by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    content.apply(status, &mut model);
    model.insert(db).await
}

pub async fn update(
    db: &impl ConnectionTrait,
    activity: Activity,
    content: ActivityContent,
    status: ActivityStatus,
    now: DateTime<Utc>,
) -> Result<Activity, DbErr> {
    let mut model: ActiveModel = activity.into();
    content.apply(status, &mut model);
    model.updated_at = Set(now);
    model.update(db).await
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Activity>, DbErr> {
    Activities::find_by_id(id).one(db).await
}

#[derive(Debug, Clone, Default)]
pub struct ActivityFilter {
    pub city_id: Option<Uuid>,
    pub country: Option<String>,
    pub kind: Option<ActivityKind>,
    pub direction: Option<ActivityDirection>,
    pub status: Option<ActivityStatus>,
    pub idea_id: Option<Uuid>,
    /// Only activities on or after this day.
    pub from: Option<NaiveDate>,
    /// Only activities on or before this day.
    pub to: Option<NaiveDate>,
    pub q: Option<String>,
    /// By date: newest first unless ascending.
    pub ascending: bool,
    pub limit: u64,
    pub offset: u64,
}

/// An activity with its city and the title of the idea it grew from.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ActivityRow {
    #[sea_orm(nested)]
    pub activity: Activity,
    pub city_name_fa: String,
    pub city_name_en: Option<String>,
    pub city_country: String,
    pub city_verified: bool,
    pub idea_title: Option<String>,
}

fn filter_condition(filter: &ActivityFilter) -> Condition {
    let mut condition = Condition::all();
    if let Some(city_id) = filter.city_id {
        condition = condition.add(Column::CityId.eq(city_id));
    }
    if let Some(country) = &filter.country {
        condition = condition.add(crate::cities::in_country(Column::CityId, country));
    }
    if let Some(kind) = filter.kind {
        condition = condition.add(Column::Kind.eq(Named(kind)));
    }
    if let Some(direction) = filter.direction {
        condition = condition.add(Column::Direction.eq(Named(direction)));
    }
    if let Some(status) = filter.status {
        condition = condition.add(Column::Status.eq(Named(status)));
    }
    if let Some(idea_id) = filter.idea_id {
        condition = condition.add(Column::IdeaId.eq(idea_id));
    }
    if let Some(from) = filter.from {
        condition = condition.add(Column::OccurredOn.gte(from));
    }
    if let Some(to) = filter.to {
        condition = condition.add(Column::OccurredOn.lte(to));
    }
    for word in crate::search::words(filter.q.as_deref()) {
        condition = condition.add(crate::search::contains(Column::SearchText, &word));
    }
    condition
}

fn with_labels(select: sea_orm::Select<Activities>) -> sea_orm::Selector<sea_orm::SelectModel<ActivityRow>> {
    select
        .join(JoinType::InnerJoin, Relation::City.def())
        .join(JoinType::LeftJoin, Relation::Idea.def())
        .column_as(city::Column::NameFa, "city_name_fa")
        .column_as(city::Column::NameEn, "city_name_en")
        .column_as(city::Column::Country, "city_country")
        .column_as(city::Column::Verified, "city_verified")
        .column_as(Expr::col((idea::Entity, idea::Column::Title)), "idea_title")
        .into_model::<ActivityRow>()
}

/// One page of activities, by date, and how many match: two statements.
pub async fn list(db: &impl ConnectionTrait, filter: &ActivityFilter) -> Result<(Vec<ActivityRow>, u64), DbErr> {
    let condition = filter_condition(filter);
    let total = Activities::find().filter(condition.clone()).count(db).await?;
    let order = if filter.ascending { Order::Asc } else { Order::Desc };
    let page = Activities::find()
        .filter(condition)
        .order_by(Column::OccurredOn, order.clone())
        .order_by(Column::Id, order)
        .limit(filter.limit)
        .offset(filter.offset);
    let items = with_labels(page).all(db).await?;
    Ok((items, total))
}

/// One activity with its labels.
pub async fn find_row(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<ActivityRow>, DbErr> {
    with_labels(Activities::find().filter(Column::Id.eq(id))).one(db).await
}

/// How many activities a city has of each kind.
pub async fn count_by_kind(db: &impl ConnectionTrait, city_id: Uuid) -> Result<Vec<(ActivityKind, i64)>, DbErr> {
    let counts = Activities::find()
        .select_only()
        .column(Column::Kind)
        .column_as(Column::Id.count(), "count")
        .filter(Column::CityId.eq(city_id))
        .group_by(Column::Kind)
        .into_tuple::<(Named<ActivityKind>, i64)>()
        .all(db)
        .await?;
    Ok(counts.into_iter().map(|(kind, n)| (kind.0, n)).collect())
}

/// Moves every activity of one city to another (when duplicate city entries are merged).
pub async fn move_to_city(db: &impl ConnectionTrait, from: Uuid, to: Uuid, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let result = Activities::update_many()
        .col_expr(Column::CityId, Expr::value(to))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::CityId.eq(from))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

pub use crate::entities::activity::Model;
