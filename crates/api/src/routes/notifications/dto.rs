use chrono::{DateTime, NaiveDate, Utc};
use domain::idea::ScreeningReason;
use domain::notice::{Notice, NoticeKind, SecondFactorChange};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::routes::page::{Limit, Offset};
use crate::routes::text::ShortText;

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NotificationsQuery {
    /// Only the notices not read yet.
    pub unread: Option<bool>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// The call a notice is about.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NoticeCall {
    pub id: Uuid,
    pub title: ShortText,
}

/// The idea a notice is about: its id and title, never who wrote it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NoticeIdea {
    pub id: Uuid,
    pub title: String,
}

/// A notice in your list: its kind and the few facts a sentence about it needs.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationView {
    pub id: Uuid,
    pub kind: NoticeKind,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call: Option<NoticeCall>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idea: Option<NoticeIdea>,
    /// idea_screened: shortlisted, or rejected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortlisted: Option<bool>,
    /// idea_screened: a rejection's reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<ScreeningReason>,
    /// decision_published: selected, or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selected: Option<bool>,
    /// How many: ideas assigned (assignments_made), reviews pending (review_reminder), drafts
    /// (draft_reminder), new submissions (call_digest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// The call's deadline (draft_reminder) or the end of its review (assignments_made, review_reminder).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<DateTime<Utc>>,
    /// call_digest: its day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<NaiveDate>,
    /// second_factor_changed: what changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<SecondFactorChange>,
    /// webhook_disabled: the endpoint switched off (`count`: its failed attempts in a row).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<NoticeEndpoint>,
}

/// A webhook endpoint a notice is about.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NoticeEndpoint {
    pub id: Uuid,
    pub url: String,
}

impl From<app::notices::StoredNotice> for NotificationView {
    fn from(stored: app::notices::StoredNotice) -> Self {
        let notice = &stored.payload.0;
        let mut view = NotificationView {
            id: stored.id,
            kind: *stored.kind,
            created_at: stored.created_at,
            read_at: stored.read_at,
            call: notice.call().map(|call| NoticeCall {
                id: call.id,
                title: ShortText::from_parts(call.title.fa.clone(), call.title.en.clone()),
            }),
            idea: notice.idea().map(|idea| NoticeIdea {
                id: idea.id,
                title: idea.title.clone(),
            }),
            shortlisted: None,
            reason: None,
            selected: None,
            count: None,
            due: None,
            day: None,
            change: None,
            endpoint: None,
        };
        match notice {
            Notice::IdeaReceived { idea, .. } => {
                view.idea = Some(NoticeIdea {
                    id: idea.id,
                    title: idea.title.clone(),
                })
            }
            Notice::IdeaScreened {
                shortlisted, reason, ..
            } => {
                view.shortlisted = Some(*shortlisted);
                view.reason = *reason;
            }
            Notice::DecisionPublished { selected, .. } => view.selected = Some(*selected),
            Notice::DraftReminder { deadline, drafts, .. } => {
                view.due = Some(*deadline);
                view.count = Some(drafts.len() as u64);
            }
            Notice::AssignmentsMade { ideas, due, .. } => {
                view.count = Some(ideas.len() as u64);
                view.due = *due;
            }
            Notice::ReviewReminder { due, pending, .. } => {
                view.due = Some(*due);
                view.count = Some(pending.len() as u64);
            }
            Notice::CallDigest { day, counts, .. } => {
                view.day = Some(*day);
                view.count = Some(counts.new_submissions);
            }
            Notice::SecondFactorChanged { change } => view.change = Some(*change),
            Notice::WebhookDisabled {
                endpoint_id,
                url,
                failures,
            } => {
                view.endpoint = Some(NoticeEndpoint {
                    id: *endpoint_id,
                    url: url.clone(),
                });
                view.count = Some(u64::try_from(*failures).unwrap_or(0));
            }
            Notice::VerifyEmail
            | Notice::PasswordReset
            | Notice::PasswordChanged
            | Notice::ReviewerInvitation { .. } => {}
        }
        view
    }
}

/// Whether one kind of notice is mailed to you.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationPreference {
    pub kind: NoticeKind,
    pub email: bool,
    /// Account and security messages always go: they cannot be turned off.
    pub essential: bool,
}

/// Every kind of notice and whether you receive it by e-mail.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationPreferences {
    pub kinds: Vec<NotificationPreference>,
}

impl NotificationPreferences {
    pub fn new(preferences: Vec<app::notices::Preference>) -> Self {
        NotificationPreferences {
            kinds: preferences
                .into_iter()
                .map(|p| NotificationPreference {
                    kind: p.kind,
                    email: p.email,
                    essential: p.essential,
                })
                .collect(),
        }
    }
}

/// The complete set of kinds whose e-mail you turn off (the others are on).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotificationPreferencesChange {
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub email_off: Vec<NoticeKind>,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UnsubscribeQuery {
    /// The token of the message's unsubscribe link.
    #[validate(length(min = 1, max = 200))]
    #[param(min_length = 1, max_length = 200)]
    pub token: String,
}

/// The kind of message an unsubscribe link turns off.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnsubscribeView {
    pub kind: NoticeKind,
}
