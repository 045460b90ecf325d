//! Network memberships: the city networks the municipality belongs to (WeGO, UNESCO's Global Network
//! of Learning Cities…).

use chrono::{DateTime, NaiveDate, Utc};
use domain::text::{Text, fold};
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Select, Set,
};
use uuid::Uuid;

use crate::entities::network::{ActiveModel, Column, Entity as Networks, Model as Network};

pub use crate::entities::network::Model;

/// A network to record, its texts normalised.
#[derive(Debug, Clone)]
pub struct NewNetwork {
    pub name: Text,
    pub website: Option<String>,
    pub joined_on: Option<NaiveDate>,
    pub left_on: Option<NaiveDate>,
    pub role: Option<Text>,
    pub notes: Option<Text>,
}

/// The orders of a list of networks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkSortField {
    /// The Persian name.
    Name,
    /// The day the municipality joined; networks without one come last in either direction.
    JoinedOn,
}

#[derive(Debug, Clone, Default)]
pub struct NetworkFilter {
    /// Every folded word must occur in the folded Persian or English name.
    pub q: Option<String>,
    /// Some(true): only networks not left (no `left_on`); Some(false): only those left.
    pub current: Option<bool>,
    /// Default: by Persian name, ascending.
    pub sort: Option<(NetworkSortField, Order)>,
    pub limit: u64,
    pub offset: u64,
}

/// What staff may change of a network; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct NetworkChange {
    pub name: Option<Text>,
    pub website: Option<Option<String>>,
    pub joined_on: Option<Option<NaiveDate>>,
    pub left_on: Option<Option<NaiveDate>>,
    pub role: Option<Option<Text>>,
    pub notes: Option<Option<Text>>,
}

fn search_text(name_fa: &str, name_en: Option<&str>) -> String {
    fold(&format!("{name_fa} {}", name_en.unwrap_or_default()))
}

pub async fn insert(db: &impl ConnectionTrait, new: NewNetwork, now: DateTime<Utc>) -> Result<Network, DbErr> {
    let ((name_fa, name_en), (role_fa, role_en)) = (new.name, crate::optional_text_columns(new.role));
    let (notes_fa, notes_en) = crate::optional_text_columns(new.notes);
    ActiveModel {
        id: Set(Uuid::now_v7()),
        search_text: Set(search_text(&name_fa, name_en.as_deref())),
        name_fa: Set(name_fa),
        name_en: Set(name_en),
        website: Set(new.website),
        joined_on: Set(new.joined_on),
        left_on: Set(new.left_on),
        role_fa: Set(role_fa),
        role_en: Set(role_en),
        notes_fa: Set(notes_fa),
        notes_en: Set(notes_en),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Network>, DbErr> {
    Networks::find_by_id(id).one(db).await
}

/// The column and direction of a sort, and the query ordered first by whether that column is null, so
/// that rows without a value come last on SQLite and PostgreSQL alike (they disagree by default).
fn nulls_last(query: Select<Networks>, sort: (NetworkSortField, Order)) -> (Select<Networks>, (Column, Order)) {
    match sort {
        (NetworkSortField::Name, order) => (query, (Column::NameFa, order)),
        (NetworkSortField::JoinedOn, order) => (
            query.order_by(Expr::col(Column::JoinedOn).is_null(), Order::Asc),
            (Column::JoinedOn, order),
        ),
    }
}

/// One page of networks and how many match: two statements.
pub async fn list(db: &impl ConnectionTrait, filter: &NetworkFilter) -> Result<(Vec<Network>, u64), DbErr> {
    let mut condition = Condition::all();
    for word in crate::search::words(filter.q.as_deref()) {
        condition = condition.add(crate::search::contains(Column::SearchText, &word));
    }
    match filter.current {
        Some(true) => condition = condition.add(Column::LeftOn.is_null()),
        Some(false) => condition = condition.add(Column::LeftOn.is_not_null()),
        None => {}
    }
    let sort = filter.sort.clone().unwrap_or((NetworkSortField::Name, Order::Asc));
    let (query, order) = nulls_last(Networks::find().filter(condition), sort);
    crate::page(db, query, order, Column::Id, filter.limit, filter.offset).await
}

pub async fn update(
    db: &impl ConnectionTrait,
    network: Network,
    change: NetworkChange,
    now: DateTime<Utc>,
) -> Result<Network, DbErr> {
    let (name_fa, name_en) = change
        .name
        .unwrap_or_else(|| (network.name_fa.clone(), network.name_en.clone()));
    let mut model: ActiveModel = network.into();
    model.search_text = Set(search_text(&name_fa, name_en.as_deref()));
    model.name_fa = Set(name_fa);
    model.name_en = Set(name_en);
    if let Some(website) = change.website {
        model.website = Set(website);
    }
    if let Some(joined_on) = change.joined_on {
        model.joined_on = Set(joined_on);
    }
    if let Some(left_on) = change.left_on {
        model.left_on = Set(left_on);
    }
    if let Some(role) = change.role {
        let (fa, en) = crate::optional_text_columns(role);
        model.role_fa = Set(fa);
        model.role_en = Set(en);
    }
    if let Some(notes) = change.notes {
        let (fa, en) = crate::optional_text_columns(notes);
        model.notes_fa = Set(fa);
        model.notes_en = Set(en);
    }
    model.updated_at = Set(now);
    model.update(db).await
}
