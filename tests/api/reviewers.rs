//! The jury's roster: staff enrol reviewers (a new account with a one-time token, or an existing account
//! joining the jury), list and filter them with their load, change them, and issue password tokens only for
//! accounts that are reviewers and nothing more. Nobody but staff touches the roster.

use serde_json::{Value, json};

use crate::fixtures::id;
use crate::helpers::*;

const REVIEWERS: &str = "/api/v1/reviewers";

fn enrolment(email: &str, name: &str, organisation: &str, expertise: &[&str]) -> Value {
    json!({
        "email": email,
        "displayName": name,
        "organisation": organisation,
        "expertise": expertise,
        "maxLoad": 12
    })
}

impl TestApp {
    async fn enrol(&self, staff: &str, body: Value) -> Value {
        let response = self.post(REVIEWERS, Some(staff), body).await;
        assert_eq!(response.status(), 201, "enrolling");
        response.json().await.expect("JSON")
    }

    async fn roster(&self, staff: &str, query: &str) -> Value {
        self.json(self.get(&format!("{REVIEWERS}?{query}"), Some(staff)).await)
            .await
    }
}

fn emails(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["email"].as_str())
        .collect()
}

#[tokio::test]
async fn enrolling_a_new_reviewer_makes_an_account_with_a_one_time_token() {
    let app = spawn_app().await;
    let staff = app.staff().await;

    let response = app
        .post(
            REVIEWERS,
            Some(&staff),
            json!({
                "email": "  M.Karimi@Example.ORG ",
                "displayName": "  مریم کریمی ",
                "organisation": "university",
                "expertise": ["scientific", "cultural"],
                "maxLoad": 8,
                "locale": "en"
            }),
        )
        .await;
    assert_eq!(response.status(), 201);
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("Location")
        .to_owned();
    let enrolled: Value = response.json().await.expect("JSON");
    let reviewer = &enrolled["reviewer"];
    let reviewer_id = id(reviewer);
    assert_eq!(location, format!("/api/v1/reviewers/{reviewer_id}"));
    assert_eq!(reviewer["email"], "m.karimi@example.org");
    assert_eq!(reviewer["displayName"], "مریم کریمی");
    assert_eq!(reviewer["organisation"], "university");
    assert_eq!(reviewer["expertise"], json!(["cultural", "scientific"]));
    assert_eq!(reviewer["maxLoad"], 8);
    assert_eq!(reviewer["active"], true);
    assert_eq!(reviewer["accountActive"], true);
    assert_eq!(reviewer["assigned"], 0);
    assert_eq!(reviewer["submitted"], 0);
    assert!(reviewer["createdAt"].is_string() && reviewer["updatedAt"].is_string());
    let issued = &enrolled["passwordToken"];
    assert_eq!(issued["userId"], reviewer_id.as_str());
    assert!(issued["expiresAt"].is_string());
    let one_time = issued["token"].as_str().expect("token").to_owned();

    // No password yet: nobody signs in until the reviewer sets one.
    assert_problem(
        app.login("m.karimi@example.org", PASSWORD).await,
        401,
        "invalid_credentials",
    )
    .await;
    let response = app
        .post(
            "/api/v1/auth/set-password",
            None,
            json!({ "token": one_time, "password": PASSWORD }),
        )
        .await;
    assert_eq!(response.status(), 204);
    let tokens: Value = app.json(app.login("m.karimi@example.org", PASSWORD).await).await;
    assert_eq!(tokens["user"]["id"], reviewer_id.as_str());
    assert_eq!(tokens["user"]["roles"], json!(["reviewer"]));
    assert_eq!(tokens["user"]["locale"], "en");

    let again = app
        .post(
            "/api/v1/auth/set-password",
            None,
            json!({ "token": one_time, "password": "another password" }),
        )
        .await;
    let problem = assert_problem(again, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/token"]);

    let shown = app.json(app.get(&location, Some(&staff)).await).await;
    assert_eq!(shown["email"], "m.karimi@example.org");
    assert_eq!(shown["expertise"], json!(["cultural", "scientific"]));
}

#[tokio::test]
async fn an_existing_account_joins_the_jury_keeping_its_roles_and_password() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    app.signed_in_with_roles("colleague@example.org", "staff").await;

    let enrolled = app
        .enrol(
            &staff,
            enrolment("Colleague@example.org", "نام دیگری", "municipality", &["economic"]),
        )
        .await;
    assert_eq!(enrolled["passwordToken"], Value::Null);
    assert_eq!(enrolled["reviewer"]["email"], "colleague@example.org");
    // The account keeps its own name.
    assert_eq!(enrolled["reviewer"]["displayName"], "colleague");
    let tokens: Value = app.json(app.login("colleague@example.org", PASSWORD).await).await;
    assert_eq!(tokens["user"]["roles"], json!(["reviewer", "staff"]));

    // Once on the jury, always the same reviewer.
    let response = app
        .post(
            REVIEWERS,
            Some(&staff),
            enrolment("colleague@example.org", "x", "other", &[]),
        )
        .await;
    let problem = assert_problem(response, 409, "reviewer_exists").await;
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("jury")));

    // A fresh enrolment is one too.
    app.enrol(&staff, enrolment("new@example.org", "تازه", "other", &[]))
        .await;
    let response = app
        .post(
            REVIEWERS,
            Some(&staff),
            enrolment("NEW@example.org", "تازه", "other", &[]),
        )
        .await;
    assert_problem(response, 409, "reviewer_exists").await;
}

