//! Partnerships: the public reads them without focal points, staff record and edit them and change
//! their state with a dated, reasoned history; health and dormancy are derived from activities.

use chrono::{Months, NaiveDate, Utc};
use serde_json::{Value, json};

use crate::fixtures::{etag, id};
use crate::helpers::*;

fn partnership_body(city: &str) -> Value {
    json!({
        "cityId": city,
        "kind": "sister_city",
        "state": "active",
        "signedOn": "1998-05-12",
        "nextReviewOn": "2027-03-01",
        "focalPoints": [
            { "name": "  Marco Rossi ", "role": "Relazioni internazionali", "contact": "m.rossi@comune.example" },
            { "name": "مریم صالحی", "role": "کارشناس روابط بین‌الملل", "contact": "" }
        ],
        "notes": { "fa": "خواهرخواندگی از ۱۳۷۷", "en": "Twinned since 1998" }
    })
}

/// A webinar on `on` with `status`.
fn webinar(on: NaiveDate, status: &str) -> Value {
    json!({
        "occurredOn": on.to_string(),
        "kind": "webinar",
        "direction": "joint",
        "status": status,
        "title": { "fa": "وبینار شهرداران" }
    })
}

impl TestApp {
    /// A city and a partnership with it, recorded by staff: the partnership's view.
    async fn partnership(&self, staff: &str, fa: &str, en: &str, country: &str, body: Value) -> Value {
        let city = self.create_city(staff, fa, en, country).await;
        let mut body = body;
        body["cityId"] = json!(id(&city));
        let response = self.post("/api/v1/partnerships", Some(staff), body).await;
        assert_eq!(response.status(), 201, "partnership created");
        response.json().await.expect("JSON")
    }

    /// POST /partnerships/{id}/state with If-Match.
    async fn change_state(&self, staff: &str, partnership: &str, etag: Option<&str>, body: Value) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url(&format!("/api/v1/partnerships/{partnership}/state")))
            .bearer_auth(staff)
            .json(&body);
        if let Some(etag) = etag {
            request = request.header("If-Match", etag);
        }
        request.send().await.expect("request sent")
    }
}

