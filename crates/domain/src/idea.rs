//! The life of an idea: its states, the actions that move it and who may take them (DESIGN.md,
//! "The life of an idea"), and the screening decision's rules.

use std::fmt;

use crate::wire_enum;

wire_enum! {
    /// Where an idea stands. Changes only through an `IdeaAction`.
    pub enum IdeaState ("idea state") {
        Draft => "draft",
        Submitted => "submitted",
        Withdrawn => "withdrawn",
        Shortlisted => "shortlisted",
        Rejected => "rejected",
        InReview => "in_review",
        Reviewed => "reviewed",
        Selected => "selected",
        NotSelected => "not_selected",
    }
}

wire_enum! {
    /// The field of an idea; a call accepts some of them.
    pub enum Domain ("domain") {
        Cultural => "cultural",
        Economic => "economic",
        Scientific => "scientific",
        Tourism => "tourism",
        UrbanServices => "urban_services",
        Sports => "sports",
        Media => "media",
        HealthAndCrisisRelief => "health_and_crisis_relief",
        Other => "other",
    }
}

wire_enum! {
    /// Staff's screening decision on a submitted idea.
    pub enum ScreeningDecision ("screening decision") {
        Shortlist => "shortlist",
        Reject => "reject",
    }
}

wire_enum! {
    /// Why staff screened an idea as they did (or reopened its screening).
    pub enum ScreeningReason ("screening reason") {
        OutOfScope => "out_of_scope",
        Incomplete => "incomplete",
        Duplicate => "duplicate",
        NotFeasible => "not_feasible",
        OutsidePolicyFramework => "outside_policy_framework",
        Other => "other",
    }
}

/// Something done to an idea that may change its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdeaAction {
    Edit,
    Submit,
    Withdraw,
    Screen(ScreeningDecision),
    ReopenScreening,
}

impl IdeaAction {
    /// The states this action may start from.
    pub fn from_states(self) -> &'static [IdeaState] {
        use IdeaState::*;
        match self {
            IdeaAction::Edit => &[Draft, Submitted],
            IdeaAction::Submit => &[Draft],
            IdeaAction::Withdraw => &[Draft, Submitted],
            IdeaAction::Screen(_) => &[Submitted],
            IdeaAction::ReopenScreening => &[Shortlisted, Rejected],
        }
    }

    /// The state the idea is in after the action, or why the action is refused from `from`.
    pub fn apply(self, from: IdeaState) -> Result<IdeaState, TransitionRefused> {
        if !self.from_states().contains(&from) {
            return Err(TransitionRefused { action: self, from });
        }
        Ok(match self {
            IdeaAction::Edit => from,
            IdeaAction::Submit => IdeaState::Submitted,
            IdeaAction::Withdraw => IdeaState::Withdrawn,
            IdeaAction::Screen(ScreeningDecision::Shortlist) => IdeaState::Shortlisted,
            IdeaAction::Screen(ScreeningDecision::Reject) => IdeaState::Rejected,
            IdeaAction::ReopenScreening => IdeaState::Submitted,
        })
    }

    /// The submitter's own actions, allowed only while the call is open; staff act at any time.
    pub fn is_submitters(self) -> bool {
        matches!(self, IdeaAction::Edit | IdeaAction::Submit | IdeaAction::Withdraw)
    }

    fn verb(self) -> &'static str {
        match self {
            IdeaAction::Edit => "edit",
            IdeaAction::Submit => "submit",
            IdeaAction::Withdraw => "withdraw",
            IdeaAction::Screen(ScreeningDecision::Shortlist) => "shortlist",
            IdeaAction::Screen(ScreeningDecision::Reject) => "reject",
            IdeaAction::ReopenScreening => "reopen the screening of",
        }
    }
}

/// An action was asked of an idea in a state it does not apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub struct TransitionRefused {
    pub action: IdeaAction,
    pub from: IdeaState,
}

impl fmt::Display for TransitionRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allowed: Vec<&str> = self.action.from_states().iter().map(|s| s.as_str()).collect();
        write!(
            f,
            "cannot {} an idea that is {}; only one that is {}",
            self.action.verb(),
            self.from,
            allowed.join(" or ")
        )
    }
}

