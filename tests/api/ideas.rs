//! Ideas: drafting them, every step of their life and the steps refused, the deadline, edits that
//! must not overwrite another's, and who sees what (DESIGN.md, "The life of an idea", "Who sees what").

use reqwest::Response;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::fixtures::*;
use crate::helpers::*;

/// What most tests start from: a staff member, a city and an open call (cultural, economic and
/// scientific ideas, three per citizen).
struct World {
    staff: String,
    call: String,
    city: String,
}

async fn world(app: &TestApp) -> World {
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let call = id(&app.create_open_call(&staff).await);
    World { staff, call, city }
}

fn idea_path(idea: &str) -> String {
    format!("/api/v1/ideas/{idea}")
}

/// A draft with only what a draft needs.
fn draft_body(call: &str, city: &str, title: &str) -> Value {
    json!({ "callId": call, "title": title, "domain": "cultural", "targetCityId": city })
}

fn kinds(events: &Value) -> Vec<&str> {
    events["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind"))
        .collect()
}

/// Creates an idea: its id.
async fn create(app: &TestApp, token: &str, body: Value) -> String {
    id(&app.create_idea(token, body).await)
}

/// Creates a complete idea and submits it: its id.
async fn create_submitted(app: &TestApp, token: &str, call: &str, city: &str, title: &str) -> String {
    id(&app.submitted_idea(token, call, city, title).await)
}

/// The idea as `token` reads it (200 expected).
async fn read(app: &TestApp, idea: &str, token: &str) -> Value {
    app.json(app.get(&idea_path(idea), Some(token)).await).await
}

async fn submit(app: &TestApp, idea: &str, token: &str) -> Response {
    app.post_empty(&format!("/api/v1/ideas/{idea}/submit"), Some(token))
        .await
}

async fn withdraw(app: &TestApp, idea: &str, token: &str) -> Response {
    app.post_empty(&format!("/api/v1/ideas/{idea}/withdraw"), Some(token))
        .await
}

async fn events(app: &TestApp, idea: &str, token: Option<&str>) -> Response {
    app.get(&format!("/api/v1/ideas/{idea}/events"), token).await
}

/// The account behind a token: its id and display name.
async fn me(app: &TestApp, token: &str) -> Value {
    app.json(app.get("/api/v1/me", Some(token)).await).await
}

/// Puts an idea in a state no endpoint reaches yet (selected: published after a jury decision).
/// Through the entity, so that the id is bound as each database stores a uuid.
async fn put_in_state(app: &TestApp, idea: &str, state: &str) {
    let idea_id = uuid::Uuid::parse_str(idea).expect("uuid");
    let result = db::entities::idea::Entity::update_many()
        .col_expr(db::entities::idea::Column::State, Expr::value(state))
        .filter(db::entities::idea::Column::Id.eq(idea_id))
        .exec(&app.db().await)
        .await
        .expect("state set");
    assert_eq!(result.rows_affected, 1, "one idea put in {state}");
}

// ---------------------------------------------------------------------------------------------
// Create

#[tokio::test]
async fn a_draft_needs_only_a_title_domain_and_city_and_answers_201_with_location_and_etag() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;

    // Five Persian letters: the shortest title.
    let response = app
        .post("/api/v1/ideas", Some(&citizen), draft_body(&w.call, &w.city, "سلامت"))
        .await;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().expect("Location").to_owned();
    assert_eq!(etag(&response), "\"1\"");
    let idea: Value = response.json().await.expect("JSON");
    assert_eq!(location, idea_path(&id(&idea)));
    assert_eq!(idea["state"], "draft");
    assert_eq!(idea["version"], 1);
    assert_eq!(idea["callId"], w.call.as_str());
    assert_eq!(idea["title"], "سلامت");
    assert_eq!(idea["domain"], "cultural");
    assert_eq!(idea["targetCity"]["id"], w.city.as_str());
    assert_eq!(idea["summary"], "");
    assert_eq!(idea["partners"], json!([]));
    assert_eq!(idea["submittedAt"], Value::Null);
    assert!(idea.get("channel").is_none(), "no channel yet: {idea}");

    // The Location answers with the same idea and ETag.
    let response = app.get(&location, Some(&citizen)).await;
    assert_eq!(etag(&response), "\"1\"");
    let read_back = app.json(response).await;
    assert_eq!(read_back["id"], idea["id"]);
    assert_eq!(read_back["state"], "draft");

    // 200 Persian letters: the longest title (400 bytes: letters are counted, not bytes), counted
    // and saved without the spaces around it.
    let long = "ش".repeat(200);
    let idea = app
        .create_idea(&citizen, draft_body(&w.call, &w.city, &format!("  {long}  ")))
        .await;
    assert_eq!(idea["title"], long.as_str());
}