#[tokio::test]
async fn anyone_reads_partnerships_and_only_staff_see_focal_points() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let reviewer = app.reviewer().await;
    let created = app
        .partnership(&staff, "فلورانس", "Florence", "IT", partnership_body(""))
        .await;
    assert_eq!(created["kind"], "sister_city");
    assert_eq!(created["state"], "active");
    assert_eq!(created["city"]["name"]["en"], "Florence");
    assert_eq!(created["signedOn"], "1998-05-12");
    assert_eq!(created["version"], 1);
    assert_eq!(
        created["focalPoints"],
        json!([
            { "name": "Marco Rossi", "role": "Relazioni internazionali", "contact": "m.rossi@comune.example" },
            { "name": "مریم صالحی", "role": "کارشناس روابط بین‌الملل", "contact": null }
        ]),
        "trimmed, a blank contact is none"
    );
    let path = format!("/api/v1/partnerships/{}", id(&created));

    for caller in [None, Some(citizen.as_str()), Some(reviewer.as_str())] {
        let list = app.json(app.get("/api/v1/partnerships", caller).await).await;
        assert_eq!(list["total"], 1);
        let item = &list["items"][0];
        assert_eq!(item["notes"]["en"], "Twinned since 1998");
        assert!(item.get("focalPoints").is_none(), "no focal points in {item}");
        assert!(item.get("history").is_none(), "lists carry no history");
        let one = app.json(app.get(&path, caller).await).await;
        assert!(one.get("focalPoints").is_none(), "no focal points in {one}");
        assert_eq!(one["history"].as_array().map(Vec::len), Some(1));
        assert!(
            one["history"][0].get("recordedBy").is_none(),
            "who recorded it is for staff"
        );
        assert!(!one.to_string().contains("rossi"), "not a trace of the contacts");
    }
    let one = app.json(app.get(&path, Some(&staff)).await).await;
    assert_eq!(one["focalPoints"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        one["history"][0],
        json!({
            "from": null, "to": "active", "effectiveOn": "1998-05-12", "reason": null,
            "recordedBy": "staff", "recordedAt": one["history"][0]["recordedAt"]
        })
    );
    let list = app.json(app.get("/api/v1/partnerships", Some(&staff)).await).await;
    assert_eq!(list["items"][0]["focalPoints"].as_array().map(Vec::len), Some(2));

    assert_problem(
        app.get(&format!("/api/v1/partnerships/{}", uuid::Uuid::new_v4()), None)
            .await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn only_staff_record_edit_and_change_partnerships() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let reviewer = app.reviewer().await;
    let city = app.create_city(&staff, "فرایبورگ", "Freiburg", "DE").await;
    let body = partnership_body(&id(&city));

    assert_problem(
        app.post("/api/v1/partnerships", None, body.clone()).await,
        401,
        "not_signed_in",
    )
    .await;
    for caller in [&citizen, &reviewer] {
        assert_problem(
            app.post("/api/v1/partnerships", Some(caller), body.clone()).await,
            403,
            "forbidden",
        )
        .await;
    }
    // Even an invalid body is refused for who it is first.
    assert_problem(
        app.post("/api/v1/partnerships", Some(&citizen), json!({})).await,
        403,
        "forbidden",
    )
    .await;
    let list = app.json(app.get("/api/v1/partnerships", None).await).await;
    assert_eq!(list["total"], 0, "nothing recorded");

    let created = app.post("/api/v1/partnerships", Some(&staff), body).await;
    assert_eq!(created.status(), 201);
    let location = created
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let created: Value = created.json().await.expect("JSON");
    let path = format!("/api/v1/partnerships/{}", id(&created));
    assert_eq!(location.as_deref(), Some(path.as_str()));

    for caller in [&citizen, &reviewer] {
        let response = app
            .patch_if_match(&path, caller, Some("\"1\""), json!({ "kind": "memorandum" }))
            .await;
        assert_problem(response, 403, "forbidden").await;
        let response = app
            .change_state(
                caller,
                &id(&created),
                Some("\"1\""),
                json!({ "state": "ended", "reason": "x" }),
            )
            .await;
        assert_problem(response, 403, "forbidden").await;
    }
    let unchanged = app.json(app.get(&path, Some(&staff)).await).await;
    assert_eq!(unchanged["version"], 1);
    assert_eq!(unchanged["kind"], "sister_city");
    assert_eq!(unchanged["state"], "active");
}

#[tokio::test]
async fn a_city_has_one_partnership_at_most_and_it_must_exist() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let created = app
        .partnership(&staff, "شیان", "Xi'an", "CN", partnership_body(""))
        .await;
    let again = partnership_body(created["city"]["id"].as_str().expect("city id"));
    let problem = assert_problem(
        app.post("/api/v1/partnerships", Some(&staff), again).await,
        409,
        "partnership_exists",
    )
    .await;
    assert!(problem["detail"].as_str().unwrap_or_default().contains(&id(&created)));

    let unknown = partnership_body(&uuid::Uuid::new_v4().to_string());
    let problem = assert_problem(
        app.post("/api/v1/partnerships", Some(&staff), unknown).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["pointer"], "/cityId");

    let city = app.create_city(&staff, "سمرقند", "Samarkand", "UZ").await;
    let cases = [
        ("kind", json!({ "kind": "twin_town" }), "/kind"),
        ("state", json!({ "state": "asleep" }), "/state"),
        ("date", json!({ "signedOn": "1403-01-01x" }), "/signedOn"),
        (
            "future state",
            json!({ "signedOn": null, "stateSince": "2199-01-01" }),
            "/stateSince",
        ),
        (
            "blank focal point",
            json!({ "focalPoints": [{ "name": "  " }] }),
            "/focalPoints/0/name",
        ),
        ("blank notes", json!({ "notes": { "fa": " " } }), "/notes/fa"),
        ("unknown field", json!({ "mood": "good" }), "/mood"),
    ];
    for (case, change, pointer) in cases {
        let mut body = partnership_body(&id(&city));
        for (key, value) in change.as_object().expect("object") {
            body[key] = value.clone();
        }
        let problem = assert_problem(
            app.post("/api/v1/partnerships", Some(&staff), body).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["pointer"], pointer, "{case}: {problem}");
    }
    let list = app.json(app.get("/api/v1/partnerships", None).await).await;
    assert_eq!(list["total"], 1, "nothing recorded by refused requests");

    // In negotiation, never signed: the state dates from today.
    let body = json!({ "cityId": id(&city), "kind": "sister_city", "state": "in_negotiation" });
    let response = app.post("/api/v1/partnerships", Some(&staff), body).await;
    assert_eq!(response.status(), 201);
    let samarkand: Value = response.json().await.expect("JSON");
    assert_eq!(samarkand["signedOn"], Value::Null);
    assert_eq!(samarkand["focalPoints"], json!([]));
    assert_eq!(samarkand["health"]["basis"], "record");
    assert_eq!(samarkand["health"]["dormant"], false);
}

