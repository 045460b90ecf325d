//! Calls for ideas: staff create, edit (with If-Match) and close them, everyone reads them and their
//! phase; their history, public statistics and staff's exports.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use reqwest::Response;
use serde_json::{Value, json};

use crate::fixtures::{id, idea_body, open_call_body};
use crate::helpers::*;

/// Now plus `days`, as RFC 3339.
fn day(days: i64) -> String {
    (Utc::now() + TimeDelta::days(days)).to_rfc3339()
}

/// A call whose window lies `days` from now: opens, closes, review opens, review closes.
fn call_body(title: &str, window: [i64; 4]) -> Value {
    let mut body = open_call_body();
    body["title"] = json!({ "fa": title });
    for (field, days) in ["opensAt", "closesAt", "reviewOpensAt", "reviewClosesAt"]
        .into_iter()
        .zip(window)
    {
        body[field] = json!(day(days));
    }
    body
}

fn header(response: &Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("{name} header"))
        .to_owned()
}

fn instant(value: &Value) -> DateTime<Utc> {
    value
        .as_str()
        .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
        .expect("an RFC 3339 date-time")
        .with_timezone(&Utc)
}

fn ids(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item["id"].as_str())
        .collect()
}

fn counts(list: &Value) -> Vec<(String, u64)> {
    list.as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            let key = c["key"].as_str().or(c["date"].as_str()).expect("key").to_owned();
            (key, c["count"].as_u64().expect("count"))
        })
        .collect()
}

fn pairs(expected: &[(&str, u64)]) -> Vec<(String, u64)> {
    expected.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
}

#[tokio::test]
async fn staff_create_a_call_with_its_location_and_etag() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let response = app.post("/api/v1/calls", Some(&staff), open_call_body()).await;
    assert_eq!(response.status(), 201);
    let location = header(&response, "location");
    let etag = header(&response, "etag");
    let call: Value = response.json().await.expect("JSON");
    assert_eq!(location, format!("/api/v1/calls/{}", id(&call)));
    assert_eq!(etag, "\"1\"");
    assert_eq!(call["version"], 1);
    assert_eq!(call["phase"], "open");
    assert_eq!(
        call["title"],
        json!({ "fa": "فراخوان شهروند دیپلمات", "en": "Citizen Diplomat call" })
    );
    assert_eq!(call["description"]["en"], Value::Null);
    assert_eq!(call["domains"], json!(["cultural", "economic", "scientific"]));
    assert_eq!(call["ideasPerCitizen"], 3);
    // Defaults.
    assert_eq!(call["blindReview"], true);
    assert_eq!(call["reviewersPerIdea"], 3);
    assert_eq!(call["decisionsPublishedAt"], Value::Null);

    // Anyone reads it, with its version as the ETag.
    let response = app.get(&location, None).await;
    assert_eq!(header(&response, "etag"), "\"1\"");
    let shown = app.json(response).await;
    assert_eq!(shown["id"], call["id"]);
    assert_eq!(shown["phase"], "open");
    assert_eq!(instant(&shown["closesAt"]), instant(&call["closesAt"]));

    let unknown = format!("/api/v1/calls/{}", uuid::Uuid::new_v4());
    assert_problem(app.get(&unknown, None).await, 404, "not_found").await;
}

#[tokio::test]
async fn only_staff_create_calls() {
    let app = spawn_app().await;
    let citizen = app.citizen("sara@example.org").await;
    let response = app.post("/api/v1/calls", Some(&citizen), open_call_body()).await;
    assert_problem(response, 403, "forbidden").await;
    let response = app.post("/api/v1/calls", None, open_call_body()).await;
    assert_problem(response, 401, "not_signed_in").await;
    assert_eq!(app.json(app.get("/api/v1/calls", None).await).await["total"], 0);
}

