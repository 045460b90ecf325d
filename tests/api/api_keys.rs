//! API keys: issued by admins and shown once, stored hashed, sent as a bearer credential; each scope opens
//! what it names and nothing else (tests/api/role_matrix.rs tries every operation with each), expiry and
//! revocation end a key at once, a key is held to its requests per minute, and what it changes is recorded
//! under its own service account.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::fixtures::{id, open_call_body};
use crate::helpers::{PASSWORD, TestApp, assert_problem, pointers, spawn_app};

/// Issues a key: (its view, the key itself).
async fn issue(app: &TestApp, admin: &str, body: Value) -> (Value, String) {
    let response = app.post("/api/v1/admin/api-keys", Some(admin), body).await;
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.expect("JSON");
    let token = created["token"].as_str().expect("the key").to_owned();
    (created["key"].clone(), token)
}

async fn status(app: &TestApp, path: &str, key: &str) -> u16 {
    app.get(path, Some(key)).await.status().as_u16()
}

#[tokio::test]
async fn a_key_is_shown_once_kept_as_a_hash_and_reads_what_its_scope_opens() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let staff = app.staff().await;
    let call = id(&app.create_open_call(&staff).await);
    let (key, token) = issue(
        &app,
        &admin,
        json!({ "name": "پورتال داده‌های باز", "scopes": ["public_read"] }),
    )
    .await;
    assert!(token.starts_with("cdk_") && token.len() > 40, "{token}");
    assert_eq!(key["prefix"].as_str(), Some(&token[..12]));
    assert_eq!(key["status"], "active");
    assert_eq!(key["rateLimit"], 600);
    let expires = chrono::DateTime::parse_from_rfc3339(key["expiresAt"].as_str().expect("expiry")).expect("RFC 3339");
    assert!(
        expires > chrono::Utc::now() + chrono::TimeDelta::days(364),
        "a year by default"
    );

    // Never again in the clear: not in the list, not in the store.
    let listed = app.json(app.get("/api/v1/admin/api-keys", Some(&admin)).await).await;
    assert_eq!(listed["total"], 1);
    assert!(!listed.to_string().contains(&token));
    let db = app.db().await;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT token_hash FROM api_keys",
        ))
        .await
        .expect("read")
        .expect("a row");
    let stored: String = row.try_get("", "token_hash").expect("a hash");
    assert_ne!(stored, token);
    assert!(!stored.contains(&token[4..]));

    // It reads as the public: the call, yes; what staff read, no; nothing written.
    assert_eq!(status(&app, &format!("/api/v1/calls/{call}"), &token).await, 200);
    assert_eq!(status(&app, "/api/v1/partnerships", &token).await, 200);
    let events = format!("/api/v1/calls/{call}/events");
    assert_problem(app.get(&events, Some(&token)).await, 403, "insufficient_scope").await;
    let city = json!({ "name": { "fa": "شهر", "en": "City" }, "country": "IT" });
    assert_problem(
        app.post("/api/v1/cities", Some(&token), city).await,
        403,
        "insufficient_scope",
    )
    .await;
    // Never what acts for a person or administers the platform.
    for path in ["/api/v1/me", "/api/v1/admin/api-keys", "/api/v1/audit", "/api/v1/users"] {
        assert_problem(app.get(path, Some(&token)).await, 403, "insufficient_scope").await;
    }
    // A key that reads as staff sees what staff see.
    let (_, staff_key) = issue(&app, &admin, json!({ "name": "داشبورد", "scopes": ["staff_read"] })).await;
    assert_eq!(status(&app, &events, &staff_key).await, 200);
    assert_problem(
        app.post(&format!("/api/v1/calls/{call}/close"), Some(&staff_key), json!({}))
            .await,
        403,
        "insufficient_scope",
    )
    .await;
    let used = app
        .json(
            app.get(&format!("/api/v1/admin/api-keys/{}", id(&key)), Some(&admin))
                .await,
        )
        .await;
    assert!(used["lastUsedAt"].is_string(), "{used}");
}

