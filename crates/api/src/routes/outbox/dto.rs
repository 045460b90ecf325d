use chrono::{DateTime, Utc};
use domain::notice::{DeliveryState, NoticeKind};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::routes::page::{Limit, Offset};

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// Only messages in this state.
    pub state: Option<DeliveryState>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// Who a message is for.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OutboxRecipient {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
}

/// An e-mail of the outbox and how its delivery goes. Its content is not shown: it is its reader's.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OutboxEntryView {
    pub id: Uuid,
    pub kind: NoticeKind,
    /// Null when the account was deleted.
    pub recipient: Option<OutboxRecipient>,
    pub state: DeliveryState,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<app::outbox::Entry> for OutboxEntryView {
    fn from((message, recipient): app::outbox::Entry) -> Self {
        OutboxEntryView {
            id: message.id,
            kind: *message.kind,
            recipient: recipient.map(|user| OutboxRecipient {
                id: user.id,
                email: user.email,
                display_name: user.display_name,
            }),
            state: *message.state,
            attempts: message.attempts,
            next_attempt_at: message.next_attempt_at,
            last_error: message.last_error,
            created_at: message.created_at,
            sent_at: message.sent_at,
        }
    }
}