#[tokio::test]
async fn invalid_calls_are_422_naming_the_field() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "no title.fa",
            json!({ "title": { "en": "Call" } }),
            "/title/fa",
            "required",
        ),
        (
            "blank title.fa",
            json!({ "title": { "fa": "  " } }),
            "/title/fa",
            "required",
        ),
        (
            "no description",
            json!({ "description": null }),
            "/description",
            "invalid_type",
        ),
        (
            "closes before it opens",
            json!({ "opensAt": day(5), "closesAt": day(4) }),
            "/closesAt",
            "out_of_order",
        ),
        (
            "review before the deadline",
            json!({ "closesAt": day(30), "reviewOpensAt": day(29) }),
            "/reviewOpensAt",
            "out_of_order",
        ),
        (
            "review closes before it opens",
            json!({ "reviewOpensAt": day(40), "reviewClosesAt": day(39) }),
            "/reviewClosesAt",
            "out_of_order",
        ),
        (
            "a date as text",
            json!({ "opensAt": "next Saturday" }),
            "/opensAt",
            "invalid_date",
        ),
        (
            "a Persian-style date",
            json!({ "opensAt": "1405/10/01" }),
            "/opensAt",
            "invalid_date",
        ),
        (
            "no such day",
            json!({ "closesAt": "2027-02-30" }),
            "/closesAt",
            "invalid_date",
        ),
        ("no domains", json!({ "domains": [] }), "/domains", "required"),
        (
            "a domain twice",
            json!({ "domains": ["cultural", "economic", "cultural"] }),
            "/domains",
            "duplicate",
        ),
        (
            "ideasPerCitizen 0",
            json!({ "ideasPerCitizen": 0 }),
            "/ideasPerCitizen",
            "range",
        ),
        (
            "ideasPerCitizen 51",
            json!({ "ideasPerCitizen": 51 }),
            "/ideasPerCitizen",
            "range",
        ),
        (
            "reviewersPerIdea 0",
            json!({ "reviewersPerIdea": 0 }),
            "/reviewersPerIdea",
            "range",
        ),
        (
            "reviewersPerIdea 11",
            json!({ "reviewersPerIdea": 11 }),
            "/reviewersPerIdea",
            "range",
        ),
        ("unknown field", json!({ "budget": 1000 }), "/budget", "unknown_field"),
    ];
    for (case, change, pointer, code) in cases {
        let mut body = open_call_body();
        for (key, value) in change.as_object().expect("object") {
            body[key] = value.clone();
        }
        let response = app.post("/api/v1/calls", Some(&staff), body).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "{case}: {problem}");
        assert_eq!(problem["errors"][0]["code"], code, "{case}");
    }
    let mut body = open_call_body();
    body["domains"] = json!(["cultural", "space"]);
    let problem = assert_problem(
        app.post("/api/v1/calls", Some(&staff), body).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/domains/1"]);
    let mut body = open_call_body();
    body.as_object_mut().expect("object").remove("closesAt");
    let problem = assert_problem(
        app.post("/api/v1/calls", Some(&staff), body).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/closesAt"]);
    assert_eq!(problem["errors"][0]["code"], "required");

    assert_eq!(
        app.json(app.get("/api/v1/calls", None).await).await["total"],
        0,
        "none created"
    );
    // The edges are accepted.
    let mut body = open_call_body();
    body["ideasPerCitizen"] = json!(50);
    body["reviewersPerIdea"] = json!(10);
    body["blindReview"] = json!(false);
    let call = app.create_call(&staff, body).await;
    assert_eq!(
        (call["ideasPerCitizen"].as_i64(), call["reviewersPerIdea"].as_i64()),
        (Some(50), Some(10))
    );
    assert_eq!(call["blindReview"], false);
}

#[tokio::test]
async fn a_date_without_a_time_is_a_whole_day_in_the_office_time_zone() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let mut body = open_call_body();
    // 1 Dey 1405 to 30 Bahman 1405; Tehran is at UTC+03:30.
    body["opensAt"] = json!("2026-12-21");
    body["closesAt"] = json!("2027-02-18");
    body["reviewOpensAt"] = json!("2027-02-20");
    body["reviewClosesAt"] = json!("2027-03-15");
    let call = app.create_call(&staff, body).await;
    assert_eq!(
        call["opensAt"], "2026-12-20T20:30:00Z",
        "the start of 21 December in Tehran"
    );
    assert_eq!(
        call["closesAt"], "2027-02-18T20:29:59.999999Z",
        "the end of 18 February in Tehran"
    );
    assert_eq!(call["reviewOpensAt"], "2027-02-19T20:30:00Z");
    assert_eq!(call["reviewClosesAt"], "2027-03-15T20:29:59.999999Z");

    // An instant with an offset stays that instant.
    let mut body = open_call_body();
    body["opensAt"] = json!("2026-12-21T08:30:00+03:30");
    body["closesAt"] = json!("2027-02-18");
    body["reviewOpensAt"] = json!("2027-02-18T20:29:59.999999Z");
    body["reviewClosesAt"] = json!("2027-03-15");
    let call = app.create_call(&staff, body).await;
    assert_eq!(call["opensAt"], "2026-12-21T05:00:00Z");
    // The review may open the moment the call closes.
    assert_eq!(call["reviewOpensAt"], call["closesAt"]);

    // One day is a valid window: from its start to its end.
    let mut body = open_call_body();
    body["opensAt"] = json!("2027-01-01");
    body["closesAt"] = json!("2027-01-01");
    body["reviewOpensAt"] = json!("2027-01-02");
    body["reviewClosesAt"] = json!("2027-01-02");
    let call = app.create_call(&staff, body).await;
    assert_eq!(call["opensAt"], "2026-12-31T20:30:00Z");
    assert_eq!(call["closesAt"], "2027-01-01T20:29:59.999999Z");
}

