//! Activities with foreign cities: everyone reads them, staff record and correct them, lists filter
//! on city, country, kind, direction, status, dates and the idea an activity grew from.

use chrono::{TimeDelta, Utc};
use serde_json::{Value, json};

use crate::fixtures::id;
use crate::helpers::*;

fn activity_body(on: &str, kind: &str, direction: &str, title: &str) -> Value {
    json!({
        "occurredOn": on,
        "kind": kind,
        "direction": direction,
        "title": { "fa": title, "en": format!("{title} (en)") },
        "description": { "fa": "  شرح برنامه  " },
        "outcomes": { "fa": "نتیجه", "en": "Outcome" }
    })
}

fn titles(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["title"]["fa"].as_str())
        .collect()
}

#[tokio::test]
async fn anyone_reads_activities_and_only_staff_record_and_correct_them() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let reviewer = app.reviewer().await;
    let florence = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let path = format!("/api/v1/cities/{florence}/activities");
    let body = activity_body("2020-05-20", "webinar", "joint", "وبینار شهرداران");

    assert_problem(app.post(&path, None, body.clone()).await, 401, "not_signed_in").await;
    for caller in [&citizen, &reviewer] {
        assert_problem(app.post(&path, Some(caller), body.clone()).await, 403, "forbidden").await;
    }
    assert_eq!(app.json(app.get("/api/v1/activities", None).await).await["total"], 0);

    let response = app.post(&path, Some(&staff), body).await;
    assert_eq!(response.status(), 201);
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let created: Value = response.json().await.expect("JSON");
    let one = format!("/api/v1/activities/{}", id(&created));
    assert_eq!(location.as_deref(), Some(one.as_str()));
    assert_eq!(created["city"]["name"]["en"], "Florence");
    assert_eq!(created["status"], "done", "a past day defaults to done");
    assert_eq!(created["description"], json!({ "fa": "شرح برنامه", "en": null }));
    assert_eq!(created["outcomes"], json!({ "fa": "نتیجه", "en": "Outcome" }));
    assert_eq!(created["idea"], Value::Null);

    for caller in [None, Some(citizen.as_str()), Some(reviewer.as_str())] {
        assert_eq!(app.json(app.get(&one, caller).await).await, created);
        assert_eq!(
            titles(&app.json(app.get(&path, caller).await).await),
            ["وبینار شهرداران"]
        );
        assert_eq!(
            titles(&app.json(app.get("/api/v1/activities", caller).await).await),
            ["وبینار شهرداران"]
        );
    }

    for caller in [&citizen, &reviewer] {
        assert_problem(
            app.patch(&one, Some(caller), json!({ "status": "cancelled" })).await,
            403,
            "forbidden",
        )
        .await;
    }
    assert_problem(
        app.patch(&one, None, json!({ "status": "cancelled" })).await,
        401,
        "not_signed_in",
    )
    .await;
    let corrected = app
        .json(
            app.patch(
                &one,
                Some(&staff),
                json!({ "kind": "knowledge_exchange", "outcomes": null, "title": { "fa": "انتقال دانش تراموا" } }),
            )
            .await,
        )
        .await;
    assert_eq!(corrected["kind"], "knowledge_exchange");
    assert_eq!(corrected["outcomes"], Value::Null);
    assert_eq!(corrected["title"], json!({ "fa": "انتقال دانش تراموا", "en": null }));
    assert_eq!(corrected["description"]["fa"], "شرح برنامه", "left out, kept");
    assert_eq!(corrected["occurredOn"], "2020-05-20");

    // Moved to the city it really was with.
    let freiburg = id(&app.create_city(&staff, "فرایبورگ", "Freiburg", "DE").await);
    let moved = app
        .json(app.patch(&one, Some(&staff), json!({ "cityId": freiburg })).await)
        .await;
    assert_eq!(moved["city"]["name"]["en"], "Freiburg");
    assert_eq!(app.json(app.get(&path, None).await).await["total"], 0);

    assert_problem(
        app.get(&format!("/api/v1/activities/{}", uuid::Uuid::new_v4()), None)
            .await,
        404,
        "not_found",
    )
    .await;
    let unknown_city = format!("/api/v1/cities/{}/activities", uuid::Uuid::new_v4());
    assert_problem(app.get(&unknown_city, None).await, 404, "not_found").await;
    let body = activity_body("2020-05-20", "webinar", "joint", "x");
    assert_problem(app.post(&unknown_city, Some(&staff), body).await, 404, "not_found").await;
}