#[tokio::test]
async fn state_changes_build_a_dated_history_with_who_and_why() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let mut body = partnership_body("");
    body["reason"] = json!("  سند در اردیبهشت ۱۳۷۷ به امضای شهرداران رسید ");
    let created = app.partnership(&staff, "بارسلون", "Barcelona", "ES", body).await;
    let partnership = id(&created);
    let path = format!("/api/v1/partnerships/{partnership}");

    let response = app
        .change_state(&staff, &partnership, None, json!({ "state": "dormant", "reason": "x" }))
        .await;
    assert_problem(response, 428, "precondition_required").await;

    let change = json!({ "state": "dormant", "effectiveOn": "2010-06-01", "reason": "بدون برنامه مشترک" });
    let response = app.change_state(&staff, &partnership, Some("\"1\""), change).await;
    assert_eq!(response.status(), 200);
    let tag = etag(&response);
    assert_eq!(tag, "\"2\"");
    let dormant: Value = response.json().await.expect("JSON");
    assert_eq!(dormant["state"], "dormant");

    // A stale ETag, the same state, a future day, a day before the latest change, no reason.
    let revive =
        |effective_on: &str, reason: &str| json!({ "state": "active", "effectiveOn": effective_on, "reason": reason });
    let response = app
        .change_state(&staff, &partnership, Some("\"1\""), revive("2019-10-15", "احیا"))
        .await;
    assert_problem(response, 412, "stale_version").await;
    let same = json!({ "state": "dormant", "reason": "again" });
    assert_problem(
        app.change_state(&staff, &partnership, Some(&tag), same).await,
        409,
        "state_unchanged",
    )
    .await;
    for (effective_on, reason, pointer, code) in [
        ("2199-01-01", "احیا", "/effectiveOn", "in_the_future"),
        ("2009-12-31", "احیا", "/effectiveOn", "before_last_change"),
        ("2019-10-15", "  ", "/reason", "required"),
    ] {
        let response = app
            .change_state(&staff, &partnership, Some(&tag), revive(effective_on, reason))
            .await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(problem["errors"][0]["pointer"], pointer);
        assert_eq!(problem["errors"][0]["code"], code);
    }
    let response = app
        .change_state(
            &staff,
            &partnership,
            Some(&tag),
            revive("2019-10-15", "  وبینار شهرداران "),
        )
        .await;
    assert_eq!(response.status(), 200);

    let one = app.json(app.get(&path, Some(&staff)).await).await;
    assert_eq!(one["state"], "active");
    assert_eq!(one["version"], 3);
    let history: Vec<(Value, Value, Value, Value)> = one["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|c| {
            (
                c["from"].clone(),
                c["to"].clone(),
                c["effectiveOn"].clone(),
                c["reason"].clone(),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            (
                Value::Null,
                json!("active"),
                json!("1998-05-12"),
                json!("سند در اردیبهشت ۱۳۷۷ به امضای شهرداران رسید")
            ),
            (
                json!("active"),
                json!("dormant"),
                json!("2010-06-01"),
                json!("بدون برنامه مشترک")
            ),
            (
                json!("dormant"),
                json!("active"),
                json!("2019-10-15"),
                json!("وبینار شهرداران")
            ),
        ]
    );
    assert!(
        one["history"]
            .as_array()
            .expect("history")
            .iter()
            .all(|c| c["recordedBy"] == "staff")
    );
    // The public sees the history and its reasons, not who recorded them.
    let public = app.json(app.get(&path, None).await).await;
    assert_eq!(public["history"][2]["reason"], "وبینار شهرداران");
    assert!(public["history"][2].get("recordedBy").is_none());
}

