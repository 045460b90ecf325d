//! Partnerships with foreign cities: everyone reads them (focal points and who recorded each change
//! for staff only), staff record them, edit them and change their state. A state change is kept in
//! the partnership's own dated history, and every change is recorded as an event besides.

use chrono::{DateTime, NaiveDate, Utc};
use db::events::{self, NewEvent};
use db::partnerships::{HealthDates, NewStateChange};
use domain::event::{EventKind, SubjectKind};
use domain::notice::Bilingual;
use domain::partnership::{
    FocalPoint, PartnershipAction, PartnershipKind, PartnershipState, StateChangeRefused, check_state_change,
};
use domain::webhook::{PartnershipStateChangedData, WebhookEvent, WebhookEventType, WebhookPartnership};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::Text;
use crate::error::{Error, ErrorCode, Result};
use crate::precondition::{Precondition, stale};
use crate::{Actor, Db};

pub use db::partnerships::{
    PartnershipFields, PartnershipFilter, PartnershipRow, PartnershipSortField, StateChangeRow,
};

/// A partnership as the asking user sees it: the row with its city and health, its history (on a
/// single partnership, not in lists), what the user may see and do.
#[derive(Debug, Clone)]
pub struct Partnership {
    pub row: PartnershipRow,
    pub history: Option<Vec<StateChangeRow>>,
    /// Focal points and who recorded each change are for those who manage partnerships.
    pub confidential: bool,
    pub allowed_actions: Vec<PartnershipAction>,
}

/// A partnership to record: its first state, since when (default the signing day, else today), and
/// the rest of its fields.
#[derive(Debug, Clone)]
pub struct NewPartnership {
    pub city_id: Uuid,
    pub state: PartnershipState,
    pub state_since: Option<NaiveDate>,
    /// Why it is in that state; left out when blank.
    pub reason: Option<String>,
    pub fields: PartnershipFields,
}

/// What staff change of a partnership other than its state: `None` leaves a field as it is,
/// `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct PartnershipEdit {
    pub kind: Option<PartnershipKind>,
    pub signed_on: Option<Option<NaiveDate>>,
    pub next_review_on: Option<Option<NaiveDate>>,
    pub focal_points: Option<Vec<FocalPoint>>,
    pub notes: Option<Option<Text>>,
}

/// A change of state.
#[derive(Debug, Clone)]
pub struct StateChange {
    pub state: PartnershipState,
    /// When it happened; default today.
    pub effective_on: Option<NaiveDate>,
    pub reason: String,
}

/// Who manages partnerships (records, edits, changes their state, sees their focal points): staff.
pub fn may_manage(actor: Option<&Actor>) -> bool {
    actor.is_some_and(Actor::is_staff)
}

fn ensure_may_manage(actor: &Actor) -> Result<()> {
    Error::forbidden_unless(may_manage(Some(actor)), "Only staff manage partnerships.")
}

/// What `actor` may do next with a partnership, by the rules the use cases refuse with. A state
/// change may go to any other state, so it is offered whenever the partnership may be managed.
pub fn allowed_actions(actor: Option<&Actor>) -> Vec<PartnershipAction> {
    let mut actions = Vec::new();
    if may_manage(actor) {
        actions.extend([PartnershipAction::Edit, PartnershipAction::ChangeState]);
    }
    if crate::activities::may_record(actor) {
        actions.push(PartnershipAction::AddActivity);
    }
    actions
}

fn seen_by(row: PartnershipRow, history: Option<Vec<StateChangeRow>>, actor: Option<&Actor>) -> Partnership {
    Partnership {
        row,
        history,
        confidential: may_manage(actor),
        allowed_actions: allowed_actions(actor),
    }
}

async fn with_history(db: &impl ConnectionTrait, row: PartnershipRow, actor: Option<&Actor>) -> Result<Partnership> {
    let history = db::partnerships::history(db, row.partnership.id).await?;
    Ok(seen_by(row, Some(history), actor))
}

/// The stored partnership, or 404.
async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<db::partnerships::Model> {
    db::partnerships::find_by_id(db, id).await?.ok_or_else(Error::not_found)
}

/// One partnership with its history, or 404.
async fn detail(db: &impl ConnectionTrait, actor: Option<&Actor>, id: Uuid, dates: HealthDates) -> Result<Partnership> {
    let row = db::partnerships::find_row(db, id, dates)
        .await?
        .ok_or_else(Error::not_found)?;
    with_history(db, row, actor).await
}