#[tokio::test]
async fn each_invalid_field_is_422_with_its_pointer_and_nothing_is_created() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let full = || idea_body(&w.call, &w.city, "تبادل دانشجویی با فلورانس");
    let with = |key: &str, value: Value| {
        let mut body = full();
        body[key] = value;
        body
    };
    let many_partners: Vec<Value> = (0..21).map(|i| json!({ "name": format!("Partner {i}") })).collect();
    let mut long_years = full();
    long_years["channel"]["years"] = json!(81);
    let mut bad_country = full();
    bad_country["partners"][0]["country"] = json!("XX");
    let mut no_title = full();
    no_title.as_object_mut().expect("object").remove("title");

    let cases = [
        // Four Persian letters are too few, though they take eight bytes.
        (with("title", json!("ایده")), "/title", "length"),
        (with("title", json!("ش".repeat(201))), "/title", "length"),
        (with("title", json!("  abcd  ")), "/title", "length"),
        (with("summary", json!("ب".repeat(501))), "/summary", "too_long"),
        (with("body", json!("a".repeat(20_001))), "/body", "too_long"),
        (
            with("expectedOutcomes", json!("ن".repeat(5_001))),
            "/expectedOutcomes",
            "too_long",
        ),
        (with("domain", json!("tourism")), "/domain", "not_in_call"),
        (with("domain", json!("space")), "/domain", "invalid"),
        (
            with("targetCityId", json!(uuid::Uuid::new_v4())),
            "/targetCityId",
            "unknown_city",
        ),
        (with("callId", json!(uuid::Uuid::new_v4())), "/callId", "unknown_call"),
        (long_years, "/channel/years", "range"),
        (with("partners", json!(many_partners)), "/partners", "too_many"),
        (bad_country, "/partners/0/country", "invalid_country"),
        (no_title, "/title", "required"),
        (with("priority", json!("high")), "/priority", "unknown_field"),
    ];
    for (body, pointer, code) in cases {
        let response = app.post("/api/v1/ideas", Some(&citizen), body).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "{problem}");
        assert_eq!(problem["errors"][0]["code"], code, "for {pointer}: {problem}");
    }

    // None of them was saved: the cap of three still lets three through.
    for n in 1..=3 {
        let title = format!("ایده شماره {n}");
        app.create_idea(&citizen, idea_body(&w.call, &w.city, &title)).await;
    }
}

#[tokio::test]
async fn ideas_are_created_only_while_the_call_is_open() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;

    let day = |offset: i64| (chrono::Utc::now() + chrono::TimeDelta::days(offset)).to_rfc3339();
    let mut upcoming = open_call_body();
    upcoming["opensAt"] = json!(day(10));
    upcoming["closesAt"] = json!(day(40));
    upcoming["reviewOpensAt"] = json!(day(41));
    upcoming["reviewClosesAt"] = json!(day(70));
    let upcoming = id(&app.create_call(&w.staff, upcoming).await);
    let response = app
        .post(
            "/api/v1/ideas",
            Some(&citizen),
            idea_body(&upcoming, &w.city, "زود آمده"),
        )
        .await;
    assert_problem(response, 409, "call_not_open").await;

    app.close_call(&w.staff, &w.call).await;
    let response = app
        .post(
            "/api/v1/ideas",
            Some(&citizen),
            idea_body(&w.call, &w.city, "دیر رسیده"),
        )
        .await;
    assert_problem(response, 409, "call_closed").await;
}

#[tokio::test]
async fn the_cap_counts_a_citizens_ideas_but_not_the_withdrawn_ones() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let mut body = open_call_body();
    body["ideasPerCitizen"] = json!(1);
    let call = id(&app.create_call(&w.staff, body).await);
    let sara = app.citizen("sara@example.org").await;

    let first = create(&app, &sara, idea_body(&call, &w.city, "نخستین ایده")).await;
    let response = app
        .post("/api/v1/ideas", Some(&sara), draft_body(&call, &w.city, "دومین ایده"))
        .await;
    assert_problem(response, 409, "idea_limit_reached").await;

    // The cap is per citizen, and per call.
    let reza = app.citizen("reza@example.org").await;
    app.create_idea(&reza, draft_body(&call, &w.city, "ایده رضا")).await;
    app.create_idea(&sara, draft_body(&w.call, &w.city, "در فراخوان دیگر"))
        .await;

    // A submitted idea counts too.
    assert_eq!(submit_ok(&app, &sara, &first).await["state"], "submitted");
    let response = app
        .post("/api/v1/ideas", Some(&sara), draft_body(&call, &w.city, "دومین ایده"))
        .await;
    assert_problem(response, 409, "idea_limit_reached").await;

    assert_eq!(
        app.json(withdraw(&app, &first, &sara).await).await["state"],
        "withdrawn"
    );
    let second = app.create_idea(&sara, draft_body(&call, &w.city, "دومین ایده")).await;
    assert_eq!(second["state"], "draft");
}

async fn submit_ok(app: &TestApp, token: &str, idea: &str) -> Value {
    app.json(submit(app, idea, token).await).await
}