#[tokio::test]
async fn the_phase_follows_the_clock_in_the_call_the_list_and_its_filter() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let upcoming = id(&app.create_call(&staff, call_body("آینده", [10, 40, 41, 60])).await);
    let open = id(&app.create_call(&staff, call_body("باز", [-1, 30, 31, 60])).await);
    let closed = id(&app.create_call(&staff, call_body("بسته", [-10, -1, 1, 30])).await);
    let in_review = id(&app.create_call(&staff, call_body("داوری", [-20, -10, -5, 5])).await);
    let expected = [
        (&upcoming, "upcoming"),
        (&open, "open"),
        (&closed, "closed"),
        (&in_review, "in_review"),
    ];

    for (call, phase) in expected {
        let shown = app.json(app.get(&format!("/api/v1/calls/{call}"), None).await).await;
        assert_eq!(shown["phase"], phase);
    }

    // Public, the latest opening first.
    let all = app.json(app.get("/api/v1/calls", None).await).await;
    assert_eq!(all["total"], 4);
    assert_eq!((all["limit"].as_u64(), all["offset"].as_u64()), (Some(20), Some(0)));
    assert_eq!(ids(&all), [&upcoming, &open, &closed, &in_review]);
    let phases: Vec<&str> = all["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["phase"].as_str())
        .collect();
    assert_eq!(phases, ["upcoming", "open", "closed", "in_review"]);

    for (call, phase) in expected {
        let page = app
            .json(app.get(&format!("/api/v1/calls?phase={phase}"), None).await)
            .await;
        assert_eq!(page["total"], 1, "{phase}");
        assert_eq!(ids(&page), [call.as_str()], "{phase}");
        assert_eq!(page["items"][0]["phase"], phase);
    }
    let decided = app.json(app.get("/api/v1/calls?phase=decided", None).await).await;
    assert_eq!(decided["total"], 0);

    let page = app.json(app.get("/api/v1/calls?limit=2&offset=1", None).await).await;
    assert_eq!(page["total"], 4);
    assert_eq!((page["limit"].as_u64(), page["offset"].as_u64()), (Some(2), Some(1)));
    assert_eq!(ids(&page), [&open, &closed]);

    for (query, pointer) in [
        ("phase=finished", "/phase"),
        ("limit=0", "/limit"),
        ("limit=101", "/limit"),
        ("offset=-1", "/offset"),
        ("sort=title", "/sort"),
    ] {
        let response = app.get(&format!("/api/v1/calls?{query}"), None).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "for {query}");
    }
}

#[tokio::test]
async fn editing_a_call_needs_the_etag_it_was_read_with() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let call = app.create_open_call(&staff).await;
    let path = format!("/api/v1/calls/{}", id(&call));
    let change = json!({ "title": { "fa": "فراخوان دوم شهروند دیپلمات", "en": "Second call" } });

    let response = app.patch_if_match(&path, &staff, None, change.clone()).await;
    assert_problem(response, 428, "precondition_required").await;
    let response = app.patch_if_match(&path, &staff, Some("\"7\""), change.clone()).await;
    assert_problem(response, 412, "stale_version").await;
    let response = app.patch_if_match(&path, &citizen, Some("\"1\""), change.clone()).await;
    assert_problem(response, 403, "forbidden").await;
    let response = app.patch(&path, None, change.clone()).await;
    assert_problem(response, 401, "not_signed_in").await;
    let unchanged = app.json(app.get(&path, None).await).await;
    assert_eq!(unchanged["version"], 1);
    assert_eq!(unchanged["title"], call["title"]);

    let response = app.patch_if_match(&path, &staff, Some("\"1\""), change.clone()).await;
    assert_eq!(header(&response, "etag"), "\"2\"");
    let changed = app.json(response).await;
    assert_eq!(changed["version"], 2);
    assert_eq!(changed["title"]["en"], "Second call");
    assert_eq!(changed["domains"], call["domains"], "left as it was");
    assert_eq!(instant(&changed["closesAt"]), instant(&call["closesAt"]));
    let response = app.get(&path, None).await;
    assert_eq!(header(&response, "etag"), "\"2\"");
    assert_eq!(app.json(response).await["title"]["fa"], "فراخوان دوم شهروند دیپلمات");

    // The first ETag is stale now: a second editor who read version 1 does not overwrite the change.
    let other = json!({ "ideasPerCitizen": 5 });
    let response = app.patch_if_match(&path, &staff, Some("\"1\""), other.clone()).await;
    assert_problem(response, 412, "stale_version").await;
    let response = app.patch_if_match(&path, &staff, Some("\"2\""), other).await;
    let changed = app.json(response).await;
    assert_eq!(
        (changed["version"].as_i64(), changed["ideasPerCitizen"].as_i64()),
        (Some(3), Some(5))
    );
    assert_eq!(changed["title"]["en"], "Second call");

    // An edit is validated as a whole window.
    let response = app
        .patch_if_match(&path, &staff, Some("\"3\""), json!({ "closesAt": day(-2) }))
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/closesAt"]);
    assert_eq!(problem["errors"][0]["code"], "out_of_order");
    let response = app
        .patch_if_match(&path, &staff, Some("\"3\""), json!({ "domains": [] }))
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/domains"]);
    assert_eq!(app.json(app.get(&path, None).await).await["version"], 3);

    let unknown = format!("/api/v1/calls/{}", uuid::Uuid::new_v4());
    let response = app.patch_if_match(&unknown, &staff, Some("\"1\""), change).await;
    assert_problem(response, 404, "not_found").await;
}

