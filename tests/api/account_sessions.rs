//! Sessions an owner sees and ends, and an admin ending all of an account's sessions.

use serde_json::Value;

use crate::helpers::*;

async fn login_as(app: &TestApp, email: &str, agent: &str) -> Value {
    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("User-Agent", agent)
        .json(&serde_json::json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .expect("sent");
    app.json(response).await
}

fn items(page: &Value) -> &Vec<Value> {
    page["items"].as_array().expect("items")
}

#[tokio::test]
async fn an_owner_sees_their_sessions_and_ends_one_or_all_others() {
    let app = spawn_app().await;
    app.register("sara@example.org").await;
    let phone = login_as(
        &app,
        "sara@example.org",
        "Mozilla/5.0 (Android 15; Mobile) Firefox/146.0",
    )
    .await;
    let laptop = login_as(&app, "sara@example.org", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0").await;

    let page = app
        .json(app.get("/api/v1/me/sessions", Some(&token(&laptop))).await)
        .await;
    assert_eq!(page["total"], 3, "registering, the phone, the laptop");
    let current: Vec<&Value> = items(&page).iter().filter(|s| s["current"] == true).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0]["client"], "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0");
    assert_eq!(current[0]["address"], "127.0.0.1");
    assert!(current[0]["startedAt"].is_string());
    assert_eq!(current[0]["lastRefreshedAt"], Value::Null);

    // Requests do not touch "last refreshed"; a refresh does.
    app.get("/api/v1/me", Some(&token(&phone))).await;
    let refreshed = app.json(app.refresh(&refresh_token(&phone)).await).await;
    let page = app
        .json(app.get("/api/v1/me/sessions", Some(&token(&laptop))).await)
        .await;
    let phone_session = items(&page)
        .iter()
        .find(|s| s["client"].as_str().is_some_and(|c| c.contains("Android")))
        .expect("the phone's session")
        .clone();
    assert!(phone_session["lastRefreshedAt"].is_string());
    let laptop_session = items(&page)
        .iter()
        .find(|s| s["current"] == true)
        .expect("current")
        .clone();
    assert_eq!(laptop_session["lastRefreshedAt"], Value::Null);

    // End the phone's: its refresh token and access token stop working.
    let path = format!("/api/v1/me/sessions/{}", phone_session["id"].as_str().expect("id"));
    assert_eq!(app.delete(&path, Some(&token(&laptop))).await.status(), 204);
    assert_problem(
        app.refresh(&refresh_token(&refreshed)).await,
        401,
        "invalid_refresh_token",
    )
    .await;
    assert_problem(
        app.get("/api/v1/me", Some(&token(&refreshed))).await,
        401,
        "invalid_token",
    )
    .await;
    assert_problem(app.delete(&path, Some(&token(&laptop))).await, 404, "not_found").await;

    // Another account cannot see or end them.
    let other = token(&app.register("other@example.org").await);
    let laptop_path = format!("/api/v1/me/sessions/{}", laptop_session["id"].as_str().expect("id"));
    assert_problem(app.delete(&laptop_path, Some(&other)).await, 404, "not_found").await;

    // End all others: the laptop stays signed in, alone.
    assert_eq!(
        app.delete("/api/v1/me/sessions", Some(&token(&laptop))).await.status(),
        204
    );
    let page = app
        .json(app.get("/api/v1/me/sessions", Some(&token(&laptop))).await)
        .await;
    assert_eq!(page["total"], 1);
    assert_eq!(items(&page)[0]["current"], true);
}

#[tokio::test]
async fn an_admin_ends_every_session_of_an_account_and_it_is_audited() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let owner = app.register("laptop-stolen@example.org").await;
    login_as(&app, "laptop-stolen@example.org", "curl/8").await;
    let owner_id = app.user_id(&token(&owner)).await;

    let path = format!("/api/v1/users/{owner_id}/sessions");
    let page = app.json(app.get(&path, Some(&admin)).await).await;
    assert_eq!(page["total"], 2);
    assert!(items(&page).iter().all(|s| s["current"] == false));
    assert_eq!(app.delete(&path, Some(&admin)).await.status(), 204);
    assert_problem(app.refresh(&refresh_token(&owner)).await, 401, "invalid_refresh_token").await;
    assert_eq!(app.json(app.get(&path, Some(&admin)).await).await["total"], 0);
    let unknown = format!("/api/v1/users/{}/sessions", uuid::Uuid::new_v4());
    assert_problem(app.get(&unknown, Some(&admin)).await, 404, "not_found").await;

    let audit = app
        .json(
            app.get(
                &format!("/api/v1/audit?kind=sessions_ended&subject={owner_id}"),
                Some(&admin),
            )
            .await,
        )
        .await;
    assert_eq!(audit["total"], 1);
    let entry = &audit["items"][0];
    assert_eq!(entry["to"], "2");
    assert_eq!(entry["address"], "127.0.0.1");
    assert_eq!(entry["actorId"], app.user_id(&admin).await);
    assert_eq!(entry["subjectName"], "laptop-stolen");
}
