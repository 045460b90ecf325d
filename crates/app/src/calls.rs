//! Calls for ideas: the rules other use cases share (is the call there, which phase is it in, are its
//! decisions final) and the calls' own use cases.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use db::events::NewEvent;
use domain::call::{CallAction, CallPhase, CallWindow};
use domain::event::EventKind;
use domain::idea::{Domain, IdeaState};
use domain::webhook::{CallClosedData, WebhookEvent, WebhookEventType};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::Text;
use crate::error::{Error, ErrorCode, Result};
use crate::precondition::{Precondition, stale};
use crate::{Actor, Db};

pub type Call = db::calls::Model;
/// A new call as staff give it: texts tidied, moments read as instants in the office's time zone.
pub use db::calls::CallFields as NewCall;
pub use db::calls::CallSortField;
pub type Event = db::events::Model;

/// The call, or 404.
pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Call> {
    db::calls::find_by_id(db, id).await?.ok_or_else(Error::not_found)
}

pub fn window(call: &Call) -> CallWindow {
    CallWindow {
        opens_at: call.opens_at,
        closes_at: call.closes_at,
        review_opens_at: call.review_opens_at,
        review_closes_at: call.review_closes_at,
    }
}

pub fn phase(call: &Call, now: DateTime<Utc>) -> CallPhase {
    window(call).phase(call.decisions_published_at.is_some(), now)
}

/// 409 `decisions_published` once the call's decisions are out: they are final, and so is everything
/// the jury worked with (rubric, assignments, reviews, decisions).
pub fn ensure_undecided(call: &Call) -> Result<()> {
    match call.decisions_published_at {
        Some(at) => Err(Error::new(
            ErrorCode::DecisionsPublished,
            format!(
                "The call's decisions were published at {}; they are final.",
                at.to_rfc3339()
            ),
        )),
        None => Ok(()),
    }
}

/// Refuses a submitter's action outside the call's open window (409 `call_not_open`/`call_closed`).
pub fn ensure_open(window: &CallWindow, decided: bool, now: DateTime<Utc>) -> Result<()> {
    match window.phase(decided, now) {
        CallPhase::Open => Ok(()),
        CallPhase::Upcoming => Err(Error::new(
            ErrorCode::CallNotOpen,
            format!("The call opens at {}.", window.opens_at.to_rfc3339()),
        )),
        _ => Err(Error::new(
            ErrorCode::CallClosed,
            format!(
                "The call closed at {}; ideas can no longer change.",
                window.closes_at.to_rfc3339()
            ),
        )),
    }
}

/// 403 unless the actor is staff: the role extractor checks it first; the use cases and the allowed actions
/// share this rule.
pub fn ensure_staff(actor: &Actor) -> Result<()> {
    Error::forbidden_unless(actor.is_staff(), "Only staff may do this.")
}

/// 409 `idea_limit_reached` once a citizen has as many active ideas in the call as it allows.
pub fn ensure_under_limit(call: &Call, active: u64) -> Result<()> {
    if active >= u64::try_from(call.ideas_per_citizen).unwrap_or(0) {
        return Err(Error::new(
            ErrorCode::IdeaLimitReached,
            format!(
                "This call takes at most {} ideas per citizen; withdraw one to propose another.",
                call.ideas_per_citizen
            ),
        ));
    }
    Ok(())
}

/// Refuses to close a call that is not open: 409 `call_not_open` before it opens, `call_closed` after.
pub fn ensure_closable(call: &Call, now: DateTime<Utc>) -> Result<()> {
    match phase(call, now) {
        CallPhase::Open => Ok(()),
        CallPhase::Upcoming => Err(Error::new(
            ErrorCode::CallNotOpen,
            "The call has not opened; move its window instead.",
        )),
        _ => Err(closed_already()),
    }
}

fn closed_already() -> Error {
    Error::new(ErrorCode::CallClosed, "The call is closed already.")
}

/// How many ideas one citizen may have in a call, how many reviewers each idea gets, and whether reviews
/// are blind, when staff do not say.
pub const DEFAULT_IDEAS_PER_CITIZEN: i32 = 3;
pub const DEFAULT_REVIEWERS_PER_IDEA: i32 = 3;
pub const DEFAULT_BLIND_REVIEW: bool = true;

/// What staff change of a call; `None` keeps what is there.
#[derive(Debug, Clone, Default)]
pub struct CallChange {
    pub title: Option<Text>,
    pub description: Option<Text>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub review_opens_at: Option<DateTime<Utc>>,
    pub review_closes_at: Option<DateTime<Utc>>,
    pub domains: Option<Vec<Domain>>,
    pub ideas_per_citizen: Option<i32>,
    pub blind_review: Option<bool>,
    pub reviewers_per_idea: Option<i32>,
}

