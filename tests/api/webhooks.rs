//! Webhooks against a real receiver on 127.0.0.1 (tests/api/receiver.rs): every event type delivered once
//! to each subscribed endpoint, signed so that an independent implementation of Standard Webhooks verifies
//! it, with what the endpoint's scope may see; retries, switching off a failing endpoint (and telling the
//! admins), redelivery, secret rotation with its overlap, and the targets refused before any connection.

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use domain::reviewer::Organisation;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::decisions::reviewed_call;
use crate::fixtures::{etag, id, open_call_body};
use crate::helpers::{TestApp, assert_problem, pointers, spawn_app_with};
use crate::ranking::{juror, submitted_review};
use crate::receiver::{Hook, Receiver};

/// Every event type an endpoint may subscribe to.
const ALL_TYPES: [&str; 7] = [
    "idea.submitted",
    "idea.screened",
    "decisions.published",
    "call.opened",
    "call.closed",
    "partnership.state_changed",
    "activity.recorded",
];

/// A server that delivers and runs its clock quickly.
async fn hooking_app(extra: &[&str]) -> TestApp {
    let mut flags = vec!["--outbox-poll-ms", "50", "--scheduler-interval-seconds", "1"];
    flags.extend_from_slice(extra);
    spawn_app_with(&flags).await
}

/// Registers an endpoint: (its view, its secret).
async fn register(app: &TestApp, admin: &str, url: &str, types: &[&str], scope: &str) -> (Value, String) {
    let body = json!({ "url": url, "description": "پورتال داده‌های باز", "eventTypes": types, "scope": scope });
    let response = app.post("/api/v1/admin/webhooks", Some(admin), body).await;
    assert_eq!(response.status(), 201, "registering {url}");
    let created: Value = response.json().await.expect("JSON");
    let secret = created["secret"].as_str().expect("a secret").to_owned();
    assert!(secret.starts_with("whsec_"), "{secret}");
    (created["endpoint"].clone(), secret)
}

async fn ping(app: &TestApp, admin: &str, endpoint: &str) -> Value {
    let response = app
        .post_empty(&format!("/api/v1/admin/webhooks/{endpoint}/ping"), Some(admin))
        .await;
    assert_eq!(response.status(), 202);
    response.json().await.expect("JSON")
}

/// Makes every pending delivery due now (instead of waiting for its backoff).
async fn make_due(app: &TestApp) {
    let now = chrono::Utc::now().to_rfc3339();
    let cast = if crate::helpers::on_postgres() {
        "TIMESTAMPTZ "
    } else {
        ""
    };
    let statement = format!("UPDATE webhook_deliveries SET next_attempt_at = {cast}'{now}' WHERE state = 'pending'");
    app.db().await.execute_unprepared(&statement).await.expect("due");
}

async fn endpoint_view(app: &TestApp, admin: &str, endpoint: &str) -> Value {
    app.json(
        app.get(&format!("/api/v1/admin/webhooks/{endpoint}"), Some(admin))
            .await,
    )
    .await
}

async fn deliveries(app: &TestApp, admin: &str, endpoint: &str) -> Vec<Value> {
    let page = app
        .json(
            app.get(
                &format!("/api/v1/admin/webhooks/{endpoint}/deliveries?limit=100"),
                Some(admin),
            )
            .await,
        )
        .await;
    page["items"].as_array().expect("items").clone()
}

/// The requests by event type.
fn by_type(hooks: &[Hook]) -> BTreeMap<String, Vec<Value>> {
    let mut grouped: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for hook in hooks {
        grouped.entry(hook.event_type()).or_default().push(hook.json());
    }
    grouped
}

