//! Webhooks: the events integrators may subscribe to, what each payload carries for an endpoint's scope,
//! and the rules of delivery (retries, and when a failing endpoint is switched off).
//!
//! A payload is built once with everything staff may know and cut down for the endpoint's scope
//! (`WebhookEvent::for_scope`): a public endpoint learns only what the public may read — never an idea
//! before its publication, never a staff note — so what is sent follows the same rules as what is shown.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::activity::{ActivityDirection, ActivityKind};
use crate::idea::ScreeningReason;
use crate::notice::Bilingual;
use crate::partnership::{PartnershipKind, PartnershipState};
use crate::wire_enum;

wire_enum! {
    /// What happened, as the `type` of a webhook message.
    pub enum WebhookEventType ("webhook event type") {
        /// A citizen submitted an idea.
        #[serde(rename = "idea.submitted")]
        IdeaSubmitted => "idea.submitted",
        /// Staff screened an idea: shortlisted or rejected.
        #[serde(rename = "idea.screened")]
        IdeaScreened => "idea.screened",
        /// Staff published a call's decisions.
        #[serde(rename = "decisions.published")]
        DecisionsPublished => "decisions.published",
        /// A call opened (its opening time passed).
        #[serde(rename = "call.opened")]
        CallOpened => "call.opened",
        /// A call closed: its deadline passed, or staff closed it early.
        #[serde(rename = "call.closed")]
        CallClosed => "call.closed",
        /// A partnership was recorded or changed state.
        #[serde(rename = "partnership.state_changed")]
        PartnershipStateChanged => "partnership.state_changed",
        /// An activity with a foreign city was recorded.
        #[serde(rename = "activity.recorded")]
        ActivityRecorded => "activity.recorded",
        /// A test message an admin asked for; never subscribed to, sent only on request.
        #[serde(rename = "webhook.ping")]
        Ping => "webhook.ping",
    }
}

impl WebhookEventType {
    /// The types an endpoint may subscribe to.
    pub fn subscribable(self) -> bool {
        self != WebhookEventType::Ping
    }
}

wire_enum! {
    /// What an endpoint's payloads may carry.
    pub enum WebhookScope ("webhook scope") {
        /// Only what the public may read.
        Public => "public",
        /// What staff may read (never personal data beyond an idea's title and id).
        Staff => "staff",
    }
}

wire_enum! {
    /// Where one message to one endpoint stands.
    pub enum WebhookDeliveryState ("webhook delivery state") {
        /// Waiting for its first or next attempt.
        Pending => "pending",
        /// The endpoint answered 2xx.
        Delivered => "delivered",
        /// Every attempt failed, or the endpoint was switched off; an admin may send it again.
        Failed => "failed",
    }
}

wire_enum! {
    /// Who switched an endpoint off.
    pub enum WebhookDisabledBy ("webhook disabled by") {
        /// An admin.
        Admin => "admin",
        /// The platform, after a long run of failed deliveries.
        Platform => "platform",
    }
}

wire_enum! {
    /// How staff screened an idea.
    pub enum ScreeningOutcome ("screening outcome") {
        Shortlisted => "shortlisted",
        Rejected => "rejected",
    }
}

/// Attempts at one message before it is given up: immediately, then after 30 s, 1, 2, 4, 8 and 16 min,
/// 32 min and about an hour (with jitter), so a receiver down for a deploy misses nothing.
pub const MAX_ATTEMPTS: i32 = 9;

/// The pause before attempt `tried + 1`, `jitter` in [0, 1): 30 s doubling, at most 6 h, anywhere
/// between half and the whole step so that many endpoints' retries do not come back at once.
pub fn retry_delay(tried: i32, jitter: f64) -> TimeDelta {
    crate::notice::retry_delay(tried, jitter)
}

/// An endpoint is switched off when it has failed this many attempts in a row…
pub const DISABLE_AFTER_FAILURES: i32 = 20;
/// …over at least this long: a receiver down for an afternoon is not switched off, one gone for days is.
pub const DISABLE_AFTER: TimeDelta = TimeDelta::hours(24);

/// Whether an endpoint's run of failures is long enough to switch it off.
pub fn should_disable(
    consecutive_failures: i32,
    failing_since: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    after_failures: i32,
    after: TimeDelta,
) -> bool {
    consecutive_failures >= after_failures && failing_since.is_some_and(|since| now - since >= after)
}

/// How long the previous secret keeps signing after a rotation, so receivers can switch without a gap.
pub const SECRET_OVERLAP: TimeDelta = TimeDelta::hours(24);