#[tokio::test]
async fn a_calls_edits_are_in_its_history_for_staff() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let call = app.create_open_call(&staff).await;
    let path = format!("/api/v1/calls/{}", id(&call));
    let events_path = format!("{path}/events");

    let response = app
        .patch_if_match(
            &path,
            &staff,
            Some("\"1\""),
            json!({ "description": { "fa": "شرح تازه" } }),
        )
        .await;
    assert_eq!(response.status(), 200);
    // A new deadline as a day: the end of that day in Tehran.
    let deadline = (Utc::now() + TimeDelta::days(20)).date_naive();
    let response = app
        .patch_if_match(
            &path,
            &staff,
            Some("\"2\""),
            json!({ "closesAt": deadline.format("%Y-%m-%d").to_string() }),
        )
        .await;
    let moved = app.json(response).await;
    let new_deadline = format!("{deadline}T20:29:59.999999");
    assert_eq!(moved["closesAt"], format!("{new_deadline}Z"));

    let events = app.json(app.get(&events_path, Some(&staff)).await).await;
    let items = events["items"].as_array().expect("items");
    let kinds: Vec<&str> = items.iter().filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(kinds, ["call_created", "call_updated", "window_moved"]);
    let created = &items[0];
    assert!(created["actor"]["id"].is_string(), "{created}");
    let updated = &items[1];
    assert_eq!((&updated["from"], &updated["to"]), (&Value::Null, &Value::Null));
    let window = &items[2];
    let old_deadline = &call["closesAt"].as_str().expect("closesAt")[..19];
    let (from, to) = (
        window["from"].as_str().expect("from"),
        window["to"].as_str().expect("to"),
    );
    assert!(
        from.contains(old_deadline) && !from.contains(&new_deadline),
        "from: {from}"
    );
    assert!(to.contains(&new_deadline) && !to.contains(old_deadline), "to: {to}");
    assert_eq!(window["actor"], created["actor"]);

    assert_problem(app.get(&events_path, Some(&citizen)).await, 403, "forbidden").await;
    assert_problem(app.get(&events_path, None).await, 401, "not_signed_in").await;
    let unknown = format!("/api/v1/calls/{}/events", uuid::Uuid::new_v4());
    assert_problem(app.get(&unknown, Some(&staff)).await, 404, "not_found").await;
}

#[tokio::test]
async fn staff_close_an_open_call_early_once() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let city = app.create_city(&staff, "فلورانس", "Florence", "IT").await;
    let call = app.create_open_call(&staff).await;
    let path = format!("/api/v1/calls/{}", id(&call));
    let draft = app
        .create_idea(
            &citizen,
            idea_body(&id(&call), &id(&city), "هفته فرهنگی اصفهان در فلورانس"),
        )
        .await;

    let note = json!({ "note": "بودجه امسال تمام شد" });
    let close = format!("{path}/close");
    assert_problem(app.post(&close, Some(&citizen), note.clone()).await, 403, "forbidden").await;
    assert_problem(app.post(&close, None, note.clone()).await, 401, "not_signed_in").await;

    let before = Utc::now();
    let response = app.post(&close, Some(&staff), note.clone()).await;
    assert_eq!(header(&response, "etag"), "\"2\"");
    let closed = app.json(response).await;
    let after = Utc::now();
    let closes_at = instant(&closed["closesAt"]);
    assert!(
        before - TimeDelta::seconds(1) <= closes_at && closes_at <= after,
        "{closes_at}"
    );
    assert_eq!(closed["version"], 2);
    let shown = app.json(app.get(&path, None).await).await;
    assert_eq!(shown["phase"], "closed");
    assert_eq!(instant(&shown["closesAt"]), closes_at);
    let listed = app.json(app.get("/api/v1/calls?phase=closed", None).await).await;
    assert_eq!(ids(&listed), [id(&call)]);

    let events = app.json(app.get(&format!("{path}/events"), Some(&staff)).await).await;
    let last = events["items"].as_array().and_then(|e| e.last()).expect("an event");
    assert_eq!(last["kind"], "closed_early");
    assert_eq!(last["note"], "بودجه امسال تمام شد");
    assert!(last["actor"]["id"].is_string());
    let old_deadline = &call["closesAt"].as_str().expect("closesAt")[..19];
    assert!(
        last["from"].as_str().is_some_and(|from| from.contains(old_deadline)),
        "{last}"
    );
    assert!(last["to"].is_string());

    assert_problem(app.post(&close, Some(&staff), json!({})).await, 409, "call_closed").await;
    assert_eq!(app.json(app.get(&path, None).await).await["version"], 2, "unchanged");

    // Citizens can no longer propose or submit.
    let response = app
        .post_empty(&format!("/api/v1/ideas/{}/submit", id(&draft)), Some(&citizen))
        .await;
    assert_problem(response, 409, "call_closed").await;
    let body = idea_body(&id(&call), &id(&city), "نمایشگاه صنایع دستی در فلورانس");
    assert_problem(
        app.post("/api/v1/ideas", Some(&citizen), body).await,
        409,
        "call_closed",
    )
    .await;

    // A call not open yet cannot be closed: its window moves instead.
    let upcoming = app.create_call(&staff, call_body("آینده", [10, 40, 41, 60])).await;
    let response = app
        .post(
            &format!("/api/v1/calls/{}/close", id(&upcoming)),
            Some(&staff),
            json!({}),
        )
        .await;
    assert_problem(response, 409, "call_not_open").await;
    let in_review = app.create_call(&staff, call_body("داوری", [-20, -10, -5, 5])).await;
    let response = app
        .post(
            &format!("/api/v1/calls/{}/close", id(&in_review)),
            Some(&staff),
            json!({}),
        )
        .await;
    assert_problem(response, 409, "call_closed").await;
    let unknown = format!("/api/v1/calls/{}/close", uuid::Uuid::new_v4());
    assert_problem(app.post(&unknown, Some(&staff), json!({})).await, 404, "not_found").await;
}

#[tokio::test]
async fn the_answer_to_closing_a_call_says_it_is_closed() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let call = app.create_open_call(&staff).await;
    let closed = app.close_call(&staff, &id(&call)).await;
    assert_eq!(closed["phase"], "closed", "{closed}");
}