#[tokio::test]
async fn every_idea_action_needs_a_valid_token() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let idea = create(&app, &citizen, draft_body(&w.call, &w.city, "ایده سارا")).await;

    let response = app
        .post("/api/v1/ideas", None, idea_body(&w.call, &w.city, "بی‌نام"))
        .await;
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_problem(response, 401, "not_signed_in").await;
    let response = app
        .post(
            "/api/v1/ideas",
            Some("not-a-token"),
            idea_body(&w.call, &w.city, "بی‌نام"),
        )
        .await;
    assert_problem(response, 401, "invalid_token").await;

    let patch = app
        .client
        .patch(app.url(&idea_path(&idea)))
        .header("If-Match", "\"1\"")
        .json(&json!({ "title": "عنوان تازه" }))
        .send()
        .await
        .expect("sent");
    assert_problem(patch, 401, "not_signed_in").await;
    let path = format!("/api/v1/ideas/{idea}/submit");
    assert_problem(app.post_empty(&path, None).await, 401, "not_signed_in").await;
    let path = format!("/api/v1/ideas/{idea}/withdraw");
    assert_problem(app.post_empty(&path, None).await, 401, "not_signed_in").await;

    let unchanged = read(&app, &idea, &citizen).await;
    assert_eq!(
        (unchanged["state"].as_str(), unchanged["version"].as_i64()),
        (Some("draft"), Some(1))
    );
}

// ---------------------------------------------------------------------------------------------
// The life of an idea

#[tokio::test]
async fn a_draft_is_submitted_once() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let idea = create(&app, &citizen, idea_body(&w.call, &w.city, "تبادل دانشجویی")).await;

    let response = submit(&app, &idea, &citizen).await;
    assert_eq!(etag(&response), "\"2\"");
    let submitted = app.json(response).await;
    assert_eq!(submitted["state"], "submitted");
    assert_eq!(submitted["version"], 2);
    assert!(submitted["submittedAt"].is_string(), "{submitted}");

    let problem = assert_problem(submit(&app, &idea, &citizen).await, 409, "invalid_transition").await;
    assert!(problem.get("errors").is_none_or(Value::is_null), "{problem}");
    let after = read(&app, &idea, &citizen).await;
    assert_eq!(after["state"], "submitted");
    assert_eq!(after["version"], 2);
    assert_eq!(after["submittedAt"], submitted["submittedAt"]);
}

#[tokio::test]
async fn drafts_and_submitted_ideas_are_withdrawn_and_kept_and_then_frozen() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let draft = create(&app, &citizen, idea_body(&w.call, &w.city, "پیش‌نویس")).await;
    let submitted = create_submitted(&app, &citizen, &w.call, &w.city, "فرستاده").await;

    let response = withdraw(&app, &draft, &citizen).await;
    assert_eq!(etag(&response), "\"2\"");
    assert_eq!(app.json(response).await["state"], "withdrawn");
    let response = withdraw(&app, &submitted, &citizen).await;
    assert_eq!(etag(&response), "\"3\"");
    assert_eq!(app.json(response).await["state"], "withdrawn");

    // Kept, never deleted; and nothing more can happen to it.
    for (idea, version) in [(&draft, 2), (&submitted, 3)] {
        assert_problem(withdraw(&app, idea, &citizen).await, 409, "invalid_transition").await;
        assert_problem(submit(&app, idea, &citizen).await, 409, "invalid_transition").await;
        let current = format!("\"{version}\"");
        let response = app
            .patch_if_match(
                &idea_path(idea),
                &citizen,
                Some(&current),
                json!({ "title": "بازگشت از انصراف" }),
            )
            .await;
        assert_problem(response, 409, "invalid_transition").await;
        let kept = read(&app, idea, &citizen).await;
        assert_eq!(kept["state"], "withdrawn");
        assert_eq!(kept["version"], version);
        assert_ne!(kept["title"], "بازگشت از انصراف");
    }

    let history = app.json(events(&app, &submitted, Some(&citizen)).await).await;
    assert_eq!(kinds(&history), ["created", "submitted", "withdrawn"]);
    assert_eq!(history["items"][2]["from"], "submitted");
    assert_eq!(history["items"][2]["to"], "withdrawn");
}

#[tokio::test]
async fn a_submitted_idea_stays_submitted_when_edited() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let idea = app.submitted_idea(&citizen, &w.call, &w.city, "تبادل دانشجویی").await;
    let path = idea_path(&id(&idea));

    let response = app
        .patch_if_match(
            &path,
            &citizen,
            Some("\"2\""),
            json!({ "title": "تبادل دانشجویی و استادان", "domain": "scientific" }),
        )
        .await;
    assert_eq!(etag(&response), "\"3\"");
    let edited = app.json(response).await;
    assert_eq!(edited["state"], "submitted");
    assert_eq!(edited["title"], "تبادل دانشجویی و استادان");
    assert_eq!(edited["domain"], "scientific");
    assert_eq!(edited["summary"], idea["summary"], "what was left out stays");
    assert_eq!(edited["submittedAt"], idea["submittedAt"]);

    // An edit the call does not accept changes nothing, not even the version.
    let response = app
        .patch_if_match(&path, &citizen, Some("\"3\""), json!({ "domain": "sports" }))
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/domain"]);
    assert_eq!(problem["errors"][0]["code"], "not_in_call");
    let after = read(&app, &id(&idea), &citizen).await;
    assert_eq!(
        (after["domain"].as_str(), after["version"].as_i64()),
        (Some("scientific"), Some(3))
    );
}

#[tokio::test]
async fn a_submitted_idea_cannot_be_edited_into_an_incomplete_one() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let idea = create_submitted(&app, &citizen, &w.call, &w.city, "تبادل دانشجویی").await;

    let response = app
        .patch_if_match(
            &idea_path(&idea),
            &citizen,
            Some("\"2\""),
            json!({ "summary": "  ", "body": "" }),
        )
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/summary", "/body"]);
    let after = read(&app, &idea, &citizen).await;
    assert_eq!(after["version"], 2);
    assert_ne!(after["summary"], "");
}