pub async fn show(db: &Db, actor: Option<&Actor>, id: Uuid, dates: HealthDates) -> Result<Partnership> {
    detail(db, actor, id, dates).await
}

/// The partnership of a city with its history, if it has one.
pub async fn of_city(
    db: &impl ConnectionTrait,
    actor: Option<&Actor>,
    city_id: Uuid,
    dates: HealthDates,
) -> Result<Option<Partnership>> {
    match db::partnerships::find_row_of_city(db, city_id, dates).await? {
        Some(row) => Ok(Some(with_history(db, row, actor).await?)),
        None => Ok(None),
    }
}

/// One page of partnerships with their health (no history), and how many match.
pub async fn list(
    db: &Db,
    actor: Option<&Actor>,
    filter: &PartnershipFilter,
    dates: HealthDates,
) -> Result<(Vec<Partnership>, u64)> {
    let (rows, total) = db::partnerships::list(db, filter, dates).await?;
    Ok((rows.into_iter().map(|row| seen_by(row, None, actor)).collect(), total))
}

/// Records a partnership with a foreign city (staff). Its state is the first entry of its history;
/// a city has one partnership at most (`partnership_exists`).
pub async fn record(
    db: &Db,
    actor: &Actor,
    new: NewPartnership,
    dates: HealthDates,
    now: DateTime<Utc>,
) -> Result<Partnership> {
    ensure_may_manage(actor)?;
    let today = dates.today;
    let state_since = new.state_since.or(new.fields.signed_on).unwrap_or(today);
    if state_since > today {
        let pointer = if new.state_since.is_some() {
            "/stateSince"
        } else {
            "/signedOn"
        };
        return Err(Error::field(
            pointer,
            "in_the_future",
            "a state cannot be taken in the future; give stateSince",
        ));
    }
    let fields = PartnershipFields {
        focal_points: new.fields.focal_points.into_iter().map(FocalPoint::trimmed).collect(),
        ..new.fields
    };
    let initial = NewStateChange {
        to: new.state,
        effective_on: state_since,
        reason: new.reason.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()),
        actor_id: Some(actor.user_id),
    };
    let initial_reason = initial.reason.clone();
    let txn = db::begin_write(db).await?;
    if db::cities::find_by_id(&txn, new.city_id).await?.is_none() {
        return Err(Error::field(
            "/cityId",
            "unknown_city",
            "no such city; find it or add it at /api/v1/cities",
        ));
    }
    if let Some(existing) = db::partnerships::find_by_city(&txn, new.city_id).await? {
        return Err(Error::new(
            ErrorCode::PartnershipExists,
            format!(
                "The city has a partnership already: /api/v1/partnerships/{}. Change that one instead.",
                existing.id
            ),
        ));
    }
    let partnership = db::partnerships::insert(&txn, new.city_id, fields, initial, today, now)
        .await
        .map_err(|err| {
            if db::is_unique_violation(&err) {
                // Another request recorded one for the same city a moment ago.
                Error::new(ErrorCode::PartnershipExists, "The city has a partnership already.")
            } else {
                err.into()
            }
        })?;
    let event = NewEvent::new(SubjectKind::Partnership, partnership.id, EventKind::PartnershipRecorded)
        .by(actor.user_id)
        .to(new.state);
    events::record(&txn, event, now).await?;
    let partnership = detail(&txn, Some(actor), partnership.id, dates).await?;
    tell_integrators(&txn, &partnership, None, initial_reason, now).await?;
    txn.commit().await?;
    Ok(partnership)
}

/// Edits a partnership other than its state (staff), if it is still at a version `if_match` accepts.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    if_match: &Precondition,
    edit: PartnershipEdit,
    dates: HealthDates,
    now: DateTime<Utc>,
) -> Result<Partnership> {
    ensure_may_manage(actor)?;
    let txn = db::begin_write(db).await?;
    let current = find(&txn, id).await?;
    let version = if_match.expected(current.version)?;
    let notes = edit
        .notes
        .unwrap_or_else(|| current.notes_fa.clone().map(|fa| (fa, current.notes_en.clone())));
    let focal_points = match edit.focal_points {
        Some(points) => points.into_iter().map(FocalPoint::trimmed).collect(),
        None => current.focal_points.0.clone(),
    };
    let fields = PartnershipFields {
        kind: edit.kind.unwrap_or(*current.kind),
        signed_on: edit.signed_on.unwrap_or(current.signed_on),
        next_review_on: edit.next_review_on.unwrap_or(current.next_review_on),
        focal_points,
        notes,
    };
    if !db::partnerships::update(&txn, current.id, version, fields, now).await? {
        return Err(stale());
    }
    let event = NewEvent::new(SubjectKind::Partnership, current.id, EventKind::PartnershipUpdated).by(actor.user_id);
    events::record(&txn, event, now).await?;
    let partnership = detail(&txn, Some(actor), current.id, dates).await?;
    txn.commit().await?;
    Ok(partnership)
}

