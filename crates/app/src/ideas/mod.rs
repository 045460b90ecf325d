//! Ideas: citizens propose, edit, submit and withdraw them while their call is open; staff screen them.
//! Who sees how much of an idea, and what they may do next with it, is decided here once.

mod reading;
mod screening;
mod submission;

use chrono::{DateTime, Utc};
use domain::idea::{IdeaAction, IdeaCommand, IdeaState, ScreeningDecision};
use domain::review::{UNDER_REVIEW, may_decide};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

pub use reading::{history, list, of_city, show, similar};
pub use screening::{Screened, reopen_screening, screen, screen_many, screening};
pub use submission::{create, submit, update, withdraw};

use crate::actor::Actor;
use crate::error::{Error, ErrorCode, Result};

/// An idea with what its views show beside it (its city, submitter, best match and call window).
pub type IdeaRecord = db::ideas::IdeaRow;
pub type Idea = db::ideas::Model;

/// How much of an idea a caller sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Public,
    Submitter,
    /// A reviewer assigned to the idea, without a conflict: everything but the submitter's identity when
    /// the call is blind, and never the submitter's e-mail.
    Reviewer {
        blind: bool,
    },
    Staff,
}

impl Detail {
    /// What an account (or the public) sees of an idea, before any jury assignment is considered.
    pub fn for_viewer(viewer: Option<&Actor>, idea: &Idea) -> Detail {
        match viewer {
            Some(actor) if actor.is_staff() => Detail::Staff,
            Some(actor) if actor.user_id == idea.submitter_id => Detail::Submitter,
            _ => Detail::Public,
        }
    }
}

/// An idea as one caller sees it: the record, how much of it they see, and what they may do next.
#[derive(Debug, Clone)]
pub struct Viewed {
    pub record: IdeaRecord,
    pub detail: Detail,
    pub allowed_actions: Vec<IdeaCommand>,
    /// The submitter's ties abroad as their profile states them now: staff only, and only when the answer is
    /// about this one idea (`with_submitter_ties`); None otherwise.
    pub submitter_ties: Option<Vec<SubmitterTie>>,
}

/// One of the submitter's ties to a city abroad, from their profile.
pub type SubmitterTie = db::profiles::StoredTie;

impl Viewed {
    fn new(record: IdeaRecord, detail: Detail, now: DateTime<Utc>) -> Viewed {
        let allowed_actions = allowed_actions(&record, detail, now);
        Viewed {
            record,
            detail,
            allowed_actions,
            submitter_ties: None,
        }
    }

    /// The same, with the submitter's ties when the viewer is staff. Never for anyone else: a juror (blind call
    /// or not), another citizen or the public does not learn the submitter's profile from an idea.
    async fn with_submitter_ties(self, db: &impl ConnectionTrait) -> Result<Viewed> {
        if self.detail != Detail::Staff {
            return Ok(self);
        }
        let profile = db::profiles::find_with_ties(db, self.record.idea.submitter_id).await?;
        Ok(Viewed {
            submitter_ties: Some(profile.ties),
            ..self
        })
    }
}

/// Whether an idea is visible to anyone: selected ideas are public once their call's decisions are out.
pub fn is_public(idea: &Idea) -> bool {
    idea.state == IdeaState::Selected
}

/// Who may see which ideas in a list: staff all, an account its own and the published selected ones,
/// the public the published selected ones.
pub fn audience(viewer: Option<&Actor>) -> db::ideas::Audience {
    match viewer {
        Some(actor) if actor.is_staff() => db::ideas::Audience::Staff,
        Some(actor) => db::ideas::Audience::Account(actor.user_id),
        None => db::ideas::Audience::Public,
    }
}

/// How much of this idea `viewer` sees, or None when they may not see it at all (then it answers 404,
/// so that its existence does not leak).
async fn detail_for(db: &impl ConnectionTrait, viewer: Option<&Actor>, record: &IdeaRecord) -> Result<Option<Detail>> {
    let mut detail = Detail::for_viewer(viewer, &record.idea);
    if detail == Detail::Public
        && let Some(reviewer) = viewer.filter(|a| a.is_reviewer())
        && reviewing(db, &record.idea, reviewer.user_id).await?
    {
        detail = Detail::Reviewer {
            blind: record.call_blind_review,
        };
    }
    Ok((detail != Detail::Public || is_public(&record.idea)).then_some(detail))
}

