//! The life of an idea: its states, the actions that move it and who may take them (DESIGN.md,
//! "The life of an idea"), and the screening decision's rules.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::profile::TieKind;
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
    /// What the asking user may do next with an idea: its view's `allowedActions`.
    pub enum IdeaCommand ("idea command") {
        /// Change its content (the submitter, while the call is open).
        Edit => "edit",
        /// Send the draft for screening (the submitter, while the call is open; the content is
        /// checked on submitting).
        Submit => "submit",
        /// Take it back (the submitter, while the call is open).
        Withdraw => "withdraw",
        /// Shortlist or reject it (staff).
        Screen => "screen",
        /// Put a screened idea back to submitted, before review starts (staff).
        ReopenScreening => "reopen_screening",
        /// Record a decision on it, pending until publication (staff): once a juror has submitted a review.
        Decide => "decide",
        /// Give it a reviewer (staff): it is shortlisted, in review or reviewed, and the call undecided.
        Assign => "assign",
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

/// The submitter's channel to the target city: what it is, how they would use it, how long it has lasted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Channel {
    pub kind: TieKind,
    pub description: String,
    pub years: i32,
}

/// A partner abroad: a person or an organisation the idea would work with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Partner {
    pub name: String,
    pub organisation: Option<String>,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: Option<String>,
}

/// What a submitter writes: a draft needs the title, domain and target city; submitting needs the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub domain: Domain,
    pub target_city_id: Uuid,
    pub channel: Option<Channel>,
    pub partners: Vec<Partner>,
    pub expected_outcomes: String,
    /// The submitter agrees that, once the idea is selected, the public sees its proposal documents.
    pub files_public: bool,
}

/// A change to an idea's content; `None` keeps what is there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContentChange {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub body: Option<String>,
    pub domain: Option<Domain>,
    pub target_city_id: Option<Uuid>,
    pub channel: Option<Channel>,
    pub partners: Option<Vec<Partner>>,
    pub expected_outcomes: Option<String>,
    pub files_public: Option<bool>,
}

impl Content {
    pub fn changed(self, change: ContentChange) -> Content {
        Content {
            title: change.title.unwrap_or(self.title),
            summary: change.summary.unwrap_or(self.summary),
            body: change.body.unwrap_or(self.body),
            domain: change.domain.unwrap_or(self.domain),
            target_city_id: change.target_city_id.unwrap_or(self.target_city_id),
            channel: change.channel.or(self.channel),
            partners: change.partners.unwrap_or(self.partners),
            expected_outcomes: change.expected_outcomes.unwrap_or(self.expected_outcomes),
            files_public: change.files_public.unwrap_or(self.files_public),
        }
    }

    /// The content as it is kept: texts trimmed, empty organisations dropped, countries upper case.
    pub fn tidied(self) -> Content {
        Content {
            title: self.title.trim().to_owned(),
            summary: self.summary.trim().to_owned(),
            body: self.body.trim().to_owned(),
            channel: self.channel.map(|c| Channel {
                description: c.description.trim().to_owned(),
                ..c
            }),
            partners: self
                .partners
                .into_iter()
                .map(|p| Partner {
                    name: p.name.trim().to_owned(),
                    organisation: p.organisation.map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()),
                    country: p
                        .country
                        .map(|c| crate::country::parse(&c).map_or_else(|| c.to_uppercase(), str::to_owned)),
                })
                .collect(),
            expected_outcomes: self.expected_outcomes.trim().to_owned(),
            ..self
        }
    }

    /// What submitting needs beyond a draft, as JSON pointers to the empty fields. A submitted idea
    /// must stay this complete when it is edited.
    pub fn missing_for_submission(&self) -> Vec<&'static str> {
        let filled = |text: &str| !text.trim().is_empty();
        let mut missing = Vec::new();
        if !filled(&self.summary) {
            missing.push("/summary");
        }
        if !filled(&self.body) {
            missing.push("/body");
        }
        match &self.channel {
            None => missing.push("/channel"),
            Some(channel) if !filled(&channel.description) => missing.push("/channel/description"),
            Some(_) => {}
        }
        if !filled(&self.expected_outcomes) {
            missing.push("/expectedOutcomes");
        }
        missing
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

    fn content() -> Content {
        Content {
            title: " A title ".into(),
            summary: String::new(),
            body: "body".into(),
            domain: Domain::Cultural,
            target_city_id: Uuid::nil(),
            channel: Some(Channel {
                kind: TieKind::Study,
                description: "  ".into(),
                years: 3,
            }),
            partners: vec![Partner {
                name: " Ann ".into(),
                organisation: Some(" ".into()),
                country: Some("de".into()),
            }],
            expected_outcomes: "more".into(),
            files_public: false,
        }
    }

    #[test]
    fn submitting_needs_every_text_and_a_described_channel() {
        assert_eq!(
            content().missing_for_submission(),
            vec!["/summary", "/channel/description"]
        );
        let none = Content {
            channel: None,
            ..content()
        };
        assert_eq!(none.missing_for_submission(), vec!["/summary", "/channel"]);
    }

    #[test]
    fn tidying_trims_and_canonicalises() {
        let tidy = content().tidied();
        assert_eq!(tidy.title, "A title");
        assert_eq!(tidy.partners[0].name, "Ann");
        assert_eq!(tidy.partners[0].organisation, None);
        assert_eq!(tidy.partners[0].country.as_deref(), Some("DE"));
    }

    #[test]
    fn a_change_keeps_what_it_leaves_out() {
        let changed = content().changed(ContentChange {
            summary: Some("now".into()),
            ..ContentChange::default()
        });
        assert_eq!(changed.summary, "now");
        assert_eq!(changed.body, "body");
    }
}