/// The window, or 422 at the first bound out of order.
fn checked(window: CallWindow) -> Result<CallWindow> {
    window
        .check()
        .map_err(|e| Error::field(&format!("/{}", e.field()), "out_of_order", e.to_string()))?;
    Ok(window)
}

/// Staff create a call; its creation is its first event.
pub async fn create(db: &Db, actor: &Actor, new: NewCall, now: DateTime<Utc>) -> Result<Call> {
    ensure_staff(actor)?;
    let fields = NewCall {
        window: checked(new.window)?,
        ..new
    };
    let txn = db::begin_write(db).await?;
    let call = db::calls::insert(&txn, fields, Some(actor.user_id), now).await?;
    let event = NewEvent::of_call(call.id, EventKind::CallCreated).by(actor.user_id);
    db::events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(call)
}

fn window_text(call: &Call) -> String {
    format!(
        "{} – {} (review {} – {})",
        call.opens_at.to_rfc3339(),
        call.closes_at.to_rfc3339(),
        call.review_opens_at.to_rfc3339(),
        call.review_closes_at.to_rfc3339()
    )
}

/// Staff edit a call read at a version `if_match` accepts (412 otherwise). Moving the window is recorded as
/// `window_moved` with the dates before and after; any other change as `call_updated`.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    change: CallChange,
    if_match: &Precondition,
    now: DateTime<Utc>,
) -> Result<Call> {
    ensure_staff(actor)?;
    let txn = db::begin_write(db).await?;
    let call = find(&txn, id).await?;
    if_match.expected(call.version)?;
    let window = checked(CallWindow {
        opens_at: change.opens_at.unwrap_or(call.opens_at),
        closes_at: change.closes_at.unwrap_or(call.closes_at),
        review_opens_at: change.review_opens_at.unwrap_or(call.review_opens_at),
        review_closes_at: change.review_closes_at.unwrap_or(call.review_closes_at),
    })?;
    let fields = NewCall {
        title: change
            .title
            .unwrap_or_else(|| (call.title_fa.clone(), call.title_en.clone())),
        description: change
            .description
            .unwrap_or_else(|| (call.description_fa.clone(), call.description_en.clone())),
        window,
        domains: change.domains.unwrap_or_else(|| call.domains.to_vec()),
        ideas_per_citizen: change.ideas_per_citizen.unwrap_or(call.ideas_per_citizen),
        blind_review: change.blind_review.unwrap_or(call.blind_review),
        reviewers_per_idea: change.reviewers_per_idea.unwrap_or(call.reviewers_per_idea),
    };
    let updated = db::calls::update(&txn, &call, call.version, fields, now)
        .await?
        .ok_or_else(stale)?;
    let (before, after) = (window_text(&call), window_text(&updated));
    let event = if before == after {
        NewEvent::of_call(call.id, EventKind::CallUpdated)
    } else {
        NewEvent::of_call(call.id, EventKind::WindowMoved)
            .from(before)
            .to(after)
    };
    db::events::record(&txn, event.by(actor.user_id), now).await?;
    txn.commit().await?;
    Ok(updated)
}

/// Trimmed; blank is none.
pub fn tidy(note: Option<String>) -> Option<String> {
    note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty())
}

/// Staff close an open call now, before its deadline: its last open moment is just before `now`.
pub async fn close(db: &Db, actor: &Actor, id: Uuid, note: Option<String>, now: DateTime<Utc>) -> Result<Call> {
    ensure_staff(actor)?;
    let txn = db::begin_write(db).await?;
    let call = find(&txn, id).await?;
    ensure_closable(&call, now)?;
    if !db::calls::close_now(&txn, call.id, now).await? {
        return Err(closed_already());
    }
    let event = NewEvent::of_call(call.id, EventKind::ClosedEarly)
        .by(actor.user_id)
        .from(call.closes_at.to_rfc3339())
        .to((now - chrono::TimeDelta::microseconds(1)).to_rfc3339())
        .note(tidy(note));
    db::events::record(&txn, event, now).await?;
    let closed = find(&txn, call.id).await?;
    // Sent once: the clock will not send this call's closing again when it sees the deadline passed.
    let key = crate::webhooks::call_event_key(WebhookEventType::CallClosed, call.id);
    if db::notices::claim_schedule_key(&txn, &key, now).await? {
        let data = crate::webhooks::call_of(&closed);
        crate::webhooks::emit(&txn, WebhookEventType::CallClosed, now, now, async || {
            Ok(WebhookEvent::CallClosed(CallClosedData {
                call: data,
                early: true,
            }))
        })
        .await?;
    }
    txn.commit().await?;
    Ok(closed)
}

