//! What the audit endpoint reads and answers.

use chrono::{DateTime, Utc};
use domain::event::{EventKind, SubjectKind};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::routes::page::{Limit, Offset};

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only what this account did.
    pub actor: Option<Uuid>,
    /// Only what was done to this subject (an account, a call…).
    pub subject: Option<Uuid>,
    /// Only entries of this kind: one of account_created, access_changed, password_link_issued,
    /// password_set, second_factor_enrolled, second_factor_disabled, second_factor_reset,
    /// recovery_codes_renewed, recovery_code_used, export_downloaded, sessions_ended.
    pub kind: Option<EventKind>,
    /// From this moment on: RFC 3339, or a day (its start in the office's time zone).
    #[validate(length(max = 40))]
    #[param(max_length = 40, example = "2026-12-01")]
    pub since: Option<String>,
    /// Up to this moment: RFC 3339, or a day (its end in the office's time zone).
    #[validate(length(max = 40))]
    #[param(max_length = 40, example = "2026-12-31")]
    pub until: Option<String>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// One privileged action: who did what to which subject, when, and from which address.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntryView {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub kind: EventKind,
    /// Null for the system.
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub subject_type: SubjectKind,
    pub subject_id: Uuid,
    /// The account's name, when the subject is an account.
    pub subject_name: Option<String>,
    /// What changed, where the kind says (roles, active/inactive, the file exported, how many sessions).
    pub from: Option<String>,
    pub to: Option<String>,
    /// The address the action's request came from.
    pub address: Option<String>,
}

impl From<app::audit::Entry> for AuditEntryView {
    fn from(entry: app::audit::Entry) -> Self {
        let event = entry.event;
        AuditEntryView {
            id: event.id,
            at: event.created_at,
            kind: *event.kind,
            actor_id: event.actor_id,
            actor_name: entry.actor_name,
            subject_type: *event.subject_type,
            subject_id: event.subject_id,
            subject_name: entry.subject_name,
            from: event.from_value,
            to: event.to_value,
            address: event.client_address,
        }
    }
}
