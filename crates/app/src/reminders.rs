//! Notices of the clock: three days before a call closes, citizens with a draft in it are reminded; as a
//! call's review ends, reviewers with reviews pending; and every day until a call's decisions are
//! published, staff get its digest. Any number of processes run this every minute or so: each notice is
//! written under its key (kind, subject, day) with the notice itself, in one transaction, so it is
//! written once whoever computes it and however often. Calls' openings and closings go to webhook
//! endpoints the same way (`webhooks::call_events_due`).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeDelta, Timelike, Utc};
use chrono_tz::Tz;
use domain::call::office_day;
use domain::notice::{CallRef, IdeaRef, Notice, NoticeKind, draft_reminder_day, review_reminder_day, schedule_key};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::Db;
use crate::error::Result;

/// When the clock's notices fall.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// The office's time zone: what "today" and "three days before" mean.
    pub time_zone: Tz,
    /// Days before the review's last day when reviewers with pending reviews are reminded (0: the last day).
    pub review_reminder_days: Vec<u64>,
    /// The office's hour from which each day's digest is written.
    pub digest_hour: u32,
}

/// How many notices one pass wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub draft_reminders: usize,
    pub review_reminders: usize,
    pub digests: usize,
    /// Deliveries of calls' openings and closings to webhook endpoints.
    pub call_events: usize,
}

/// Writes every notice of the clock that is due at `now` and not written yet.
pub async fn write_due(db: &Db, schedule: &Schedule, now: DateTime<Utc>) -> Result<Written> {
    let today = office_day(now, schedule.time_zone);
    let mut written = Written::default();
    let staff = db::schedule::staff(db).await?;
    let calls = db::schedule::running_calls(db, now).await?;
    written.call_events = crate::webhooks::call_events_due(db, &calls, now).await?;
    for call in calls {
        let call_ref = CallRef {
            id: call.id,
            title: domain::notice::Bilingual {
                fa: call.title_fa.clone(),
                en: call.title_en.clone(),
            },
        };
        let deadline_day = office_day(call.closes_at, schedule.time_zone);
        if let Some(day) = draft_reminder_day(today, deadline_day).filter(|_| now < call.closes_at) {
            let due = by_person(db::schedule::drafts(db, call.id).await?)
                .into_iter()
                .map(|(user_id, drafts)| {
                    let notice = Notice::DraftReminder {
                        call: call_ref.clone(),
                        deadline: call.closes_at,
                        drafts,
                    };
                    (user_id, notice)
                });
            written.draft_reminders += write_new(db, due, call.id, day, now).await?;
        }
        let last_day = office_day(call.review_closes_at, schedule.time_zone);
        let review_open = call.review_opens_at <= now && now < call.review_closes_at;
        if let Some(day) = review_reminder_day(today, last_day, &schedule.review_reminder_days).filter(|_| review_open)
        {
            let due = by_person(db::schedule::pending_reviews(db, call.id).await?)
                .into_iter()
                .map(|(user_id, pending)| {
                    let notice = Notice::ReviewReminder {
                        call: call_ref.clone(),
                        due: call.review_closes_at,
                        pending,
                    };
                    (user_id, notice)
                });
            written.review_reminders += write_new(db, due, call.id, day, now).await?;
        }
        let local_hour = now.with_timezone(&schedule.time_zone).hour();
        if local_hour >= schedule.digest_hour {
            let keys: Vec<String> = staff
                .iter()
                .map(|user_id| key(NoticeKind::CallDigest, call.id, *user_id, today))
                .collect();
            // The figures are counted only while some staff member still waits for today's digest.
            if db::notices::claimed_schedule_keys(db, &keys).await?.len() < keys.len() {
                let counts = db::schedule::digest_counts(db, call.id, now - TimeDelta::hours(24)).await?;
                let due = staff.iter().map(|user_id| {
                    let notice = Notice::CallDigest {
                        call: call_ref.clone(),
                        day: today,
                        counts,
                    };
                    (*user_id, notice)
                });
                written.digests += write_new(db, due, call.id, today, now).await?;
            }
        }
    }
    Ok(written)
}

/// The key of one person's notice of the clock about a call on a day.
fn key(kind: NoticeKind, call_id: Uuid, user_id: Uuid, day: NaiveDate) -> String {
    schedule_key(kind, &format!("{call_id}:{user_id}"), day)
}

/// Writes those of the notices whose key is not claimed yet: one read for all, then one transaction for
/// each new one (its key and the notice). Returns how many it wrote.
async fn write_new(
    db: &Db,
    notices: impl Iterator<Item = (Uuid, Notice)>,
    call_id: Uuid,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<usize> {
    let notices: Vec<(String, Uuid, Notice)> = notices
        .map(|(user_id, notice)| (key(notice.kind(), call_id, user_id, day), user_id, notice))
        .collect();
    let keys: Vec<String> = notices.iter().map(|(key, _, _)| key.clone()).collect();
    let claimed = db::notices::claimed_schedule_keys(db, &keys).await?;
    let mut written = 0;
    for (key, user_id, notice) in notices.into_iter().filter(|(key, _, _)| !claimed.contains(key)) {
        written += usize::from(write_once(db, &key, user_id, notice, now).await?);
    }
    Ok(written)
}

/// Groups (person, idea, title) rows by person.
fn by_person(rows: Vec<(Uuid, Uuid, String)>) -> BTreeMap<Uuid, Vec<IdeaRef>> {
    let mut grouped: BTreeMap<Uuid, Vec<IdeaRef>> = BTreeMap::new();
    for (person, id, title) in rows {
        grouped.entry(person).or_default().push(IdeaRef { id, title });
    }
    grouped
}

/// Writes the notice for `user_id` unless its key was claimed meanwhile; true when it wrote it.
async fn write_once(db: &Db, key: &str, user_id: Uuid, notice: Notice, now: DateTime<Utc>) -> Result<bool> {
    let txn = db::begin_write(db).await?;
    if !claim(&txn, key, now).await? {
        return Ok(false);
    }
    crate::notices::notify(&txn, user_id, notice, None, now).await?;
    txn.commit().await?;
    Ok(true)
}

async fn claim(db: &impl ConnectionTrait, key: &str, now: DateTime<Utc>) -> Result<bool> {
    Ok(db::notices::claim_schedule_key(db, key, now).await?)
}

/// The kinds this module writes (for the role matrix and the docs).
pub const KINDS: [NoticeKind; 3] = [
    NoticeKind::DraftReminder,
    NoticeKind::ReviewReminder,
    NoticeKind::CallDigest,
];