/// A citizen with this occupation (None: no profile), signed in.
async fn citizen_with(app: &TestApp, email: &str, occupation: Option<&str>) -> String {
    let citizen = app.citizen(email).await;
    if let Some(occupation) = occupation {
        let change = json!({ "profile": { "occupationCategory": occupation } });
        let response = app.patch("/api/v1/me", Some(&citizen), change).await;
        assert_eq!(response.status(), 200);
    }
    citizen
}

/// Creates and submits an idea: its id.
async fn submit(app: &TestApp, token: &str, body: Value) -> String {
    let idea = app.create_idea(token, body).await;
    let response = app
        .post_empty(&format!("/api/v1/ideas/{}/submit", id(&idea)), Some(token))
        .await;
    assert_eq!(response.status(), 200);
    id(&idea)
}

fn body_for(call: &str, city: &Value, title: &str, domain: &str) -> Value {
    let mut body = idea_body(call, &id(city), title);
    body["domain"] = json!(domain);
    body
}

#[tokio::test]
async fn a_calls_statistics_are_public_aggregates_and_staff_also_see_progress() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let florence = app.create_city(&staff, "فلورانس", "Florence", "IT").await;
    let kuala_lumpur = app.create_city(&staff, "کوالالامپور", "Kuala Lumpur", "MY").await;
    let freiburg = app.create_city(&staff, "فرایبورگ", "Freiburg", "DE").await;
    let call = id(&app.create_open_call(&staff).await);
    let trader = citizen_with(&app, "trader@example.org", Some("trader")).await;
    let anonymous = citizen_with(&app, "someone@example.org", None).await;
    let athlete = citizen_with(&app, "athlete@example.org", Some("athlete")).await;

    let first = submit(
        &app,
        &trader,
        body_for(&call, &florence, "هفته فرهنگی در فلورانس", "cultural"),
    )
    .await;
    submit(
        &app,
        &trader,
        body_for(&call, &kuala_lumpur, "نمایشگاه تجاری در کوالالامپور", "economic"),
    )
    .await;
    submit(
        &app,
        &anonymous,
        body_for(&call, &florence, "تبادل هنرمندان با فلورانس", "cultural"),
    )
    .await;
    // A draft and a withdrawn idea, each with a domain, country and category of its own: counted by state only.
    app.create_idea(
        &anonymous,
        body_for(&call, &freiburg, "پیش‌نویس همکاری علمی", "scientific"),
    )
    .await;
    let withdrawn = submit(
        &app,
        &athlete,
        body_for(&call, &freiburg, "تبادل دانشگاهی با فرایبورگ", "scientific"),
    )
    .await;
    let response = app
        .post_empty(&format!("/api/v1/ideas/{withdrawn}/withdraw"), Some(&athlete))
        .await;
    assert_eq!(response.status(), 200);

    let stats_path = format!("/api/v1/calls/{call}/stats");
    let response = app.get(&stats_path, None).await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.expect("body");
    assert!(!text.contains("@example.org"), "no personal data: {text}");
    let stats: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(stats["callId"], call);
    assert_eq!(stats["submitted"], 3);
    assert_eq!(
        counts(&stats["byState"]),
        pairs(&[("submitted", 3), ("draft", 1), ("withdrawn", 1)])
    );
    assert_eq!(counts(&stats["byDomain"]), pairs(&[("cultural", 2), ("economic", 1)]));
    assert_eq!(counts(&stats["byTargetCountry"]), pairs(&[("IT", 2), ("MY", 1)]));
    assert_eq!(
        counts(&stats["bySubmitterCategory"]),
        pairs(&[("trader", 2), ("unknown", 1)])
    );
    let today_in_tehran = (Utc::now() + TimeDelta::minutes(210)).date_naive().to_string();
    assert_eq!(counts(&stats["byDay"]), pairs(&[(&today_in_tehran, 3)]));
    assert!(stats.get("progress").is_none(), "no progress for the public: {stats}");
    let as_citizen = app.json(app.get(&stats_path, Some(&trader)).await).await;
    assert!(as_citizen.get("progress").is_none());
    assert_eq!(as_citizen["byDomain"], stats["byDomain"]);

    let as_staff = app.json(app.get(&stats_path, Some(&staff)).await).await;
    assert_eq!(as_staff["progress"], json!({ "awaitingScreening": 3, "screened": 0 }));
    let response = app.screen(&staff, &first, json!({ "decision": "shortlist" })).await;
    assert_eq!(response.status(), 200);
    let as_staff = app.json(app.get(&stats_path, Some(&staff)).await).await;
    assert_eq!(as_staff["progress"], json!({ "awaitingScreening": 2, "screened": 1 }));
    assert_eq!(as_staff["submitted"], 3);
    assert_eq!(
        counts(&as_staff["byState"]),
        pairs(&[("submitted", 2), ("draft", 1), ("shortlisted", 1), ("withdrawn", 1)])
    );

    let unknown = format!("/api/v1/calls/{}/stats", uuid::Uuid::new_v4());
    assert_problem(app.get(&unknown, None).await, 404, "not_found").await;
    assert_problem(app.get(&stats_path, Some("not-a-token")).await, 401, "invalid_token").await;

    // A call without ideas has empty statistics.
    let empty = id(&app.create_open_call(&staff).await);
    let stats = app
        .json(app.get(&format!("/api/v1/calls/{empty}/stats"), None).await)
        .await;
    assert_eq!(stats["submitted"], 0);
    for list in ["byState", "byDomain", "byTargetCountry", "bySubmitterCategory", "byDay"] {
        assert_eq!(stats[list], json!([]), "{list}");
    }
}