/// A call as a payload names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct WebhookCall {
    pub id: Uuid,
    pub title: Bilingual,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

/// An idea as a payload names it: its id and title, never its submitter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct WebhookIdea {
    pub id: Uuid,
    pub title: String,
}

/// `idea.submitted`: the idea only for a staff endpoint (the public never sees an idea before publication).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct IdeaSubmittedData {
    pub call: WebhookCall,
    /// Staff endpoints only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idea: Option<WebhookIdea>,
}

/// `idea.screened`: the outcome for everyone; the idea and the reason for a staff endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct IdeaScreenedData {
    pub call: WebhookCall,
    pub outcome: ScreeningOutcome,
    /// Staff endpoints only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idea: Option<WebhookIdea>,
    /// Staff endpoints only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ScreeningReason>,
}

/// `decisions.published`: the selected ideas are public from this moment; the others only counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DecisionsPublishedData {
    pub call: WebhookCall,
    pub selected: Vec<WebhookIdea>,
    pub not_selected: u32,
}

/// `call.opened`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CallOpenedData {
    pub call: WebhookCall,
}

/// `call.closed`: `early` when staff closed it before its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CallClosedData {
    pub call: WebhookCall,
    pub early: bool,
}

/// A partnership as a payload names it (never its focal points).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct WebhookPartnership {
    pub id: Uuid,
    pub city_id: Uuid,
    pub city_name: Bilingual,
    pub kind: PartnershipKind,
}

/// `partnership.state_changed`: `from` is absent when the partnership was just recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PartnershipStateChangedData {
    pub partnership: WebhookPartnership,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartnershipState>,
    pub to: PartnershipState,
    /// Why, as staff wrote it (public, as in the partnership's history).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// An activity as a payload names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct WebhookActivity {
    pub id: Uuid,
    pub city_id: Uuid,
    pub city_name: Bilingual,
    pub occurred_on: NaiveDate,
    pub kind: ActivityKind,
    pub direction: ActivityDirection,
    pub title: Bilingual,
}

/// `activity.recorded`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ActivityRecordedData {
    pub activity: WebhookActivity,
}

/// `webhook.ping`: the endpoint it was sent to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PingData {
    pub endpoint_id: Uuid,
}

/// One event, with everything a staff endpoint may receive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebhookEvent {
    IdeaSubmitted(IdeaSubmittedData),
    IdeaScreened(IdeaScreenedData),
    DecisionsPublished(DecisionsPublishedData),
    CallOpened(CallOpenedData),
    CallClosed(CallClosedData),
    PartnershipStateChanged(PartnershipStateChangedData),
    ActivityRecorded(ActivityRecordedData),
    Ping(PingData),
}

/// The message as sent (the Standard Webhooks envelope): `{ "type", "timestamp", "data" }`.
#[derive(Debug, Clone, Serialize)]
struct Envelope<'a, T: Serialize> {
    #[serde(rename = "type")]
    event_type: WebhookEventType,
    timestamp: DateTime<Utc>,
    data: &'a T,
}

impl WebhookEvent {
    pub fn event_type(&self) -> WebhookEventType {
        match self {
            WebhookEvent::IdeaSubmitted(_) => WebhookEventType::IdeaSubmitted,
            WebhookEvent::IdeaScreened(_) => WebhookEventType::IdeaScreened,
            WebhookEvent::DecisionsPublished(_) => WebhookEventType::DecisionsPublished,
            WebhookEvent::CallOpened(_) => WebhookEventType::CallOpened,
            WebhookEvent::CallClosed(_) => WebhookEventType::CallClosed,
            WebhookEvent::PartnershipStateChanged(_) => WebhookEventType::PartnershipStateChanged,
            WebhookEvent::ActivityRecorded(_) => WebhookEventType::ActivityRecorded,
            WebhookEvent::Ping(_) => WebhookEventType::Ping,
        }
    }

    /// The event as an endpoint of `scope` may receive it.
    pub fn for_scope(&self, scope: WebhookScope) -> WebhookEvent {
        let mut event = self.clone();
        if scope == WebhookScope::Staff {
            return event;
        }
        match &mut event {
            WebhookEvent::IdeaSubmitted(data) => data.idea = None,
            WebhookEvent::IdeaScreened(data) => {
                data.idea = None;
                data.reason = None;
            }
            WebhookEvent::PartnershipStateChanged(_)
            | WebhookEvent::DecisionsPublished(_)
            | WebhookEvent::CallOpened(_)
            | WebhookEvent::CallClosed(_)
            | WebhookEvent::ActivityRecorded(_)
            | WebhookEvent::Ping(_) => {}
        }
        event
    }

