//! Notices: what the platform tells a person because something happened (a use case) or because a day
//! came (a reminder, a digest). A notice is written in the transaction of its cause, holding only what its
//! reader may know, and then delivered: by e-mail through the outbox, and in the app's list.

use chrono::{DateTime, Days, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::account::Locale;
use crate::idea::ScreeningReason;
use crate::wire_enum;

wire_enum! {
    /// What a notice tells.
    pub enum NoticeKind ("notice kind") {
        /// The link that confirms a new account's e-mail address.
        VerifyEmail => "verify_email",
        /// The link that sets a new password, asked for by someone who forgot theirs.
        PasswordReset => "password_reset",
        /// The account's password was set or changed.
        PasswordChanged => "password_changed",
        /// The account's second factor was turned on or off, reset or given new recovery codes.
        SecondFactorChanged => "second_factor_changed",
        /// Staff put the account on the jury (with a set-password link when the account is new).
        ReviewerInvitation => "reviewer_invitation",
        /// The receipt of a submitted idea, with its content.
        IdeaReceived => "idea_received",
        /// The idea was shortlisted or rejected, with the reason meant for its submitter.
        IdeaScreened => "idea_screened",
        /// A call closes in three days and the citizen has a draft in it.
        DraftReminder => "draft_reminder",
        /// The call's decisions were published: the idea's outcome and the jury's comments for its submitter.
        DecisionPublished => "decision_published",
        /// Ideas were assigned to the reviewer.
        AssignmentsMade => "assignments_made",
        /// The call's review ends soon and the reviewer has reviews pending.
        ReviewReminder => "review_reminder",
        /// Staff's daily summary of a call until its decisions are published.
        CallDigest => "call_digest",
        /// A webhook endpoint was switched off after a long run of failed deliveries (to admins).
        WebhookDisabled => "webhook_disabled",
    }
}

impl NoticeKind {
    /// Account and security messages always go; every other kind its reader may turn off.
    pub fn essential(self) -> bool {
        matches!(
            self,
            NoticeKind::VerifyEmail
                | NoticeKind::PasswordReset
                | NoticeKind::PasswordChanged
                | NoticeKind::SecondFactorChanged
                | NoticeKind::ReviewerInvitation
        )
    }

    /// Whether the notice also appears in the app's list. A message that carries a one-time link
    /// is for the mailbox only.
    pub fn in_app(self) -> bool {
        !matches!(
            self,
            NoticeKind::VerifyEmail | NoticeKind::PasswordReset | NoticeKind::ReviewerInvitation
        )
    }

    /// The kinds a reader may turn off.
    pub fn optional() -> impl Iterator<Item = NoticeKind> {
        NoticeKind::ALL.iter().copied().filter(|kind| !kind.essential())
    }
}

/// A text in Persian and, when given, in English (a call's title).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub fa: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Bilingual {
    pub fn new((fa, en): (String, Option<String>)) -> Self {
        Bilingual { fa, en }
    }

    /// The text in `locale`, or the Persian one when there is no English.
    pub fn in_locale(&self, locale: Locale) -> &str {
        match (locale, &self.en) {
            (Locale::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.fa,
        }
    }
}

/// The call a notice is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallRef {
    pub id: Uuid,
    pub title: Bilingual,
}

/// An idea a notice names: its id and title, nothing of who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaRef {
    pub id: Uuid,
    pub title: String,
}

/// A copy of a submitted idea as its submitter sent it, for their receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaCopy {
    pub id: Uuid,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub expected_outcomes: String,
    /// The target city's name, in Persian and English.
    pub city: Bilingual,
    pub submitted_at: DateTime<Utc>,
}

wire_enum! {
    /// What changed of an account's second factor.
    pub enum SecondFactorChange ("second factor change") {
        Enabled => "enabled",
        Disabled => "disabled",
        /// An admin removed it.
        Reset => "reset",
        RecoveryCodesRenewed => "recovery_codes_renewed",
        /// A recovery code was used to sign in.
        RecoveryCodeUsed => "recovery_code_used",
    }
}

/// What a call's digest counts, as of its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DigestCounts {
    /// Ideas submitted in the 24 hours before the digest.
    pub new_submissions: u64,
    /// Submitted ideas that wait for screening.
    pub awaiting_screening: u64,
    pub reviews_submitted: u64,
    /// Assignments of the call (each one review expected).
    pub reviews_expected: u64,
    /// Ideas with a decision recorded, and ideas that wait for one.
    pub decided: u64,
    pub undecided: u64,
}