#[tokio::test]
async fn what_a_key_changes_is_recorded_under_its_own_service_account() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let (key, token) = issue(
        &app,
        &admin,
        json!({ "name": "سامانهٔ رویدادهای شهرداری", "scopes": ["register_write", "calls_write"] }),
    )
    .await;
    let account = key["accountId"].as_str().expect("its account").to_owned();
    let city = app
        .post(
            "/api/v1/cities",
            Some(&token),
            json!({ "name": { "fa": "فلورانس", "en": "Florence" }, "country": "IT" }),
        )
        .await;
    assert_eq!(city.status(), 201);
    let city = id(&city.json::<Value>().await.expect("JSON"));
    let partnership = app
        .post(
            "/api/v1/partnerships",
            Some(&token),
            json!({ "cityId": city, "kind": "sister_city", "state": "active" }),
        )
        .await;
    assert_eq!(partnership.status(), 201);
    let partnership = id(&partnership.json::<Value>().await.expect("JSON"));
    let call = app.post("/api/v1/calls", Some(&token), open_call_body()).await;
    assert_eq!(call.status(), 201);
    let call = id(&call.json::<Value>().await.expect("JSON"));
    // Its writes act as staff, but only where its scopes say.
    let publish = format!("/api/v1/calls/{call}/decisions/publish");
    assert_problem(app.post_empty(&publish, Some(&token)).await, 403, "insufficient_scope").await;

    for (subject, id) in [
        (domain::event::SubjectKind::Partnership, &partnership),
        (domain::event::SubjectKind::City, &city),
    ] {
        let events = app.events_of(subject, id).await;
        assert!(!events.is_empty(), "{subject:?} has its history");
        assert!(
            events
                .iter()
                .all(|e| e.actor_id.map(|a| a.to_string()) == Some(account.clone())),
            "{subject:?} by the key's account"
        );
    }
    let history = app
        .json(
            app.get(&format!("/api/v1/calls/{call}/events"), Some(&app.staff().await))
                .await,
        )
        .await;
    assert!(
        history.to_string().contains("API key: سامانهٔ رویدادهای شهرداری"),
        "{history}"
    );
    // Every use is in the audit trail under the key's name, whatever its kind.
    let trail = format!("/api/v1/audit?actor={account}&limit=100");
    let trail = app.json(app.get(&trail, Some(&admin)).await).await;
    let kinds: Vec<&str> = trail["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["call_created", "partnership_recorded", "city_added"], "{trail}");
    assert_eq!(trail["items"][0]["actorName"], "API key: سامانهٔ رویدادهای شهرداری");

    // The service account is no person: not listed, cannot sign in, cannot be sent a link.
    let users = app.json(app.get("/api/v1/users?limit=100", Some(&admin)).await).await;
    assert!(!users.to_string().contains(&account));
    let email: String = {
        let db = app.db().await;
        let sql = "SELECT email FROM users WHERE service = TRUE".to_owned();
        let row = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .expect("read")
            .expect("the account");
        row.try_get("", "email").expect("an address")
    };
    assert!(email.ends_with("@api-keys.invalid"), "{email}");
    assert_eq!(app.login(&email, PASSWORD).await.status(), 401);
}

