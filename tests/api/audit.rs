//! The audit trail: every privileged action with who, what, when and from where; read by admins with
//! filters; changed by nobody.

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::*;

fn kinds(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect()
}

#[tokio::test]
async fn privileged_actions_are_in_the_trail_and_its_filters_find_them() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let admin_id = app.user_id(&admin).await;
    let staff = app.staff().await;
    let staff_id = app.user_id(&staff).await;
    let sara = token(&app.register("sara@example.org").await);
    let sara_id = app.user_id(&sara).await;

    // Roles and activation, a set-password link, the sessions, the second factor, an export.
    let user = format!("/api/v1/users/{sara_id}");
    assert_eq!(
        app.patch(&user, Some(&admin), json!({ "roles": ["reviewer"] }))
            .await
            .status(),
        200
    );
    assert_eq!(
        app.patch(&user, Some(&admin), json!({ "active": false }))
            .await
            .status(),
        200
    );
    assert_eq!(
        app.patch(&user, Some(&admin), json!({ "active": true })).await.status(),
        200
    );
    let link = app.post_empty(&format!("{user}/password-token"), Some(&admin)).await;
    assert_eq!(link.status(), 201);
    let sara = token(&app.json(app.login("sara@example.org", PASSWORD).await).await);
    app.enrol_second_factor(&sara).await;
    assert_eq!(
        app.delete(&format!("{user}/second-factor"), Some(&admin))
            .await
            .status(),
        204
    );
    assert_eq!(
        app.delete(&format!("{user}/sessions"), Some(&admin)).await.status(),
        204
    );
    let call = app.create_open_call(&staff).await;
    let export = format!(
        "/api/v1/calls/{}/ideas/export?format=xlsx",
        call["id"].as_str().expect("call id")
    );
    assert_eq!(app.get(&export, Some(&staff)).await.status(), 200);

    let trail = app.json(app.get("/api/v1/audit?limit=100", Some(&admin)).await).await;
    assert_eq!(
        kinds(&trail),
        [
            "export_downloaded",
            "sessions_ended",
            "second_factor_reset",
            "second_factor_enrolled",
            "password_link_issued",
            "access_changed",
            "access_changed",
            "access_changed",
            "account_created",
            "account_created",
            "account_created",
        ],
        "the latest first: {trail}"
    );
    let export_entry = &trail["items"][0];
    assert_eq!(export_entry["actorId"], staff_id);
    assert_eq!(export_entry["actorName"], "staff");
    assert_eq!(export_entry["subjectType"], "call");
    assert_eq!(export_entry["to"], "ideas.xlsx");
    assert_eq!(export_entry["address"], "127.0.0.1");
    let demotion = &trail["items"][7];
    assert_eq!(
        (demotion["from"].as_str(), demotion["to"].as_str()),
        (Some(""), Some("reviewer"))
    );
    assert_eq!(demotion["actorName"], "admin");
    assert_eq!(demotion["subjectName"], "sara");
    assert_eq!(demotion["address"], "127.0.0.1");

    // Filters: by actor, by subject, by kind, by time; paged.
    let by_admin = app
        .json(app.get(&format!("/api/v1/audit?actor={admin_id}"), Some(&admin)).await)
        .await;
    assert_eq!(
        by_admin["total"], 7,
        "six actions and registering themselves: {by_admin}"
    );
    let by_sara = app
        .json(app.get(&format!("/api/v1/audit?subject={sara_id}"), Some(&admin)).await)
        .await;
    assert_eq!(by_sara["total"], 8, "{by_sara}");
    let access = app
        .json(
            app.get("/api/v1/audit?kind=access_changed&limit=2&offset=2", Some(&admin))
                .await,
        )
        .await;
    assert_eq!(
        (access["total"].clone(), kinds(&access)),
        (json!(3), vec!["access_changed"])
    );
    let future = app
        .json(app.get("/api/v1/audit?since=2100-01-01", Some(&admin)).await)
        .await;
    assert_eq!(future["total"], 0);
    let past = app
        .json(app.get("/api/v1/audit?until=2000-01-01T00:00:00Z", Some(&admin)).await)
        .await;
    assert_eq!(past["total"], 0);
    let today = app
        .json(
            app.get("/api/v1/audit?since=2000-01-01&until=2100-12-31", Some(&admin))
                .await,
        )
        .await;
    assert_eq!(today["total"], 11);

    let not_audited = app.get("/api/v1/audit?kind=submitted", Some(&admin)).await;
    assert_eq!(
        pointers(&assert_problem(not_audited, 422, "validation_failed").await),
        ["/kind"]
    );
    let bad_day = app.get("/api/v1/audit?since=yesterday", Some(&admin)).await;
    assert_eq!(
        pointers(&assert_problem(bad_day, 422, "validation_failed").await),
        ["/since"]
    );
    assert_problem(app.get("/api/v1/audit", Some(&staff)).await, 403, "forbidden").await;
}

