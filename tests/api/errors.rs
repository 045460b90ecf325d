//! Every bad input gets its problem+json answer and changes nothing.

use serde_json::{Value, json};

use crate::helpers::*;

#[tokio::test]
async fn unknown_routes_are_404_problems() {
    let app = spawn_app().await;
    assert_problem(app.get("/api/v1/nothing-here", None).await, 404, "not_found").await;
    assert_problem(app.get("/api/nothing", None).await, 404, "not_found").await;
    // Without a built SPA, other paths are 404 problems too.
    assert_problem(app.get("/some/page", None).await, 404, "not_found").await;
}

#[tokio::test]
async fn wrong_methods_are_405_with_allow() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/auth/login", None).await;
    assert_eq!(response.headers()["allow"], "POST");
    assert_problem(response, 405, "method_not_allowed").await;

    let response = app.client.delete(app.url("/api/v1/me")).send().await.expect("sent");
    assert_eq!(response.headers()["allow"], "GET, PATCH");
    assert_problem(response, 405, "method_not_allowed").await;

    let response = app
        .client
        .put(app.url(&format!("/api/v1/users/{}", uuid::Uuid::new_v4())))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.headers()["allow"], "PATCH");
    assert_problem(response, 405, "method_not_allowed").await;
}

#[tokio::test]
async fn malformed_json_and_wrong_content_types_are_400() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/v1/auth/register"))
        .header("content-type", "application/json")
        .body("{\"email\": ")
        .send()
        .await
        .expect("sent");
    assert_problem(response, 400, "malformed_request").await;

    let response = app
        .client
        .post(app.url("/api/v1/auth/register"))
        .header("content-type", "text/plain")
        .body(json!({ "email": "x@example.org", "password": PASSWORD }).to_string())
        .send()
        .await
        .expect("sent");
    assert_problem(response, 400, "wrong_content_type").await;

    let response = app
        .client
        .post(app.url("/api/v1/auth/register"))
        .send()
        .await
        .expect("sent");
    assert_problem(response, 400, "wrong_content_type").await;

    // None of them registered anything.
    assert_problem(app.login("x@example.org", PASSWORD).await, 401, "invalid_credentials").await;
}

#[tokio::test]
async fn wrong_types_and_non_object_bodies_are_422() {
    let app = spawn_app().await;
    let problem = assert_problem(
        app.post(
            "/api/v1/auth/register",
            None,
            json!({ "email": 42, "password": PASSWORD }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        problem["errors"][0],
        json!({ "pointer": "/email", "code": "invalid_type", "message": "invalid type: integer `42`, expected a string" })
    );

    let problem = assert_problem(
        app.post("/api/v1/auth/login", None, json!("just a string")).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["pointer"], "/");

    // An array is not an object, even where every field is optional.
    let tokens = app.register("arrays@example.org").await;
    let response = app
        .patch("/api/v1/me", Some(&token(&tokens)), json!([null, null]))
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["code"], "invalid_type");
}

#[tokio::test]
async fn bodies_over_the_limit_are_413() {
    let app = spawn_app().await;
    let huge = "x".repeat(1_100_000);
    let response = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({ "email": "big@example.org", "password": huge }),
        )
        .await;
    assert_problem(response, 413, "payload_too_large").await;

    let small = spawn_app_with(&["--body-limit-bytes", "64"]).await;
    let response = small
        .post(
            "/api/v1/auth/register",
            None,
            json!({ "email": "big@example.org", "password": PASSWORD, "displayName": "a long enough name" }),
        )
        .await;
    assert_problem(response, 413, "payload_too_large").await;
}

#[tokio::test]
async fn internal_errors_do_not_reveal_their_cause() {
    let app = spawn_app().await;
    let tokens = app.register("broken@example.org").await;
    let db = app.db().await;
    sea_orm::ConnectionTrait::execute_unprepared(&db, "DROP TABLE login_throttles")
        .await
        .expect("dropped");
    let response = app.login("broken@example.org", PASSWORD).await;
    let problem: Value = assert_problem(response, 500, "internal_error").await;
    let text = problem.to_string();
    assert!(
        !text.contains("login_throttles") && !text.to_lowercase().contains("sql"),
        "leaked: {text}"
    );
    // Other requests go on working.
    assert_eq!(app.get("/api/v1/me", Some(&token(&tokens))).await.status(), 200);
}

/// `/ideas/screening` is a path of its own (POST), not an idea whose id is "screening".
#[tokio::test]
async fn a_literal_path_beside_a_templated_one_answers_405_with_its_own_methods() {
    let app = spawn_app().await;
    let citizen = token(&app.register("citizen@example.org").await);
    for method in [reqwest::Method::GET, reqwest::Method::PATCH] {
        let response = app
            .client
            .request(method, app.url("/api/v1/ideas/screening"))
            .bearer_auth(&citizen)
            .send()
            .await
            .expect("request sent");
        assert_eq!(
            response.headers().get("allow").and_then(|v| v.to_str().ok()),
            Some("POST")
        );
        assert_problem(response, 405, "method_not_allowed").await;
    }
    // An id that is not a UUID is simply absent.
    assert_problem(app.get("/api/v1/ideas/not-an-id", None).await, 404, "not_found").await;
    assert_problem(app.get("/api/v1/calls/123/stats", None).await, 404, "not_found").await;
}

/// A NUL can't be stored in PostgreSQL (it answered 500 there, and on SQLite it was stored); no
/// control character but tab and line breaks is text of ours, wherever it comes in.
#[tokio::test]
async fn control_characters_are_refused_in_query_path_and_body() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    for path in [
        "/api/v1/ideas?q=abc%00def",
        "/api/v1/calls?q=ab%00c",
        "/api/v1/cities?q=%01x",
        "/api/v1/partnerships?q=x%1B%5B2J",
        "/api/v1/users?q=a%C2%85b",
    ] {
        let problem = assert_problem(app.get(path, Some(&staff)).await, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/q"], "{path}");
        assert_eq!(problem["errors"][0]["code"], "control_character", "{path}");
    }
    let problem = assert_problem(app.get("/api/v1/calls/abc%00def", None).await, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/"]);

    let response = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({ "email": "nul@example.org", "password": PASSWORD, "displayName": "سارا\u{0}" }),
        )
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/displayName"]);
    let response = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({ "email": "nul@example.org", "password": format!("{PASSWORD}\u{7}") }),
        )
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/password"]);
    // Nothing was stored, and the same account registers once its text is clean.
    app.register("nul@example.org").await;

    // Tabs and line breaks are text.
    let response = app
        .patch("/api/v1/me", Some(&staff), json!({ "displayName": "کارشناس\tدفتر" }))
        .await;
    assert_eq!(response.status(), 200);
}