#[tokio::test]
async fn an_expired_or_revoked_key_is_refused_at_once() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let (key, token) = issue(&app, &admin, json!({ "name": "اپ همراه", "scopes": ["public_read"] })).await;
    assert_eq!(status(&app, "/api/v1/calls", &token).await, 200);
    let revoke = format!("/api/v1/admin/api-keys/{}/revoke", id(&key));
    let revoked = app.json(app.post_empty(&revoke, Some(&admin)).await).await;
    assert_eq!(revoked["status"], "revoked");
    let refused = app.get("/api/v1/calls", Some(&token)).await;
    assert!(refused.headers().get("www-authenticate").is_some());
    let problem = assert_problem(refused, 401, "invalid_token").await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains("revoked"));
    assert_problem(app.post_empty(&revoke, Some(&admin)).await, 409, "key_revoked").await;

    let (key, token) = issue(&app, &admin, json!({ "name": "پورتال", "scopes": ["public_read"] })).await;
    let past = (chrono::Utc::now() - chrono::TimeDelta::seconds(1)).to_rfc3339();
    let cast = if crate::helpers::on_postgres() {
        "TIMESTAMPTZ "
    } else {
        ""
    };
    let sql = format!("UPDATE api_keys SET expires_at = {cast}'{past}' WHERE name = 'پورتال'");
    app.db().await.execute_unprepared(&sql).await.expect("expired");
    let problem = assert_problem(app.get("/api/v1/calls", Some(&token)).await, 401, "invalid_token").await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains("expired"));
    let shown = app
        .json(
            app.get(&format!("/api/v1/admin/api-keys/{}", id(&key)), Some(&admin))
                .await,
        )
        .await;
    assert_eq!(shown["status"], "expired");
    // A key nobody issued.
    assert_problem(
        app.get("/api/v1/calls", Some("cdk_not-a-key")).await,
        401,
        "invalid_token",
    )
    .await;

    let audit = app.json(app.get("/api/v1/audit?limit=100", Some(&admin)).await).await;
    let kinds: Vec<&str> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .filter(|k| k.starts_with("api_key"))
        .collect();
    assert_eq!(kinds, ["api_key_issued", "api_key_revoked", "api_key_issued"]);
}

#[tokio::test]
async fn a_key_is_held_to_its_requests_per_minute() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let (_, token) = issue(
        &app,
        &admin,
        json!({ "name": "کند", "scopes": ["public_read"], "rateLimit": 3 }),
    )
    .await;
    let (_, other) = issue(
        &app,
        &admin,
        json!({ "name": "دیگری", "scopes": ["public_read"], "rateLimit": 3 }),
    )
    .await;
    // A request may fall at the end of a minute; then the window starts again. Three in a row fit in one
    // window unless the minute turns between them, so try again once if it did.
    for attempt in 0..2 {
        let window = chrono::Utc::now().timestamp() / 60;
        let mut statuses = Vec::new();
        for _ in 0..4 {
            statuses.push(status(&app, "/api/v1/calls", &token).await);
        }
        if chrono::Utc::now().timestamp() / 60 != window && attempt == 0 {
            continue;
        }
        assert_eq!(statuses, [200, 200, 200, 429]);
        break;
    }
    let limited = app.get("/api/v1/calls", Some(&token)).await;
    let wait: u64 = limited
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok()?.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    assert_problem(limited, 429, "rate_limited").await;
    // Each key has its own limit.
    assert_eq!(status(&app, "/api/v1/calls", &other).await, 200);
}

#[tokio::test]
async fn a_key_must_be_named_scoped_and_bounded() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let far = (chrono::Utc::now() + chrono::TimeDelta::days(3 * 365)).to_rfc3339();
    let problem = assert_problem(
        app.post(
            "/api/v1/admin/api-keys",
            Some(&admin),
            json!({ "name": "  ", "scopes": [], "expiresAt": far, "rateLimit": 0 }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/name", "/scopes", "/expiresAt", "/rateLimit"]);
    let problem = assert_problem(
        app.post(
            "/api/v1/admin/api-keys",
            Some(&admin),
            json!({ "name": "x", "scopes": ["admin"] }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/scopes/0"]);
    let staff = app.staff().await;
    let body = json!({ "name": "x", "scopes": ["public_read"] });
    assert_problem(
        app.post("/api/v1/admin/api-keys", Some(&staff), body).await,
        403,
        "forbidden",
    )
    .await;
}
