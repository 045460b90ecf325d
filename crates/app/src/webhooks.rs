//! Webhooks: admins register endpoints and read their delivery logs; use cases `emit` events in their own
//! transaction, one delivery per subscribed endpoint with the payload its scope may see; the server's
//! dispatcher takes due deliveries, and `record` logs each attempt, retries with backoff, and switches off an
//! endpoint after a long run of failures, telling the admins.

use chrono::{DateTime, TimeDelta, Utc};
use db::events::NewEvent;
use db::webhooks::{AttemptRecord, DeliveryFilter, Next};
use domain::event::{EventKind, SubjectKind};
use domain::notice::Bilingual;
use domain::notice::Notice;
use domain::roles::Role;
use domain::webhook::{
    CallClosedData, CallOpenedData, MAX_ATTEMPTS, PingData, SECRET_OVERLAP, WebhookCall, WebhookDeliveryState,
    WebhookDisabledBy, WebhookEvent, WebhookEventType, WebhookScope, retry_delay, should_disable,
};
use sea_orm::ConnectionTrait;
use uuid::Uuid;
use webhook::TargetPolicy;

use crate::accounts::{ensure_admin, privileged};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::{Actor, Db};

pub use db::webhooks::DeliveryFilter as Filter;
pub use db::webhooks::{Attempt, Delivery, Endpoint};

const MAX_DESCRIPTION: usize = 500;
const MAX_URL: usize = 2_000;

/// An endpoint as an admin registers it.
#[derive(Debug, Clone)]
pub struct EndpointRequest {
    pub url: String,
    pub description: Option<String>,
    pub event_types: Vec<WebhookEventType>,
    pub scope: WebhookScope,
}

/// What an admin changes of an endpoint; `enabled: true` switches a switched-off endpoint back on.
#[derive(Debug, Clone, Default)]
pub struct EndpointChange {
    pub url: Option<String>,
    pub description: Option<String>,
    pub event_types: Option<Vec<WebhookEventType>>,
    pub scope: Option<WebhookScope>,
    pub enabled: Option<bool>,
}

fn check_url(url: &str, policy: &TargetPolicy, errors: &mut Vec<FieldError>) -> String {
    let url = url.trim();
    if url.len() > MAX_URL {
        errors.push(FieldError::new(
            "/url",
            "length",
            format!("at most {MAX_URL} characters"),
        ));
        return url.to_owned();
    }
    match policy.check_url(url) {
        Ok(parsed) => parsed.to_string(),
        Err(err @ webhook::TargetError::NotAUrl) => {
            errors.push(FieldError::new("/url", "invalid_url", err.to_string()));
            url.to_owned()
        }
        Err(err) => {
            errors.push(FieldError::new("/url", "unsafe_target", err.to_string()));
            url.to_owned()
        }
    }
}

fn check_event_types(types: Vec<WebhookEventType>, errors: &mut Vec<FieldError>) -> Vec<WebhookEventType> {
    let mut types = types;
    types.sort();
    types.dedup();
    if types.is_empty() {
        errors.push(FieldError::new(
            "/eventTypes",
            "required",
            "subscribe to at least one event type",
        ));
    }
    if types.iter().any(|t| !t.subscribable()) {
        errors.push(FieldError::new(
            "/eventTypes",
            "not_subscribable",
            "webhook.ping is sent on request only",
        ));
    }
    types
}

fn check_description(description: Option<String>, errors: &mut Vec<FieldError>) -> String {
    let description = description.unwrap_or_default().trim().to_owned();
    if description.chars().count() > MAX_DESCRIPTION {
        errors.push(FieldError::new(
            "/description",
            "length",
            format!("at most {MAX_DESCRIPTION} characters"),
        ));
    }
    description
}

fn endpoint_event(endpoint: &Endpoint, kind: EventKind) -> NewEvent {
    NewEvent::new(SubjectKind::WebhookEndpoint, endpoint.id, kind)
}