/// A screening decision with its reason and note, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screening {
    pub decision: ScreeningDecision,
    pub reason: Option<ScreeningReason>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ScreeningError {
    #[error("a rejection needs a reason")]
    RejectionWithoutReason,
    #[error("the reason `other` needs a note that says what it is")]
    OtherWithoutNote,
}

impl Screening {
    pub fn new(
        decision: ScreeningDecision,
        reason: Option<ScreeningReason>,
        note: Option<String>,
    ) -> Result<Screening, ScreeningError> {
        let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        if decision == ScreeningDecision::Reject && reason.is_none() {
            return Err(ScreeningError::RejectionWithoutReason);
        }
        if reason == Some(ScreeningReason::Other) && note.is_none() {
            return Err(ScreeningError::OtherWithoutNote);
        }
        Ok(Screening { decision, reason, note })
    }
}

#[cfg(test)]
mod tests {
    use super::IdeaState::*;
    use super::*;

    const ACTIONS: [IdeaAction; 6] = [
        IdeaAction::Edit,
        IdeaAction::Submit,
        IdeaAction::Withdraw,
        IdeaAction::Screen(ScreeningDecision::Shortlist),
        IdeaAction::Screen(ScreeningDecision::Reject),
        IdeaAction::ReopenScreening,
    ];

    #[test]
    fn the_table_of_design_md() {
        let allowed = [
            (IdeaAction::Edit, Draft, Draft),
            (IdeaAction::Edit, Submitted, Submitted),
            (IdeaAction::Submit, Draft, Submitted),
            (IdeaAction::Withdraw, Draft, Withdrawn),
            (IdeaAction::Withdraw, Submitted, Withdrawn),
            (IdeaAction::Screen(ScreeningDecision::Shortlist), Submitted, Shortlisted),
            (IdeaAction::Screen(ScreeningDecision::Reject), Submitted, Rejected),
            (IdeaAction::ReopenScreening, Shortlisted, Submitted),
            (IdeaAction::ReopenScreening, Rejected, Submitted),
        ];
        for action in ACTIONS {
            for from in IdeaState::ALL.iter().copied() {
                let expected = allowed
                    .iter()
                    .find(|(a, f, _)| *a == action && *f == from)
                    .map(|(_, _, to)| *to);
                match expected {
                    Some(to) => assert_eq!(action.apply(from), Ok(to), "{action:?} from {from}"),
                    None => assert_eq!(action.apply(from), Err(TransitionRefused { action, from })),
                }
            }
        }
    }

    #[test]
    fn a_refusal_says_what_was_expected() {
        let refused = IdeaAction::Withdraw.apply(Shortlisted).expect_err("refused");
        assert_eq!(
            refused.to_string(),
            "cannot withdraw an idea that is shortlisted; only one that is draft or submitted"
        );
    }

    #[test]
    fn only_the_submitters_actions_wait_for_an_open_call() {
        assert!(IdeaAction::Submit.is_submitters());
        assert!(IdeaAction::Withdraw.is_submitters());
        assert!(!IdeaAction::Screen(ScreeningDecision::Reject).is_submitters());
        assert!(!IdeaAction::ReopenScreening.is_submitters());
    }

    #[test]
    fn a_rejection_needs_a_reason() {
        assert_eq!(
            Screening::new(ScreeningDecision::Reject, None, Some("no".into())),
            Err(ScreeningError::RejectionWithoutReason)
        );
        assert!(Screening::new(ScreeningDecision::Reject, Some(ScreeningReason::Duplicate), None).is_ok());
        assert!(Screening::new(ScreeningDecision::Shortlist, None, None).is_ok());
    }

    #[test]
    fn other_needs_a_note_and_blank_notes_are_none() {
        assert_eq!(
            Screening::new(
                ScreeningDecision::Reject,
                Some(ScreeningReason::Other),
                Some("  ".into())
            ),
            Err(ScreeningError::OtherWithoutNote)
        );
        let screening = Screening::new(ScreeningDecision::Shortlist, None, Some(" ok ".into())).expect("valid");
        assert_eq!(screening.note.as_deref(), Some("ok"));
    }
}