#[tokio::test]
async fn screened_ideas_are_out_of_their_submitters_hands() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let shortlisted = create_submitted(&app, &citizen, &w.call, &w.city, "برگزیده برای داوری").await;
    let rejected = create_submitted(&app, &citizen, &w.call, &w.city, "ردشده در غربال").await;
    let response = app
        .screen(&w.staff, &shortlisted, json!({ "decision": "shortlist" }))
        .await;
    assert_eq!(app.json(response).await["state"], "shortlisted");
    let response = app
        .screen(
            &w.staff,
            &rejected,
            json!({ "decision": "reject", "reason": "duplicate" }),
        )
        .await;
    assert_eq!(app.json(response).await["state"], "rejected");

    for (idea, state) in [(&shortlisted, "shortlisted"), (&rejected, "rejected")] {
        assert_problem(withdraw(&app, idea, &citizen).await, 409, "invalid_transition").await;
        assert_problem(submit(&app, idea, &citizen).await, 409, "invalid_transition").await;
        let response = app
            .patch_if_match(
                &idea_path(idea),
                &citizen,
                Some("\"3\""),
                json!({ "title": "عنوانی دیگر" }),
            )
            .await;
        assert_problem(response, 409, "invalid_transition").await;
        let after = read(&app, idea, &citizen).await;
        assert_eq!(after["state"], state);
        assert_eq!(after["version"], 3);
        assert_ne!(after["title"], "عنوانی دیگر");
    }
}

#[tokio::test]
async fn submitting_an_incomplete_draft_names_every_missing_field_and_keeps_it_a_draft() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let idea = create(&app, &citizen, draft_body(&w.call, &w.city, "ایده ناتمام")).await;

    let problem = assert_problem(submit(&app, &idea, &citizen).await, 422, "validation_failed").await;
    assert_eq!(
        pointers(&problem),
        ["/summary", "/body", "/channel", "/expectedOutcomes"]
    );
    assert!(
        problem["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .all(|e| e["code"] == "required")
    );
    let after = read(&app, &idea, &citizen).await;
    assert_eq!(
        (after["state"].as_str(), after["version"].as_i64()),
        (Some("draft"), Some(1))
    );

    // Blank text counts as missing, a channel without a description too.
    let response = app
        .patch_if_match(
            &idea_path(&idea),
            &citizen,
            Some("\"1\""),
            json!({
                "summary": "خلاصه",
                "body": "   ",
                "channel": { "kind": "work", "description": " ", "years": 2 },
                "expectedOutcomes": "پیوندی تازه"
            }),
        )
        .await;
    assert_eq!(response.status(), 200);
    let problem = assert_problem(submit(&app, &idea, &citizen).await, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/body", "/channel/description"]);

    let response = app
        .patch_if_match(
            &idea_path(&idea),
            &citizen,
            Some("\"2\""),
            json!({
                "body": "متن کامل",
                "channel": { "kind": "work", "description": "سه سال در فلورانس کار کردم", "years": 3 }
            }),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(submit_ok(&app, &citizen, &idea).await["state"], "submitted");
}

// ---------------------------------------------------------------------------------------------
// The deadline

#[tokio::test]
async fn after_the_deadline_submitters_change_nothing_but_staff_still_screen() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let draft = create(&app, &citizen, idea_body(&w.call, &w.city, "پیش‌نویس دیرکرده")).await;
    let submitted = create_submitted(&app, &citizen, &w.call, &w.city, "فرستاده به‌موقع").await;
    app.close_call(&w.staff, &w.call).await;

    for (idea, version) in [(&draft, "\"1\""), (&submitted, "\"2\"")] {
        let response = app
            .patch_if_match(
                &idea_path(idea),
                &citizen,
                Some(version),
                json!({ "title": "ویرایش دیرهنگام" }),
            )
            .await;
        assert_problem(response, 409, "call_closed").await;
        assert_problem(withdraw(&app, idea, &citizen).await, 409, "call_closed").await;
    }
    assert_problem(submit(&app, &draft, &citizen).await, 409, "call_closed").await;

    let draft_now = read(&app, &draft, &citizen).await;
    assert_eq!(
        (draft_now["state"].as_str(), draft_now["version"].as_i64()),
        (Some("draft"), Some(1))
    );
    assert_eq!(draft_now["title"], "پیش‌نویس دیرکرده");
    let submitted_now = read(&app, &submitted, &citizen).await;
    assert_eq!(
        (submitted_now["state"].as_str(), submitted_now["version"].as_i64()),
        (Some("submitted"), Some(2))
    );
    assert_eq!(submitted_now["title"], "فرستاده به‌موقع");
    let history = app.json(events(&app, &draft, Some(&citizen)).await).await;
    assert_eq!(kinds(&history), ["created"]);

    let response = app
        .screen(&w.staff, &submitted, json!({ "decision": "shortlist" }))
        .await;
    assert_eq!(app.json(response).await["state"], "shortlisted");
}

// ---------------------------------------------------------------------------------------------
// Edits that must not overwrite another's

#[tokio::test]
async fn an_edit_without_if_match_is_428_and_changes_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let idea = create(&app, &citizen, draft_body(&w.call, &w.city, "ایده سارا")).await;

    let response = app
        .patch_if_match(&idea_path(&idea), &citizen, None, json!({ "title": "بی‌احتیاط" }))
        .await;
    assert_problem(response, 428, "precondition_required").await;
    let after = read(&app, &idea, &citizen).await;
    assert_eq!(
        (after["title"].as_str(), after["version"].as_i64()),
        (Some("ایده سارا"), Some(1))
    );
}