#[tokio::test]
async fn activities_are_checked_and_a_refused_one_changes_nothing() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "شیان", "Xi'an", "CN").await);
    let path = format!("/api/v1/cities/{city}/activities");
    let cases = [
        ("kind", json!({ "kind": "party" }), "/kind"),
        ("direction", json!({ "direction": "sideways" }), "/direction"),
        ("status", json!({ "status": "maybe" }), "/status"),
        ("date", json!({ "occurredOn": "2020-02-30" }), "/occurredOn"),
        ("no date", json!({ "occurredOn": null }), "/occurredOn"),
        (
            "year out of range",
            json!({ "occurredOn": "1066-10-14" }),
            "/occurredOn",
        ),
        ("not zero-padded", json!({ "occurredOn": "2020-4-2" }), "/occurredOn"),
        ("blank title", json!({ "title": { "fa": "  " } }), "/title/fa"),
        ("long title", json!({ "title": { "fa": "ا".repeat(201) } }), "/title/fa"),
        ("unknown idea", json!({ "ideaId": uuid::Uuid::new_v4() }), "/ideaId"),
        ("unknown field", json!({ "budget": 10 }), "/budget"),
    ];
    for (case, change, pointer) in cases {
        let mut body = activity_body("2020-04-02", "aid_shipment", "inbound", "محموله");
        for (key, value) in change.as_object().expect("object") {
            body[key] = value.clone();
        }
        let problem = assert_problem(app.post(&path, Some(&staff), body).await, 422, "validation_failed").await;
        assert_eq!(problem["errors"][0]["pointer"], pointer, "{case}: {problem}");
    }
    for bad in ["2020-02-30", "1066-10-14", "2020-4-2", "۲۰۲۰-۰۴-۰۲"] {
        let mut body = activity_body(bad, "aid_shipment", "inbound", "محموله");
        body["occurredOn"] = json!(bad);
        let problem = assert_problem(app.post(&path, Some(&staff), body).await, 422, "validation_failed").await;
        assert_eq!(problem["errors"][0]["code"], "invalid_date", "{bad}");
    }
    assert_eq!(app.json(app.get("/api/v1/activities", None).await).await["total"], 0);

    let planned = app
        .record_activity(
            &staff,
            &city,
            json!({
                "occurredOn": (Utc::now() + TimeDelta::days(40)).date_naive().to_string(),
                "kind": "visit", "direction": "outbound", "title": { "fa": "دیدار دانشگاه‌ها" }
            }),
        )
        .await;
    assert_eq!(planned["status"], "planned", "a later day defaults to planned");
    assert_eq!(planned["description"], Value::Null);
    assert_eq!(planned["outcomes"], Value::Null);
    let problem = assert_problem(
        app.patch(
            &format!("/api/v1/activities/{}", id(&planned)),
            Some(&staff),
            json!({ "cityId": uuid::Uuid::new_v4() }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["pointer"], "/cityId");

    for query in [
        "limit=101",
        "kind=party",
        "from=2020-13-01",
        "from=2021-01-01&to=2020-01-01",
        "sort=title",
        "country=XX",
        "colour=red",
    ] {
        let response = app.get(&format!("/api/v1/activities?{query}"), None).await;
        assert_problem(response, 422, "validation_failed").await;
    }
    for query in ["cityId=00000000-0000-0000-0000-000000000000", "country=CN"] {
        assert_problem(
            app.get(&format!("{path}?{query}"), None).await,
            422,
            "validation_failed",
        )
        .await;
    }
}

#[tokio::test]
async fn activity_lists_filter_on_city_country_kind_direction_status_dates_and_text() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let freiburg = id(&app.create_city(&staff, "فرایبورگ", "Freiburg", "DE").await);
    let xian = id(&app.create_city(&staff, "شیان", "Xi'an", "CN").await);
    let paris = id(&app.create_city(&staff, "پاریس", "Paris", "FR").await);
    let mut on_the_way = activity_body("2020-06-10", "aid_shipment", "inbound", "محموله سوم");
    on_the_way["status"] = json!("under_way");
    for (city, body) in [
        (
            &freiburg,
            activity_body("2020-03-20", "aid_shipment", "inbound", "محموله اول"),
        ),
        (
            &freiburg,
            activity_body("2020-04-15", "aid_shipment", "inbound", "محموله دوم"),
        ),
        (&freiburg, on_the_way),
        (
            &xian,
            activity_body("2020-03-05", "aid_shipment", "inbound", "محموله شیان"),
        ),
        (
            &paris,
            activity_body("2019-11-12", "festival", "outbound", "هفته فرهنگی اصفهان"),
        ),
    ] {
        app.record_activity(&staff, city, body).await;
    }
    let list = |query: &'static str| {
        let app = &app;
        async move {
            app.json(app.get(&format!("/api/v1/activities?{query}"), None).await)
                .await
        }
    };
    let all = list("").await;
    assert_eq!(all["total"], 5);
    assert_eq!(
        titles(&all),
        [
            "محموله سوم",
            "محموله دوم",
            "محموله اول",
            "محموله شیان",
            "هفته فرهنگی اصفهان"
        ],
        "the newest first"
    );
    assert_eq!(
        titles(&list("country=de&sort=occurredOn").await),
        ["محموله اول", "محموله دوم", "محموله سوم"]
    );
    let by_city = app
        .json(app.get(&format!("/api/v1/activities?cityId={xian}"), None).await)
        .await;
    assert_eq!(titles(&by_city), ["محموله شیان"]);
    assert_eq!(titles(&list("kind=festival").await), ["هفته فرهنگی اصفهان"]);
    assert_eq!(titles(&list("direction=outbound").await), ["هفته فرهنگی اصفهان"]);
    assert_eq!(titles(&list("status=under_way").await), ["محموله سوم"]);
    assert_eq!(
        titles(&list("from=2020-03-20&to=2020-04-15").await),
        ["محموله دوم", "محموله اول"],
        "both ends included"
    );
    // Arabic yeh typed for the Persian one.
    assert_eq!(titles(&list("q=شيان").await), ["محموله شیان"]);
    assert_eq!(titles(&list("q=(en)&kind=festival").await), ["هفته فرهنگی اصفهان"]);
    let page = list("limit=2&offset=1").await;
    assert_eq!(page["total"], 5);
    assert_eq!(titles(&page), ["محموله دوم", "محموله اول"]);
    let city_page = app
        .json(
            app.get(
                &format!("/api/v1/cities/{freiburg}/activities?status=done&limit=1"),
                None,
            )
            .await,
        )
        .await;
    assert_eq!(city_page["total"], 2);
    assert_eq!(titles(&city_page), ["محموله دوم"]);
}