#[tokio::test]
async fn nobody_can_change_or_delete_the_history_not_even_with_sql() {
    let app = spawn_app().await;
    app.register("sara@example.org").await;
    let db = app.db().await;
    let changed = db.execute_unprepared("UPDATE events SET kind = 'access_changed'").await;
    assert!(changed.is_err(), "an UPDATE of events is refused");
    let deleted = db.execute_unprepared("DELETE FROM events").await;
    assert!(deleted.is_err(), "a DELETE of events is refused");
    let (admin, _) = app.admin().await;
    let trail = app.json(app.get("/api/v1/audit", Some(&admin)).await).await;
    assert_eq!(trail["total"], 2, "both accounts' creation are still there");
}

#[tokio::test]
async fn an_owners_security_changes_and_the_ranking_export_are_in_the_trail_too() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let owner = token(&app.register("owner@example.org").await);
    let owner_id = app.user_id(&owner).await;
    let (_, codes) = app.enrol_second_factor(&owner).await;
    let renewed = app
        .post(
            "/api/v1/me/second-factor/recovery-codes",
            Some(&owner),
            json!({ "code": codes[0] }),
        )
        .await;
    let renewed = app.json(renewed).await;
    let fresh: Vec<&str> = renewed["recoveryCodes"]
        .as_array()
        .expect("codes")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let challenge = app.challenge("owner@example.org").await;
    assert_eq!(app.second_factor(&challenge, fresh[0]).await.status(), 200);
    let off = json!({ "password": PASSWORD, "code": fresh[1] });
    assert_eq!(
        app.post("/api/v1/me/second-factor/disable", Some(&owner), off)
            .await
            .status(),
        204
    );
    let change = json!({ "currentPassword": PASSWORD, "newPassword": "another long passphrase 1405" });
    assert_eq!(
        app.post("/api/v1/auth/password", Some(&owner), change).await.status(),
        204
    );

    let trail = app
        .json(
            app.get(&format!("/api/v1/audit?subject={owner_id}"), Some(&admin))
                .await,
        )
        .await;
    assert_eq!(
        kinds(&trail),
        [
            "password_set",
            "second_factor_disabled",
            "recovery_code_used",
            "recovery_codes_renewed",
            "second_factor_enrolled",
            "account_created",
        ]
    );
    let items = trail["items"].as_array().expect("items");
    assert!(items.iter().all(|e| e["actorId"] == owner_id.as_str()), "{trail}");
    assert!(items[..5].iter().all(|e| e["address"] == "127.0.0.1"), "{trail}");
    assert_eq!(items[2]["to"], "9", "nine recovery codes left");

    let staff = app.staff().await;
    let call = app.jury_call(&staff, 1, false, 1).await;
    app.set_rubric(&staff, &call.id, crate::jury_fixtures::three_criteria())
        .await;
    let export = format!("/api/v1/calls/{}/ranking/export?format=csv", call.id);
    assert_eq!(app.get(&export, Some(&staff)).await.status(), 200);
    let exports = app
        .json(app.get("/api/v1/audit?kind=export_downloaded", Some(&admin)).await)
        .await;
    assert_eq!(exports["total"], 1);
    assert_eq!(
        (
            exports["items"][0]["to"].as_str(),
            exports["items"][0]["subjectId"].as_str()
        ),
        (Some("ranking.csv"), Some(call.id.as_str()))
    );
}