#[tokio::test]
async fn an_edit_with_a_stale_etag_is_412_and_the_current_one_or_a_star_goes_through() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let idea = create(&app, &citizen, idea_body(&w.call, &w.city, "ایده سارا")).await;
    let path = idea_path(&idea);

    // Two tabs read version 1; the first saves.
    let response = app.get(&path, Some(&citizen)).await;
    let read_etag = etag(&response);
    assert_eq!(read_etag, "\"1\"");
    let response = app
        .patch_if_match(&path, &citizen, Some(&read_etag), json!({ "title": "از زبانه نخست" }))
        .await;
    assert_eq!(etag(&response), "\"2\"");
    let saved = app.json(response).await;
    assert_eq!(saved["version"], 2);

    // The second, still at version 1, is refused and overwrites nothing.
    let response = app
        .patch_if_match(&path, &citizen, Some(&read_etag), json!({ "title": "از زبانه دوم" }))
        .await;
    assert_problem(response, 412, "stale_version").await;
    let response = app.get(&path, Some(&citizen)).await;
    assert_eq!(etag(&response), "\"2\"");
    let after = app.json(response).await;
    assert_eq!(
        (after["title"].as_str(), after["version"].as_i64()),
        (Some("از زبانه نخست"), Some(2))
    );

    // Submitting moves the version on too.
    assert_eq!(submit_ok(&app, &citizen, &idea).await["version"], 3);
    let response = app
        .patch_if_match(&path, &citizen, Some("\"2\""), json!({ "title": "پس از فرستادن" }))
        .await;
    assert_problem(response, 412, "stale_version").await;

    let response = app
        .patch_if_match(&path, &citizen, Some("\"3\""), json!({ "title": "پس از فرستادن" }))
        .await;
    assert_eq!(etag(&response), "\"4\"");
    assert_eq!(app.json(response).await["version"], 4);

    let response = app
        .patch_if_match(&path, &citizen, Some("*"), json!({ "title": "هر نسخه‌ای" }))
        .await;
    assert_eq!(etag(&response), "\"5\"");
    let edited = app.json(response).await;
    assert_eq!(
        (edited["title"].as_str(), edited["version"].as_i64()),
        (Some("هر نسخه‌ای"), Some(5))
    );
}

// ---------------------------------------------------------------------------------------------
// Whose idea it is

#[tokio::test]
async fn another_citizen_cannot_tell_an_idea_exists() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let sara = app.citizen("sara@example.org").await;
    let reza = app.citizen("reza@example.org").await;
    let idea = create(&app, &sara, idea_body(&w.call, &w.city, "ایده سارا")).await;
    let unknown = uuid::Uuid::new_v4().to_string();

    // Sara's idea and one that does not exist answer alike.
    for target in [&idea, &unknown] {
        let path = idea_path(target);
        assert_problem(app.get(&path, Some(&reza)).await, 404, "not_found").await;
        let response = app
            .patch_if_match(&path, &reza, Some("\"1\""), json!({ "title": "ربوده شده" }))
            .await;
        assert_problem(response, 404, "not_found").await;
        assert_problem(submit(&app, target, &reza).await, 404, "not_found").await;
        assert_problem(withdraw(&app, target, &reza).await, 404, "not_found").await;
        assert_problem(events(&app, target, Some(&reza)).await, 404, "not_found").await;
    }

    let after = read(&app, &idea, &sara).await;
    assert_eq!(after["title"], "ایده سارا");
    assert_eq!(
        (after["state"].as_str(), after["version"].as_i64()),
        (Some("draft"), Some(1))
    );
}

#[tokio::test]
async fn staff_see_a_citizens_idea_but_may_not_act_as_its_submitter() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let draft = create(&app, &citizen, idea_body(&w.call, &w.city, "پیش‌نویس سارا")).await;
    let submitted = create_submitted(&app, &citizen, &w.call, &w.city, "ایده فرستاده سارا").await;

    assert_eq!(read(&app, &draft, &w.staff).await["state"], "draft");
    let response = app
        .patch_if_match(
            &idea_path(&draft),
            &w.staff,
            Some("\"1\""),
            json!({ "title": "به دست کارمند" }),
        )
        .await;
    assert_problem(response, 403, "forbidden").await;
    assert_problem(submit(&app, &draft, &w.staff).await, 403, "forbidden").await;
    assert_problem(withdraw(&app, &draft, &w.staff).await, 403, "forbidden").await;
    assert_problem(withdraw(&app, &submitted, &w.staff).await, 403, "forbidden").await;

    let draft_now = read(&app, &draft, &citizen).await;
    assert_eq!(draft_now["title"], "پیش‌نویس سارا");
    assert_eq!(
        (draft_now["state"].as_str(), draft_now["version"].as_i64()),
        (Some("draft"), Some(1))
    );
    let submitted_now = read(&app, &submitted, &citizen).await;
    assert_eq!(
        (submitted_now["state"].as_str(), submitted_now["version"].as_i64()),
        (Some("submitted"), Some(2))
    );
}

