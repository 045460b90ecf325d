//! The demo's register of sister cities, from the office's own history (`register.json`): six partnerships
//! with their histories, focal points and notes, the activities held with partner cities and with others, and
//! the two city networks the municipality belongs to, entered by staff through the register's use cases on
//! the day the seed runs.
//!
//! Barcelona, Florence and Kuala Lumpur were signed long ago, went quiet for years and were revived in
//! 1398–1399; nothing has been held with them since 2020, so the register flags them dormant by their
//! activity although their recorded state is active. Freiburg and Xi'an have activities in the last
//! few months and stay healthy. Dates of the recent and the planned activities follow the day the seed runs.

use std::collections::BTreeMap;

use anyhow::{Context, anyhow};
use app::Actor;
use app::activities::ActivityContent;
use app::files::{FileStore, Owner};
use app::networks::NewNetwork;
use app::partnerships::{NewPartnership, PartnershipFields, StateChange};
use app::precondition::Precondition;
use chrono::{DateTime, NaiveDate, Utc};
use db::Db;
use db::entities::{city, idea};
use db::partnerships::HealthDates;
use domain::activity::ActivityKind;
use domain::file::{FileKind, FileOwnerKind};
use domain::idea::IdeaState;
use domain::partnership::{DormancyRule, FocalPoint, PartnershipState};
use sea_orm::sea_query::Order;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::attachments::{self, Attachment, Encoding, Pdf, Scene};
use crate::calendar::office_day;
use crate::data::{ActivityText, Data, PartnershipText};

/// The register as seeded, for the summary.
pub struct SeededRegister {
    /// How many partnerships are in each recorded state.
    pub partnerships: BTreeMap<PartnershipState, usize>,
    /// The partners flagged dormant by their activity (with the default 12 months), by English name.
    pub dormant: Vec<String>,
    pub activities: usize,
    /// The cities added for activities (missing from the demo list).
    pub cities_added: Vec<String>,
    /// The titles of the selected ideas that activities grew from.
    pub ideas_achieved: Vec<String>,
    pub networks: usize,
}

/// Staff enter the register: partnerships with their histories, activities, and network memberships.
pub async fn seed(
    db: &Db,
    store: &FileStore,
    data: &'static Data,
    staff: &Actor,
    now: DateTime<Utc>,
) -> anyhow::Result<SeededRegister> {
    let today = office_day(now);
    let dates = HealthDates {
        today,
        recent_since: domain::partnership::recent_since(today),
        dormant_before: DormancyRule::default().cutoff(today),
    };
    let register = &data.register;
    let mut cities_added = Vec::new();
    for extra in &data.cities.for_activities {
        if find_city(db, &extra.en).await?.is_none() {
            let new = app::cities::NewCity {
                name_fa: extra.fa.clone(),
                name_en: Some(extra.en.clone()),
                country: extra.country.clone(),
                coordinates: Some(extra.coordinates),
            };
            app::cities::add(db, staff, new, now).await?;
            cities_added.push(extra.en.clone());
        }
    }

    let mut partnerships = BTreeMap::new();
    for plan in &register.partnerships {
        let city_id = demo_city(db, &plan.city).await?;
        let state = record_partnership(db, city_id, plan, staff, dates, now).await?;
        *partnerships.entry(state).or_insert(0) += 1;
    }

    let mut ideas_achieved = Vec::new();
    for plan in &register.activities {
        let city_id = demo_city(db, &plan.city).await?;
        let idea = match &plan.grew_from {
            Some(words) => Some(selected_idea(db, city_id, words).await?),
            None => None,
        };
        let content = ActivityContent {
            city_id,
            occurred_on: plan.on.on(today),
            kind: plan.kind,
            direction: plan.direction,
            title: plan.title.stored(),
            description: Some(plan.description.stored()),
            outcomes: plan.outcomes.as_ref().map(|o| o.stored()),
            idea_id: idea.as_ref().map(|idea| idea.id),
        };
        ideas_achieved.extend(idea.map(|idea| idea.title));
        let activity = app::activities::record(db, staff, content, Some(plan.status), today, now).await?;
        let owner = Owner {
            kind: FileOwnerKind::Activity,
            id: activity.activity.id,
        };
        for file in activity_files(plan)? {
            attachments::add(db, store, staff, owner, file, now).await?;
        }
    }

    for network in &register.networks {
        let new = NewNetwork {
            name: network.name.stored(),
            website: network.website.clone(),
            joined_on: network.joined_on.map(|day| day.on(today)),
            left_on: network.left_on.map(|day| day.on(today)),
            role: network.role.as_ref().map(|r| r.stored()),
            notes: network.notes.as_ref().map(|n| n.stored()),
        };
        app::networks::create(db, staff, new, now).await?;
    }

    Ok(SeededRegister {
        partnerships,
        dormant: dormant_by_activity(&register.partnerships, &register.activities, today),
        activities: register.activities.len(),
        cities_added,
        ideas_achieved,
        networks: register.networks.len(),
    })
}

