//! Repeated login failures: 429 with Retry-After, per account and per client address.

use crate::helpers::*;

async fn fail_login(app: &TestApp, email: &str, forwarded_for: Option<&str>) -> reqwest::Response {
    let mut request = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&serde_json::json!({ "email": email, "password": "not the password" }));
    if let Some(address) = forwarded_for {
        request = request.header("x-forwarded-for", address);
    }
    request.send().await.expect("request sent")
}

#[tokio::test]
async fn repeated_failures_lock_the_account_with_retry_after() {
    let app = spawn_app_with(&[
        "--login-max-failures-per-account",
        "3",
        "--login-lockout-seconds",
        "120",
    ])
    .await;
    app.register("target@example.org").await;
    app.register("bystander@example.org").await;
    for _ in 0..3 {
        assert_problem(
            fail_login(&app, "target@example.org", None).await,
            401,
            "invalid_credentials",
        )
        .await;
    }
    // Locked: even the right password waits.
    let response = app.login("Target@example.org", PASSWORD).await;
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    assert!((1..=120).contains(&retry_after), "Retry-After {retry_after}");
    assert_problem(response, 429, "too_many_attempts").await;
    // Another account from the same client is not locked.
    assert_eq!(app.login("bystander@example.org", PASSWORD).await.status(), 200);
}

#[tokio::test]
async fn repeated_failures_from_one_client_lock_that_client() {
    let app = spawn_app_with(&["--login-max-failures-per-client", "3"]).await;
    app.register("someone@example.org").await;
    for n in 0..3 {
        fail_login(&app, &format!("guess{n}@example.org"), None).await;
    }
    assert_problem(
        app.login("someone@example.org", PASSWORD).await,
        429,
        "too_many_attempts",
    )
    .await;
}

#[tokio::test]
async fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
    let trusted = spawn_app_with(&["--login-max-failures-per-client", "2", "--trusted-proxies", "127.0.0.1"]).await;
    for _ in 0..2 {
        fail_login(&trusted, "a@example.org", Some("198.51.100.1")).await;
    }
    assert_problem(
        fail_login(&trusted, "b@example.org", Some("198.51.100.1")).await,
        429,
        "too_many_attempts",
    )
    .await;
    assert_problem(
        fail_login(&trusted, "b@example.org", Some("198.51.100.2")).await,
        401,
        "invalid_credentials",
    )
    .await;

    // Without trusted proxies the header is ignored: every request is the loopback client.
    let direct = spawn_app_with(&["--login-max-failures-per-client", "2"]).await;
    fail_login(&direct, "a@example.org", Some("198.51.100.1")).await;
    fail_login(&direct, "a@example.org", Some("198.51.100.2")).await;
    assert_problem(
        fail_login(&direct, "c@example.org", Some("198.51.100.3")).await,
        429,
        "too_many_attempts",
    )
    .await;
}