#[tokio::test]
async fn enrolment_is_validated_field_by_field() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let cases = [
        ("organisation", json!("embassy"), "/organisation"),
        ("maxLoad", json!(0), "/maxLoad"),
        ("maxLoad", json!(501), "/maxLoad"),
        ("expertise", json!(["cultural", "astrology"]), "/expertise/1"),
        ("expertise", json!(["cultural", "cultural"]), "/expertise"),
        ("email", json!("not an address"), "/email"),
        ("displayName", json!("   "), "/displayName"),
        ("locale", json!("de"), "/locale"),
        ("rank", json!("chair"), "/rank"),
    ];
    for (field, value, pointer) in cases {
        let mut body = enrolment("valid@example.org", "نام", "university", &["cultural"]);
        body[field] = value.clone();
        let response = app.post(REVIEWERS, Some(&staff), body).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "{field} = {value}");
    }
    let response = app
        .post(REVIEWERS, Some(&staff), json!({ "email": "valid@example.org" }))
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/displayName"]);
    // Nothing was made by the refused requests.
    assert_eq!(app.roster(&staff, "").await["total"], 0);
}

#[tokio::test]
async fn the_roster_filters_and_counts_assignments_per_call() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let call = app.jury_call(&staff, 2, true, 2).await;
    let maryam = id(&app
        .enrol(
            &staff,
            enrolment(
                "maryam@example.org",
                "مریم کریمی",
                "university",
                &["cultural", "scientific"],
            ),
        )
        .await["reviewer"]);
    app.enrol(
        &staff,
        enrolment("ali@example.org", "علی رضایی", "municipality", &["economic"]),
    )
    .await;
    let hossein = id(&app
        .enrol(
            &staff,
            enrolment("hossein@example.org", "حسین یزدی", "university", &["economic"]),
        )
        .await["reviewer"]);

    let all = app.roster(&staff, "").await;
    assert_eq!(all["total"], 3);
    assert_eq!(all["limit"], 20);
    // By name: Persian alphabetical order.
    assert_eq!(
        emails(&all),
        ["hossein@example.org", "ali@example.org", "maryam@example.org"]
    );

    let university = app.roster(&staff, "organisation=university").await;
    assert_eq!(emails(&university), ["hossein@example.org", "maryam@example.org"]);
    let economic = app.roster(&staff, "expertise=economic").await;
    assert_eq!(emails(&economic), ["hossein@example.org", "ali@example.org"]);
    let both = app.roster(&staff, "expertise=economic&organisation=university").await;
    assert_eq!(emails(&both), ["hossein@example.org"]);
    // Arabic yeh and kaf match the Persian letters: "علي" finds "علی", "كريمي" finds "کریمی".
    let q = app.roster(&staff, "q=%D8%B9%D9%84%D9%8A").await;
    assert_eq!(emails(&q), ["ali@example.org"]);
    let q = app.roster(&staff, "q=%D9%83%D8%B1%D9%8A%D9%85%D9%8A").await;
    assert_eq!(emails(&q), ["maryam@example.org"]);
    let q = app.roster(&staff, "q=HOSSEIN%40").await;
    assert_eq!(emails(&q), ["hossein@example.org"]);
    let paged = app.roster(&staff, "limit=1&offset=1").await;
    assert_eq!(paged["total"], 3);
    assert_eq!(emails(&paged), ["ali@example.org"]);

    app.assignment_in_db(&call.id, &call.ideas[0], &maryam, "submitted")
        .await;
    app.assignment_in_db(&call.id, &call.ideas[1], &maryam, "pending").await;
    app.assignment_in_db(&call.id, &call.ideas[0], &hossein, "declined")
        .await;
    let in_call = app
        .roster(&staff, &format!("callId={}&organisation=university", call.id))
        .await;
    let counts: Vec<(i64, i64)> = in_call["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| {
            (
                r["assigned"].as_i64().unwrap_or(-1),
                r["submitted"].as_i64().unwrap_or(-1),
            )
        })
        .collect();
    // Hossein's declined assignment does not count.
    assert_eq!(counts, [(0, 0), (2, 1)]);
    let elsewhere = app.roster(&staff, &format!("callId={}", uuid::Uuid::now_v7())).await;
    assert!(
        elsewhere["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|r| r["assigned"] == 0)
    );
    let one = app
        .json(
            app.get(&format!("{REVIEWERS}/{maryam}?callId={}", call.id), Some(&staff))
                .await,
        )
        .await;
    assert_eq!(
        (one["assigned"].as_i64(), one["submitted"].as_i64()),
        (Some(2), Some(1))
    );
    let other_call = app
        .json(
            app.get(
                &format!("{REVIEWERS}/{maryam}?callId={}", uuid::Uuid::now_v7()),
                Some(&staff),
            )
            .await,
        )
        .await;
    assert_eq!(other_call["assigned"], 0);

    // Taking a reviewer off the roster.
    let response = app
        .patch(
            &format!("{REVIEWERS}/{hossein}"),
            Some(&staff),
            json!({ "active": false }),
        )
        .await;
    let changed = app.json(response).await;
    assert_eq!(changed["active"], false);
    assert_eq!(changed["accountActive"], true);
    assert_eq!(
        emails(&app.roster(&staff, "active=false").await),
        ["hossein@example.org"]
    );
    assert_eq!(
        emails(&app.roster(&staff, "active=true").await),
        ["ali@example.org", "maryam@example.org"]
    );

    for (query, pointer) in [
        ("organisation=embassy", "/organisation"),
        ("expertise=astrology", "/expertise"),
        ("callId=7", "/callId"),
        ("limit=0", "/limit"),
        ("sort=name", "/sort"),
    ] {
        let response = app.get(&format!("{REVIEWERS}?{query}"), Some(&staff)).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "{query}");
    }
}

