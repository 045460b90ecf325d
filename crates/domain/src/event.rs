//! The history's vocabulary: what an event is about (its subject) and what it records (its kind).
//! Events are only ever added; each use case records its own in the transaction of its change.

use crate::idea::{IdeaAction, ScreeningDecision};
use crate::wire_enum;

wire_enum! {
    /// What an event is about.
    pub enum SubjectKind ("subject kind") {
        Call => "call",
        Idea => "idea",
        Account => "account",
        Profile => "profile",
        City => "city",
        Partnership => "partnership",
        Activity => "activity",
        Network => "network",
        Reviewer => "reviewer",
        ApiKey => "api_key",
        WebhookEndpoint => "webhook_endpoint",
    }
}

wire_enum! {
    /// What an event records.
    pub enum EventKind ("event kind") {
        Created => "created",
        Submitted => "submitted",
        Withdrawn => "withdrawn",
        Shortlisted => "shortlisted",
        Rejected => "rejected",
        ScreeningReopened => "screening_reopened",
        CallCreated => "call_created",
        CallUpdated => "call_updated",
        WindowMoved => "window_moved",
        ClosedEarly => "closed_early",
        /// A reviewer was given the idea (`to`: the reviewer's id).
        Assigned => "assigned",
        /// Staff took the idea from a reviewer (`from`: the reviewer's id).
        Unassigned => "unassigned",
        /// A conflict of interest was recorded (`to`: the reviewer's id); their assignment, if any, is declined.
        ConflictRecorded => "conflict_recorded",
        /// A reviewer submitted or resubmitted their review (`to`: the reviewer's id).
        ReviewSubmitted => "review_submitted",
        /// The first reviewer was assigned: shortlisted → in_review.
        ReviewStarted => "review_started",
        /// Every assigned review is in: in_review → reviewed.
        ReviewsComplete => "reviews_complete",
        /// A review is awaited again (a reviewer was added): reviewed → in_review.
        ReviewResumed => "review_resumed",
        /// No reviewer is left on the idea: back to shortlisted.
        ReturnedToShortlist => "returned_to_shortlist",
        /// Staff recorded a decision, pending until publication (`to`: the outcome).
        DecisionRecorded => "decision_recorded",
        /// The call's decisions were published: the idea is selected or not selected.
        DecisionPublished => "decision_published",
        /// Staff set or changed the call's rubric.
        RubricUpdated => "rubric_updated",
        /// Staff unlocked the call's rubric, with a reason, after reviews were submitted.
        RubricReopened => "rubric_reopened",
        /// Staff published the call's decisions.
        DecisionsPublished => "decisions_published",
        /// An account was made, by registering or by an admin.
        AccountCreated => "account_created",
        /// An admin changed an account's roles or whether it is active (`from`/`to`: the roles, or
        /// `active`/`inactive`).
        AccessChanged => "access_changed",
        /// A set-password link was issued for the account.
        PasswordLinkIssued => "password_link_issued",
        /// The account's password was set (through a link) or changed (by its owner).
        PasswordSet => "password_set",
        /// The owner confirmed the account's e-mail address through a mailed link.
        EmailVerified => "email_verified",
        /// The citizen changed their profile.
        ProfileUpdated => "profile_updated",
        /// A city was added to the register.
        CityAdded => "city_added",
        /// A city's entry was corrected.
        CityUpdated => "city_updated",
        /// A duplicate city entry was merged into this one (`from`: the duplicate's id).
        CitiesMerged => "cities_merged",
        /// A partnership with a city was recorded.
        PartnershipRecorded => "partnership_recorded",
        /// A partnership's details changed.
        PartnershipUpdated => "partnership_updated",
        /// A partnership moved to another state (`from`/`to`: the states).
        PartnershipStateChanged => "partnership_state_changed",
        /// An activity was added to the register.
        ActivityAdded => "activity_added",
        /// An activity's details changed.
        ActivityUpdated => "activity_updated",
        /// A city network was added.
        NetworkCreated => "network_created",
        /// A city network's details or members changed.
        NetworkUpdated => "network_updated",
        /// An account joined the jury.
        ReviewerAdded => "reviewer_added",
        /// A juror's profile, load or activity changed.
        ReviewerUpdated => "reviewer_updated",
        /// The account's owner confirmed a second factor.
        SecondFactorEnrolled => "second_factor_enrolled",
        /// The account's owner turned their second factor off.
        SecondFactorDisabled => "second_factor_disabled",
        /// An admin removed the account's second factor (a lost phone); its sessions ended.
        SecondFactorReset => "second_factor_reset",
        /// The account's owner replaced their recovery codes.
        RecoveryCodesRenewed => "recovery_codes_renewed",
        /// A recovery code was used to sign in (`to`: how many are left).
        RecoveryCodeUsed => "recovery_code_used",
        /// Staff downloaded a spreadsheet of the call (`to`: what and in which format, like `ideas.csv`).
        ExportDownloaded => "export_downloaded",
        /// An admin ended the account's sessions (`to`: how many).
        SessionsEnded => "sessions_ended",
        /// An admin issued an API key (`to`: its scopes).
        ApiKeyIssued => "api_key_issued",
        /// An admin revoked an API key.
        ApiKeyRevoked => "api_key_revoked",
        /// An admin registered a webhook endpoint (`to`: its URL).
        WebhookEndpointCreated => "webhook_endpoint_created",
        /// An admin changed a webhook endpoint (`to`: its URL), or switched it on or off.
        WebhookEndpointUpdated => "webhook_endpoint_updated",
        /// An admin removed a webhook endpoint (`from`: its URL).
        WebhookEndpointDeleted => "webhook_endpoint_deleted",
        /// An admin rotated a webhook endpoint's signing secret.
        WebhookSecretRotated => "webhook_secret_rotated",
        /// The platform switched a webhook endpoint off after a long run of failed deliveries.
        WebhookEndpointDisabled => "webhook_endpoint_disabled",
        /// A file was added to the subject (`to`: its kind and name).
        FileAdded => "file_added",
        /// A file of the subject was removed (`from`: its kind and name).
        FileRemoved => "file_removed",
    }
}

