//! Registration, login and the caller's own account.

use serde_json::{Value, json};

use crate::helpers::*;

#[tokio::test]
async fn registering_signs_the_new_account_in() {
    let app = spawn_app().await;
    let response = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({ "email": "  Sara@Example.ORG ", "password": PASSWORD, "displayName": " سارا احمدی ", "locale": "fa" }),
        )
        .await;
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["location"], "/api/v1/me");
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["tokenType"], "Bearer");
    assert_eq!(body["expiresIn"], 900);
    assert_eq!(body["user"]["email"], "sara@example.org");
    assert_eq!(body["user"]["displayName"], "سارا احمدی");
    assert_eq!(body["user"]["roles"], json!([]));
    assert_eq!(body["user"]["active"], true);

    let me: Value = app
        .get("/api/v1/me", Some(&token(&body)))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(me["email"], "sara@example.org");
    assert_eq!(me["locale"], "fa");
}

#[tokio::test]
async fn a_taken_email_in_any_case_is_409() {
    let app = spawn_app().await;
    app.register("reza@example.org").await;
    let response = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({ "email": "REZA@example.org", "password": PASSWORD }),
        )
        .await;
    let problem = assert_problem(response, 409, "email_taken").await;
    assert_eq!(problem["title"], "This e-mail address is already registered");
}

#[tokio::test]
async fn registration_rules_answer_422_with_pointers_and_change_nothing() {
    let app = spawn_app().await;
    let response = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({ "email": "not-an-email", "password": "short" }),
        )
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(
        problem["errors"],
        json!([
            { "pointer": "/email", "code": "invalid_email", "message": "not a valid e-mail address" },
            { "pointer": "/password", "code": "too_short", "message": "the password must have at least 12 characters" },
        ])
    );

    let response = app
        .post("/api/v1/auth/register", None, json!({ "email": "a@example.org" }))
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["pointer"], "/password");
    assert_eq!(problem["errors"][0]["code"], "required");

    let response = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({ "email": "a@example.org", "password": PASSWORD, "locale": "de" }),
        )
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["pointer"], "/locale");

    let response = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({ "email": "a@example.org", "password": PASSWORD, "display_name": "x" }),
        )
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["pointer"], "/display_name");
    assert_eq!(problem["errors"][0]["code"], "unknown_field");

    // None of these created the account.
    assert_problem(app.login("a@example.org", PASSWORD).await, 401, "invalid_credentials").await;
}

#[tokio::test]
async fn login_answers_the_same_for_an_unknown_email_and_a_wrong_password() {
    let app = spawn_app().await;
    app.register("maryam@example.org").await;

    let response = app.login("MARYAM@example.org", PASSWORD).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["user"]["email"], "maryam@example.org");

    let wrong_password = assert_problem(
        app.login("maryam@example.org", "wrong password!").await,
        401,
        "invalid_credentials",
    )
    .await;
    let unknown = assert_problem(
        app.login("nobody@example.org", PASSWORD).await,
        401,
        "invalid_credentials",
    )
    .await;
    assert_eq!(wrong_password, unknown);
}

#[tokio::test]
async fn the_account_owner_changes_display_name_and_locale() {
    let app = spawn_app().await;
    let tokens = app.register("ali@example.org").await;
    let response = app
        .patch(
            "/api/v1/me",
            Some(&token(&tokens)),
            json!({ "displayName": "Ali Rezaei", "locale": "en" }),
        )
        .await;
    assert_eq!(response.status(), 200);
    let me: Value = response.json().await.expect("JSON");
    assert_eq!(me["displayName"], "Ali Rezaei");
    assert_eq!(me["locale"], "en");

    let response = app
        .patch("/api/v1/me", Some(&token(&tokens)), json!({ "displayName": "   " }))
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["pointer"], "/displayName");
    let me: Value = app
        .get("/api/v1/me", Some(&token(&tokens)))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(me["displayName"], "Ali Rezaei");
}

#[tokio::test]
async fn requests_without_or_with_a_bad_token_are_401_with_a_bearer_challenge() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/me", None).await;
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_problem(response, 401, "not_signed_in").await;

    let response = app.get("/api/v1/me", Some("not.a.jwt")).await;
    assert_eq!(response.headers()["www-authenticate"], "Bearer error=\"invalid_token\"");
    assert_problem(response, 401, "invalid_token").await;

    // A token signed with another secret.
    let other = spawn_app_with(&["--jwt-secret", "another-secret-another-secret-another-secret"]).await;
    let foreign = other.register("x@example.org").await;
    assert_problem(
        app.get("/api/v1/me", Some(&token(&foreign))).await,
        401,
        "invalid_token",
    )
    .await;
}