/// Registers an endpoint (admin) with its first secret.
pub async fn create(
    db: &Db,
    actor: &Actor,
    request: EndpointRequest,
    policy: &TargetPolicy,
    secret: String,
    now: DateTime<Utc>,
) -> Result<Endpoint> {
    ensure_admin(actor)?;
    let mut errors = Vec::new();
    let url = check_url(&request.url, policy, &mut errors);
    let event_types = check_event_types(request.event_types, &mut errors);
    let description = check_description(request.description, &mut errors);
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    let txn = db::begin_write(db).await?;
    let endpoint = db::webhooks::insert_endpoint(
        &txn,
        db::webhooks::NewEndpoint {
            url,
            description,
            event_types,
            scope: request.scope,
            secret,
            created_by: Some(actor.user_id),
        },
        now,
    )
    .await?;
    let event = privileged(endpoint_event(&endpoint, EventKind::WebhookEndpointCreated), actor)
        .change(None::<String>, Some(&endpoint.url));
    db::events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(endpoint)
}

pub async fn list(db: &Db, actor: &Actor, limit: u64, offset: u64) -> Result<(Vec<Endpoint>, u64)> {
    ensure_admin(actor)?;
    Ok(db::webhooks::list_endpoints(db, limit, offset).await?)
}

pub async fn find(db: &Db, actor: &Actor, id: Uuid) -> Result<Endpoint> {
    ensure_admin(actor)?;
    db::webhooks::find_endpoint(db, id).await?.ok_or_else(Error::not_found)
}

/// Changes an endpoint (admin). Switching it back on clears its run of failures, so its waiting
/// deliveries go out again.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    change: EndpointChange,
    policy: &TargetPolicy,
    now: DateTime<Utc>,
) -> Result<Endpoint> {
    ensure_admin(actor)?;
    let mut errors = Vec::new();
    let url = change.url.map(|url| check_url(&url, policy, &mut errors));
    let event_types = change.event_types.map(|types| check_event_types(types, &mut errors));
    let description = change.description.map(|d| check_description(Some(d), &mut errors));
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    let txn = db::begin_write(db).await?;
    let mut endpoint = db::webhooks::find_endpoint(&txn, id)
        .await?
        .ok_or_else(Error::not_found)?;
    let before = endpoint.clone();
    if let Some(url) = url {
        endpoint.url = url;
    }
    if let Some(description) = description {
        endpoint.description = description;
    }
    if let Some(types) = event_types {
        endpoint.event_types = types.into();
    }
    if let Some(scope) = change.scope {
        endpoint.scope = scope.into();
    }
    match change.enabled {
        Some(true) if !endpoint.enabled => {
            endpoint.enabled = true;
            endpoint.disabled_at = None;
            endpoint.disabled_by = None;
            endpoint.failing_since = None;
            endpoint.consecutive_failures = 0;
        }
        Some(false) if endpoint.enabled => {
            endpoint.enabled = false;
            endpoint.disabled_at = Some(now);
            endpoint.disabled_by = Some(WebhookDisabledBy::Admin.into());
        }
        _ => {}
    }
    if endpoint == before {
        txn.commit().await?;
        return Ok(endpoint);
    }
    endpoint.updated_at = now;
    let endpoint = db::webhooks::save_endpoint(&txn, endpoint).await?;
    let event = privileged(endpoint_event(&endpoint, EventKind::WebhookEndpointUpdated), actor)
        .change(Some(&before.url), Some(&endpoint.url));
    db::events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(endpoint)
}