/// One notice, with exactly what its reader may know: no submitter for a juror, no staff note for a citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    VerifyEmail,
    PasswordReset,
    PasswordChanged,
    SecondFactorChanged {
        change: SecondFactorChange,
    },
    /// `new_account`: the account was made for the jury and the message carries its set-password link.
    ReviewerInvitation {
        new_account: bool,
    },
    IdeaReceived {
        call: CallRef,
        idea: IdeaCopy,
    },
    IdeaScreened {
        call: CallRef,
        idea: IdeaRef,
        shortlisted: bool,
        /// The reason of a rejection (the staff's note is not the submitter's to read).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<ScreeningReason>,
    },
    DraftReminder {
        call: CallRef,
        deadline: DateTime<Utc>,
        drafts: Vec<IdeaRef>,
    },
    DecisionPublished {
        call: CallRef,
        idea: IdeaRef,
        selected: bool,
        /// The reviewers' comments meant for the submitter.
        comments: Vec<String>,
    },
    AssignmentsMade {
        call: CallRef,
        ideas: Vec<IdeaRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<DateTime<Utc>>,
    },
    ReviewReminder {
        call: CallRef,
        due: DateTime<Utc>,
        pending: Vec<IdeaRef>,
    },
    CallDigest {
        call: CallRef,
        day: NaiveDate,
        counts: DigestCounts,
    },
    WebhookDisabled {
        endpoint_id: Uuid,
        url: String,
        failures: i32,
    },
}

impl Notice {
    pub fn kind(&self) -> NoticeKind {
        match self {
            Notice::VerifyEmail => NoticeKind::VerifyEmail,
            Notice::PasswordReset => NoticeKind::PasswordReset,
            Notice::PasswordChanged => NoticeKind::PasswordChanged,
            Notice::SecondFactorChanged { .. } => NoticeKind::SecondFactorChanged,
            Notice::ReviewerInvitation { .. } => NoticeKind::ReviewerInvitation,
            Notice::IdeaReceived { .. } => NoticeKind::IdeaReceived,
            Notice::IdeaScreened { .. } => NoticeKind::IdeaScreened,
            Notice::DraftReminder { .. } => NoticeKind::DraftReminder,
            Notice::DecisionPublished { .. } => NoticeKind::DecisionPublished,
            Notice::AssignmentsMade { .. } => NoticeKind::AssignmentsMade,
            Notice::ReviewReminder { .. } => NoticeKind::ReviewReminder,
            Notice::CallDigest { .. } => NoticeKind::CallDigest,
            Notice::WebhookDisabled { .. } => NoticeKind::WebhookDisabled,
        }
    }

    /// The call the notice is about, if any.
    pub fn call(&self) -> Option<&CallRef> {
        match self {
            Notice::IdeaReceived { call, .. }
            | Notice::IdeaScreened { call, .. }
            | Notice::DraftReminder { call, .. }
            | Notice::DecisionPublished { call, .. }
            | Notice::AssignmentsMade { call, .. }
            | Notice::ReviewReminder { call, .. }
            | Notice::CallDigest { call, .. } => Some(call),
            _ => None,
        }
    }