#[tokio::test]
async fn editing_a_partnership_needs_if_match_and_null_clears_a_field() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let created = app
        .partnership(&staff, "کوالالامپور", "Kuala Lumpur", "MY", partnership_body(""))
        .await;
    let path = format!("/api/v1/partnerships/{}", id(&created));
    let change = json!({ "kind": "friendship_city", "notes": null, "nextReviewOn": null, "focalPoints": [{ "name": "Aisyah Rahman" }] });

    assert_problem(
        app.patch_if_match(&path, &staff, None, change.clone()).await,
        428,
        "precondition_required",
    )
    .await;
    assert_problem(
        app.patch_if_match(&path, &staff, Some("\"7\""), change.clone()).await,
        412,
        "stale_version",
    )
    .await;
    let response = app.patch_if_match(&path, &staff, Some("\"1\""), change).await;
    assert_eq!(response.status(), 200);
    assert_eq!(etag(&response), "\"2\"");
    let changed: Value = response.json().await.expect("JSON");
    assert_eq!(changed["kind"], "friendship_city");
    assert_eq!(changed["notes"], Value::Null);
    assert_eq!(changed["nextReviewOn"], Value::Null);
    assert_eq!(changed["signedOn"], "1998-05-12", "left out, kept");
    assert_eq!(changed["state"], "active", "the state changes only through its action");
    assert_eq!(
        changed["focalPoints"],
        json!([{ "name": "Aisyah Rahman", "role": null, "contact": null }])
    );

    let problem = assert_problem(
        app.patch_if_match(&path, &staff, Some("\"2\""), json!({ "state": "ended" }))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["pointer"], "/state");
}

fn months_back(today: NaiveDate, months: u32) -> NaiveDate {
    today.checked_sub_months(Months::new(months)).expect("a real day")
}

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["city"]["name"]["en"].as_str().map(str::to_owned))
        .collect()
}