/// A call with what the asking account may do with it next, and how many ideas it holds as they may know.
#[derive(Debug, Clone)]
pub struct CallDetail {
    pub call: Call,
    pub allowed_actions: Vec<CallAction>,
    pub counts: CallCounts,
}

/// How many ideas a call holds, as its reader may know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallCounts {
    /// Submitted and not withdrawn: every idea past its draft, whatever became of it since.
    pub submitted: u64,
    /// Each state the reader may know of, in the order of an idea's life, with how many ideas are in it (0 too).
    pub by_state: Vec<(IdeaState, u64)>,
}

/// The states of the ideas anyone may count on a call's page: those of submitted ideas. Drafts and withdrawn
/// ideas are their submitters' business and staff's. (A pending decision is no state: nobody but staff learns it.)
pub const PUBLIC_COUNTED_STATES: [IdeaState; 7] = [
    IdeaState::Submitted,
    IdeaState::Shortlisted,
    IdeaState::Rejected,
    IdeaState::InReview,
    IdeaState::Reviewed,
    IdeaState::Selected,
    IdeaState::NotSelected,
];

/// The counts `staff` or anyone else may see, from the call's ideas counted by state.
pub fn counts_for(staff: bool, counted: &[(IdeaState, u64)]) -> CallCounts {
    let of = |state: IdeaState| {
        counted
            .iter()
            .filter(|(s, _)| *s == state)
            .map(|(_, n)| *n)
            .sum::<u64>()
    };
    let by_state: Vec<(IdeaState, u64)> = IdeaState::ALL
        .iter()
        .copied()
        .filter(|state| staff || PUBLIC_COUNTED_STATES.contains(state))
        .map(|state| (state, of(state)))
        .collect();
    CallCounts {
        submitted: PUBLIC_COUNTED_STATES.iter().map(|state| of(*state)).sum(),
        by_state,
    }
}

/// Anyone reads a call; the answer says what the reader may do next and how many ideas it holds (staff by every
/// state, anyone else by the states of submitted ideas).
pub async fn show(db: &Db, actor: Option<&Actor>, id: Uuid, now: DateTime<Utc>) -> Result<CallDetail> {
    let call = find(db, id).await?;
    let allowed_actions = allowed_actions(db, actor, &call, now).await?;
    let staff = actor.is_some_and(|a| ensure_staff(a).is_ok());
    let counted = db::ideas::count_by_state_in_call(db, call.id).await?;
    Ok(CallDetail {
        call,
        allowed_actions,
        counts: counts_for(staff, &counted),
    })
}

/// What `actor` may do next with `call`: each action is offered when the rule its use case refuses with
/// lets it through.
pub async fn allowed_actions(
    db: &impl ConnectionTrait,
    actor: Option<&Actor>,
    call: &Call,
    now: DateTime<Utc>,
) -> Result<Vec<CallAction>> {
    let Some(actor) = actor else {
        return Ok(Vec::new());
    };
    let mut actions = Vec::new();
    let staff = ensure_staff(actor).is_ok();
    if staff {
        actions.push(CallAction::Edit);
        if ensure_closable(call, now).is_ok() {
            actions.push(CallAction::Close);
        }
    }
    if ensure_open(&window(call), call.decisions_published_at.is_some(), now).is_ok() {
        let active = db::ideas::count_active_of_submitter(db, call.id, actor.user_id).await?;
        if ensure_under_limit(call, active).is_ok() {
            actions.push(CallAction::ProposeIdea);
        }
    }
    if !staff {
        return Ok(actions);
    }
    let rubric = db::rubrics::find(db, call.id).await?;
    if crate::rubrics::ensure_editable(call, rubric.as_ref()).is_ok() {
        actions.push(CallAction::EditRubric);
    }
    if let Some(rubric) = &rubric
        && crate::rubrics::ensure_reopenable(call, rubric).is_ok()
    {
        actions.push(CallAction::ReopenRubric);
    }
    if crate::decisions::ensure_recordable(call).is_ok() {
        actions.push(CallAction::RecordDecisions);
        let undecided = db::decisions::count_undecided(db, call.id).await?;
        if crate::decisions::ensure_publishable(call, undecided, now).is_ok() {
            actions.push(CallAction::PublishDecisions);
        }
    }
    Ok(actions)
}