#[tokio::test]
async fn staff_change_a_reviewer_field_by_field() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let enrolled = app
        .enrol(
            &staff,
            enrolment("maryam@example.org", "مریم کریمی", "university", &["cultural"]),
        )
        .await;
    let reviewer = id(&enrolled["reviewer"]);
    let path = format!("{REVIEWERS}/{reviewer}");

    let changed = app
        .json(app.patch(&path, Some(&staff), json!({ "maxLoad": 3 })).await)
        .await;
    assert_eq!(changed["maxLoad"], 3);
    assert_eq!(changed["organisation"], "university");
    assert_eq!(changed["expertise"], json!(["cultural"]));
    assert_eq!(changed["active"], true);

    let changed = app
        .json(
            app.patch(
                &path,
                Some(&staff),
                json!({ "organisation": "foreign_ministry", "expertise": ["sports", "economic"] }),
            )
            .await,
        )
        .await;
    assert_eq!(changed["organisation"], "foreign_ministry");
    assert_eq!(changed["expertise"], json!(["economic", "sports"]));
    assert_eq!(changed["maxLoad"], 3);
    assert_eq!(app.json(app.get(&path, Some(&staff)).await).await, changed);

    let changed = app
        .json(app.patch(&path, Some(&staff), json!({ "expertise": [] })).await)
        .await;
    assert_eq!(changed["expertise"], json!([]));

    for (body, pointer) in [
        (json!({ "maxLoad": 0 }), "/maxLoad"),
        (json!({ "maxLoad": null }), "/maxLoad"),
        (json!({ "organisation": "embassy" }), "/organisation"),
        (json!({ "expertise": ["astrology"] }), "/expertise/0"),
        (json!({ "active": "no" }), "/active"),
        (json!({ "email": "x@example.org" }), "/email"),
    ] {
        let response = app.patch(&path, Some(&staff), body.clone()).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "{body}");
    }

    // Accounts off the jury are not reviewers.
    let citizen = app.register("citizen@example.org").await;
    let citizen_id = citizen["user"]["id"].as_str().expect("id").to_owned();
    for id in [citizen_id, uuid::Uuid::now_v7().to_string()] {
        let path = format!("{REVIEWERS}/{id}");
        assert_problem(app.get(&path, Some(&staff)).await, 404, "not_found").await;
        let response = app.patch(&path, Some(&staff), json!({ "maxLoad": 2 })).await;
        assert_problem(response, 404, "not_found").await;
        let response = app.post_empty(&format!("{path}/password-token"), Some(&staff)).await;
        assert_problem(response, 404, "not_found").await;
    }
}

