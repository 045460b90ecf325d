//! Activities with foreign cities, formal partners or not: everyone reads them, staff record and
//! correct them. An activity may name the selected idea it grew from. Every change is recorded in the
//! activity's history.

use chrono::{DateTime, NaiveDate, Utc};
use db::events::{self, NewEvent};
use domain::activity::ActivityStatus;
use domain::event::{EventKind, SubjectKind};
use domain::idea::IdeaState;
use domain::notice::Bilingual;
use domain::webhook::{ActivityRecordedData, WebhookActivity, WebhookEvent, WebhookEventType};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::error::{Error, FieldError, Result};
use crate::{Actor, Db};

/// An activity with its city and the title of the idea it grew from.
pub type Activity = db::activities::ActivityRow;
pub use db::activities::{ActivityContent, ActivityFilter};

/// Who may record and correct activities: staff. The role extractor refuses others first; this is
/// the rule the partnership's `add_activity` action is offered by.
pub fn may_record(actor: Option<&Actor>) -> bool {
    actor.is_some_and(Actor::is_staff)
}

fn ensure_may_record(actor: &Actor) -> Result<()> {
    Error::forbidden_unless(may_record(Some(actor)), "Only staff record activities.")
}

/// One activity with its labels, or 404.
async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Activity> {
    db::activities::find_row(db, id).await?.ok_or_else(Error::not_found)
}

pub async fn show(db: &Db, id: Uuid) -> Result<Activity> {
    find(db, id).await
}

/// One page of activities, by date, and how many match; 422 when `to` is before `from`.
pub async fn list(db: &Db, filter: &ActivityFilter) -> Result<(Vec<Activity>, u64)> {
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from > to
    {
        return Err(Error::field("/to", "before_from", "`to` is before `from`"));
    }
    Ok(db::activities::list(db, filter).await?)
}

/// The activities with one city (404 when there is no such city).
pub async fn list_of_city(db: &Db, city_id: Uuid, filter: ActivityFilter) -> Result<(Vec<Activity>, u64)> {
    let city = crate::cities::find(db, city_id).await?;
    list(
        db,
        &ActivityFilter {
            city_id: Some(city.id),
            ..filter
        },
    )
    .await
}

/// The references an activity is given (`None`: not given, nothing to check): its city exists, and
/// its idea is a selected one — the ideas whose outcomes the program shows to everyone.
async fn check_references(db: &impl ConnectionTrait, city_id: Option<Uuid>, idea_id: Option<Uuid>) -> Result<()> {
    let mut errors = Vec::new();
    if let Some(city_id) = city_id
        && db::cities::find_by_id(db, city_id).await?.is_none()
    {
        errors.push(FieldError::new("/cityId", "unknown_city", "no such city"));
    }
    if let Some(idea_id) = idea_id {
        match db::ideas::find_by_id(db, idea_id).await? {
            None => errors.push(FieldError::new("/ideaId", "unknown_idea", "no such idea")),
            Some(idea) if idea.state != IdeaState::Selected => errors.push(FieldError::new(
                "/ideaId",
                "idea_not_selected",
                "only a selected idea, once its call's decisions are published, can be named as an activity's origin",
            )),
            Some(_) => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

/// Records an activity (staff). Its status, when not given, is `ActivityStatus::default_for` the day;
/// `today` is the office's day.
pub async fn record(
    db: &Db,
    actor: &Actor,
    activity: ActivityContent,
    status: Option<ActivityStatus>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Activity> {
    ensure_may_record(actor)?;
    let status = status.unwrap_or_else(|| ActivityStatus::default_for(activity.occurred_on, today));
    let txn = db::begin_write(db).await?;
    crate::cities::find(&txn, activity.city_id).await?;
    check_references(&txn, None, activity.idea_id).await?;
    let activity = db::activities::insert(&txn, activity, status, Some(actor.user_id), now).await?;
    let event = NewEvent::new(SubjectKind::Activity, activity.id, EventKind::ActivityAdded)
        .by(actor.user_id)
        .to(status);
    events::record(&txn, event, now).await?;
    let row = find(&txn, activity.id).await?;
    crate::webhooks::emit(&txn, WebhookEventType::ActivityRecorded, now, now, async || {
        let activity = &row.activity;
        Ok(WebhookEvent::ActivityRecorded(ActivityRecordedData {
            activity: WebhookActivity {
                id: activity.id,
                city_id: activity.city_id,
                city_name: Bilingual::new((row.city_name_fa.clone(), row.city_name_en.clone())),
                occurred_on: activity.occurred_on,
                kind: *activity.kind,
                direction: *activity.direction,
                title: Bilingual::new((activity.title_fa.clone(), activity.title_en.clone())),
            },
        }))
    })
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Corrects an activity (staff): `edit` turns its stored content and status into the new ones. Only
/// the references that change are checked: an idea linked earlier stays linked whatever became of it.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    edit: impl FnOnce(ActivityContent, ActivityStatus) -> (ActivityContent, ActivityStatus),
    now: DateTime<Utc>,
) -> Result<Activity> {
    ensure_may_record(actor)?;
    let txn = db::begin_write(db).await?;
    let current = db::activities::find_by_id(&txn, id)
        .await?
        .ok_or_else(Error::not_found)?;
    let (before, from) = (db::activities::content_of(&current), *current.status);
    let (content, status) = edit(before.clone(), from);
    let new_city = Some(content.city_id).filter(|id| *id != before.city_id);
    let new_idea = content.idea_id.filter(|id| Some(*id) != before.idea_id);
    check_references(&txn, new_city, new_idea).await?;
    let activity = db::activities::update(&txn, current, content, status, now).await?;
    let event = NewEvent::new(SubjectKind::Activity, activity.id, EventKind::ActivityUpdated)
        .by(actor.user_id)
        .change(Some(from), Some(activity.status.0));
    events::record(&txn, event, now).await?;
    let row = find(&txn, activity.id).await?;
    txn.commit().await?;
    Ok(row)
}