/// One page of calls in `sort`'s order (default: the latest opening first), optionally only those in `phase`
/// now, and how many match.
pub async fn list(
    db: &Db,
    phase: Option<CallPhase>,
    sort: Option<(CallSortField, crate::Order)>,
    limit: u32,
    offset: u32,
    now: DateTime<Utc>,
) -> Result<(Vec<Call>, u64)> {
    let filter = db::calls::CallFilter {
        phase,
        now,
        sort,
        limit: limit.into(),
        offset: offset.into(),
    };
    Ok(db::calls::list(db, &filter).await?)
}

/// A call's own history (staff), oldest first, with who acted.
pub async fn history(db: &Db, actor: &Actor, id: Uuid) -> Result<Vec<crate::history::Entry>> {
    ensure_staff(actor)?;
    let call = find(db, id).await?;
    let events = db::events::for_call(db, call.id).await?;
    crate::history::named(db, events).await
}

/// A call's statistics: counts only, never personal data. Each breakdown is sorted by count, then key.
#[derive(Debug, Clone)]
pub struct CallStats {
    pub call_id: Uuid,
    /// Submitted and not withdrawn.
    pub submitted: u64,
    /// Every idea, drafts included.
    pub by_state: Vec<(String, u64)>,
    pub by_domain: Vec<(String, u64)>,
    pub by_target_country: Vec<(String, u64)>,
    /// `unknown` when the submitter gave none.
    pub by_submitter_category: Vec<(String, u64)>,
    /// Per day of submission in the office's time zone, in order.
    pub by_day: Vec<(NaiveDate, u64)>,
    /// Staff only: (awaiting screening, screened).
    pub progress: Option<(u64, u64)>,
}