// ---------------------------------------------------------------------------------------------
// Who sees what

#[tokio::test]
async fn the_submitter_sees_the_whole_idea_and_staff_also_see_the_email_and_best_match() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let sara = app.citizen("sara@example.org").await;
    let response = app
        .patch(
            "/api/v1/me",
            Some(&sara),
            json!({ "displayName": "سارا احمدی", "profile": { "occupationCategory": "academic" } }),
        )
        .await;
    assert_eq!(response.status(), 200);
    let sara_id = me(&app, &sara).await["id"].clone();
    let idea = create_submitted(&app, &sara, &w.call, &w.city, "تبادل دانشجویی با فلورانس").await;
    let alone = read(&app, &idea, &w.staff).await;
    assert!(
        alone.get("bestMatch").is_none_or(Value::is_null),
        "nothing alike yet: {alone}"
    );
    // Another citizen sends almost the same text: a near-duplicate.
    let reza = app.citizen("reza@example.org").await;
    let twin = create_submitted(&app, &reza, &w.call, &w.city, "تبادل دانشجویی با فلورانس!").await;

    let own = read(&app, &idea, &sara).await;
    assert_eq!(own["state"], "submitted");
    assert_eq!(own["summary"], "خلاصه‌ای کوتاه از ایده");
    assert_eq!(own["body"], "متن کامل ایده با جزئیات اجرا");
    assert_eq!(own["expectedOutcomes"], "پیوندی پایدار میان دو شهر");
    assert_eq!(
        own["channel"],
        json!({ "kind": "study", "description": "چهار سال دانشجو بودم", "years": 4 })
    );
    assert_eq!(own["partners"][0]["name"], "Anna Rossi");
    assert_eq!(own["partners"][0]["country"], "IT");
    assert_eq!(own["targetCity"]["name"]["en"], "Florence");
    assert_eq!(own["submitter"]["id"], sara_id);
    assert_eq!(own["submitter"]["displayName"], "سارا احمدی");
    assert_eq!(own["submitter"]["category"], "academic");
    assert!(own["submitter"].get("email").is_none(), "{own}");
    assert!(own.get("bestMatch").is_none(), "{own}");

    let seen_by_staff = read(&app, &idea, &w.staff).await;
    assert_eq!(seen_by_staff["submitter"]["email"], "sara@example.org");
    assert_eq!(seen_by_staff["submitter"]["displayName"], "سارا احمدی");
    assert_eq!(seen_by_staff["channel"], own["channel"]);
    assert_eq!(seen_by_staff["bestMatch"]["ideaId"], twin.as_str());
    assert_eq!(seen_by_staff["bestMatch"]["title"], "تبادل دانشجویی با فلورانس!");
    let score = seen_by_staff["bestMatch"]["score"].as_f64().expect("score");
    assert!(score > 0.5 && score <= 1.0, "near-duplicates score high: {score}");

    // The category is the submitter's when they last saved the idea, not what their profile says now.
    let response = app
        .patch(
            "/api/v1/me",
            Some(&sara),
            json!({ "profile": { "occupationCategory": "trader" } }),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(read(&app, &idea, &sara).await["submitter"]["category"], "academic");
    let response = app
        .patch_if_match(
            &idea_path(&idea),
            &sara,
            Some("\"2\""),
            json!({ "summary": "خلاصه تازه" }),
        )
        .await;
    assert_eq!(app.json(response).await["submitter"]["category"], "trader");
}

#[tokio::test]
async fn an_unpublished_idea_is_404_to_everyone_but_its_submitter_and_staff() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let sara = app.citizen("sara@example.org").await;
    let draft = create(&app, &sara, idea_body(&w.call, &w.city, "پیش‌نویس")).await;
    let submitted = create_submitted(&app, &sara, &w.call, &w.city, "فرستاده").await;
    let shortlisted = create_submitted(&app, &sara, &w.call, &w.city, "برگزیده").await;
    let response = app
        .screen(&w.staff, &shortlisted, json!({ "decision": "shortlist" }))
        .await;
    assert_eq!(response.status(), 200);

    let reza = app.citizen("reza@example.org").await;
    // A jury member not assigned to it (assignment is a later feature) is no different.
    let juror = token(&app.signed_in_with_roles("juror@example.org", "reviewer").await);
    let (admin, _) = app.admin().await;
    for idea in [&draft, &submitted, &shortlisted] {
        let path = idea_path(idea);
        assert_problem(app.get(&path, Some(&reza)).await, 404, "not_found").await;
        assert_problem(app.get(&path, Some(&juror)).await, 404, "not_found").await;
        assert_problem(app.get(&path, None).await, 404, "not_found").await;
        assert_eq!(app.get(&path, Some(&sara)).await.status(), 200);
        assert_eq!(app.get(&path, Some(&w.staff)).await.status(), 200);
        assert_eq!(app.get(&path, Some(&admin)).await.status(), 200);
    }
}

