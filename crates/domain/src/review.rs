//! Reviews and what follows them: an assignment's state, a reviewer's recommendation, staff's decision,
//! and the state an idea under review is in, given its assignments.

use crate::event::EventKind;
use crate::idea::IdeaState;
use crate::wire_enum;

wire_enum! {
    /// Where one reviewer's assignment to one idea stands.
    pub enum AssignmentState ("assignment state") {
        /// Assigned; the review is not submitted yet (it may be a draft).
        Pending => "pending",
        Submitted => "submitted",
        /// The reviewer declared a conflict of interest, or staff entered one: the assignment no longer counts.
        Declined => "declined",
    }
}

wire_enum! {
    /// What a reviewer recommends for the idea, beside the scores.
    pub enum Recommendation ("recommendation") {
        Select => "select",
        Discuss => "discuss",
        DoNotSelect => "do_not_select",
    }
}

wire_enum! {
    /// Staff's decision on a reviewed idea; it takes effect when the call's decisions are published.
    pub enum DecisionOutcome ("decision outcome") {
        Selected => "selected",
        NotSelected => "not_selected",
    }
}

wire_enum! {
    /// Who entered a conflict of interest.
    pub enum ConflictSource ("conflict source") {
        /// The reviewer declared it.
        Reviewer => "reviewer",
        /// Staff entered it.
        Staff => "staff",
    }
}

wire_enum! {
    /// What a reviewer may do next with their review of an idea (`allowedActions`).
    pub enum ReviewAction ("review action") {
        /// Save a draft: the review window has not closed, the call is not decided, the rubric is set and the
        /// review is not submitted yet.
        Save => "save",
        /// Submit (or submit again): the review window is open, the call is not decided and the rubric is set.
        Submit => "submit",
        /// Declare a conflict of interest with the idea, which takes it off their list.
        DeclareConflict => "declare_conflict",
        /// Read the other reviewers' submitted reviews: their own is submitted.
        ReadOthers => "read_others",
    }
}

wire_enum! {
    /// What staff may do next with an assignment, as its view lists it (`allowedActions`).
    pub enum AssignmentAction ("assignment action") {
        /// Take the idea back from the reviewer: the review is not submitted and the call is not decided.
        Unassign => "unassign",
    }
}

impl AssignmentAction {
    /// What staff may do with an assignment in `state` of a call whose decisions are or are not published.
    pub fn allowed(state: AssignmentState, decisions_published: bool) -> Vec<AssignmentAction> {
        match state {
            AssignmentState::Pending if !decisions_published => vec![AssignmentAction::Unassign],
            _ => vec![],
        }
    }
}

impl DecisionOutcome {
    /// The state the idea takes when the decision is published.
    pub fn state(self) -> IdeaState {
        match self {
            DecisionOutcome::Selected => IdeaState::Selected,
            DecisionOutcome::NotSelected => IdeaState::NotSelected,
        }
    }
}

/// The states in which an idea is with the jury: assignments change it among these, and staff may decide on
/// the last two.
pub const UNDER_REVIEW: [IdeaState; 3] = [IdeaState::Shortlisted, IdeaState::InReview, IdeaState::Reviewed];

/// The states staff may record a decision in.
pub const DECIDABLE: [IdeaState; 2] = [IdeaState::InReview, IdeaState::Reviewed];

/// Whether staff may record a decision on an idea in `state` of a call whose decisions are or are not
/// published (they are final once published).
pub fn decidable(state: IdeaState, decisions_published: bool) -> bool {
    DECIDABLE.contains(&state) && !decisions_published
}

/// Whether staff may decide on an idea now: `decidable`, and at least one juror has submitted a review of it
/// (one that counts: its assignment not declined). An idea in review may have none yet, and a decision needs a
/// review to rest on.
pub fn may_decide(state: IdeaState, decisions_published: bool, has_submitted_review: bool) -> bool {
    decidable(state, decisions_published) && has_submitted_review
}

/// The state of an idea with the jury, from its assignments that count (not declined): none, shortlisted;
/// some reviews still to come, in review; all submitted, reviewed.
pub fn review_state(active_assignments: usize, submitted: usize) -> IdeaState {
    if active_assignments == 0 {
        IdeaState::Shortlisted
    } else if submitted >= active_assignments {
        IdeaState::Reviewed
    } else {
        IdeaState::InReview
    }
}

/// The event that records an idea with the jury moving from `from` to `to` as its assignments change.
pub fn review_state_event(from: IdeaState, to: IdeaState) -> Option<EventKind> {
    use IdeaState::*;
    match (from, to) {
        (Shortlisted, InReview) => Some(EventKind::ReviewStarted),
        (Shortlisted | InReview, Reviewed) => Some(EventKind::ReviewsComplete),
        (Reviewed, InReview) => Some(EventKind::ReviewResumed),
        (InReview | Reviewed, Shortlisted) => Some(EventKind::ReturnedToShortlist),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_idea_is_decided_on_with_the_jury_once_a_review_is_submitted_and_until_publication() {
        for state in IdeaState::ALL.iter().copied() {
            let with_jury = DECIDABLE.contains(&state);
            assert_eq!(may_decide(state, false, true), with_jury, "{state}");
            assert!(!may_decide(state, false, false), "{state} without a submitted review");
            assert!(!may_decide(state, true, true), "{state} after publication");
        }
    }

    #[test]
    fn only_a_pending_assignment_of_an_undecided_call_may_be_taken_back() {
        assert_eq!(
            AssignmentAction::allowed(AssignmentState::Pending, false),
            vec![AssignmentAction::Unassign]
        );
        assert_eq!(AssignmentAction::allowed(AssignmentState::Pending, true), vec![]);
        assert_eq!(AssignmentAction::allowed(AssignmentState::Submitted, false), vec![]);
        assert_eq!(AssignmentAction::allowed(AssignmentState::Declined, false), vec![]);
    }

    #[test]
    fn the_state_follows_the_assignments() {
        assert_eq!(review_state(0, 0), IdeaState::Shortlisted);
        assert_eq!(review_state(1, 0), IdeaState::InReview);
        assert_eq!(review_state(3, 2), IdeaState::InReview);
        assert_eq!(review_state(3, 3), IdeaState::Reviewed);
    }

    #[test]
    fn each_change_of_review_state_has_its_event() {
        use IdeaState::*;
        assert_eq!(
            review_state_event(Shortlisted, InReview),
            Some(EventKind::ReviewStarted)
        );
        assert_eq!(review_state_event(InReview, Reviewed), Some(EventKind::ReviewsComplete));
        assert_eq!(review_state_event(Reviewed, InReview), Some(EventKind::ReviewResumed));
        assert_eq!(
            review_state_event(InReview, Shortlisted),
            Some(EventKind::ReturnedToShortlist)
        );
        assert_eq!(review_state_event(InReview, InReview), None);
    }

    #[test]
    fn a_published_decision_is_the_final_state() {
        assert_eq!(DecisionOutcome::Selected.state(), IdeaState::Selected);
        assert_eq!(DecisionOutcome::NotSelected.state(), IdeaState::NotSelected);
    }
}
