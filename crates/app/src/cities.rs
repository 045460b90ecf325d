//! Cities abroad: anyone reads them, a signed-in citizen adds a missing one (unverified), staff
//! correct, verify and merge duplicates. Every change is recorded in the city's history.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use db::events::{self, NewEvent};
use db::partnerships::HealthDates;
use domain::activity::ActivityKind;
use domain::event::{EventKind, SubjectKind};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::{Actor, Db};

pub type City = db::cities::Model;
pub use db::cities::{CityFilter, Merged};

/// A city to add: its names (Persian, English), canonical country code and position, normalised.
#[derive(Debug, Clone)]
pub struct NewCity {
    pub name_fa: String,
    pub name_en: Option<String>,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: String,
    /// (latitude, longitude).
    pub coordinates: Option<(f64, f64)>,
}

/// What staff change of a city; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct CityEdit {
    /// (Persian, English): the name is replaced whole.
    pub name: Option<(String, Option<String>)>,
    pub country: Option<String>,
    pub coordinates: Option<(f64, f64)>,
    pub verified: Option<bool>,
}

/// The city, or 404.
pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<City> {
    db::cities::find_by_id(db, id).await?.ok_or_else(Error::not_found)
}

pub async fn show(db: &Db, id: Uuid) -> Result<City> {
    find(db, id).await
}

/// One page of cities, by Persian name, and how many match.
pub async fn list(db: &Db, filter: &CityFilter) -> Result<(Vec<City>, u64)> {
    Ok(db::cities::list(db, filter).await?)
}

/// 409 naming the city that is there already.
fn already_listed(existing: &City) -> Error {
    Error::new(
        ErrorCode::CityExists,
        format!(
            "{} ({}) is in the list already, with id {}.",
            existing.name_fa, existing.country, existing.id
        ),
    )
}

/// Refuses a second entry of a city: one of the same country whose name folds to one of `names`.
async fn ensure_unlisted(
    db: &impl ConnectionTrait,
    country: &str,
    name_fa: &str,
    name_en: Option<&str>,
    except: Option<Uuid>,
) -> Result<()> {
    let names: Vec<&str> = [Some(name_fa), name_en].into_iter().flatten().collect();
    match db::cities::find_same(db, country, &names, except).await? {
        Some(existing) => Err(already_listed(&existing)),
        None => Ok(()),
    }
}

/// Adds a missing city: verified when staff add it, unverified when a citizen does.
pub async fn add(db: &Db, actor: &Actor, city: NewCity, now: DateTime<Utc>) -> Result<City> {
    let txn = db::begin_write(db).await?;
    ensure_unlisted(&txn, &city.country, &city.name_fa, city.name_en.as_deref(), None).await?;
    let new = db::cities::NewCity {
        name_fa: city.name_fa,
        name_en: city.name_en,
        country: city.country,
        coordinates: city.coordinates,
        verified: actor.is_staff(),
        created_by: Some(actor.user_id),
    };
    let city = db::cities::insert(&txn, new, now).await?;
    let event = NewEvent::new(SubjectKind::City, city.id, EventKind::CityAdded).by(actor.user_id);
    events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(city)
}

/// Corrects or verifies a city (staff); another entry with the same name in the same country is
/// refused with `city_exists`.
pub async fn update(db: &Db, actor: &Actor, id: Uuid, edit: CityEdit, now: DateTime<Utc>) -> Result<City> {
    let txn = db::begin_write(db).await?;
    let city = find(&txn, id).await?;
    let change = db::cities::CityChange {
        name_fa: edit.name.as_ref().map(|n| n.0.clone()),
        name_en: edit.name.map(|n| n.1),
        country: edit.country,
        coordinates: edit.coordinates.map(Some),
        verified: edit.verified,
    };
    let country = change.country.as_deref().unwrap_or(&city.country);
    let name_fa = change.name_fa.as_deref().unwrap_or(&city.name_fa);
    let name_en = change.name_en.clone().unwrap_or_else(|| city.name_en.clone());
    ensure_unlisted(&txn, country, name_fa, name_en.as_deref(), Some(city.id)).await?;
    let city = db::cities::update(&txn, city, change, now).await?;
    let event = NewEvent::new(SubjectKind::City, city.id, EventKind::CityUpdated).by(actor.user_id);
    events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(city)
}