/// The link through which the program shows what citizens' ideas achieved: only a selected idea
/// can be named, and the activities that grew from an idea are listed by it.
#[tokio::test]
async fn an_activity_names_the_selected_idea_it_grew_from() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let florence = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let call = id(&app.create_open_call(&staff).await);
    let idea = id(&app
        .submitted_idea(&citizen, &call, &florence, "انتقال دانش تراموای فلورانس")
        .await);
    let path = format!("/api/v1/cities/{florence}/activities");
    let mut body = activity_body("2020-07-01", "knowledge_exchange", "inbound", "کارگاه تراموا");
    body["ideaId"] = json!(idea);

    let problem = assert_problem(
        app.post(&path, Some(&staff), body.clone()).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["pointer"], "/ideaId");
    assert_eq!(problem["errors"][0]["code"], "idea_not_selected");

    app.make_selected(&idea).await;
    let created = app.record_activity(&staff, &florence, body).await;
    assert_eq!(
        created["idea"],
        json!({ "id": idea, "title": "انتقال دانش تراموای فلورانس" })
    );
    app.record_activity(
        &staff,
        &florence,
        activity_body("2020-05-20", "webinar", "joint", "وبینار"),
    )
    .await;

    let grown = app
        .json(app.get(&format!("/api/v1/activities?ideaId={idea}"), None).await)
        .await;
    assert_eq!(titles(&grown), ["کارگاه تراموا"]);
    assert_eq!(grown["items"][0]["idea"]["id"], json!(idea));

    let unlinked = app
        .json(
            app.patch(
                &format!("/api/v1/activities/{}", id(&created)),
                Some(&staff),
                json!({ "ideaId": null }),
            )
            .await,
        )
        .await;
    assert_eq!(unlinked["idea"], Value::Null);
    let grown = app
        .json(app.get(&format!("/api/v1/activities?ideaId={idea}"), None).await)
        .await;
    assert_eq!(grown["total"], 0);
}

#[tokio::test]
async fn recording_and_correcting_an_activity_is_recorded_with_who_did_it() {
    use domain::event::SubjectKind::Activity;
    let app = spawn_app().await;
    let staff = app.staff().await;
    let staff_id = app.user_id(&staff).await;
    let florence = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let body = activity_body("2020-05-20", "webinar", "joint", "وبینار شهرداران");
    let activity = id(&app.record_activity(&staff, &florence, body).await);
    let response = app
        .patch(
            &format!("/api/v1/activities/{activity}"),
            Some(&staff),
            json!({ "status": "cancelled" }),
        )
        .await;
    assert_eq!(response.status(), 200);

    assert_eq!(
        event_summary(&app.events_of(Activity, &activity).await),
        vec![
            (
                "activity_added".to_owned(),
                Some(staff_id.clone()),
                None,
                Some("done".to_owned())
            ),
            (
                "activity_updated".to_owned(),
                Some(staff_id),
                Some("done".to_owned()),
                Some("cancelled".to_owned())
            ),
        ]
    );
}