/// Dormancy: the last activity that counts — or, with none, the signing — more than the period
/// back, whatever the recorded state. Checked a day on either side of the threshold.
#[tokio::test]
async fn dormancy_is_derived_from_activities_a_day_either_side_of_the_threshold() {
    // The office day is UTC here, so the test's today is the server's.
    let app = spawn_app_with(&["--time-zone", "UTC"]).await;
    let staff = app.staff().await;
    let today = Utc::now().date_naive();
    let threshold = months_back(today, 12);
    let before = threshold.pred_opt().expect("a day");
    let signed = |on: Option<NaiveDate>, state: &str| json!({ "cityId": "", "kind": "sister_city", "state": state, "signedOn": on.map(|d| d.to_string()) });
    let mut cities = std::collections::HashMap::new();
    for (fa, en, body) in [
        ("الف", "At threshold", signed(Some(months_back(today, 240)), "active")),
        ("ب", "Day before", signed(Some(months_back(today, 240)), "active")),
        ("ت", "Signed at threshold", signed(Some(threshold), "active")),
        ("ث", "Signed day before", signed(Some(before), "active")),
        ("ج", "Never signed", signed(None, "in_negotiation")),
        (
            "ح",
            "Recorded dormant",
            signed(Some(months_back(today, 240)), "dormant"),
        ),
    ] {
        let created = app.partnership(&staff, fa, en, "IT", body).await;
        cities.insert(en, created["city"]["id"].as_str().expect("city").to_owned());
    }
    app.record_activity(&staff, &cities["At threshold"], webinar(threshold, "done"))
        .await;
    app.record_activity(&staff, &cities["Day before"], webinar(before, "done"))
        .await;
    // Plans and cancellations are no sign of life, nor a day still to come.
    app.record_activity(&staff, &cities["Day before"], webinar(today, "planned"))
        .await;
    app.record_activity(&staff, &cities["Day before"], webinar(today, "cancelled"))
        .await;
    app.record_activity(
        &staff,
        &cities["Day before"],
        webinar(today.succ_opt().expect("a day"), "done"),
    )
    .await;
    app.record_activity(&staff, &cities["Recorded dormant"], webinar(today, "under_way"))
        .await;

    let all = app
        .json(
            app.get("/api/v1/partnerships?sort=-lastActivityOn&limit=100", None)
                .await,
        )
        .await;
    let health: Vec<(String, Value, Value, Value)> = all["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|p| {
            let h = &p["health"];
            (
                p["city"]["name"]["en"].as_str().unwrap_or_default().to_owned(),
                h["lastActivityOn"].clone(),
                h["recentActivities"].clone(),
                h["dormant"].clone(),
            )
        })
        .collect();
    let day = |d: NaiveDate| json!(d.to_string());
    assert_eq!(
        health[..3],
        [
            ("Recorded dormant".to_owned(), day(today), json!(1), json!(false)),
            ("At threshold".to_owned(), day(threshold), json!(1), json!(false)),
            ("Day before".to_owned(), day(before), json!(0), json!(true)),
        ]
    );
    let dormant = app
        .json(app.get("/api/v1/partnerships?dormant=true&sort=cityName", None).await)
        .await;
    assert_eq!(names(&dormant), ["Day before", "Signed day before"]);
    let awake = app
        .json(app.get("/api/v1/partnerships?dormant=false&sort=-cityName", None).await)
        .await;
    assert_eq!(
        names(&awake),
        [
            "Recorded dormant",
            "Never signed",
            "Signed at threshold",
            "At threshold"
        ],
        "Persian names descending: ح ج ت الف"
    );
    let one = all["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|p| p["city"]["name"]["en"] == "Signed day before")
        .expect("listed");
    assert_eq!(one["health"]["basis"], "signing");
    assert_eq!(one["health"]["basisOn"], day(before));
    assert_eq!(one["health"]["dormancyMonths"], 12);
    let recorded = app
        .json(app.get("/api/v1/partnerships?state=dormant&dormant=false", None).await)
        .await;
    assert_eq!(
        names(&recorded),
        ["Recorded dormant"],
        "state and derived flag are independent"
    );

    // A shorter period, configured: the threshold moves.
    let app = spawn_app_with(&["--time-zone", "UTC", "--dormancy-months", "6"]).await;
    let staff = app.staff().await;
    let created = app
        .partnership(
            &staff,
            "الف",
            "Seven months",
            "IT",
            signed(Some(months_back(today, 240)), "active"),
        )
        .await;
    let city = created["city"]["id"].as_str().expect("city").to_owned();
    app.record_activity(&staff, &city, webinar(months_back(today, 7), "done"))
        .await;
    let one = app
        .json(app.get(&format!("/api/v1/partnerships/{}", id(&created)), None).await)
        .await;
    assert_eq!(one["health"]["dormant"], true);
    assert_eq!(one["health"]["dormancyMonths"], 6);
}

#[tokio::test]
async fn partnership_lists_filter_sort_page_and_refuse_bad_parameters() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    for (fa, en, country, kind) in [
        ("فلورانس", "Florence", "IT", "sister_city"),
        ("ونیز", "Venice", "IT", "memorandum"),
        ("فرايبورگ", "Freiburg", "DE", "sister_city"),
    ] {
        let mut body = partnership_body("");
        body["kind"] = json!(kind);
        app.partnership(&staff, fa, en, country, body).await;
    }
    let italian = app
        .json(app.get("/api/v1/partnerships?country=it&sort=cityName", None).await)
        .await;
    assert_eq!(names(&italian), ["Florence", "Venice"]);
    let sisters = app
        .json(
            app.get("/api/v1/partnerships?kind=sister_city&sort=-cityName", None)
                .await,
        )
        .await;
    assert_eq!(names(&sisters), ["Florence", "Freiburg"]);
    // The Arabic yeh in the stored name is found with the Persian one.
    let found = app.json(app.get("/api/v1/partnerships?q=فرایبورگ", None).await).await;
    assert_eq!(names(&found), ["Freiburg"]);
    let page = app
        .json(
            app.get("/api/v1/partnerships?limit=1&offset=1&sort=cityName", None)
                .await,
        )
        .await;
    assert_eq!(page["total"], 3);
    assert_eq!(names(&page), ["Florence"], "فرايبورگ, فلورانس, ونیز");

    for query in [
        "limit=101",
        "offset=-1",
        "kind=twin",
        "state=asleep",
        "dormant=maybe",
        "sort=mood",
        "country=XX",
        "colour=red",
    ] {
        let response = app.get(&format!("/api/v1/partnerships?{query}"), None).await;
        assert_problem(response, 422, "validation_failed").await;
    }
}