#[tokio::test]
async fn statistics_per_day_count_the_offices_days() {
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let city = app.create_city(&staff, "فلورانس", "Florence", "IT").await;
    let call = id(&app.create_open_call(&staff).await);
    // 26 November 2026 in UTC both; in Tehran, 23:30 on the 26th and 00:30 on the 27th.
    let times = ["2026-11-26T20:00:00Z", "2026-11-26T21:00:00Z", "2026-11-26T21:30:00Z"];
    let conn = app.db().await;
    for (n, at) in times.iter().enumerate() {
        let idea = app
            .submitted_idea(&citizen, &call, &id(&city), &format!("ایده شماره {n} برای فلورانس"))
            .await;
        let at: DateTime<Utc> = at.parse().expect("time");
        let idea_id: uuid::Uuid = id(&idea).parse().expect("uuid");
        db::entities::idea::Entity::update_many()
            .col_expr(db::entities::idea::Column::SubmittedAt, Expr::value(at))
            .filter(db::entities::idea::Column::Id.eq(idea_id))
            .exec(&conn)
            .await
            .expect("backdated");
    }
    let stats = app
        .json(app.get(&format!("/api/v1/calls/{call}/stats"), None).await)
        .await;
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("date").to_string();
    assert_eq!(counts(&stats["byDay"]), vec![(day(26), 1), (day(27), 2)]);
}

#[tokio::test]
async fn staff_export_a_calls_ideas_as_csv_or_xlsx() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let city = app.create_city(&staff, "کوالالامپور", "Kuala Lumpur", "MY").await;
    let call = id(&app.create_open_call(&staff).await);
    let fair = app
        .submitted_idea(&citizen, &call, &id(&city), "نمایشگاه تجاری اصفهان در کوالالامپور")
        .await;
    app.submitted_idea(&citizen, &call, &id(&city), "Trade fair, \"Kuala Lumpur\" 2027")
        .await;
    // The first idea's files: a proposal, evidence marked identifying (staff see it all), and one removed.
    let files_path = format!("/api/v1/ideas/{}/files", id(&fair));
    let (pdf, png) = (crate::files_fixtures::pdf(None), crate::files_fixtures::png(8, 8));
    assert!(pdf.len() < 1000 && png.len() < 1000, "sizes written in bytes below");
    let (pdf_len, png_len) = (pdf.len(), png.len());
    for (name, bytes, fields) in [
        ("طرح کامل.pdf", pdf.clone(), &[("kind", "proposal")][..]),
        ("photo.png", png, &[("kind", "evidence"), ("identifying", "true")][..]),
        ("old.pdf", pdf, &[][..]),
    ] {
        let response = app.upload(&files_path, Some(&citizen), name, bytes, fields).await;
        assert_eq!(response.status(), 201, "{name}");
        if name == "old.pdf" {
            let old: Value = response.json().await.expect("the file");
            let removed = app.delete(&format!("/api/v1/files/{}", id(&old)), Some(&citizen)).await;
            assert_eq!(removed.status(), 204);
        }
    }
    let path = format!("/api/v1/calls/{call}/ideas/export");

    let response = app.get(&path, Some(&staff)).await;
    assert_eq!(response.status(), 200);
    assert!(header(&response, "content-type").starts_with("text/csv"));
    let disposition = header(&response, "content-disposition");
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(disposition.contains(&format!("ideas-{call}.csv")), "{disposition}");
    let bytes = response.bytes().await.expect("body");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "a UTF-8 byte-order mark");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("id,state,submitted_at,title,summary,domain,target_city_fa,target_city_en,target_country"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 3, "a header and two ideas: {text}");
    assert!(text.contains(",نمایشگاه تجاری اصفهان در کوالالامپور,"), "{text}");
    assert!(
        text.contains(",\"Trade fair, \"\"Kuala Lumpur\"\" 2027\","),
        "quoted: {text}"
    );
    assert!(text.contains("کوالالامپور,Kuala Lumpur,MY,"), "{text}");
    assert!(text.contains("sara@example.org"), "staff see the submitter");
    // The last column lists each idea's live files, name (kind, size), in the order they were added.
    assert!(
        lines[0].ends_with(",best_match_id,best_match_title,best_match_score,files"),
        "{}",
        lines[0]
    );
    let files = format!("\"طرح کامل.pdf (proposal, {pdf_len} B); photo.png (evidence, {png_len} B)\"");
    // Each idea names the other as its best match: their lines are told apart by their ids.
    let fair_id = id(&fair);
    let (fair_line, other) = match lines[1..]
        .iter()
        .partition::<Vec<&&str>, _>(|l| l.starts_with(&fair_id))
    {
        (fair, other) if fair.len() == 1 && other.len() == 1 => (fair[0], other[0]),
        _ => panic!("two ideas: {text}"),
    };
    assert!(fair_line.ends_with(&files), "{fair_line}");
    assert!(!text.contains("old.pdf"), "a removed file is not listed: {text}");
    assert!(other.ends_with(','), "an idea without files has an empty cell: {other}");

    let response = app.get(&format!("{path}?format=csv"), Some(&staff)).await;
    assert_eq!(response.bytes().await.expect("body"), bytes);

    let response = app.get(&format!("{path}?format=xlsx"), Some(&staff)).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        header(&response, "content-type"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(header(&response, "content-disposition").contains(&format!("ideas-{call}.xlsx")));
    let bytes = response.bytes().await.expect("body");
    assert!(bytes.starts_with(b"PK"), "a ZIP archive");

    assert_problem(app.get(&path, Some(&citizen)).await, 403, "forbidden").await;
    assert_problem(app.get(&path, None).await, 401, "not_signed_in").await;
    let unknown = format!("/api/v1/calls/{}/ideas/export", uuid::Uuid::new_v4());
    assert_problem(app.get(&unknown, Some(&staff)).await, 404, "not_found").await;
    let response = app.get(&format!("{path}?format=pdf"), Some(&staff)).await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/format"]);
}