#[tokio::test]
async fn a_selected_idea_is_public_without_personal_data() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let sara = app.citizen("sara@example.org").await;
    let idea = create_submitted(&app, &sara, &w.call, &w.city, "هفته فرهنگی اصفهان در فلورانس").await;
    // A near-duplicate, so that staff have a best match to hide from others.
    let reza = app.citizen("reza@example.org").await;
    app.submitted_idea(&reza, &w.call, &w.city, "هفته فرهنگی اصفهان در فلورانس!")
        .await;
    put_in_state(&app, &idea, "selected").await;
    let path = idea_path(&idea);

    let public = app.json(app.get(&path, None).await).await;
    let seen_by_reza = read(&app, &idea, &reza).await;
    for view in [&public, &seen_by_reza] {
        assert_eq!(view["state"], "selected");
        assert_eq!(view["title"], "هفته فرهنگی اصفهان در فلورانس");
        assert_eq!(view["summary"], "خلاصه‌ای کوتاه از ایده");
        assert_eq!(view["targetCity"]["id"], w.city.as_str());
        for hidden in ["submitter", "channel", "bestMatch"] {
            assert!(view.get(hidden).is_none(), "no {hidden} key in {view}");
        }
        let text = view.to_string();
        assert!(!text.contains("sara@example.org") && !text.contains("چهار سال دانشجو بودم"));
    }
    let own = read(&app, &idea, &sara).await;
    assert!(own["submitter"].is_object() && own["channel"].is_object(), "{own}");
    let seen_by_staff = read(&app, &idea, &w.staff).await;
    assert_eq!(seen_by_staff["submitter"]["email"], "sara@example.org");
    assert!(seen_by_staff["bestMatch"].is_object(), "{seen_by_staff}");

    // Visible, not theirs: 403 for the submitter's actions; its history stays private.
    assert_problem(withdraw(&app, &idea, &reza).await, 403, "forbidden").await;
    assert_problem(events(&app, &idea, Some(&reza)).await, 404, "not_found").await;
    assert_problem(events(&app, &idea, None).await, 401, "not_signed_in").await;

    // A token that is sent must be valid: a bad one is 401, not the public view.
    let response = app.get(&path, Some("not-a-token")).await;
    assert!(response.headers().contains_key("www-authenticate"));
    assert_problem(response, 401, "invalid_token").await;
}

// ---------------------------------------------------------------------------------------------
// Events

#[tokio::test]
async fn the_submitter_sees_state_changes_and_reasons_and_staff_also_see_who_and_their_notes() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let sara = app.citizen("sara@example.org").await;
    let sara_me = me(&app, &sara).await;
    let staff_me = me(&app, &w.staff).await;
    let idea = create_submitted(&app, &sara, &w.call, &w.city, "ایده‌ای بیرون از دامنه").await;
    // An edit is not a state change: no event.
    let response = app
        .patch_if_match(
            &idea_path(&idea),
            &sara,
            Some("\"2\""),
            json!({ "summary": "خلاصه تازه" }),
        )
        .await;
    assert_eq!(response.status(), 200);
    let note = "یادداشت درونی: با شورای شهر هماهنگ شد";
    let response = app
        .screen(
            &w.staff,
            &idea,
            json!({ "decision": "reject", "reason": "out_of_scope", "note": note }),
        )
        .await;
    assert_eq!(response.status(), 200);

    let own = app.json(events(&app, &idea, Some(&sara)).await).await;
    assert_eq!(kinds(&own), ["created", "submitted", "rejected"]);
    let items = own["items"].as_array().expect("items");
    assert_eq!(
        (items[0]["from"].clone(), items[0]["to"].clone()),
        (Value::Null, json!("draft"))
    );
    assert_eq!(
        (items[1]["from"].as_str(), items[1]["to"].as_str()),
        (Some("draft"), Some("submitted"))
    );
    assert_eq!(
        (items[2]["from"].as_str(), items[2]["to"].as_str()),
        (Some("submitted"), Some("rejected"))
    );
    assert_eq!(items[2]["reason"], "out_of_scope");
    for event in items {
        assert!(event.get("note").is_none() && event.get("actor").is_none(), "{event}");
        assert!(event["at"].is_string());
    }
    assert!(!own.to_string().contains(note));

    let full = app.json(events(&app, &idea, Some(&w.staff)).await).await;
    assert_eq!(kinds(&full), ["created", "submitted", "rejected"]);
    let items = full["items"].as_array().expect("items");
    let actor = |who: &Value| json!({ "id": who["id"], "displayName": who["displayName"] });
    assert_eq!(items[0]["actor"], actor(&sara_me));
    assert_eq!(items[1]["actor"], actor(&sara_me));
    assert_eq!(items[2]["actor"], actor(&staff_me));
    assert_eq!(items[2]["note"], note);
    assert_eq!(items[2]["reason"], "out_of_scope");

    let reza = app.citizen("reza@example.org").await;
    assert_problem(events(&app, &idea, Some(&reza)).await, 404, "not_found").await;
    let juror = token(&app.signed_in_with_roles("juror@example.org", "reviewer").await);
    assert_problem(events(&app, &idea, Some(&juror)).await, 404, "not_found").await;
    let response = events(&app, &idea, None).await;
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_problem(response, 401, "not_signed_in").await;
}

