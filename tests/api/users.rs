//! Account management by admins, and roles and deactivation acting at once.

use serde_json::{Value, json};

use crate::helpers::*;

fn emails(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u["email"].as_str())
        .collect()
}

#[tokio::test]
async fn only_admins_list_accounts() {
    let app = spawn_app().await;
    let citizen = app.register("citizen@example.org").await;
    assert_problem(app.get("/api/v1/users", Some(&token(&citizen))).await, 403, "forbidden").await;
    let staff = app.signed_in_with_roles("staff@example.org", "staff").await;
    assert_problem(app.get("/api/v1/users", Some(&token(&staff))).await, 403, "forbidden").await;
    assert_problem(app.get("/api/v1/users", None).await, 401, "not_signed_in").await;
}

#[tokio::test]
async fn the_account_list_pages_searches_filters_and_sorts() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    for (email, name) in [
        ("ali@example.org", "علي رضايي"),
        ("zahra@example.org", "زهرا"),
        ("bob@example.org", "Bob Kâmrani"),
    ] {
        let response = app
            .post(
                "/api/v1/auth/register",
                None,
                json!({ "email": email, "password": PASSWORD, "displayName": name }),
            )
            .await;
        assert_eq!(response.status(), 201);
    }

    let page = app
        .json(app.get("/api/v1/users?limit=2&sort=email", Some(&admin)).await)
        .await;
    assert_eq!(page["total"], 4);
    assert_eq!(page["limit"], 2);
    assert_eq!(page["offset"], 0);
    assert_eq!(emails(&page), ["admin@example.org", "ali@example.org"]);

    let page = app
        .json(
            app.get("/api/v1/users?limit=2&offset=2&sort=-email", Some(&admin))
                .await,
        )
        .await;
    assert_eq!(emails(&page), ["ali@example.org", "admin@example.org"]);

    // Arabic yeh typed at registration, Persian yeh searched: found.
    let found = app
        .json(app.get("/api/v1/users?q=%D8%B9%D9%84%DB%8C", Some(&admin)).await)
        .await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["email"], "ali@example.org");

    let admins = app.json(app.get("/api/v1/users?role=admin", Some(&admin)).await).await;
    assert_eq!(admins["total"], 1);
    let inactive = app
        .json(app.get("/api/v1/users?active=false", Some(&admin)).await)
        .await;
    assert_eq!(inactive["total"], 0);
}

#[tokio::test]
async fn bad_list_parameters_are_422_naming_the_parameter() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    for (query, pointer) in [
        ("limit=101", "/limit"),
        ("limit=0", "/limit"),
        ("limit=abc", "/limit"),
        ("offset=-1", "/offset"),
        ("sort=password", "/sort"),
        ("role=king", "/role"),
        ("colour=blue", "/colour"),
    ] {
        let response = app.get(&format!("/api/v1/users?{query}"), Some(&admin)).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(problem["errors"][0]["pointer"], pointer, "for {query}");
    }
}

#[tokio::test]
async fn roles_and_deactivation_take_effect_at_once() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let user = app.register("promoted@example.org").await;
    let id = user["user"]["id"].as_str().expect("id");
    let path = format!("/api/v1/users/{id}");

    assert_problem(app.get("/api/v1/users", Some(&token(&user))).await, 403, "forbidden").await;
    let response = app
        .patch(&path, Some(&admin), json!({ "roles": ["admin", "reviewer", "admin"] }))
        .await;
    assert_eq!(response.status(), 200);
    let changed: Value = response.json().await.expect("JSON");
    assert_eq!(changed["roles"], json!(["reviewer", "admin"]));
    // The same access token, issued before the promotion, now carries admin rights.
    assert_eq!(app.get("/api/v1/users", Some(&token(&user))).await.status(), 200);

    app.patch(&path, Some(&admin), json!({ "roles": [] })).await;
    assert_problem(app.get("/api/v1/users", Some(&token(&user))).await, 403, "forbidden").await;

    let response = app.patch(&path, Some(&admin), json!({ "active": false })).await;
    assert_eq!(response.status(), 200);
    assert_problem(app.get("/api/v1/me", Some(&token(&user))).await, 401, "invalid_token").await;
    assert_problem(app.refresh(&refresh_token(&user)).await, 401, "invalid_refresh_token").await;
    assert_problem(
        app.login("promoted@example.org", PASSWORD).await,
        403,
        "account_inactive",
    )
    .await;
    // A wrong password still answers as for anyone: deactivation is not revealed to guessers.
    assert_problem(
        app.login("promoted@example.org", "wrong password").await,
        401,
        "invalid_credentials",
    )
    .await;

    app.patch(&path, Some(&admin), json!({ "active": true })).await;
    assert_eq!(app.login("promoted@example.org", PASSWORD).await.status(), 200);
}

#[tokio::test]
async fn a_deactivated_account_with_a_live_token_is_refused_at_once() {
    let app = spawn_app().await;
    let user = app.register("live@example.org").await;
    // Deactivate in the database only, as another API process would: sessions are not revoked.
    let db = app.db().await;
    sea_orm::ConnectionTrait::execute_unprepared(
        &db,
        "UPDATE users SET active = false WHERE email = 'live@example.org'",
    )
    .await
    .expect("deactivated");
    assert_problem(
        app.get("/api/v1/me", Some(&token(&user))).await,
        403,
        "account_inactive",
    )
    .await;
    assert_problem(app.refresh(&refresh_token(&user)).await, 403, "account_inactive").await;
}

#[tokio::test]
async fn an_admin_cannot_lock_themselves_out() {
    let app = spawn_app().await;
    let (admin, me) = app.admin().await;
    let path = format!("/api/v1/users/{}", me["user"]["id"].as_str().expect("id"));
    assert_problem(
        app.patch(&path, Some(&admin), json!({ "roles": ["staff"] })).await,
        409,
        "self_lockout",
    )
    .await;
    assert_problem(
        app.patch(&path, Some(&admin), json!({ "active": false })).await,
        409,
        "self_lockout",
    )
    .await;
    assert_eq!(
        app.get("/api/v1/users", Some(&admin)).await.status(),
        200,
        "nothing changed"
    );
}

#[tokio::test]
async fn unknown_or_malformed_account_ids_are_404() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let response = app
        .patch(
            &format!("/api/v1/users/{}", uuid::Uuid::new_v4()),
            Some(&admin),
            json!({ "active": false }),
        )
        .await;
    assert_problem(response, 404, "not_found").await;
    assert_problem(
        app.patch("/api/v1/users/not-a-uuid", Some(&admin), json!({})).await,
        404,
        "not_found",
    )
    .await;
}