#[tokio::test]
async fn the_csv_export_neutralises_formulas_in_citizens_text() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let city = app.create_city(&staff, "فلورانس", "Florence", "IT").await;
    let call = id(&app.create_open_call(&staff).await);
    let formula = "=HYPERLINK(\"http://evil.example\",\"Open\")";
    app.submitted_idea(&citizen, &call, &id(&city), formula).await;

    let response = app
        .get(&format!("/api/v1/calls/{call}/ideas/export"), Some(&staff))
        .await;
    let text = response.text().await.expect("body");
    assert!(text.contains("HYPERLINK"), "the title is exported: {text}");
    assert!(
        !text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"),
        "a spreadsheet would run it: {text}"
    );
}

/// Who may call comes before what was sent: a citizen's invalid body to a staff action is 403, and a
/// missing token 401, never a 422 about a body they were not allowed to send.
#[tokio::test]
async fn the_role_is_checked_before_the_body() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("citizen@example.org").await;
    let call = id(&app.create_open_call(&staff).await);
    for _ in 0..10 {
        let bad = json!({ "reviewersPerIdea": "x" });
        let response = app
            .patch_if_match(&format!("/api/v1/calls/{call}"), &citizen, Some("*"), bad.clone())
            .await;
        assert_problem(response, 403, "forbidden").await;
        assert_problem(
            app.post("/api/v1/calls", Some(&citizen), bad.clone()).await,
            403,
            "forbidden",
        )
        .await;
        assert_problem(app.post("/api/v1/calls", None, bad).await, 401, "not_signed_in").await;
    }
}

/// The actions a call's view offers the caller.
async fn allowed(app: &TestApp, call: &str, token: Option<&str>) -> Vec<String> {
    let shown = app.json(app.get(&format!("/api/v1/calls/{call}"), token).await).await;
    shown["allowedActions"]
        .as_array()
        .unwrap_or_else(|| panic!("allowedActions in {shown}"))
        .iter()
        .filter_map(|action| action.as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn a_call_offers_each_caller_what_they_may_do_next() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let mut body = open_call_body();
    body["ideasPerCitizen"] = json!(1);
    let open = id(&app.create_call(&staff, body).await);

    // An open call: the public may only read it; a citizen may propose; staff may also edit, close, set the
    // rubric and record decisions, but not publish while ideas still come.
    assert!(allowed(&app, &open, None).await.is_empty());
    assert_eq!(allowed(&app, &open, Some(&citizen)).await, ["propose_idea"]);
    assert_eq!(
        allowed(&app, &open, Some(&staff)).await,
        ["edit", "close", "propose_idea", "edit_rubric", "record_decisions"]
    );

    // At the call's limit of ideas, the citizen may propose no more: creating one is refused alike.
    let city = app.create_city(&staff, "فلورانس", "Florence", "IT").await;
    app.create_idea(&citizen, idea_body(&open, &id(&city), "هفته فرهنگی اصفهان در فلورانس"))
        .await;
    assert!(allowed(&app, &open, Some(&citizen)).await.is_empty());
    let second = idea_body(&open, &id(&city), "نمایشگاه صنایع دستی در فلورانس");
    assert_problem(
        app.post("/api/v1/ideas", Some(&citizen), second).await,
        409,
        "idea_limit_reached",
    )
    .await;

    // A call in review with nothing waiting for the jury: nobody proposes, staff may publish; the answers
    // about the call's other actions agree.
    let in_review = id(&app.create_call(&staff, call_body("داوری", [-20, -10, -5, 5])).await);
    assert!(allowed(&app, &in_review, Some(&citizen)).await.is_empty());
    assert_eq!(
        allowed(&app, &in_review, Some(&staff)).await,
        ["edit", "edit_rubric", "record_decisions", "publish_decisions"]
    );
    let close = format!("/api/v1/calls/{in_review}/close");
    assert_problem(app.post(&close, Some(&staff), json!({})).await, 409, "call_closed").await;
    let publish = format!("/api/v1/calls/{in_review}/decisions/publish");
    assert_eq!(app.post_empty(&publish, Some(&staff)).await.status(), 200);
    assert_eq!(allowed(&app, &in_review, Some(&staff)).await, ["edit"]);

    // Lists leave the actions out: they are read one call at a time.
    let page = app.json(app.get("/api/v1/calls", Some(&staff)).await).await;
    assert!(page["items"][0].get("allowedActions").is_none(), "{page}");
}

#[tokio::test]
async fn calls_are_listed_in_the_order_of_the_date_asked_for() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    // Created in this order; each date puts them in another.
    let a = id(&app.create_call(&staff, call_body("الف", [-20, 40, 41, 60])).await);
    let b = id(&app.create_call(&staff, call_body("ب", [-5, 10, 11, 20])).await);
    let c = id(&app.create_call(&staff, call_body("پ", [-10, 20, 25, 70])).await);
    let (a, b, c) = (a.as_str(), b.as_str(), c.as_str());
    let listed = |query: &'static str| {
        let app = &app;
        async move {
            let page = app.json(app.get(&format!("/api/v1/calls{query}"), None).await).await;
            ids(&page).into_iter().map(str::to_owned).collect::<Vec<_>>()
        }
    };

    // Unsorted: the latest opening first, as before.
    assert_eq!(listed("").await, [b, c, a]);
    assert_eq!(listed("?sort=-opensAt").await, [b, c, a]);
    assert_eq!(listed("?sort=opensAt").await, [a, c, b]);
    assert_eq!(listed("?sort=closesAt").await, [b, c, a]);
    assert_eq!(listed("?sort=-closesAt").await, [a, c, b]);
    assert_eq!(listed("?sort=reviewOpensAt").await, [b, c, a]);
    assert_eq!(listed("?sort=-reviewClosesAt").await, [c, a, b]);
    assert_eq!(listed("?sort=createdAt").await, [a, b, c]);
    assert_eq!(listed("?sort=-createdAt").await, [c, b, a]);
    // With a filter and a page.
    assert_eq!(listed("?phase=open&sort=closesAt&limit=2&offset=1").await, [c, a]);

    for query in ["sort=title", "sort=closes_at", "sort=--opensAt", "sort="] {
        let response = app.get(&format!("/api/v1/calls?{query}"), None).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), ["/sort"], "for {query}");
    }
}