#[tokio::test]
async fn staff_issue_password_tokens_only_for_accounts_that_are_just_reviewers() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let member = app
        .enrol_reviewer(&staff, "juror@example.org", "university", &["cultural"])
        .await;

    let response = app
        .post_empty(&format!("{REVIEWERS}/{}/password-token", member.id), Some(&staff))
        .await;
    assert_eq!(response.status(), 201);
    let issued: Value = response.json().await.expect("JSON");
    assert_eq!(issued["userId"], member.id.as_str());
    let response = app
        .post(
            "/api/v1/auth/set-password",
            None,
            json!({ "token": issued["token"], "password": "a brand new password" }),
        )
        .await;
    assert_eq!(response.status(), 204);
    assert_eq!(
        app.login("juror@example.org", "a brand new password").await.status(),
        200
    );

    // Staff could otherwise take over a colleague's or an admin's account.
    for (email, roles) in [("colleague@example.org", "staff"), ("boss@example.org", "admin")] {
        app.signed_in_with_roles(email, roles).await;
        let enrolled = app.enrol(&staff, enrolment(email, "نام", "other", &[])).await;
        let path = format!("{REVIEWERS}/{}/password-token", id(&enrolled["reviewer"]));
        let problem = assert_problem(app.post_empty(&path, Some(&staff)).await, 403, "forbidden").await;
        assert!(
            problem["detail"].as_str().is_some_and(|d| d.contains("admin")),
            "{problem}"
        );
        assert_eq!(
            app.login(email, PASSWORD).await.status(),
            200,
            "{email}'s password stands"
        );
    }
}

#[tokio::test]
async fn only_staff_manage_the_roster() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let member = app
        .enrol_reviewer(&staff, "juror@example.org", "university", &["cultural"])
        .await;
    let citizen = app.citizen("citizen@example.org").await;
    let one = format!("{REVIEWERS}/{}", member.id);
    let token_path = format!("{one}/password-token");
    let body = enrolment("someone@example.org", "کسی", "other", &[]);

    for (caller, status, code) in [
        (Some(citizen.as_str()), 403, "forbidden"),
        (Some(member.token.as_str()), 403, "forbidden"),
        (None, 401, "not_signed_in"),
    ] {
        assert_problem(app.get(REVIEWERS, caller).await, status, code).await;
        assert_problem(app.post(REVIEWERS, caller, body.clone()).await, status, code).await;
        assert_problem(app.get(&one, caller).await, status, code).await;
        assert_problem(app.patch(&one, caller, json!({ "maxLoad": 99 })).await, status, code).await;
        assert_problem(app.post_empty(&token_path, caller).await, status, code).await;
        // Not even a bad body tells them more.
        assert_problem(app.post(REVIEWERS, caller, json!({ "x": 1 })).await, status, code).await;
    }
    let unchanged = app.json(app.get(&one, Some(&staff)).await).await;
    assert_eq!(unchanged["maxLoad"], 20);
    assert_eq!(app.roster(&staff, "").await["total"], 1);
}