// ---------------------------------------------------------------------------------------------
// What a reader may do next, and what submitting costs

fn allowed(idea: &Value) -> Vec<&str> {
    idea["allowedActions"]
        .as_array()
        .expect("allowedActions on an idea")
        .iter()
        .map(|a| a.as_str().expect("an action name"))
        .collect()
}

#[tokio::test]
async fn a_single_idea_says_what_its_reader_may_do_next() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let idea = create(&app, &citizen, idea_body(&w.call, &w.city, "تبادل دانشجویی")).await;

    assert_eq!(
        allowed(&read(&app, &idea, &citizen).await),
        ["edit", "submit", "withdraw"]
    );
    assert_eq!(allowed(&read(&app, &idea, &w.staff).await), Vec::<&str>::new());

    let submitted = app.json(submit(&app, &idea, &citizen).await).await;
    assert_eq!(allowed(&submitted), ["edit", "withdraw"]);
    assert_eq!(allowed(&read(&app, &idea, &w.staff).await), ["screen"]);

    let shortlisted = app
        .json(app.screen(&w.staff, &idea, json!({ "decision": "shortlist" })).await)
        .await;
    // Shortlisted, it may be screened again or given reviewers.
    assert_eq!(allowed(&shortlisted), ["reopen_screening", "assign"]);
    assert_eq!(allowed(&read(&app, &idea, &citizen).await), Vec::<&str>::new());
    // A list says the same of each idea as the idea's own view, for its reader.
    let mine = app.json(app.get("/api/v1/ideas?mine=true", Some(&citizen)).await).await;
    assert_eq!(allowed(&mine["items"][0]), Vec::<&str>::new(), "{mine}");
    let staff_list = app.json(app.get("/api/v1/ideas", Some(&w.staff)).await).await;
    assert_eq!(
        allowed(&staff_list["items"][0]),
        ["reopen_screening", "assign"],
        "{staff_list}"
    );

    // What is allowed is what is not refused: the submitter's edit now answers 409.
    let refused = app
        .patch_if_match(
            &idea_path(&idea),
            &citizen,
            Some("\"3\""),
            json!({ "title": "عنوانی دیگر" }),
        )
        .await;
    assert_problem(refused, 409, "invalid_transition").await;
}

/// Submitting reads the idea once (with its call's window and its labels, for the answer) and the
/// submitter once (is the address confirmed?), then runs the guarded update and the event; the receipt
/// reads the call's title and writes the notice in the app and the e-mail (unless turned off) in the
/// same transaction.
#[tokio::test]
async fn submitting_reads_the_idea_once_in_three_statements() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let citizen = app.citizen("sara@example.org").await;
    let idea = create(&app, &citizen, idea_body(&w.call, &w.city, "تبادل دانشجویی")).await;
    let account = me(&app, &citizen).await;
    let actor = app::Actor::new(
        uuid::Uuid::parse_str(account["id"].as_str().expect("id")).expect("uuid"),
        domain::roles::Roles::new([]),
    );

    let mut db = app.db().await;
    let statements = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = statements.clone();
    db.set_metric_callback(move |info| {
        if let Ok(mut seen) = seen.lock() {
            seen.push(info.statement.sql.clone());
        }
    });
    let idea_id = uuid::Uuid::parse_str(&idea).expect("uuid");
    let submitted = app::ideas::submit(&db, &actor, idea_id, chrono::Utc::now())
        .await
        .expect("submitted");
    assert_eq!(submitted.record.idea.state, domain::idea::IdeaState::Submitted);

    let statements = statements.lock().expect("statements").clone();
    let reads_of_the_idea = statements
        .iter()
        .filter(|sql| sql.starts_with("SELECT") && sql.contains("FROM \"ideas\""))
        .count();
    assert_eq!(reads_of_the_idea, 1, "{statements:#?}");
    // Each statement as its verb and table: `SELECT ideas`, `INSERT events`… The table is the one after the
    // statement's own keyword, outside parentheses: a subquery in its columns (the idea's count of submitted
    // reviews) names another table first.
    let table_after = |sql: &str, word: &str| {
        let mut depth = 0i32;
        let at = sql.char_indices().find_map(|(i, c)| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            (depth == 0 && sql[i..].starts_with(word)).then_some(i + word.len())
        });
        at.and_then(|i| sql[i..].split('"').nth(1))
            .unwrap_or_default()
            .to_owned()
    };
    let shapes: Vec<String> = statements
        .iter()
        .map(|sql| match sql.split(' ').next().unwrap_or_default() {
            "SELECT" => format!("SELECT {}", table_after(sql, " FROM ")),
            "UPDATE" => format!("UPDATE {}", table_after(sql, "UPDATE ")),
            "INSERT" => format!("INSERT {}", table_after(sql, " INTO ")),
            other => other.to_owned(),
        })
        .collect();
    assert_eq!(
        shapes,
        [
            "SELECT ideas",
            "SELECT users",
            "UPDATE ideas",
            "INSERT events",
            "SELECT calls",
            "INSERT notices",
            "SELECT notice_opt_outs",
            "INSERT outbox",
            // Whether a webhook endpoint listens for submissions; the event is built only if one does.
            "SELECT webhook_endpoints",
        ],
        "{statements:#?}"
    );
}