#[tokio::test]
async fn a_calls_view_counts_its_ideas_as_its_reader_may_know() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let florence = app.create_city(&staff, "فلورانس", "Florence", "IT").await;
    let call = id(&app.create_open_call(&staff).await);
    let trader = citizen_with(&app, "trader@example.org", Some("trader")).await;
    let athlete = citizen_with(&app, "athlete@example.org", None).await;
    let first = submit(
        &app,
        &trader,
        body_for(&call, &florence, "هفته فرهنگی در فلورانس", "cultural"),
    )
    .await;
    submit(
        &app,
        &trader,
        body_for(&call, &florence, "تبادل هنرمندان با فلورانس", "cultural"),
    )
    .await;
    app.create_idea(&athlete, body_for(&call, &florence, "پیش‌نویس همکاری ورزشی", "cultural"))
        .await;
    let withdrawn = submit(
        &app,
        &athlete,
        body_for(&call, &florence, "اردوی ورزشی در فلورانس", "cultural"),
    )
    .await;
    let response = app
        .post_empty(&format!("/api/v1/ideas/{withdrawn}/withdraw"), Some(&athlete))
        .await;
    assert_eq!(response.status(), 200);
    let response = app.screen(&staff, &first, json!({ "decision": "shortlist" })).await;
    assert_eq!(response.status(), 200);

    let path = format!("/api/v1/calls/{call}");
    let public_counts = json!({
        "submitted": 2,
        "byState": {
            "submitted": 1, "shortlisted": 1, "rejected": 0, "in_review": 0, "reviewed": 0,
            "selected": 0, "not_selected": 0,
        },
    });
    // The public, a citizen (even one with a draft and a withdrawn idea) and a juror: submitted ideas only.
    let reviewer = app.reviewer().await;
    for token in [None, Some(athlete.as_str()), Some(reviewer.as_str())] {
        let shown = app.json(app.get(&path, token).await).await;
        assert_eq!(shown["counts"], public_counts, "as {token:?}");
    }
    // Staff: every state.
    let shown = app.json(app.get(&path, Some(&staff)).await).await;
    assert_eq!(
        shown["counts"],
        json!({
            "submitted": 2,
            "byState": {
                "draft": 1, "submitted": 1, "withdrawn": 1, "shortlisted": 1, "rejected": 0, "in_review": 0,
                "reviewed": 0, "selected": 0, "not_selected": 0,
            },
        })
    );
    // Never more than the call's public statistics tell.
    let stats = app.json(app.get(&format!("{path}/stats"), None).await).await;
    assert_eq!(stats["submitted"], public_counts["submitted"]);

    // A call without ideas counts zeros; lists and the answers to changes leave the counts out.
    let empty = id(&app.create_open_call(&staff).await);
    let shown = app.json(app.get(&format!("/api/v1/calls/{empty}"), None).await).await;
    assert_eq!(shown["counts"]["submitted"], 0);
    assert!(
        shown["counts"]["byState"]
            .as_object()
            .is_some_and(|m| m.values().all(|n| n == 0))
    );
    let page = app.json(app.get("/api/v1/calls", Some(&staff)).await).await;
    assert!(page["items"][0].get("counts").is_none(), "{page}");
    let closed = app.close_call(&staff, &empty).await;
    assert!(closed.get("counts").is_none(), "{closed}");
}
