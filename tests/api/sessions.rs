//! Refresh rotation, reuse detection and its grace window, logout, password change and set-password.

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::*;

#[tokio::test]
async fn refresh_rotates_the_token_and_a_quick_replay_gets_the_same_successor() {
    let app = spawn_app().await;
    let first = app.register("tab@example.org").await;

    let response = app.refresh(&refresh_token(&first)).await;
    assert_eq!(response.status(), 200);
    let second: Value = response.json().await.expect("JSON");
    assert_ne!(refresh_token(&second), refresh_token(&first));
    assert_eq!(second["user"]["email"], "tab@example.org");
    assert_eq!(app.get("/api/v1/me", Some(&token(&second))).await.status(), 200);

    // A second tab presents the same token moments later: same successor, still signed in.
    let replay: Value = app.refresh(&refresh_token(&first)).await.json().await.expect("JSON");
    assert_eq!(refresh_token(&replay), refresh_token(&second));

    // The successor rotates on as usual.
    let third = app.refresh(&refresh_token(&second)).await;
    assert_eq!(third.status(), 200);
}

#[tokio::test]
async fn a_used_token_presented_after_the_grace_window_ends_the_whole_session() {
    let app = spawn_app().await;
    let first = app.register("thief@example.org").await;
    let second: Value = app.refresh(&refresh_token(&first)).await.json().await.expect("JSON");

    // Age the first token's use beyond the 10-second grace window.
    let db = app.db().await;
    let sql = match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => {
            "UPDATE refresh_tokens SET used_at = used_at - INTERVAL '1 minute' WHERE used_at IS NOT NULL"
        }
        _ => {
            "UPDATE refresh_tokens SET used_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 minute') WHERE used_at IS NOT NULL"
        }
    };
    db.execute_unprepared(sql).await.expect("aged");

    assert_problem(app.refresh(&refresh_token(&first)).await, 401, "refresh_token_reused").await;
    // The whole chain is revoked: the successor and the access tokens of the session too.
    assert_problem(app.refresh(&refresh_token(&second)).await, 401, "invalid_refresh_token").await;
    assert_problem(app.get("/api/v1/me", Some(&token(&second))).await, 401, "invalid_token").await;
    // Signing in again works.
    assert_eq!(app.login("thief@example.org", PASSWORD).await.status(), 200);
}

#[tokio::test]
async fn logout_ends_the_session_at_once() {
    let app = spawn_app().await;
    let tokens = app.register("bye@example.org").await;
    let other_session: Value = app.login("bye@example.org", PASSWORD).await.json().await.expect("JSON");

    let response = app
        .post(
            "/api/v1/auth/logout",
            None,
            json!({ "refreshToken": refresh_token(&tokens) }),
        )
        .await;
    assert_eq!(response.status(), 204);
    assert_problem(app.refresh(&refresh_token(&tokens)).await, 401, "invalid_refresh_token").await;
    assert_problem(app.get("/api/v1/me", Some(&token(&tokens))).await, 401, "invalid_token").await;
    // Only that session: the other one goes on.
    assert_eq!(app.get("/api/v1/me", Some(&token(&other_session))).await.status(), 200);

    let unknown = app
        .post("/api/v1/auth/logout", None, json!({ "refreshToken": "nonsense" }))
        .await;
    assert_problem(unknown, 401, "invalid_refresh_token").await;
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    let here = app.register("pw@example.org").await;
    let elsewhere: Value = app.login("pw@example.org", PASSWORD).await.json().await.expect("JSON");
    let new_password = "a brand new passphrase";

    let response = app
        .post(
            "/api/v1/auth/password",
            Some(&token(&here)),
            json!({ "currentPassword": "wrong one!", "newPassword": new_password }),
        )
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["pointer"], "/currentPassword");
    assert_eq!(problem["errors"][0]["code"], "wrong_password");

    let response = app
        .post(
            "/api/v1/auth/password",
            Some(&token(&here)),
            json!({ "currentPassword": PASSWORD, "newPassword": "short" }),
        )
        .await;
    assert_problem(response, 422, "validation_failed").await;
    assert_eq!(
        app.login("pw@example.org", PASSWORD).await.status(),
        200,
        "nothing changed yet"
    );

    let response = app
        .post(
            "/api/v1/auth/password",
            Some(&token(&here)),
            json!({ "currentPassword": PASSWORD, "newPassword": new_password }),
        )
        .await;
    assert_eq!(response.status(), 204);
    assert_problem(app.login("pw@example.org", PASSWORD).await, 401, "invalid_credentials").await;
    assert_eq!(app.login("pw@example.org", new_password).await.status(), 200);
    assert_eq!(
        app.get("/api/v1/me", Some(&token(&here))).await.status(),
        200,
        "this session stays"
    );
    assert_problem(
        app.get("/api/v1/me", Some(&token(&elsewhere))).await,
        401,
        "invalid_token",
    )
    .await;
    assert_problem(
        app.refresh(&refresh_token(&elsewhere)).await,
        401,
        "invalid_refresh_token",
    )
    .await;
}

#[tokio::test]
async fn a_one_time_token_sets_the_password_once() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let user = app.register("forgot@example.org").await;
    let id = user["user"]["id"].as_str().expect("id");

    let response = app
        .post(&format!("/api/v1/users/{id}/password-token"), Some(&admin), json!({}))
        .await;
    assert_eq!(response.status(), 201);
    let issued: Value = response.json().await.expect("JSON");
    assert_eq!(issued["userId"], id);
    let one_time = issued["token"].as_str().expect("token").to_owned();

    let new_password = "remembered at last";
    let response = app
        .post(
            "/api/v1/auth/set-password",
            None,
            json!({ "token": one_time, "password": new_password }),
        )
        .await;
    assert_eq!(response.status(), 204);
    assert_eq!(app.login("forgot@example.org", new_password).await.status(), 200);
    // Every earlier session ended.
    assert_problem(app.get("/api/v1/me", Some(&token(&user))).await, 401, "invalid_token").await;

    let again = app
        .post(
            "/api/v1/auth/set-password",
            None,
            json!({ "token": one_time, "password": "yet another one" }),
        )
        .await;
    let problem = assert_problem(again, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["pointer"], "/token");
    assert_eq!(problem["errors"][0]["code"], "invalid_password_token");
    assert_eq!(app.login("forgot@example.org", new_password).await.status(), 200);

    // A citizen may not issue tokens.
    let response = app
        .post(
            &format!("/api/v1/users/{id}/password-token"),
            Some(&token(&user)),
            json!({}),
        )
        .await;
    assert_eq!(response.status(), 401, "the old session is gone");
}

#[tokio::test]
async fn an_expired_set_password_token_is_refused() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let user = app.register("late@example.org").await;
    let id = user["user"]["id"].as_str().expect("id");
    let issued: Value = app
        .post(&format!("/api/v1/users/{id}/password-token"), Some(&admin), json!({}))
        .await
        .json()
        .await
        .expect("JSON");
    let db = app.db().await;
    let sql = match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => "UPDATE password_tokens SET expires_at = now() - INTERVAL '1 minute'",
        _ => "UPDATE password_tokens SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 minute')",
    };
    db.execute_unprepared(sql).await.expect("expired");
    let response = app
        .post(
            "/api/v1/auth/set-password",
            None,
            json!({ "token": issued["token"], "password": "too late for this" }),
        )
        .await;
    assert_problem(response, 422, "validation_failed").await;
    assert_eq!(app.login("late@example.org", PASSWORD).await.status(), 200);
}