#[tokio::test]
async fn each_event_reaches_each_subscriber_once_signed_and_cut_to_its_scope() {
    let app = hooking_app(&[]).await;
    let (admin, _) = app.admin().await;
    let staff = app.staff().await;
    let staff_side = Receiver::start().await;
    let public_side = Receiver::start().await;
    let (_, staff_secret) = register(&app, &admin, &staff_side.url("/hooks"), &ALL_TYPES, "staff").await;
    let (_, public_secret) = register(&app, &admin, &public_side.url("/hooks"), &ALL_TYPES, "public").await;
    // Listens to nothing of this: gets nothing.
    let (_, _) = register(
        &app,
        &admin,
        &Receiver::start().await.url("/quiet"),
        &["call.opened"],
        "staff",
    )
    .await;

    // Two ideas submitted, shortlisted, reviewed, decided and published. Their call opened and closed
    // before the endpoints were registered: those two events are not theirs.
    let jury = reviewed_call(&app, &staff, 2).await;
    let (third, _) = juror(&app, "third@example.org", Organisation::Other).await;
    let scores = [("impact", 10), ("feasibility", 10)];
    submitted_review(&app, &jury.id, &jury.ideas[1], third, &scores, None).await;
    for (idea, outcome) in [(&jury.ideas[0], "selected"), (&jury.ideas[1], "not_selected")] {
        let path = format!("/api/v1/ideas/{idea}/decision");
        let response = app.put(&path, Some(&staff), json!({ "outcome": outcome })).await;
        assert_eq!(response.status(), 200);
    }
    let publish = format!("/api/v1/calls/{}/decisions/publish", jury.id);
    assert_eq!(app.post_empty(&publish, Some(&staff)).await.status(), 200);

    // A call opening in two seconds: the clock sends its opening; staff then close it early.
    let mut body = open_call_body();
    body["opensAt"] = json!((chrono::Utc::now() + chrono::TimeDelta::seconds(2)).to_rfc3339());
    let call = id(&app.create_call(&staff, body).await);
    let opened = |hooks: &[Hook]| hooks.iter().any(|h| h.event_type() == "call.opened");
    let started = std::time::Instant::now();
    while !opened(&staff_side.received()) {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the clock never sent call.opened"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.close_call(&staff, &call).await;

    // The register: a partnership recorded, then changed; an activity.
    let city = id(&app.create_city(&staff, "بارسلونا", "Barcelona", "ES").await);
    let recorded = app
        .post(
            "/api/v1/partnerships",
            Some(&staff),
            json!({ "cityId": city, "kind": "sister_city", "state": "active", "reason": "امضای شهرداران" }),
        )
        .await;
    assert_eq!(recorded.status(), 201);
    let tag = etag(&recorded);
    let partnership = id(&recorded.json::<Value>().await.expect("JSON"));
    let changed = app
        .client
        .post(app.url(&format!("/api/v1/partnerships/{partnership}/state")))
        .bearer_auth(&staff)
        .header("If-Match", tag)
        .json(&json!({ "state": "dormant", "reason": "بدون برنامه مشترک" }))
        .send()
        .await
        .expect("sent");
    assert_eq!(changed.status(), 200);
    let activity = json!({ "occurredOn": "2026-01-15", "kind": "webinar", "direction": "joint",
        "title": { "fa": "وبینار شهرداران", "en": "Mayors' webinar" } });
    app.record_activity(&staff, &city, activity).await;

    // 2 submitted, 2 screened, 1 published, 1 opened, 1 closed, 2 partnership changes, 1 activity.
    let expected = [
        ("activity.recorded", 1),
        ("call.closed", 1),
        ("call.opened", 1),
        ("decisions.published", 1),
        ("idea.screened", 2),
        ("idea.submitted", 2),
        ("partnership.state_changed", 2),
    ];
    let total: usize = expected.iter().map(|(_, n)| n).sum();
    staff_side.wait_for(total).await;
    public_side.wait_for(total).await;
    // Time for a duplicate to arrive, if one were coming (the clock runs every second).
    tokio::time::sleep(Duration::from_secs(3)).await;

    for (side, secret, other_secret) in [
        (&staff_side, &staff_secret, &public_secret),
        (&public_side, &public_secret, &staff_secret),
    ] {
        let hooks = side.received();
        let counts: Vec<(String, usize)> = by_type(&hooks).into_iter().map(|(t, v)| (t, v.len())).collect();
        let expected: Vec<(String, usize)> = expected.iter().map(|(t, n)| ((*t).to_owned(), *n)).collect();
        assert_eq!(counts, expected, "each event once");
        let ids: HashSet<String> = hooks.iter().map(Hook::id).collect();
        assert_eq!(ids.len(), hooks.len(), "one message id per message");
        for hook in &hooks {
            assert!(
                hook.verifies_with(secret),
                "{} verifies with its endpoint's secret",
                hook.id()
            );
            assert!(!hook.verifies_with(other_secret), "and with no other");
            assert!(hook.id().starts_with("msg_"));
            assert_eq!(hook.header("content-type"), "application/json");
            assert_eq!(hook.path, "/hooks");
            let body = hook.json();
            assert!(body["timestamp"].is_string() && body["data"].is_object(), "{body}");
        }
    }

    let staff_events = by_type(&staff_side.received());
    let public_events = by_type(&public_side.received());
    // Staff endpoints learn which idea; the public never before publication, nor a screening's reason.
    for submitted in &staff_events["idea.submitted"] {
        assert!(submitted["data"]["idea"]["title"].is_string(), "{submitted}");
        assert_eq!(submitted["data"]["call"]["id"], jury.id.as_str());
    }
    for event in public_events["idea.submitted"]
        .iter()
        .chain(&public_events["idea.screened"])
    {
        assert!(event["data"].get("idea").is_none(), "{event}");
        assert!(event["data"].get("reason").is_none(), "{event}");
    }
    assert_eq!(public_events["idea.screened"][0]["data"]["outcome"], "shortlisted");
    // The selected ideas are public from publication on; the others only counted.
    let published = &public_events["decisions.published"][0]["data"];
    assert_eq!(published["selected"].as_array().map(Vec::len), Some(1));
    assert_eq!(published["selected"][0]["id"], jury.ideas[0].as_str());
    assert_eq!(published["notSelected"], 1);
    let closed = &public_events["call.closed"][0]["data"];
    assert_eq!(closed["call"]["id"], call.as_str());
    assert_eq!(closed["early"], true);
    assert_eq!(public_events["call.opened"][0]["data"]["call"]["id"], call.as_str());
    let changes: Vec<(Value, Value)> = public_events["partnership.state_changed"]
        .iter()
        .map(|e| (e["data"]["from"].clone(), e["data"]["to"].clone()))
        .collect();
    assert!(changes.contains(&(Value::Null, json!("active"))), "{changes:?}");
    assert!(changes.contains(&(json!("active"), json!("dormant"))), "{changes:?}");
    let activity = &public_events["activity.recorded"][0]["data"]["activity"];
    assert_eq!(activity["title"]["en"], "Mayors' webinar");
    assert_eq!(activity["cityId"], city.as_str());

    // The delivery log says the same.
    let endpoints = app.json(app.get("/api/v1/admin/webhooks", Some(&admin)).await).await;
    assert_eq!(endpoints["total"], 3);
}

#[tokio::test]
async fn a_failed_attempt_is_retried_with_the_same_message_id_and_logged() {
    let app = hooking_app(&[]).await;
    let (admin, _) = app.admin().await;
    let receiver = Receiver::start().await;
    let (endpoint, secret) = register(&app, &admin, &receiver.url("/"), &["call.opened"], "public").await;
    let endpoint = id(&endpoint);
    receiver.answer(503);
    let queued = ping(&app, &admin, &endpoint).await;
    let first = receiver.wait_for(1).await;
    assert_eq!(first[0].event_type(), "webhook.ping");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let listed = deliveries(&app, &admin, &endpoint).await;
    assert_eq!(listed[0]["state"], "pending");
    assert_eq!(listed[0]["attempts"], 1);
    assert_eq!(listed[0]["lastStatus"], 503);
    let next =
        chrono::DateTime::parse_from_rfc3339(listed[0]["nextAttemptAt"].as_str().expect("a time")).expect("RFC 3339");
    assert!(
        next > chrono::Utc::now() + chrono::TimeDelta::seconds(10),
        "backoff: {next}"
    );

    receiver.answer(200);
    make_due(&app).await;
    let both = receiver.wait_for(2).await;
    assert_eq!(both[0].id(), both[1].id(), "a retry is the same message");
    assert_eq!(both[1].id(), queued["id"].as_str().expect("id"));
    assert!(both[1].verifies_with(&secret));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let path = format!("/api/v1/admin/webhooks/{endpoint}/deliveries/{}", both[1].id());
    let detail = app.json(app.get(&path, Some(&admin)).await).await;
    assert_eq!(detail["state"], "delivered");
    assert_eq!(detail["attempts"], 2);
    assert_eq!(detail["payload"]["type"], "webhook.ping");
    let statuses: Vec<&Value> = detail["attemptLog"]
        .as_array()
        .expect("log")
        .iter()
        .map(|a| &a["status"])
        .collect();
    assert_eq!(statuses, [&json!(503), &json!(200)]);
    assert_eq!(detail["attemptLog"][0]["responseBody"], "received");
    // A success ends the run of failures.
    assert_eq!(endpoint_view(&app, &admin, &endpoint).await["consecutiveFailures"], 0);
}

#[tokio::test]
async fn a_long_run_of_failures_switches_the_endpoint_off_tells_the_admins_and_switching_it_on_resumes() {
    let app = hooking_app(&[
        "--webhook-disable-after-failures",
        "3",
        "--webhook-disable-after-hours",
        "0",
    ])
    .await;
    let (admin, _) = app.admin().await;
    let receiver = Receiver::start().await;
    let (endpoint, _) = register(&app, &admin, &receiver.url("/"), &["call.opened"], "staff").await;
    let endpoint = id(&endpoint);
    receiver.answer(500);
    for n in 1..=3 {
        ping(&app, &admin, &endpoint).await;
        receiver.wait_for(n).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let view = endpoint_view(&app, &admin, &endpoint).await;
    assert_eq!(view["enabled"], false, "{view}");
    assert_eq!(view["consecutiveFailures"], 3);
    assert_eq!(view["disabledBy"], "platform", "{view}");
    assert!(view["failingSince"].is_string());

    // The admin is told, in the app (and by e-mail, through the outbox).
    let notices = app.json(app.get("/api/v1/me/notifications", Some(&admin)).await).await;
    let told = notices["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|n| n["kind"] == "webhook_disabled");
    let told = told.unwrap_or_else(|| panic!("no webhook_disabled notice: {notices}"));
    assert_eq!(told["endpoint"]["id"], endpoint.as_str());
    assert_eq!(told["count"], 3);
    let audit = app
        .json(
            app.get("/api/v1/audit?kind=webhook_endpoint_disabled", Some(&admin))
                .await,
        )
        .await;
    assert_eq!(audit["total"], 1, "{audit}");

    // Switched off, nothing more goes out, even when due; a test waits for it to be switched on.
    let ping_path = format!("/api/v1/admin/webhooks/{endpoint}/ping");
    assert_problem(app.post_empty(&ping_path, Some(&admin)).await, 409, "endpoint_disabled").await;
    receiver.answer(200);
    make_due(&app).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(receiver.count(), 3);

    // Switched back on, the waiting deliveries go.
    let path = format!("/api/v1/admin/webhooks/{endpoint}");
    let on = app
        .json(app.patch(&path, Some(&admin), json!({ "enabled": true })).await)
        .await;
    assert_eq!(on["enabled"], true);
    assert_eq!(on["consecutiveFailures"], 0);
    assert!(on["disabledAt"].is_null());
    make_due(&app).await;
    receiver.wait_for(6).await;
}

#[tokio::test]
async fn an_admin_sends_a_message_again_with_its_id_and_a_fresh_signature() {
    let app = hooking_app(&[]).await;
    let (admin, _) = app.admin().await;
    let receiver = Receiver::start().await;
    let (endpoint, secret) = register(&app, &admin, &receiver.url("/"), &["call.closed"], "public").await;
    let endpoint = id(&endpoint);
    ping(&app, &admin, &endpoint).await;
    let first = receiver.wait_for(1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let redeliver = format!(
        "/api/v1/admin/webhooks/{endpoint}/deliveries/{}/redeliver",
        first[0].id()
    );
    let again = app.post_empty(&redeliver, Some(&admin)).await;
    assert_eq!(again.status(), 200);
    let twice = receiver.wait_for(2).await;
    assert_eq!(twice[1].id(), twice[0].id());
    assert_eq!(twice[1].body, twice[0].body, "the same message");
    assert!(twice[1].verifies_with(&secret));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let path = format!("/api/v1/admin/webhooks/{endpoint}/deliveries/{}", twice[1].id());
    let detail = app.json(app.get(&path, Some(&admin)).await).await;
    assert_eq!(detail["state"], "delivered");
    assert_eq!(detail["attemptLog"].as_array().map(Vec::len), Some(2));

    // Nobody else may, and a message of another endpoint is not found under this one.
    let staff = app.staff().await;
    assert_problem(app.post_empty(&redeliver, Some(&staff)).await, 403, "forbidden").await;
    let (other, _) = register(&app, &admin, &receiver.url("/other"), &["call.closed"], "public").await;
    let elsewhere = format!(
        "/api/v1/admin/webhooks/{}/deliveries/{}/redeliver",
        id(&other),
        first[0].id()
    );
    assert_problem(app.post_empty(&elsewhere, Some(&admin)).await, 404, "not_found").await;
}

#[tokio::test]
async fn after_a_rotation_both_secrets_sign_until_the_overlap_ends() {
    let app = hooking_app(&[]).await;
    let (admin, _) = app.admin().await;
    let receiver = Receiver::start().await;
    let (endpoint, old) = register(&app, &admin, &receiver.url("/"), &["call.closed"], "public").await;
    let endpoint = id(&endpoint);
    let rotated = app
        .post_empty(&format!("/api/v1/admin/webhooks/{endpoint}/secret"), Some(&admin))
        .await;
    assert_eq!(rotated.status(), 200);
    let rotated: Value = rotated.json().await.expect("JSON");
    let new = rotated["secret"].as_str().expect("a secret").to_owned();
    assert_ne!(new, old);
    let until = chrono::DateTime::parse_from_rfc3339(
        rotated["endpoint"]["previousSecretExpiresAt"]
            .as_str()
            .expect("an overlap"),
    )
    .expect("RFC 3339");
    assert!(until > chrono::Utc::now() + chrono::TimeDelta::hours(23));

    ping(&app, &admin, &endpoint).await;
    let during = receiver.wait_for(1).await;
    assert_eq!(during[0].header("webhook-signature").split(' ').count(), 2);
    assert!(during[0].verifies_with(&new), "the new secret verifies");
    assert!(during[0].verifies_with(&old), "the old one too, during the overlap");

    // Once the overlap is over, the old secret signs nothing.
    let past = (chrono::Utc::now() - chrono::TimeDelta::seconds(1)).to_rfc3339();
    let cast = if crate::helpers::on_postgres() {
        "TIMESTAMPTZ "
    } else {
        ""
    };
    app.db()
        .await
        .execute_unprepared(&format!(
            "UPDATE webhook_endpoints SET previous_secret_expires_at = {cast}'{past}'"
        ))
        .await
        .expect("overlap ended");
    ping(&app, &admin, &endpoint).await;
    let after = receiver.wait_for(2).await;
    assert_eq!(after[1].header("webhook-signature").split(' ').count(), 1);
    assert!(after[1].verifies_with(&new));
    assert!(!after[1].verifies_with(&old));
    let audit = app
        .json(app.get("/api/v1/audit?kind=webhook_secret_rotated", Some(&admin)).await)
        .await;
    assert_eq!(audit["total"], 1);
}

#[tokio::test]
async fn unsafe_targets_are_refused_before_any_connection() {
    // The production policy: https to public addresses only. Every refused target below is a literal
    // address or `localhost`: nothing is resolved or contacted.
    let app = spawn_app_with(&["--webhook-allow-loopback", "false"]).await;
    let (admin, _) = app.admin().await;
    for url in [
        "http://203.0.114.7/hook",
        "http://127.0.0.1:9/hook",
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://[::1]/hook",
        "https://10.0.0.1/hook",
        "https://172.16.5.4/hook",
        "https://192.168.1.10/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[fe80::1]/hook",
        "https://224.0.0.1/hook",
        "https://0.0.0.0/hook",
        "https://100.64.0.1/hook",
        "https://[::ffff:10.0.0.1]/hook",
        "https://[fd00:ec2::254]/hook",
        "https://user:secret@93.184.216.34/hook",
    ] {
        let body = json!({ "url": url, "eventTypes": ["call.opened"], "scope": "public" });
        let problem = assert_problem(
            app.post("/api/v1/admin/webhooks", Some(&admin), body).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(pointers(&problem), ["/url"], "{url}");
        assert_eq!(problem["errors"][0]["code"], "unsafe_target", "{url}: {problem}");
    }
    let body = json!({ "url": "not a url", "eventTypes": ["call.opened"], "scope": "public" });
    let problem = assert_problem(
        app.post("/api/v1/admin/webhooks", Some(&admin), body).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "invalid_url");
    let body = json!({ "url": "https://example.org/hook", "eventTypes": ["webhook.ping"], "scope": "public" });
    let problem = assert_problem(
        app.post("/api/v1/admin/webhooks", Some(&admin), body).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/eventTypes"]);

    // A public https target is accepted (and not contacted: nothing is subscribed to has happened).
    let (endpoint, _) = register(&app, &admin, "https://example.org/hook", &["call.opened"], "public").await;
    let path = format!("/api/v1/admin/webhooks/{}", id(&endpoint));
    let moved = app
        .patch(&path, Some(&admin), json!({ "url": "https://10.1.2.3/hook" }))
        .await;
    let problem = assert_problem(moved, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["code"], "unsafe_target");
    assert_eq!(
        endpoint_view(&app, &admin, &id(&endpoint)).await["url"],
        "https://example.org/hook"
    );
}

#[tokio::test]
async fn a_stored_target_that_became_unsafe_fails_at_once_without_traffic() {
    let app = hooking_app(&[]).await;
    let (admin, _) = app.admin().await;
    let receiver = Receiver::start().await;
    let (endpoint, _) = register(&app, &admin, &receiver.url("/"), &["call.opened"], "public").await;
    let endpoint = id(&endpoint);
    // As if the URL had been stored under another policy: the dispatcher checks again on every attempt.
    app.db()
        .await
        .execute_unprepared("UPDATE webhook_endpoints SET url = 'https://10.0.0.1/hook'")
        .await
        .expect("url moved");
    ping(&app, &admin, &endpoint).await;
    let started = std::time::Instant::now();
    let failed = loop {
        let listed = deliveries(&app, &admin, &endpoint).await;
        if listed[0]["state"] == "failed" {
            break listed[0].clone();
        }
        assert!(started.elapsed() < Duration::from_secs(10), "never failed: {listed:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(failed["attempts"], 1, "a refused address is not retried");
    assert!(failed["lastStatus"].is_null());
    let error = failed["lastError"].as_str().unwrap_or_default();
    assert!(error.contains("10.0.0.1") && error.contains("private"), "{error}");
    assert_eq!(receiver.count(), 0);
}

#[tokio::test]
async fn endpoints_are_admins_business_and_their_changes_are_audited() {
    let app = spawn_app_with(&[]).await;
    let (admin, _) = app.admin().await;
    let staff = app.staff().await;
    let body = json!({ "url": "https://example.org/hook", "eventTypes": ["call.opened"], "scope": "public" });
    assert_problem(
        app.post("/api/v1/admin/webhooks", Some(&staff), body).await,
        403,
        "forbidden",
    )
    .await;
    let (endpoint, _) = register(
        &app,
        &admin,
        "https://example.org/hook",
        &["call.opened", "call.opened"],
        "public",
    )
    .await;
    assert_eq!(endpoint["eventTypes"], json!(["call.opened"]));
    assert!(endpoint.get("secret").is_none());
    let path = format!("/api/v1/admin/webhooks/{}", id(&endpoint));
    let listed = app.json(app.get("/api/v1/admin/webhooks", Some(&admin)).await).await;
    assert!(!listed.to_string().contains("whsec_"), "a secret is never listed");
    let changed = app
        .patch(
            &path,
            Some(&admin),
            json!({ "eventTypes": ["call.closed", "activity.recorded"], "scope": "staff" }),
        )
        .await;
    let changed = app.json(changed).await;
    assert_eq!(changed["eventTypes"], json!(["call.closed", "activity.recorded"]));
    assert_eq!(changed["scope"], "staff");
    let deleted = app.delete(&path, Some(&admin)).await;
    assert_eq!(deleted.status(), 204);
    assert_problem(app.get(&path, Some(&admin)).await, 404, "not_found").await;
    let audit = app.json(app.get("/api/v1/audit?limit=100", Some(&admin)).await).await;
    let kinds: Vec<&str> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .filter(|k| k.starts_with("webhook_"))
        .collect();
    assert_eq!(
        kinds,
        [
            "webhook_endpoint_deleted",
            "webhook_endpoint_updated",
            "webhook_endpoint_created"
        ]
    );
}
