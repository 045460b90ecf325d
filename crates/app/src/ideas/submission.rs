//! The submitter's use cases: propose a draft, edit it, submit it, withdraw it, while the call is open.

use chrono::{DateTime, Utc};
use domain::event::EventKind;
use domain::idea::{Content, ContentChange, IdeaAction, IdeaState};
use domain::profile::OccupationCategory;
use domain::webhook::{IdeaSubmittedData, WebhookEvent, WebhookEventType, WebhookIdea};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::{Detail, IdeaRecord, Viewed, find_own, raced, submitter_may};
use crate::actor::Actor;
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::precondition::{Precondition, stale};
use db::events::NewEvent;
use domain::notice::{Bilingual, IdeaCopy, Notice};

/// Propose an idea: a draft in an open call, within the call's ideas-per-citizen limit.
pub async fn create(db: &db::Db, actor: &Actor, call_id: Uuid, content: Content, now: DateTime<Utc>) -> Result<Viewed> {
    let txn = db::begin_write(db).await?;
    let call = db::calls::find_by_id(&txn, call_id)
        .await?
        .ok_or_else(|| Error::field("/callId", "unknown_call", "no such call"))?;
    crate::calls::ensure_open(&crate::calls::window(&call), call.decisions_published_at.is_some(), now)?;
    check_references(&txn, &call, &content).await?;
    // On PostgreSQL, two concurrent creations by one citizen queue on their account's row, so that
    // both cannot slip under the cap; SQLite's write transaction serialises them anyway.
    db::users::lock(&txn, actor.user_id).await?;
    let active = db::ideas::count_active_of_submitter(&txn, call.id, actor.user_id).await?;
    crate::calls::ensure_under_limit(&call, active)?;
    let category = submitter_category(&txn, actor.user_id).await?;
    let idea = db::ideas::insert(&txn, call.id, actor.user_id, category, &content.tidied(), now).await?;
    let event = NewEvent::of_idea(idea.id, call.id, EventKind::Created)
        .by(actor.user_id)
        .to(IdeaState::Draft);
    db::events::record(&txn, event, now).await?;
    let record = db::ideas::find_row(&txn, idea.id).await?.ok_or_else(Error::not_found)?;
    txn.commit().await?;
    Ok(Viewed::new(record, Detail::Submitter, now))
}

/// Edit an idea's content while its call is open, if it is still at the version the submitter read.
/// A submitted idea stays submitted, and stays as complete as submitting required.
pub async fn update(
    db: &db::Db,
    actor: &Actor,
    id: Uuid,
    read: &Precondition,
    change: ContentChange,
    now: DateTime<Utc>,
) -> Result<Viewed> {
    let txn = db::begin_write(db).await?;
    let record = find_own(&txn, id, actor).await?;
    submitter_may(&record, IdeaAction::Edit, now)?;
    let expected = read.expected(record.idea.version)?;
    let content = record.idea.content().changed(change);
    let call = crate::calls::find(&txn, record.idea.call_id).await?;
    check_references(&txn, &call, &content).await?;
    if record.idea.state == IdeaState::Submitted {
        ensure_complete(&content)?;
    }
    let category = submitter_category(&txn, actor.user_id).await?;
    let updated = db::ideas::update_content(
        &txn,
        &record.idea,
        expected,
        IdeaAction::Edit.from_states(),
        &content.tidied(),
        category,
        now,
    )
    .await?
    .ok_or_else(stale)?;
    let record = db::ideas::find_row(&txn, updated.id)
        .await?
        .ok_or_else(Error::not_found)?;
    txn.commit().await?;
    Ok(Viewed::new(record, Detail::Submitter, now))
}