/// Removes an endpoint (admin) with its deliveries and their log; the history keeps that it was.
pub async fn delete(db: &Db, actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<()> {
    ensure_admin(actor)?;
    let txn = db::begin_write(db).await?;
    let endpoint = db::webhooks::find_endpoint(&txn, id)
        .await?
        .ok_or_else(Error::not_found)?;
    db::webhooks::delete_endpoint(&txn, id).await?;
    let event = privileged(endpoint_event(&endpoint, EventKind::WebhookEndpointDeleted), actor)
        .change(Some(&endpoint.url), None::<String>);
    db::events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Gives an endpoint a new secret (admin); the one it replaces keeps signing for `SECRET_OVERLAP`, so the
/// receiver can switch to the new one without refusing a message meanwhile.
pub async fn rotate_secret(db: &Db, actor: &Actor, id: Uuid, secret: String, now: DateTime<Utc>) -> Result<Endpoint> {
    ensure_admin(actor)?;
    let txn = db::begin_write(db).await?;
    let mut endpoint = db::webhooks::find_endpoint(&txn, id)
        .await?
        .ok_or_else(Error::not_found)?;
    endpoint.previous_secret = Some(std::mem::replace(&mut endpoint.secret, secret));
    endpoint.previous_secret_expires_at = Some(now + SECRET_OVERLAP);
    endpoint.updated_at = now;
    let endpoint = db::webhooks::save_endpoint(&txn, endpoint).await?;
    db::events::record(
        &txn,
        privileged(endpoint_event(&endpoint, EventKind::WebhookSecretRotated), actor),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(endpoint)
}

/// Queues a `webhook.ping` to the endpoint (admin), to try a receiver.
pub async fn ping(db: &Db, actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<Delivery> {
    ensure_admin(actor)?;
    let txn = db::begin_write(db).await?;
    let endpoint = db::webhooks::find_endpoint(&txn, id)
        .await?
        .ok_or_else(Error::not_found)?;
    if !endpoint.enabled {
        return Err(Error::new(
            ErrorCode::EndpointDisabled,
            "The endpoint is switched off: switch it on first, and its waiting messages go with the test.",
        ));
    }
    let event = WebhookEvent::Ping(PingData {
        endpoint_id: endpoint.id,
    });
    let body = event.body(*endpoint.scope, now);
    let delivery = db::webhooks::insert_delivery(&txn, endpoint.id, WebhookEventType::Ping, body, now).await?;
    txn.commit().await?;
    Ok(delivery)
}

/// One page of an endpoint's deliveries, newest first (admin).
pub async fn deliveries(
    db: &Db,
    actor: &Actor,
    endpoint_id: Uuid,
    filter: DeliveryFilter,
) -> Result<(Vec<Delivery>, u64)> {
    ensure_admin(actor)?;
    db::webhooks::find_endpoint(db, endpoint_id)
        .await?
        .ok_or_else(Error::not_found)?;
    Ok(db::webhooks::list_deliveries(db, endpoint_id, filter).await?)
}

/// A delivery and every attempt at it (admin).
pub async fn delivery(db: &Db, actor: &Actor, endpoint_id: Uuid, id: Uuid) -> Result<(Delivery, Vec<Attempt>)> {
    ensure_admin(actor)?;
    let delivery = db::webhooks::find_delivery(db, endpoint_id, id)
        .await?
        .ok_or_else(Error::not_found)?;
    let attempts = db::webhooks::attempts_of(db, id).await?;
    Ok((delivery, attempts))
}

/// Sends a delivered or failed message again (admin), with the same message id so a receiver that
/// got it before can tell; 409 while it is pending.
pub async fn redeliver(db: &Db, actor: &Actor, endpoint_id: Uuid, id: Uuid, now: DateTime<Utc>) -> Result<Delivery> {
    ensure_admin(actor)?;
    let txn = db::begin_write(db).await?;
    let delivery = db::webhooks::find_delivery(&txn, endpoint_id, id)
        .await?
        .ok_or_else(Error::not_found)?;
    if *delivery.state == WebhookDeliveryState::Pending || !db::webhooks::redeliver(&txn, id, now).await? {
        return Err(Error::new(
            ErrorCode::DeliveryPending,
            "This message is waiting for delivery already.",
        ));
    }
    let delivery = db::webhooks::find_delivery(&txn, endpoint_id, id)
        .await?
        .ok_or_else(Error::not_found)?;
    txn.commit().await?;
    Ok(delivery)
}

/// Inside a use case's transaction: one delivery of the event `build` makes to every enabled endpoint
/// subscribed to `event_type` and registered by `occurred_at`, each with the payload its scope may see.
/// The event is built only when someone listens.
pub(crate) async fn emit(
    db: &impl ConnectionTrait,
    event_type: WebhookEventType,
    occurred_at: DateTime<Utc>,
    now: DateTime<Utc>,
    build: impl AsyncFnOnce() -> Result<WebhookEvent>,
) -> Result<usize> {
    let endpoints: Vec<Endpoint> = db::webhooks::subscribers(db, event_type)
        .await?
        .into_iter()
        .filter(|endpoint| endpoint.created_at <= occurred_at)
        .collect();
    if endpoints.is_empty() {
        return Ok(0);
    }
    let event = build().await?;
    for endpoint in &endpoints {
        let body = event.body(*endpoint.scope, now);
        db::webhooks::insert_delivery(db, endpoint.id, event_type, body, now).await?;
    }
    Ok(endpoints.len())
}

/// A call as payloads name it.
pub(crate) fn call_of(call: &db::calls::Model) -> WebhookCall {
    WebhookCall {
        id: call.id,
        title: Bilingual {
            fa: call.title_fa.clone(),
            en: call.title_en.clone(),
        },
        opens_at: call.opens_at,
        closes_at: call.closes_at,
    }
}

pub(crate) async fn call_by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<WebhookCall> {
    let call = db::calls::find_by_id(db, id).await?.ok_or_else(Error::not_found)?;
    Ok(call_of(&call))
}

/// The key under which a call's opening or closing is sent once, by the clock or by staff closing early.
pub(crate) fn call_event_key(event_type: WebhookEventType, call_id: Uuid) -> String {
    format!("webhook:{event_type}:{call_id}")
}

/// The clock's events: each running call's opening and closing, once whichever process sees them first.
/// An endpoint gets them only if it was registered by the time they happened.
pub(crate) async fn call_events_due(db: &Db, calls: &[db::calls::Model], now: DateTime<Utc>) -> Result<usize> {
    let mut due = Vec::new();
    for call in calls {
        if call.opens_at <= now {
            due.push((WebhookEventType::CallOpened, call, call.opens_at));
        }
        if call.closes_at <= now {
            due.push((WebhookEventType::CallClosed, call, call.closes_at));
        }
    }
    let keys: Vec<String> = due.iter().map(|(t, call, _)| call_event_key(*t, call.id)).collect();
    let claimed = db::notices::claimed_schedule_keys(db, &keys).await?;
    let mut sent = 0;
    for (event_type, call, occurred_at) in due {
        let key = call_event_key(event_type, call.id);
        if claimed.contains(&key) {
            continue;
        }
        let txn = db::begin_write(db).await?;
        if !db::notices::claim_schedule_key(&txn, &key, now).await? {
            continue;
        }
        let data = call_of(call);
        sent += emit(&txn, event_type, occurred_at, now, async || {
            Ok(match event_type {
                WebhookEventType::CallOpened => WebhookEvent::CallOpened(CallOpenedData { call: data }),
                _ => WebhookEvent::CallClosed(CallClosedData {
                    call: data,
                    early: false,
                }),
            })
        })
        .await?;
        txn.commit().await?;
    }
    Ok(sent)
}

/// Takes up to `limit` due deliveries and holds them for `lease` (committed before anything is sent).
pub async fn claim(db: &Db, limit: u64, lease: TimeDelta, now: DateTime<Utc>) -> Result<Vec<(Delivery, Endpoint)>> {
    let txn = db::begin_write(db).await?;
    let claimed = db::webhooks::claim(&txn, limit, lease, now).await?;
    txn.commit().await?;
    Ok(claimed)
}

/// The secrets a delivery is signed with now: the current one, and the previous one while its overlap lasts.
pub fn signing_secrets(endpoint: &Endpoint, now: DateTime<Utc>) -> Vec<String> {
    let mut secrets = vec![endpoint.secret.clone()];
    if let (Some(previous), Some(until)) = (&endpoint.previous_secret, endpoint.previous_secret_expires_at)
        && until > now
    {
        secrets.push(previous.clone());
    }
    secrets
}

/// How one attempt went, as the dispatcher saw it.
#[derive(Debug, Clone)]
pub struct AttemptOutcome {
    pub attempted_at: DateTime<Utc>,
    /// The receiver's status, when it answered.
    pub status: Option<u16>,
    pub response_body: Option<String>,
    /// Why no answer came, or the answer was not a success.
    pub error: Option<String>,
    /// The target can never be reached as it is (a refused address): no retry.
    pub permanent: bool,
    pub duration_ms: i32,
}

impl AttemptOutcome {
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|status| (200..300).contains(&status))
    }
}

/// When a failing endpoint is switched off (settings; `domain::webhook` gives the defaults).
#[derive(Debug, Clone, Copy)]
pub struct DisableRule {
    pub after_failures: i32,
    pub after: TimeDelta,
}

/// Logs an attempt and moves its delivery on: delivered; or retried with backoff (`jitter` in [0, 1));
/// or failed after the last attempt or a permanent refusal. Then counts the endpoint's run of failures
/// and switches it off when the run is long enough, with an event and a notice to every admin.
pub async fn record(
    db: &Db,
    delivery: &Delivery,
    outcome: AttemptOutcome,
    jitter: f64,
    rule: DisableRule,
) -> Result<()> {
    let now = outcome.attempted_at;
    let succeeded = outcome.succeeded();
    let tried = delivery.attempts + 1;
    let next = if succeeded {
        Next::Delivered
    } else if !outcome.permanent && tried < MAX_ATTEMPTS {
        Next::RetryAt(now + retry_delay(tried, jitter))
    } else {
        Next::Failed
    };
    let txn = db::begin_write(db).await?;
    let attempt = AttemptRecord {
        attempted_at: now,
        status: outcome.status,
        error: outcome.error,
        response_body: outcome.response_body,
        duration_ms: outcome.duration_ms,
    };
    if !db::webhooks::record_attempt(&txn, delivery, attempt, next).await? {
        // Another process took it over after the lease ran out; it records its own attempt.
        txn.commit().await?;
        return Ok(());
    }
    let endpoint = db::webhooks::count_outcome(&txn, delivery.endpoint_id, succeeded, now).await?;
    if let Some(endpoint) = endpoint.filter(|e| {
        e.enabled
            && should_disable(
                e.consecutive_failures,
                e.failing_since,
                now,
                rule.after_failures,
                rule.after,
            )
    }) {
        switch_off(&txn, endpoint, now).await?;
    }
    txn.commit().await?;
    Ok(())
}

async fn switch_off(db: &impl ConnectionTrait, mut endpoint: Endpoint, now: DateTime<Utc>) -> Result<()> {
    let failures = endpoint.consecutive_failures;
    endpoint.enabled = false;
    endpoint.disabled_at = Some(now);
    endpoint.disabled_by = Some(WebhookDisabledBy::Platform.into());
    endpoint.updated_at = now;
    let endpoint = db::webhooks::save_endpoint(db, endpoint).await?;
    db::events::record(db, endpoint_event(&endpoint, EventKind::WebhookEndpointDisabled), now).await?;
    let admins = db::users::list(
        db,
        &db::users::UserFilter {
            role: Some(Role::Admin),
            active: Some(true),
            limit: 1_000,
            ..Default::default()
        },
    )
    .await?
    .0;
    for admin in admins {
        let notice = Notice::WebhookDisabled {
            endpoint_id: endpoint.id,
            url: endpoint.url.clone(),
            failures,
        };
        crate::notices::notify_user(db, &admin, notice, None, now).await?;
    }
    Ok(())
}