/// Records the partnership with the first state of its history, then its later changes in order; its last
/// state.
async fn record_partnership(
    db: &Db,
    city_id: Uuid,
    plan: &PartnershipText,
    staff: &Actor,
    dates: HealthDates,
    now: DateTime<Utc>,
) -> anyhow::Result<PartnershipState> {
    let today = dates.today;
    let focal_points: Vec<FocalPoint> = plan
        .focal_points
        .iter()
        .map(|c| FocalPoint {
            name: c.name.clone(),
            role: Some(c.role.clone()),
            contact: Some(c.contact.clone()),
        })
        .collect();
    let (first, later) = plan
        .history
        .split_first()
        .with_context(|| format!("the history of the partnership with {}", plan.city))?;
    let new = NewPartnership {
        city_id,
        state: first.to,
        state_since: Some(first.on.on(today)),
        reason: Some(first.reason.clone()),
        fields: PartnershipFields {
            kind: plan.kind,
            signed_on: plan.signed_on.map(|day| day.on(today)),
            next_review_on: Some(plan.next_review_on.on(today)),
            focal_points,
            notes: Some(plan.notes.stored()),
        },
    };
    let mut partnership = app::partnerships::record(db, staff, new, dates, now).await?;
    for next in later {
        let change = StateChange {
            state: next.to,
            effective_on: Some(next.on.on(today)),
            reason: next.reason.clone(),
        };
        let expected = Precondition::Versions(vec![partnership.row.partnership.version]);
        partnership =
            app::partnerships::change_state(db, staff, partnership.row.partnership.id, &expected, change, dates, now)
                .await
                .map_err(|err| anyhow!("the partnership with {}: {err}", plan.city))?;
    }
    Ok(*partnership.row.partnership.state)
}

/// The partners whose last sign of life — activity under way or done, else signing, else the record —
/// lies more than the default dormancy period back.
fn dormant_by_activity(plans: &[PartnershipText], activities: &[ActivityText], today: NaiveDate) -> Vec<String> {
    plans
        .iter()
        .filter(|plan| {
            let last = activities
                .iter()
                .filter(|a| a.city == plan.city && domain::activity::counts_for_health(a.status, a.on.on(today), today))
                .map(|a| a.on.on(today))
                .max();
            let signed_on = plan.signed_on.map(|day| day.on(today));
            let (_, basis_on) = domain::partnership::health_basis(last, signed_on, plan.recorded_on.on(today));
            DormancyRule::default().is_dormant(basis_on, today)
        })
        .map(|plan| plan.city.clone())
        .collect()
}

/// The city with this English name, if there is one (the earliest entered).
async fn find_city(db: &Db, name_en: &str) -> anyhow::Result<Option<Uuid>> {
    let city = city::Entity::find()
        .filter(city::Column::NameEn.eq(name_en))
        .order_by(city::Column::CreatedAt, Order::Asc)
        .order_by(city::Column::Id, Order::Asc)
        .one(db)
        .await?;
    Ok(city.map(|c| c.id))
}

/// A city the demo must have entered already.
async fn demo_city(db: &Db, name_en: &str) -> anyhow::Result<Uuid> {
    find_city(db, name_en)
        .await?
        .ok_or_else(|| anyhow!("the demo city {name_en} is missing: the register's demo needs it"))
}

/// The demo's selected idea targeting `city` whose title contains `words`: only a selected idea may be
/// named as an activity's origin.
async fn selected_idea(db: &Db, city: Uuid, words: &str) -> anyhow::Result<idea::Model> {
    idea::Entity::find()
        .filter(idea::Column::State.eq(IdeaState::Selected.as_str()))
        .filter(idea::Column::TargetCityId.eq(city))
        .order_by(idea::Column::CreatedAt, Order::Asc)
        .all(db)
        .await?
        .into_iter()
        .find(|idea| idea.title.contains(words))
        .with_context(|| format!("the demo has no selected idea «{words}» for an activity to grow from"))
}

/// The files staff keep with a few activities: photographs for everyone, and a visit's programme with its
/// guest list for staff only.
fn activity_files(plan: &ActivityText) -> anyhow::Result<Vec<Attachment>> {
    let photo = |name: &str, description: &str, scene: Scene, encoding: Encoding| {
        let bytes = attachments::picture(scene, encoding)?;
        anyhow::Ok(Attachment::new(name, description, FileKind::Record, bytes))
    };
    Ok(match (plan.city.as_str(), plan.kind) {
        ("Freiburg", ActivityKind::KnowledgeExchange) => vec![photo(
            "کارگاه مرمت - فرایبورگ.jpg",
            "کارگاه مشترک مرمت بناهای تاریخی با کارشناسان فرایبورگ",
            Scene::Hall {
                wall: [232, 226, 212],
                frames: 3,
            },
            Encoding::Jpeg,
        )?],
        ("Paris", ActivityKind::Festival) => vec![photo(
            "isfahan-week-paris.png",
            "The exhibition hall of Isfahan's cultural week in Paris",
            Scene::Hall {
                wall: [205, 218, 232],
                frames: 5,
            },
            Encoding::Png,
        )?],
        ("Xi'an", ActivityKind::Visit) => {
            let lines = [
                "Day 1: arrival; welcome by the mayor at the municipality.",
                "Day 2: Naqsh-e Jahan Square, the bazaar, meeting with tour operators.",
                "Day 3: visit to the Isfahan Chamber of Commerce; departure.",
                "",
                "Guests: the delegation's members with their passport numbers are listed",
                "in the annex kept by the protocol office.",
            ]
            .map(str::to_owned);
            let programme = attachments::pdf(&Pdf {
                title: "برنامهٔ سفر هیئت گردشگری شیان",
                author: None,
                heading: "Programme of the Xi'an delegation's visit",
                lines: &lines,
            });
            vec![
                photo(
                    "xian-delegation-naqsh-e-jahan.jpg",
                    "The delegation from Xi'an at Naqsh-e Jahan Square",
                    Scene::Landscape {
                        sky: [92, 152, 214],
                        ground: [176, 160, 118],
                    },
                    Encoding::Jpeg,
                )?,
                Attachment::new(
                    "برنامه و فهرست مهمانان.pdf",
                    "برنامهٔ سفر و فهرست مهمانان — برای استفادهٔ داخلی",
                    FileKind::Record,
                    programme,
                )
                .internal(),
            ]
        }
        _ => Vec::new(),
    })
}