#[tokio::test]
async fn recording_editing_and_changing_a_partnership_is_recorded_with_who_did_it() {
    use domain::event::SubjectKind::Partnership;
    let app = spawn_app().await;
    let staff = app.staff().await;
    let staff_id = app.user_id(&staff).await;
    let mut body = partnership_body("");
    body["reason"] = json!("  سند در اردیبهشت ۱۳۷۷ به امضای شهرداران رسید ");
    let created = app.partnership(&staff, "بارسلون", "Barcelona", "ES", body).await;
    let partnership = id(&created);
    let path = format!("/api/v1/partnerships/{partnership}");
    let response = app
        .patch_if_match(&path, &staff, Some("\"1\""), json!({ "nextReviewOn": null }))
        .await;
    assert_eq!(response.status(), 200);
    let change = json!({ "state": "dormant", "effectiveOn": "2010-06-01", "reason": " بدون برنامه مشترک " });
    let response = app.change_state(&staff, &partnership, Some("\"2\""), change).await;
    assert_eq!(response.status(), 200);

    let events = app.events_of(Partnership, &partnership).await;
    assert_eq!(
        event_summary(&events),
        vec![
            (
                "partnership_recorded".to_owned(),
                Some(staff_id.clone()),
                None,
                Some("active".to_owned())
            ),
            ("partnership_updated".to_owned(), Some(staff_id.clone()), None, None),
            (
                "partnership_state_changed".to_owned(),
                Some(staff_id),
                Some("active".to_owned()),
                Some("dormant".to_owned())
            ),
        ]
    );
    assert_eq!(events[2].note.as_deref(), Some("بدون برنامه مشترک"));
    // The partnership's own dated history is kept besides.
    let shown = app.json(app.get(&path, Some(&staff)).await).await;
    assert_eq!(shown["history"].as_array().map(Vec::len), Some(2));
    // The first entry keeps why it was entered in its state.
    assert_eq!(
        shown["history"][0]["reason"],
        "سند در اردیبهشت ۱۳۷۷ به امضای شهرداران رسید"
    );
}

#[tokio::test]
async fn a_partnership_says_what_the_caller_may_do_with_it() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let reviewer = app.reviewer().await;
    let created = app
        .partnership(&staff, "فلورانس", "Florence", "IT", partnership_body(""))
        .await;
    let everything = json!(["edit", "change_state", "add_activity"]);
    assert_eq!(created["allowedActions"], everything, "the creator is staff");
    let path = format!("/api/v1/partnerships/{}", id(&created));

    let shown = app.json(app.get(&path, Some(&staff)).await).await;
    assert_eq!(shown["allowedActions"], everything);
    for caller in [None, Some(citizen.as_str()), Some(reviewer.as_str())] {
        let shown = app.json(app.get(&path, caller).await).await;
        assert_eq!(shown["allowedActions"], json!([]), "{caller:?}");
    }

    // After a state change staff may still do everything: any state may follow any other.
    let change = json!({ "state": "ended", "reason": "پایان توافق" });
    let response = app.change_state(&staff, &id(&created), Some("\"1\""), change).await;
    assert_eq!(response.status(), 200);
    let ended: Value = response.json().await.expect("JSON");
    assert_eq!(ended["allowedActions"], everything);
    let page = app.json(app.get("/api/v1/partnerships", None).await).await;
    assert_eq!(page["items"][0]["allowedActions"], json!([]));
}