/// Submit a draft for screening, while the call is open: one read of the idea, one update, one event.
pub async fn submit(db: &db::Db, actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<Viewed> {
    move_own(db, actor, id, IdeaAction::Submit, now).await
}

/// Withdraw a draft or a submitted idea, while the call is open. It is kept, never deleted.
pub async fn withdraw(db: &db::Db, actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<Viewed> {
    move_own(db, actor, id, IdeaAction::Withdraw, now).await
}

async fn move_own(db: &db::Db, actor: &Actor, id: Uuid, action: IdeaAction, now: DateTime<Utc>) -> Result<Viewed> {
    let txn = db::begin_write(db).await?;
    let record = find_own(&txn, id, actor).await?;
    let to = submitter_may(&record, action, now)?;
    let submitter = match action {
        IdeaAction::Submit => {
            ensure_complete(&record.idea.content())?;
            Some(verified_submitter(&txn, actor).await?)
        }
        _ => None,
    };
    let changed = db::ideas::transition(&txn, &record.idea, action.from_states(), to, now)
        .await?
        .ok_or_else(raced)?;
    if let Some(kind) = EventKind::of_action(action) {
        let event = NewEvent::of_idea(changed.id, changed.call_id, kind)
            .by(actor.user_id)
            .change(Some(record.idea.state), Some(to));
        db::events::record(&txn, event, now).await?;
    }
    if let Some(submitter) = submitter {
        let receipt = Notice::IdeaReceived {
            call: crate::notices::call_ref(&txn, changed.call_id).await?,
            idea: IdeaCopy {
                id: changed.id,
                title: changed.title.clone(),
                summary: changed.summary.clone(),
                body: changed.body.clone(),
                expected_outcomes: changed.expected_outcomes.clone(),
                city: Bilingual::new((record.city_name_fa.clone(), record.city_name_en.clone())),
                submitted_at: changed.submitted_at.unwrap_or(now),
            },
        };
        crate::notices::notify_user(&txn, &submitter, receipt, None, now).await?;
        let idea = WebhookIdea {
            id: changed.id,
            title: changed.title.clone(),
        };
        crate::webhooks::emit(&txn, WebhookEventType::IdeaSubmitted, now, now, async || {
            Ok(WebhookEvent::IdeaSubmitted(IdeaSubmittedData {
                call: crate::webhooks::call_by_id(&txn, changed.call_id).await?,
                idea: Some(idea),
            }))
        })
        .await?;
    }
    txn.commit().await?;
    let record = IdeaRecord {
        idea: changed,
        ..record
    };
    Ok(Viewed::new(record, Detail::Submitter, now))
}

/// The submitter's account; 403 `email_unverified` until they have confirmed their address: a receipt,
/// a screening and a result must reach them. Staff and jurors were vouched for by whoever made their
/// accounts.
async fn verified_submitter(db: &impl ConnectionTrait, actor: &Actor) -> Result<db::users::Model> {
    let user = db::users::find_by_id(db, actor.user_id)
        .await?
        .ok_or_else(Error::not_found)?;
    if user.email_verified_at.is_some() || actor.is_staff() || actor.is_reviewer() {
        return Ok(user);
    }
    Err(Error::new(
        ErrorCode::EmailUnverified,
        "Confirm your e-mail address before submitting: follow the link we mailed you, or ask for a new one.",
    ))
}

/// 422 naming each field that submitting needs and the content leaves empty.
fn ensure_complete(content: &Content) -> Result<()> {
    let missing: Vec<FieldError> = content
        .missing_for_submission()
        .into_iter()
        .map(|pointer| FieldError::new(pointer, "required", "needed before the idea can be submitted"))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(missing))
    }
}

/// Checks the content's references against the call: its domain and the target city.
async fn check_references(db: &impl ConnectionTrait, call: &db::calls::Model, content: &Content) -> Result<()> {
    let domains = &call.domains.0;
    let mut errors = Vec::new();
    if !domains.contains(&content.domain) {
        let accepted: Vec<&str> = domains.iter().map(|d| d.as_str()).collect();
        errors.push(FieldError::new(
            "/domain",
            "not_in_call",
            format!("this call accepts the domains {}", accepted.join(", ")),
        ));
    }
    if db::cities::find_by_id(db, content.target_city_id).await?.is_none() {
        errors.push(FieldError::new(
            "/targetCityId",
            "unknown_city",
            "no such city; find it or add it at /api/v1/cities",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

/// The submitter's occupation now, recorded on the idea for filters and statistics.
async fn submitter_category(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<OccupationCategory>> {
    Ok(db::profiles::occupation(db, user_id).await?)
}