fn both_partnered() -> Error {
    Error::new(
        ErrorCode::CitiesNotMergeable,
        "Both entries have a partnership, and a city has one at most: end or correct one of them first.",
    )
}

/// Merges the duplicate entry `id` into `into` (staff): its ideas, activities and partnership move
/// over, the survivor takes the duplicate's English name and coordinates where it has none, and the
/// duplicate goes. Two entries that both have a partnership are refused with `cities_not_mergeable`.
pub async fn merge(db: &Db, actor: &Actor, id: Uuid, into: Uuid, now: DateTime<Utc>) -> Result<(City, Merged)> {
    let txn = db::begin_write(db).await?;
    let duplicate = find(&txn, id).await?;
    if into == duplicate.id {
        return Err(Error::field(
            "/into",
            "same_city",
            "a city cannot be merged into itself",
        ));
    }
    let survivor = db::cities::find_by_id(&txn, into)
        .await?
        .ok_or_else(|| Error::validation(vec![FieldError::new("/into", "unknown_city", "no such city")]))?;
    let partnered = (
        db::partnerships::find_by_city(&txn, duplicate.id).await?,
        db::partnerships::find_by_city(&txn, survivor.id).await?,
    );
    if let (Some(_), Some(_)) = partnered {
        return Err(both_partnered());
    }
    let gaps = db::cities::CityChange {
        name_en: survivor.name_en.is_none().then(|| duplicate.name_en.clone()),
        coordinates: survivor
            .latitude
            .is_none()
            .then(|| duplicate.latitude.zip(duplicate.longitude)),
        ..Default::default()
    };
    let merged = db::cities::merge(&txn, duplicate.id, survivor.id, now)
        .await
        .map_err(|err| {
            if db::is_unique_violation(&err) {
                // A partnership with the surviving entry was recorded a moment ago.
                both_partnered()
            } else {
                err.into()
            }
        })?;
    let city = db::cities::update(&txn, survivor, gaps, now).await?;
    // Told on both entries: the survivor's history says what joined it, the duplicate's where it went.
    let merged_events = [city.id, duplicate.id].map(|subject| {
        NewEvent::new(SubjectKind::City, subject, EventKind::CitiesMerged)
            .by(actor.user_id)
            .change(Some(duplicate.id), Some(city.id))
    });
    events::record_many(&txn, merged_events.into(), now).await?;
    txn.commit().await?;
    tracing::info!(duplicate = %duplicate.id, survivor = %city.id, ?merged, "cities merged");
    Ok((city, merged))
}

/// A city's overview without its ideas: the city, its partnership as `actor` sees it, its most recent
/// activities and its activities by kind.
pub struct Overview {
    pub city: City,
    pub partnership: Option<crate::partnerships::Partnership>,
    pub activities: Vec<crate::activities::Activity>,
    pub activities_by_kind: BTreeMap<ActivityKind, i64>,
    /// The latest ideas for the city that the caller may see, and how much of each.
    pub ideas: Vec<crate::ideas::Viewed>,
    /// How many ideas the caller may see for the city, by state.
    pub ideas_by_state: BTreeMap<domain::idea::IdeaState, i64>,
}

pub async fn overview(
    db: &Db,
    actor: Option<&Actor>,
    id: Uuid,
    recent: u64,
    dates: HealthDates,
    now: DateTime<Utc>,
) -> Result<Overview> {
    let city = find(db, id).await?;
    let partnership = crate::partnerships::of_city(db, actor, city.id, dates).await?;
    let filter = db::activities::ActivityFilter {
        city_id: Some(city.id),
        limit: recent,
        ..Default::default()
    };
    let (activities, _) = crate::activities::list(db, &filter).await?;
    let activities_by_kind = db::activities::count_by_kind(db, city.id).await?.into_iter().collect();
    let (ideas, ideas_by_state) = crate::ideas::of_city(db, actor, city.id, recent, now).await?;
    Ok(Overview {
        city,
        partnership,
        activities,
        activities_by_kind,
        ideas,
        ideas_by_state,
    })
}