    /// The body sent to an endpoint of `scope`, exactly as it is signed.
    pub fn body(&self, scope: WebhookScope, timestamp: DateTime<Utc>) -> String {
        let event = self.for_scope(scope);
        let event_type = event.event_type();
        match &event {
            WebhookEvent::IdeaSubmitted(data) => envelope(event_type, timestamp, data),
            WebhookEvent::IdeaScreened(data) => envelope(event_type, timestamp, data),
            WebhookEvent::DecisionsPublished(data) => envelope(event_type, timestamp, data),
            WebhookEvent::CallOpened(data) => envelope(event_type, timestamp, data),
            WebhookEvent::CallClosed(data) => envelope(event_type, timestamp, data),
            WebhookEvent::PartnershipStateChanged(data) => envelope(event_type, timestamp, data),
            WebhookEvent::ActivityRecorded(data) => envelope(event_type, timestamp, data),
            WebhookEvent::Ping(data) => envelope(event_type, timestamp, data),
        }
    }
}

fn envelope<T: Serialize>(event_type: WebhookEventType, timestamp: DateTime<Utc>, data: &T) -> String {
    let envelope = Envelope {
        event_type,
        timestamp,
        data,
    };
    // Plain structs of strings, numbers and dates: serialising them cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call() -> WebhookCall {
        WebhookCall {
            id: Uuid::nil(),
            title: Bilingual {
                fa: "فراخوان".into(),
                en: Some("Call".into()),
            },
            opens_at: DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
            closes_at: DateTime::from_timestamp(1_700_100_000, 0).unwrap_or_default(),
        }
    }

    fn idea() -> WebhookIdea {
        WebhookIdea {
            id: Uuid::nil(),
            title: "هفته فرهنگی".into(),
        }
    }

    #[test]
    fn a_public_endpoint_never_learns_an_idea_before_publication_nor_a_staff_reason() {
        let submitted = WebhookEvent::IdeaSubmitted(IdeaSubmittedData {
            call: call(),
            idea: Some(idea()),
        });
        let screened = WebhookEvent::IdeaScreened(IdeaScreenedData {
            call: call(),
            outcome: ScreeningOutcome::Rejected,
            idea: Some(idea()),
            reason: Some(ScreeningReason::OutOfScope),
        });
        let now = Utc::now();
        for event in [&submitted, &screened] {
            let public: serde_json::Value = serde_json::from_str(&event.body(WebhookScope::Public, now)).expect("JSON");
            assert!(public["data"].get("idea").is_none(), "{public}");
            assert!(public["data"].get("reason").is_none(), "{public}");
            let staff: serde_json::Value = serde_json::from_str(&event.body(WebhookScope::Staff, now)).expect("JSON");
            assert_eq!(staff["data"]["idea"]["title"], "هفته فرهنگی");
        }
    }

    #[test]
    fn the_body_is_the_standard_webhooks_envelope() {
        let at = DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default();
        let body = WebhookEvent::CallClosed(CallClosedData {
            call: call(),
            early: true,
        })
        .body(WebhookScope::Public, at);
        let value: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(value["type"], "call.closed");
        assert_eq!(value["timestamp"], "2023-11-14T22:13:20Z");
        assert_eq!(value["data"]["early"], true);
        assert_eq!(value["data"]["call"]["title"]["en"], "Call");
    }

    #[test]
    fn an_endpoint_is_switched_off_only_after_a_long_run_of_failures() {
        let now = Utc::now();
        let day = TimeDelta::hours(24);
        assert!(!should_disable(19, Some(now - day * 3), now, 20, day));
        assert!(!should_disable(50, Some(now - TimeDelta::hours(23)), now, 20, day));
        assert!(!should_disable(50, None, now, 20, day));
        assert!(should_disable(20, Some(now - day), now, 20, day));
    }

    #[test]
    fn ping_cannot_be_subscribed_to() {
        let subscribable: Vec<_> = WebhookEventType::ALL.iter().filter(|t| t.subscribable()).collect();
        assert_eq!(subscribable.len(), 7);
        assert_eq!(
            serde_json::to_value(WebhookEventType::PartnershipStateChanged).expect("JSON"),
            "partnership.state_changed"
        );
    }
}