/// Changes a partnership's state (staff), dated and with a reason, if it is still at a version
/// `if_match` accepts; the change goes into its history.
pub async fn change_state(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    if_match: &Precondition,
    change: StateChange,
    dates: HealthDates,
    now: DateTime<Utc>,
) -> Result<Partnership> {
    ensure_may_manage(actor)?;
    let today = dates.today;
    let effective_on = change.effective_on.unwrap_or(today);
    let txn = db::begin_write(db).await?;
    let current = find(&txn, id).await?;
    let version = if_match.expected(current.version)?;
    let from = *current.state;
    let latest = db::partnerships::latest_change_on(&txn, current.id).await?;
    check_state_change(from, latest, change.state, effective_on, today).map_err(refused)?;
    let reason = change.reason.trim().to_owned();
    let entry = NewStateChange {
        to: change.state,
        effective_on,
        reason: Some(reason.clone()),
        actor_id: Some(actor.user_id),
    };
    if !db::partnerships::change_state(&txn, current.id, version, from, entry, now).await? {
        return Err(stale());
    }
    let event = NewEvent::new(SubjectKind::Partnership, current.id, EventKind::PartnershipStateChanged)
        .by(actor.user_id)
        .change(Some(from), Some(change.state))
        .note(Some(reason.clone()));
    events::record(&txn, event, now).await?;
    let partnership = detail(&txn, Some(actor), current.id, dates).await?;
    tell_integrators(&txn, &partnership, Some(from), Some(reason), now).await?;
    txn.commit().await?;
    Ok(partnership)
}

/// `partnership.state_changed` to the webhook endpoints that listen; `from` is None for a new partnership.
async fn tell_integrators(
    db: &impl ConnectionTrait,
    partnership: &Partnership,
    from: Option<PartnershipState>,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<()> {
    let row = &partnership.row;
    crate::webhooks::emit(db, WebhookEventType::PartnershipStateChanged, now, now, async || {
        Ok(WebhookEvent::PartnershipStateChanged(PartnershipStateChangedData {
            partnership: WebhookPartnership {
                id: row.partnership.id,
                city_id: row.partnership.city_id,
                city_name: Bilingual::new((row.city_name_fa.clone(), row.city_name_en.clone())),
                kind: *row.partnership.kind,
            },
            from,
            to: *row.partnership.state,
            reason,
        }))
    })
    .await?;
    Ok(())
}

fn refused(refusal: StateChangeRefused) -> Error {
    match refusal {
        StateChangeRefused::Unchanged(_) => Error::new(ErrorCode::StateUnchanged, refusal.to_string()),
        StateChangeRefused::InTheFuture => Error::field("/effectiveOn", "in_the_future", refusal.to_string()),
        StateChangeRefused::BeforeLastChange(_) => {
            Error::field("/effectiveOn", "before_last_change", refusal.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use domain::roles::{Role, Roles};

    use super::*;

    fn actor(roles: &[Role]) -> Actor {
        Actor::new(Uuid::nil(), Roles::new(roles.iter().copied()))
    }

    #[test]
    fn staff_may_do_everything_with_a_partnership_and_others_nothing() {
        let everything = vec![
            PartnershipAction::Edit,
            PartnershipAction::ChangeState,
            PartnershipAction::AddActivity,
        ];
        assert_eq!(allowed_actions(Some(&actor(&[Role::Staff]))), everything);
        assert_eq!(allowed_actions(Some(&actor(&[Role::Admin]))), everything);
        assert_eq!(allowed_actions(Some(&actor(&[Role::Reviewer]))), vec![]);
        assert_eq!(allowed_actions(Some(&actor(&[]))), vec![]);
        assert_eq!(allowed_actions(None), vec![]);
        assert!(ensure_may_manage(&actor(&[Role::Reviewer])).is_err());
    }
}