    /// The one idea the notice is about, if it is about one.
    pub fn idea(&self) -> Option<&IdeaRef> {
        match self {
            Notice::IdeaScreened { idea, .. } | Notice::DecisionPublished { idea, .. } => Some(idea),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Delivery

wire_enum! {
    /// Where an e-mail of the outbox is in its delivery.
    pub enum DeliveryState ("delivery state") {
        /// Waiting for its next attempt (the first, or a retry).
        Pending => "pending",
        Sent => "sent",
        /// Given up after the last attempt, or refused for good: an admin may retry it.
        Dead => "dead",
    }
}

/// How many times the dispatcher tries a message before it becomes a dead letter.
pub const MAX_ATTEMPTS: i32 = 8;

/// The wait after the `attempt`-th failed try (1-based): exponential from 30 seconds, at most 6 hours,
/// with "full jitter" (`jitter` in [0, 1) picks a point between half the step and the whole), so that
/// many messages failing together do not come back together.
pub fn retry_delay(attempt: i32, jitter: f64) -> TimeDelta {
    const FIRST_SECONDS: i64 = 30;
    const MAX_SECONDS: i64 = 6 * 60 * 60;
    let exponent = u32::try_from(attempt.clamp(1, 20) - 1).unwrap_or(0);
    let step = FIRST_SECONDS.saturating_mul(1_i64 << exponent).min(MAX_SECONDS);
    let jitter = jitter.clamp(0.0, 1.0);
    // Half the step always, the other half by chance: never instant, never longer than the step.
    let millis = (step as f64 * 1000.0 * (0.5 + jitter / 2.0)).round() as i64;
    TimeDelta::milliseconds(millis)
}

// ---------------------------------------------------------------------------------------------------
// Notices of the clock

/// Days before a call's deadline when citizens with a draft are reminded.
pub const DRAFT_REMINDER_DAYS_BEFORE: u64 = 3;

/// The day a draft reminder for a call closing on `deadline_day` is due, if its time has come by `today`
/// and the call is still open on `today`.
pub fn draft_reminder_day(today: NaiveDate, deadline_day: NaiveDate) -> Option<NaiveDate> {
    let day = deadline_day.checked_sub_days(Days::new(DRAFT_REMINDER_DAYS_BEFORE))?;
    (day <= today && today <= deadline_day).then_some(day)
}

/// The latest of the review reminders (so many days before the review's last day, `0` the last day
/// itself) whose day has come by `today`, while the review is still open. A server that was down on one
/// reminder's day sends only the latest one due, not each it missed.
pub fn review_reminder_day(today: NaiveDate, last_day: NaiveDate, days_before: &[u64]) -> Option<NaiveDate> {
    if today > last_day {
        return None;
    }
    days_before
        .iter()
        .filter_map(|days| last_day.checked_sub_days(Days::new(*days)))
        .filter(|day| *day <= today)
        .max()
}

/// The key under which a notice of the clock is written once: its kind, what it is about and its day.
/// Several processes or a restart may compute it again; the key lets only one write it.
pub fn schedule_key(kind: NoticeKind, subject: &str, day: NaiveDate) -> String {
    format!("{kind}:{subject}:{day}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn essential_kinds_are_the_account_messages_and_carry_the_links() {
        let essential: Vec<_> = NoticeKind::ALL.iter().filter(|k| k.essential()).collect();
        assert_eq!(essential.len(), 5);
        for kind in NoticeKind::ALL {
            if !kind.in_app() {
                assert!(kind.essential(), "{kind} carries a link, so it cannot be turned off");
            }
        }
        assert!(NoticeKind::optional().all(|k| !k.essential()));
    }

    #[test]
    fn a_notice_names_its_kind_on_the_wire() {
        let notice = Notice::IdeaScreened {
            call: CallRef {
                id: Uuid::nil(),
                title: Bilingual {
                    fa: "فراخوان".into(),
                    en: None,
                },
            },
            idea: IdeaRef {
                id: Uuid::nil(),
                title: "t".into(),
            },
            shortlisted: false,
            reason: Some(ScreeningReason::Duplicate),
        };
        let json = serde_json::to_value(&notice).expect("serialises");
        assert_eq!(json["kind"], notice.kind().as_str());
        assert_eq!(json["reason"], "duplicate");
        let back: Notice = serde_json::from_value(json).expect("reads back");
        assert_eq!(back, notice);
    }

    #[test]
    fn bilingual_text_falls_back_to_persian() {
        let text = Bilingual {
            fa: "خواهرخواندگی".into(),
            en: Some("  ".into()),
        };
        assert_eq!(text.in_locale(Locale::En), "خواهرخواندگی");
        let text = Bilingual {
            en: Some("Twinning".into()),
            ..text
        };
        assert_eq!(text.in_locale(Locale::En), "Twinning");
        assert_eq!(text.in_locale(Locale::Fa), "خواهرخواندگی");
    }

    #[test]
    fn retries_back_off_exponentially_within_their_jitter() {
        assert_eq!(retry_delay(1, 0.0), TimeDelta::seconds(15));
        assert_eq!(retry_delay(1, 1.0), TimeDelta::seconds(30));
        assert_eq!(retry_delay(3, 1.0), TimeDelta::seconds(120));
        assert_eq!(retry_delay(30, 1.0), TimeDelta::hours(6));
        for attempt in 1..MAX_ATTEMPTS {
            assert!(
                retry_delay(attempt + 1, 0.0) > retry_delay(attempt, 0.0)
                    || retry_delay(attempt, 1.0) == TimeDelta::hours(6)
            );
        }
    }

    #[test]
    fn a_draft_reminder_is_due_from_three_days_before_the_deadline_until_it() {
        let deadline = day("2026-12-20");
        assert_eq!(draft_reminder_day(day("2026-12-16"), deadline), None);
        assert_eq!(draft_reminder_day(day("2026-12-17"), deadline), Some(day("2026-12-17")));
        assert_eq!(draft_reminder_day(day("2026-12-19"), deadline), Some(day("2026-12-17")));
        assert_eq!(draft_reminder_day(day("2026-12-21"), deadline), None);
    }

    #[test]
    fn only_the_latest_review_reminder_due_is_sent() {
        let last = day("2026-12-20");
        let days = [7, 2, 0];
        assert_eq!(review_reminder_day(day("2026-12-12"), last, &days), None);
        assert_eq!(
            review_reminder_day(day("2026-12-13"), last, &days),
            Some(day("2026-12-13"))
        );
        assert_eq!(
            review_reminder_day(day("2026-12-17"), last, &days),
            Some(day("2026-12-13"))
        );
        assert_eq!(
            review_reminder_day(day("2026-12-19"), last, &days),
            Some(day("2026-12-18"))
        );
        assert_eq!(
            review_reminder_day(day("2026-12-20"), last, &days),
            Some(day("2026-12-20"))
        );
        assert_eq!(review_reminder_day(day("2026-12-21"), last, &days), None);
        assert_eq!(
            schedule_key(NoticeKind::ReviewReminder, "c:u", day("2026-12-20")),
            "review_reminder:c:u:2026-12-20"
        );
    }
}
