//! Cities abroad.

use chrono::{DateTime, Utc};
use domain::text::fold;
use sea_orm::sea_query::Order;
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::city::{ActiveModel, Column, Entity as Cities, Model as City};

pub struct NewCity {
    pub name_fa: String,
    pub name_en: Option<String>,
    /// Canonical ISO 3166-1 alpha-2.
    pub country: String,
    pub coordinates: Option<(f64, f64)>,
    pub verified: bool,
    pub created_by: Option<Uuid>,
}

#[derive(Debug, Clone, Default)]
pub struct CityFilter {
    pub q: Option<String>,
    pub country: Option<String>,
    pub verified: Option<bool>,
    pub limit: u64,
    pub offset: u64,
}

/// What staff may change of a city; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct CityChange {
    pub name_fa: Option<String>,
    pub name_en: Option<Option<String>>,
    pub country: Option<String>,
    pub coordinates: Option<Option<(f64, f64)>>,
    pub verified: Option<bool>,
}

fn search_text(name_fa: &str, name_en: Option<&str>) -> String {
    fold(&format!("{name_fa} {}", name_en.unwrap_or_default()))
}

pub async fn insert(db: &impl ConnectionTrait, new: NewCity, now: DateTime<Utc>) -> Result<City, DbErr> {
    ActiveModel {
        id: Set(Uuid::now_v7()),
        search_text: Set(search_text(&new.name_fa, new.name_en.as_deref())),
        name_fa: Set(new.name_fa),
        name_en: Set(new.name_en),
        country: Set(new.country),
        latitude: Set(new.coordinates.map(|c| c.0)),
        longitude: Set(new.coordinates.map(|c| c.1)),
        verified: Set(new.verified),
        created_by: Set(new.created_by),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<City>, DbErr> {
    Cities::find_by_id(id).one(db).await
}

/// A city of `country` (other than `except`) one of whose names folds to the same text as one of `names`.
pub async fn find_same(
    db: &impl ConnectionTrait,
    country: &str,
    names: &[&str],
    except: Option<Uuid>,
) -> Result<Option<City>, DbErr> {
    let wanted: Vec<String> = names.iter().map(|n| fold(n)).filter(|n| !n.is_empty()).collect();
    let candidates = Cities::find().filter(Column::Country.eq(country)).all(db).await?;
    Ok(candidates
        .into_iter()
        .filter(|city| Some(city.id) != except)
        .find(|city| {
            let own = [Some(city.name_fa.as_str()), city.name_en.as_deref()];
            own.into_iter().flatten().any(|name| wanted.contains(&fold(name)))
        }))
}

/// One page of cities, by Persian name, and how many match.
pub async fn list(db: &impl ConnectionTrait, filter: &CityFilter) -> Result<(Vec<City>, u64), DbErr> {
    let mut condition = Condition::all();
    for word in crate::search::words(filter.q.as_deref()) {
        condition = condition.add(crate::search::contains(Column::SearchText, &word));
    }
    if let Some(country) = &filter.country {
        condition = condition.add(Column::Country.eq(country.as_str()));
    }
    if let Some(verified) = filter.verified {
        condition = condition.add(Column::Verified.eq(verified));
    }
    let order = (Column::NameFa, Order::Asc);
    crate::page(
        db,
        Cities::find().filter(condition),
        order,
        Column::Id,
        filter.limit,
        filter.offset,
    )
    .await
}

pub async fn update(
    db: &impl ConnectionTrait,
    city: City,
    change: CityChange,
    now: DateTime<Utc>,
) -> Result<City, DbErr> {
    let name_fa = change.name_fa.clone().unwrap_or_else(|| city.name_fa.clone());
    let name_en = change.name_en.clone().unwrap_or_else(|| city.name_en.clone());
    let mut model: ActiveModel = city.into();
    model.search_text = Set(search_text(&name_fa, name_en.as_deref()));
    model.name_fa = Set(name_fa);
    model.name_en = Set(name_en);
    if let Some(country) = change.country {
        model.country = Set(country);
    }
    if let Some(coordinates) = change.coordinates {
        model.latitude = Set(coordinates.map(|c| c.0));
        model.longitude = Set(coordinates.map(|c| c.1));
    }
    if let Some(verified) = change.verified {
        model.verified = Set(verified);
    }
    model.updated_at = Set(now);
    model.update(db).await
}

/// The ids of the cities of a country, as a subquery condition on another table's city column.
pub fn in_country(city_column: impl ColumnTrait, country: &str) -> sea_orm::sea_query::SimpleExpr {
    city_column.in_subquery(
        sea_orm::sea_query::Query::select()
            .column(Column::Id)
            .from(Cities)
            .and_where(Column::Country.eq(country))
            .to_owned(),
    )
}

pub use crate::entities::city::Model;

/// What moved when one city entry was merged into another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merged {
    pub ideas: u64,
    pub activities: u64,
    pub partnership: bool,
}

/// Merges the entry `duplicate` into `survivor`: its ideas, activities and partnership (when the
/// survivor has none; the caller checks that both do not) move over, and the duplicate entry is
/// deleted. Moved ideas get a new version, so an edit begun before the merge is refused as stale.
pub async fn merge(
    db: &impl ConnectionTrait,
    duplicate: Uuid,
    survivor: Uuid,
    now: DateTime<Utc>,
) -> Result<Merged, DbErr> {
    use crate::entities::{idea, partnership};
    use sea_orm::sea_query::{Expr, ExprTrait};

    let ideas = idea::Entity::update_many()
        .col_expr(idea::Column::TargetCityId, Expr::value(survivor))
        .col_expr(idea::Column::Version, Expr::col(idea::Column::Version).add(1))
        .col_expr(idea::Column::UpdatedAt, Expr::value(now))
        .filter(idea::Column::TargetCityId.eq(duplicate))
        .exec(db)
        .await?
        .rows_affected;
    let activities = crate::activities::move_to_city(db, duplicate, survivor, now).await?;
    let partnership = partnership::Entity::update_many()
        .col_expr(partnership::Column::CityId, Expr::value(survivor))
        .col_expr(
            partnership::Column::Version,
            Expr::col(partnership::Column::Version).add(1),
        )
        .col_expr(partnership::Column::UpdatedAt, Expr::value(now))
        .filter(partnership::Column::CityId.eq(duplicate))
        .exec(db)
        .await?
        .rows_affected
        > 0;
    Cities::delete_by_id(duplicate).exec(db).await?;
    Ok(Merged {
        ideas,
        activities,
        partnership,
    })
}