/// What the audit trail shows admins: the privileged actions and those on accounts' security.
pub const AUDITED: [EventKind; 18] = [
    EventKind::AccountCreated,
    EventKind::AccessChanged,
    EventKind::PasswordLinkIssued,
    EventKind::PasswordSet,
    EventKind::SecondFactorEnrolled,
    EventKind::SecondFactorDisabled,
    EventKind::SecondFactorReset,
    EventKind::RecoveryCodesRenewed,
    EventKind::RecoveryCodeUsed,
    EventKind::ExportDownloaded,
    EventKind::SessionsEnded,
    EventKind::ApiKeyIssued,
    EventKind::ApiKeyRevoked,
    EventKind::WebhookEndpointCreated,
    EventKind::WebhookEndpointUpdated,
    EventKind::WebhookEndpointDeleted,
    EventKind::WebhookSecretRotated,
    EventKind::WebhookEndpointDisabled,
];

impl EventKind {
    /// The event an idea action writes, if it changes the state.
    pub fn of_action(action: IdeaAction) -> Option<EventKind> {
        match action {
            IdeaAction::Edit => None,
            IdeaAction::Submit => Some(EventKind::Submitted),
            IdeaAction::Withdraw => Some(EventKind::Withdrawn),
            IdeaAction::Screen(ScreeningDecision::Shortlist) => Some(EventKind::Shortlisted),
            IdeaAction::Screen(ScreeningDecision::Reject) => Some(EventKind::Rejected),
            IdeaAction::ReopenScreening => Some(EventKind::ScreeningReopened),
        }
    }

    /// Whether the audit trail shows this kind.
    pub fn is_audited(self) -> bool {
        AUDITED.contains(&self)
    }

    /// Whether events of this kind move an idea from one state to another (and carry both states).
    pub fn moves_idea(self) -> bool {
        matches!(
            self,
            EventKind::Created
                | EventKind::Submitted
                | EventKind::Withdrawn
                | EventKind::Shortlisted
                | EventKind::Rejected
                | EventKind::ScreeningReopened
                | EventKind::ReviewStarted
                | EventKind::ReviewsComplete
                | EventKind::ReviewResumed
                | EventKind::ReturnedToShortlist
                | EventKind::DecisionPublished
        )
    }

    /// Whether an idea's submitter sees this event (without its actor or staff note): its changes of state,
    /// and the files added to it and removed from it.
    pub fn shown_to_submitter(self) -> bool {
        self.moves_idea() || matches!(self, EventKind::FileAdded | EventKind::FileRemoved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submitters_see_state_changes_only() {
        assert!(EventKind::Rejected.shown_to_submitter());
        assert!(!EventKind::WindowMoved.shown_to_submitter());
        assert!(EventKind::SecondFactorReset.is_audited());
        assert!(!EventKind::Submitted.is_audited());
        assert_eq!(EventKind::of_action(IdeaAction::Edit), None);
        assert_eq!(
            EventKind::of_action(IdeaAction::ReopenScreening),
            Some(EventKind::ScreeningReopened)
        );
    }
}