fn tally(map: BTreeMap<String, u64>) -> Vec<(String, u64)> {
    let mut counts: Vec<(String, u64)> = map.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

/// A call's statistics for anyone; staff also see how far screening has come.
pub async fn stats(db: &Db, actor: Option<&Actor>, id: Uuid, zone: Tz) -> Result<CallStats> {
    let call = find(db, id).await?;
    let rows = db::ideas::stats_rows(db, call.id).await?;
    let mut by_state = BTreeMap::new();
    let (mut by_domain, mut by_country, mut by_category) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let mut by_day: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    let (mut submitted, mut awaiting, mut screened) = (0, 0, 0);
    for row in rows {
        *by_state.entry(row.state.to_string()).or_insert(0) += 1;
        let Some(at) = row.submitted_at else { continue };
        if row.state == IdeaState::Withdrawn {
            continue;
        }
        submitted += 1;
        if row.state == IdeaState::Submitted {
            awaiting += 1;
        } else {
            screened += 1;
        }
        *by_domain.entry(row.domain.to_string()).or_insert(0) += 1;
        *by_country.entry(row.country).or_insert(0) += 1;
        let category = row
            .submitter_category
            .map_or_else(|| "unknown".to_owned(), |c| c.to_string());
        *by_category.entry(category).or_insert(0) += 1;
        *by_day.entry(domain::call::office_day(at, zone)).or_insert(0) += 1;
    }
    let staff = actor.is_some_and(|a| ensure_staff(a).is_ok());
    Ok(CallStats {
        call_id: call.id,
        submitted,
        by_state: tally(by_state),
        by_domain: tally(by_domain),
        by_target_country: tally(by_country),
        by_submitter_category: tally(by_category),
        by_day: by_day.into_iter().collect(),
        progress: staff.then_some((awaiting, screened)),
    })
}

/// One idea of a call's spreadsheet: its row and its live files, oldest first.
pub struct ExportedIdea {
    pub row: db::ideas::IdeaRow,
    pub files: Vec<db::files::StoredFile>,
}

/// A call's ideas for staff's spreadsheet, in submission order, with their submitters, best matches and
/// files (all of them: staff see every file of an idea); the download is recorded in the audit trail
/// (`file`: what is handed over, like `ideas.csv`).
pub async fn ideas_for_export(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    file: &str,
    now: DateTime<Utc>,
) -> Result<Vec<ExportedIdea>> {
    ensure_staff(actor)?;
    let call = find(db, id).await?;
    let rows = db::ideas::all_of_call(db, call.id).await?;
    // One query for the files of all the call's ideas.
    let ids = rows.iter().map(|row| row.idea.id).collect();
    let mut files: std::collections::HashMap<Uuid, Vec<db::files::StoredFile>> = std::collections::HashMap::new();
    for stored in db::files::list_live_of_owners(db, domain::file::FileOwnerKind::Idea, ids).await? {
        files.entry(stored.owner_id).or_default().push(stored);
    }
    record_export(db, actor, call.id, file, now).await?;
    Ok(rows
        .into_iter()
        .map(|row| ExportedIdea {
            files: files.remove(&row.idea.id).unwrap_or_default(),
            row,
        })
        .collect())
}

/// Records that staff downloaded a spreadsheet of the call: personal data left the system, so the audit
/// trail says who took what, when and from where.
pub(crate) async fn record_export(db: &Db, actor: &Actor, call_id: Uuid, file: &str, now: DateTime<Utc>) -> Result<()> {
    let event = crate::accounts::privileged(NewEvent::of_call(call_id, EventKind::ExportDownloaded), actor).to(file);
    db::events::record(db, event, now).await?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::TimeDelta;
    use domain::roles::Roles;

    use super::*;

    /// A call whose window lies `days` from now: opens, closes, review opens, review closes.
    pub(crate) fn call(window: [i64; 4], now: DateTime<Utc>) -> Call {
        let at = |days| now + TimeDelta::days(days);
        Call {
            id: Uuid::now_v7(),
            title_fa: "فراخوان".into(),
            title_en: None,
            description_fa: "متن".into(),
            description_en: None,
            opens_at: at(window[0]),
            closes_at: at(window[1]),
            review_opens_at: at(window[2]),
            review_closes_at: at(window[3]),
            domains: vec![Domain::Cultural].into(),
            ideas_per_citizen: 2,
            blind_review: true,
            reviewers_per_idea: 3,
            decisions_published_at: None,
            version: 1,
            created_by: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn a_calls_counts_show_staff_every_state_and_anyone_else_the_submitted_ideas_only() {
        let counted = [
            (IdeaState::Draft, 4),
            (IdeaState::Withdrawn, 1),
            (IdeaState::Submitted, 3),
            (IdeaState::Rejected, 2),
        ];
        let staff = counts_for(true, &counted);
        assert_eq!(staff.submitted, 5);
        assert_eq!(staff.by_state.len(), IdeaState::ALL.len());
        assert_eq!(staff.by_state[0], (IdeaState::Draft, 4));
        assert!(staff.by_state.contains(&(IdeaState::Withdrawn, 1)));
        assert!(staff.by_state.contains(&(IdeaState::Selected, 0)));

        let public = counts_for(false, &counted);
        assert_eq!(public.submitted, 5);
        let states: Vec<IdeaState> = public.by_state.iter().map(|(s, _)| *s).collect();
        assert_eq!(states, PUBLIC_COUNTED_STATES);
        assert_eq!(public.by_state[0], (IdeaState::Submitted, 3));
        assert_eq!(public.by_state.iter().map(|(_, n)| n).sum::<u64>(), 5);
    }

    fn code<T: std::fmt::Debug>(result: Result<T>) -> Option<ErrorCode> {
        result.err().map(|e| e.code())
    }

    #[test]
    fn only_an_open_call_can_be_closed() {
        let now = Utc::now();
        assert_eq!(code(ensure_closable(&call([-1, 5, 6, 9], now), now)), None);
        assert_eq!(
            code(ensure_closable(&call([1, 5, 6, 9], now), now)),
            Some(ErrorCode::CallNotOpen)
        );
        assert_eq!(
            code(ensure_closable(&call([-9, -5, 6, 9], now), now)),
            Some(ErrorCode::CallClosed)
        );
        let mut decided = call([-1, 5, 6, 9], now);
        decided.decisions_published_at = Some(now);
        assert_eq!(code(ensure_closable(&decided, now)), Some(ErrorCode::CallClosed));
    }

    #[test]
    fn a_citizen_proposes_up_to_the_calls_limit() {
        let call = call([-1, 5, 6, 9], Utc::now());
        assert_eq!(code(ensure_under_limit(&call, 1)), None);
        assert_eq!(code(ensure_under_limit(&call, 2)), Some(ErrorCode::IdeaLimitReached));
    }

    #[test]
    fn staff_is_a_role_the_rules_check_too() {
        let actor = |roles: &str| Actor::new(Uuid::now_v7(), Roles::from_stored(roles).unwrap_or_default());
        assert!(ensure_staff(&actor("staff")).is_ok());
        // A citizen has no role beyond signing in.
        assert_eq!(code(ensure_staff(&actor(""))), Some(ErrorCode::Forbidden));
    }

    #[test]
    fn a_window_out_of_order_names_its_field() {
        let now = Utc::now();
        let window = window(&call([-1, -2, 6, 9], now));
        let err = checked(window).err().map(|e| e.errors()[0].pointer.clone());
        assert_eq!(err.as_deref(), Some("/closesAt"));
    }
}
