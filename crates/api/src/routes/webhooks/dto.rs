use chrono::{DateTime, Utc};
use domain::webhook::{WebhookDeliveryState, WebhookDisabledBy, WebhookEventType, WebhookScope};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::notify::webhooks::message_id;
use crate::routes::page::{Limit, Offset};

/// An endpoint to register.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateWebhookRequest {
    /// Where deliveries go: https on a public address (http to loopback only where the server allows it
    /// for development).
    #[schema(example = "https://opendata.example.org/hooks/citizen-diplomat")]
    pub url: String,
    /// What it is for, for the admins who read the list.
    pub description: Option<String>,
    /// The events it receives (`webhook.ping` is sent on request only and cannot be subscribed to).
    pub event_types: Vec<WebhookEventType>,
    /// What the payloads may carry: what the public may read, or what staff may read.
    pub scope: WebhookScope,
}

/// What to change of an endpoint; `enabled: true` switches a switched-off endpoint back on.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateWebhookRequest {
    pub url: Option<String>,
    pub description: Option<String>,
    pub event_types: Option<Vec<WebhookEventType>>,
    pub scope: Option<WebhookScope>,
    pub enabled: Option<bool>,
}

impl UpdateWebhookRequest {
    pub fn into_change(self) -> app::webhooks::EndpointChange {
        app::webhooks::EndpointChange {
            url: self.url,
            description: self.description,
            event_types: self.event_types,
            scope: self.scope,
            enabled: self.enabled,
        }
    }
}

/// A webhook endpoint. Its secret is never shown again after it was made.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookEndpointView {
    pub id: Uuid,
    pub url: String,
    pub description: String,
    pub event_types: Vec<WebhookEventType>,
    pub scope: WebhookScope,
    pub enabled: bool,
    /// When it was switched off…
    pub disabled_at: Option<DateTime<Utc>>,
    /// …and by whom: an admin, or the platform after a long run of failures (`consecutiveFailures`).
    pub disabled_by: Option<WebhookDisabledBy>,
    /// The first failed attempt of the current run of failures.
    pub failing_since: Option<DateTime<Utc>>,
    pub consecutive_failures: i32,
    /// After a rotation, the previous secret keeps signing until then.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<app::webhooks::Endpoint> for WebhookEndpointView {
    fn from(endpoint: app::webhooks::Endpoint) -> Self {
        WebhookEndpointView {
            id: endpoint.id,
            url: endpoint.url,
            description: endpoint.description,
            event_types: endpoint.event_types.0,
            scope: *endpoint.scope,
            enabled: endpoint.enabled,
            disabled_at: endpoint.disabled_at,
            disabled_by: endpoint.disabled_by.map(|by| *by),
            failing_since: endpoint.failing_since,
            consecutive_failures: endpoint.consecutive_failures,
            previous_secret_expires_at: endpoint.previous_secret_expires_at,
            created_at: endpoint.created_at,
            updated_at: endpoint.updated_at,
        }
    }
}

/// An endpoint with its signing secret, shown this once (on registration and on rotation).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookEndpointCreated {
    pub endpoint: WebhookEndpointView,
    /// The Standard Webhooks secret (`whsec_` and base64): verify webhook-signature with it.
    pub secret: String,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DeliveriesQuery {
    /// Only deliveries in this state.
    pub state: Option<WebhookDeliveryState>,
    /// Only deliveries of this event type.
    pub event_type: Option<WebhookEventType>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// One message to one endpoint and how its delivery goes.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookDeliveryView {
    /// The message id, as sent in webhook-id (`msg_` and 32 hex digits); the same on every attempt.
    pub id: String,
    pub event_type: WebhookEventType,
    pub state: WebhookDeliveryState,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    /// The HTTP status of the last answer.
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
}

impl From<app::webhooks::Delivery> for WebhookDeliveryView {
    fn from(delivery: app::webhooks::Delivery) -> Self {
        WebhookDeliveryView {
            id: message_id(&delivery),
            event_type: *delivery.event_type,
            state: *delivery.state,
            attempts: delivery.attempts,
            next_attempt_at: delivery.next_attempt_at,
            last_status: delivery.last_status,
            last_error: delivery.last_error,
            created_at: delivery.created_at,
            delivered_at: delivery.delivered_at,
        }
    }
}

/// One attempt at a delivery.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookAttemptView {
    pub attempted_at: DateTime<Utc>,
    /// The receiver's status, or null when no answer came.
    pub status: Option<i32>,
    pub error: Option<String>,
    /// The start of the receiver's answer.
    pub response_body: Option<String>,
    pub duration_ms: i32,
}

/// A delivery with its body as sent and every attempt at it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookDeliveryDetail {
    #[serde(flatten)]
    pub delivery: WebhookDeliveryView,
    /// The JSON body exactly as it was signed.
    pub payload: serde_json::Value,
    pub attempt_log: Vec<WebhookAttemptView>,
}

impl From<(app::webhooks::Delivery, Vec<app::webhooks::Attempt>)> for WebhookDeliveryDetail {
    fn from((delivery, attempts): (app::webhooks::Delivery, Vec<app::webhooks::Attempt>)) -> Self {
        let payload = serde_json::from_str(&delivery.payload).unwrap_or(serde_json::Value::Null);
        WebhookDeliveryDetail {
            delivery: delivery.into(),
            payload,
            attempt_log: attempts
                .into_iter()
                .map(|attempt| WebhookAttemptView {
                    attempted_at: attempt.attempted_at,
                    status: attempt.status,
                    error: attempt.error,
                    response_body: attempt.response_body,
                    duration_ms: attempt.duration_ms,
                })
                .collect(),
        }
    }
}

/// A message id from a path: `msg_` and the delivery's id, or the bare id.
pub fn delivery_id(text: &str) -> Option<Uuid> {
    Uuid::parse_str(text.strip_prefix("msg_").unwrap_or(text)).ok()
}