/// Whether the account reviews this idea: assigned, and the assignment counts (no conflict).
async fn reviewing(db: &impl ConnectionTrait, idea: &Idea, reviewer_id: Uuid) -> Result<bool> {
    let assignment = db::assignments::find(db, idea.id, reviewer_id).await?;
    Ok(assignment.is_some_and(|a| crate::assignments::counts(idea, &a)))
}

/// The idea with how much of it `viewer` sees; 404 if they may not see it.
pub async fn find_visible(db: &impl ConnectionTrait, id: Uuid, viewer: Option<&Actor>) -> Result<(IdeaRecord, Detail)> {
    let record = db::ideas::find_row(db, id).await?.ok_or_else(Error::not_found)?;
    let detail = detail_for(db, viewer, &record).await?.ok_or_else(Error::not_found)?;
    Ok((record, detail))
}

/// The idea, for an action only its submitter may take: 404 if the caller cannot see it, 403 if they
/// can but it is not theirs. One read when it is theirs.
async fn find_own(db: &impl ConnectionTrait, id: Uuid, actor: &Actor) -> Result<IdeaRecord> {
    let record = db::ideas::find_row(db, id).await?.ok_or_else(Error::not_found)?;
    if record.idea.submitter_id == actor.user_id {
        return Ok(record);
    }
    match detail_for(db, Some(actor), &record).await? {
        Some(_) => Err(Error::forbidden("Only the idea's submitter may do this.")),
        None => Err(Error::not_found()),
    }
}

/// The state after `action`, or 409 `invalid_transition`.
fn next_state(idea: &Idea, action: IdeaAction) -> Result<IdeaState> {
    action
        .apply(*idea.state)
        .map_err(|refused| Error::new(ErrorCode::InvalidTransition, refused.to_string()))
}

/// Refuses a submitter's action outside the call's open window.
fn ensure_open(record: &IdeaRecord, now: DateTime<Utc>) -> Result<()> {
    crate::calls::ensure_open(&record.call_window(), record.call_decided(), now)
}

/// Whether the submitter may take `action` now: the call is open and the state allows it.
pub(crate) fn submitter_may(record: &IdeaRecord, action: IdeaAction, now: DateTime<Utc>) -> Result<IdeaState> {
    ensure_open(record, now)?;
    next_state(&record.idea, action)
}

/// 409 for a transition another request made first.
pub fn raced() -> Error {
    Error::new(
        ErrorCode::InvalidTransition,
        "The idea changed state while you acted; read it again.",
    )
}

/// What the caller may do next with the idea, by the same rules that refuse each action.
pub fn allowed_actions(record: &IdeaRecord, detail: Detail, now: DateTime<Utc>) -> Vec<IdeaCommand> {
    let idea = &record.idea;
    let candidates: &[(IdeaCommand, IdeaAction)] = match detail {
        Detail::Submitter => &[
            (IdeaCommand::Edit, IdeaAction::Edit),
            (IdeaCommand::Submit, IdeaAction::Submit),
            (IdeaCommand::Withdraw, IdeaAction::Withdraw),
        ],
        Detail::Staff => &[
            (IdeaCommand::Screen, IdeaAction::Screen(ScreeningDecision::Shortlist)),
            (IdeaCommand::ReopenScreening, IdeaAction::ReopenScreening),
        ],
        Detail::Public | Detail::Reviewer { .. } => &[],
    };
    let mut allowed: Vec<IdeaCommand> = candidates
        .iter()
        .filter(|(_, action)| {
            if action.is_submitters() {
                submitter_may(record, *action, now).is_ok()
            } else {
                next_state(idea, *action).is_ok()
            }
        })
        .map(|(command, _)| *command)
        .collect();
    if detail == Detail::Staff && UNDER_REVIEW.contains(&*idea.state) && !record.call_decided() {
        allowed.push(IdeaCommand::Assign);
    }
    if detail == Detail::Staff && may_decide(*idea.state, record.call_decided(), record.has_submitted_review()) {
        allowed.push(IdeaCommand::Decide);
    }
    allowed
}
