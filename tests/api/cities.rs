//! The register of cities abroad: a public list with a folding search, citizens adding a missing
//! city (unverified), staff adding verified ones and correcting them, and no city twice.

use serde_json::{Value, json};

use crate::fixtures::id;
use crate::helpers::*;

#[tokio::test]
async fn anyone_lists_cities_and_the_search_folds_persian_and_arabic_letters() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    // Arabic kaf (ك) in Kuala Lumpur, Arabic yeh (ي) in Freiburg, as some keyboards type them.
    app.create_city(&staff, "كوالالامپور", "Kuala Lumpur", "MY").await;
    app.create_city(&staff, "فرايبورگ", "Freiburg", "DE").await;
    app.create_city(&staff, "فلورانس", "Florence", "IT").await;
    app.create_city(&citizen, "میلان", "Milan", "IT").await;

    let all = app.json(app.get("/api/v1/cities", None).await).await;
    assert_eq!(all["total"], 4);
    assert_eq!(all["limit"], 20);
    assert_eq!(all["offset"], 0);
    // By Persian name.
    assert_eq!(names_en(&all), ["Freiburg", "Florence", "Kuala Lumpur", "Milan"]);

    // Persian kaf and Persian yeh typed: the Arabic forms are found.
    let found = app.json(app.get("/api/v1/cities?q=کوالالامپور", None).await).await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["name"]["en"], "Kuala Lumpur");
    assert_eq!(found["items"][0]["name"]["fa"], "كوالالامپور", "stored as typed");
    let found = app.json(app.get("/api/v1/cities?q=فرایبورگ", None).await).await;
    assert_eq!(names_en(&found), ["Freiburg"]);
    // The English name, in another case.
    let found = app.json(app.get("/api/v1/cities?q=KUALA", None).await).await;
    assert_eq!(names_en(&found), ["Kuala Lumpur"]);
    let none = app.json(app.get("/api/v1/cities?q=پاریس", None).await).await;
    assert_eq!(none["total"], 0);
    assert_eq!(none["items"], json!([]));

    let italian = app.json(app.get("/api/v1/cities?country=IT", None).await).await;
    assert_eq!(names_en(&italian), ["Florence", "Milan"]);
    let italian = app.json(app.get("/api/v1/cities?country=it", None).await).await;
    assert_eq!(italian["total"], 2, "the country code in lower case");
    let unverified = app.json(app.get("/api/v1/cities?verified=false", None).await).await;
    assert_eq!(names_en(&unverified), ["Milan"]);
    let verified_italian = app
        .json(app.get("/api/v1/cities?country=IT&verified=true", None).await)
        .await;
    assert_eq!(names_en(&verified_italian), ["Florence"]);
    let search_and_filter = app
        .json(app.get("/api/v1/cities?q=%D9%84%D8%A7&country=MY", None).await)
        .await;
    assert_eq!(names_en(&search_and_filter), ["Kuala Lumpur"], "q=لا within MY");
}

#[tokio::test]
async fn the_city_list_pages_and_refuses_bad_parameters() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    for (fa, en, country) in [
        ("بارسلونا", "Barcelona", "ES"),
        ("شیان", "Xi'an", "CN"),
        ("سمرقند", "Samarkand", "UZ"),
    ] {
        app.create_city(&staff, fa, en, country).await;
    }

    let first = app.json(app.get("/api/v1/cities?limit=2", None).await).await;
    assert_eq!(first["total"], 3);
    assert_eq!(first["limit"], 2);
    assert_eq!(first["offset"], 0);
    assert_eq!(names_en(&first), ["Barcelona", "Samarkand"]);
    let second = app.json(app.get("/api/v1/cities?limit=2&offset=2", None).await).await;
    assert_eq!(second["total"], 3);
    assert_eq!(second["offset"], 2);
    assert_eq!(names_en(&second), ["Xi'an"]);
    let beyond = app.json(app.get("/api/v1/cities?offset=10", None).await).await;
    assert_eq!(beyond["total"], 3);
    assert_eq!(beyond["items"], json!([]));

    for (query, pointer) in [
        ("limit=0", "/limit"),
        ("limit=101", "/limit"),
        ("offset=-1", "/offset"),
        ("country=XX", "/country"),
        ("country=ITA", "/country"),
        ("verified=maybe", "/verified"),
        ("colour=blue", "/colour"),
    ] {
        let response = app.get(&format!("/api/v1/cities?{query}"), None).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "for {query}");
    }
    let problem = assert_problem(
        app.get("/api/v1/cities?country=XX", None).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "invalid_country");
}

#[tokio::test]
async fn anyone_reads_one_city_and_an_unknown_one_is_404() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let body = json!({
        "name": { "fa": "فلورانس", "en": "Florence" },
        "country": "IT",
        "coordinates": { "latitude": 43.7696, "longitude": 11.2558 }
    });
    let response = app.post("/api/v1/cities", Some(&staff), body).await;
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.expect("JSON");

    let city = app
        .json(app.get(&format!("/api/v1/cities/{}", id(&created)), None).await)
        .await;
    assert_eq!(city, created);
    assert_eq!(city["name"], json!({ "fa": "فلورانس", "en": "Florence" }));
    assert_eq!(city["country"], "IT");
    assert_eq!(
        city["coordinates"],
        json!({ "latitude": 43.7696, "longitude": 11.2558 })
    );
    assert!(city["createdAt"].is_string() && city["updatedAt"].is_string());

    let unknown = format!("/api/v1/cities/{}", uuid::Uuid::new_v4());
    assert_problem(app.get(&unknown, None).await, 404, "not_found").await;
    assert_problem(app.get("/api/v1/cities/florence", None).await, 404, "not_found").await;
}

#[tokio::test]
async fn a_city_a_citizen_adds_is_unverified_and_one_staff_add_is_verified() {
    let app = spawn_app().await;
    let citizen = app.citizen("sara@example.org").await;
    let staff = app.staff().await;

    let body = json!({ "name": { "fa": "  سن‌پترزبورگ ", "en": "Saint Petersburg" }, "country": "RU" });
    let response = app.post("/api/v1/cities", Some(&citizen), body).await;
    assert_eq!(response.status(), 201);
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("Location header")
        .to_owned();
    let city: Value = response.json().await.expect("JSON");
    assert_eq!(location, format!("/api/v1/cities/{}", id(&city)));
    assert_eq!(city["verified"], false);
    assert_eq!(city["name"]["fa"], "سن‌پترزبورگ", "trimmed");
    assert_eq!(city["coordinates"], Value::Null);
    assert_eq!(app.json(app.get(&location, None).await).await, city);

    let city = app.create_city(&staff, "بارسلونا", "Barcelona", "ES").await;
    assert_eq!(city["verified"], true);

    let body = json!({ "name": { "fa": "پاریس" }, "country": "FR" });
    assert_problem(app.post("/api/v1/cities", None, body).await, 401, "not_signed_in").await;
    let paris = app.json(app.get("/api/v1/cities?country=FR", None).await).await;
    assert_eq!(paris["total"], 0);
}

#[tokio::test]
async fn the_same_city_cannot_be_added_twice() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let kuala_lumpur = app.create_city(&staff, "كوالالامپور", "Kuala Lumpur", "MY").await;
    app.create_city(&staff, "فرايبورگ", "Freiburg", "DE").await;

    for (name, country) in [
        // Persian kaf for the Arabic one.
        (json!({ "fa": "کوالالامپور" }), "MY"),
        // Another Persian name, the English one in another case and spacing.
        (json!({ "fa": "کوالا لامپور", "en": "kuala  LUMPUR" }), "MY"),
        // Persian yeh for the Arabic one, the country in lower case.
        (json!({ "fa": "فرایبورگ", "en": "Freiburg im Breisgau" }), "de"),
    ] {
        let body = json!({ "name": name, "country": country });
        let response = app.post("/api/v1/cities", Some(&citizen), body).await;
        let problem = assert_problem(response, 409, "city_exists").await;
        if country == "MY" {
            let detail = problem["detail"].as_str().expect("detail");
            assert!(
                detail.contains(&id(&kuala_lumpur)),
                "the detail names the city: {detail}"
            );
        }
    }
    let all = app.json(app.get("/api/v1/cities", None).await).await;
    assert_eq!(all["total"], 2, "nothing added");

    // The same name in another country is another city.
    let other = app.create_city(&citizen, "فرایبورگ", "Fribourg", "CH").await;
    assert_eq!(other["country"], "CH");
}

#[tokio::test]
async fn invalid_cities_are_422_naming_the_field() {
    let app = spawn_app().await;
    let citizen = app.citizen("sara@example.org").await;
    let valid = || json!({ "name": { "fa": "فلورانس", "en": "Florence" }, "country": "IT" });
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "unknown country",
            json!({ "country": "XX" }),
            "/country",
            "invalid_country",
        ),
        (
            "alpha-3 country",
            json!({ "country": "ITA" }),
            "/country",
            "invalid_country",
        ),
        (
            "no name.fa",
            json!({ "name": { "en": "Florence" } }),
            "/name/fa",
            "required",
        ),
        (
            "blank name.fa",
            json!({ "name": { "fa": "   " } }),
            "/name/fa",
            "required",
        ),
        (
            "latitude 91",
            json!({ "coordinates": { "latitude": 91.0, "longitude": 11.0 } }),
            "/coordinates/latitude",
            "out_of_range",
        ),
        (
            "longitude -181",
            json!({ "coordinates": { "latitude": 43.0, "longitude": -181.0 } }),
            "/coordinates/longitude",
            "out_of_range",
        ),
        (
            "unknown field",
            json!({ "population": 382258 }),
            "/population",
            "unknown_field",
        ),
    ];
    for (case, change, pointer, code) in cases {
        let mut body = valid();
        for (key, value) in change.as_object().expect("object") {
            body[key] = value.clone();
        }
        let response = app.post("/api/v1/cities", Some(&citizen), body).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "{case}: {problem}");
        assert_eq!(problem["errors"][0]["code"], code, "{case}");
    }
    let missing_country = json!({ "name": { "fa": "فلورانس" } });
    let problem = assert_problem(
        app.post("/api/v1/cities", Some(&citizen), missing_country).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/country"]);
    assert_eq!(app.json(app.get("/api/v1/cities", None).await).await["total"], 0);

    // A lower-case code is accepted and stored in upper case; the edges of the map are valid.
    let body = json!({
        "name": { "fa": "فلورانس" },
        "country": "it",
        "coordinates": { "latitude": -90.0, "longitude": 180.0 }
    });
    let response = app.post("/api/v1/cities", Some(&citizen), body).await;
    assert_eq!(response.status(), 201);
    let city: Value = response.json().await.expect("JSON");
    assert_eq!(city["country"], "IT");
    assert_eq!(city["name"]["en"], Value::Null);
    assert_eq!(city["coordinates"], json!({ "latitude": -90.0, "longitude": 180.0 }));
}

#[tokio::test]
async fn staff_verify_and_correct_a_city_and_others_cannot() {
    let app = spawn_app().await;
    let citizen = app.citizen("sara@example.org").await;
    let staff = app.staff().await;
    let city = app.create_city(&citizen, "فلورنس", "Florance", "IT").await;
    let path = format!("/api/v1/cities/{}", id(&city));

    let change = json!({ "verified": true });
    assert_problem(app.patch(&path, Some(&citizen), change.clone()).await, 403, "forbidden").await;
    assert_problem(app.patch(&path, None, change.clone()).await, 401, "not_signed_in").await;
    assert_eq!(app.json(app.get(&path, None).await).await["verified"], false);

    let response = app
        .patch(
            &path,
            Some(&staff),
            json!({
                "name": { "fa": "فلورانس", "en": "Florence" },
                "coordinates": { "latitude": 43.7696, "longitude": 11.2558 },
                "verified": true
            }),
        )
        .await;
    let changed = app.json(response).await;
    assert_eq!(changed["verified"], true);
    assert_eq!(changed["name"], json!({ "fa": "فلورانس", "en": "Florence" }));
    assert_eq!(changed["country"], "IT", "left as it was");
    assert_eq!(changed["createdAt"], city["createdAt"]);
    assert_eq!(app.json(app.get(&path, None).await).await, changed);

    // The search follows the new name.
    let found = app.json(app.get("/api/v1/cities?q=florence", None).await).await;
    assert_eq!(found["total"], 1);
    let old = app.json(app.get("/api/v1/cities?q=florance", None).await).await;
    assert_eq!(old["total"], 0);

    let problem = assert_problem(
        app.patch(&path, Some(&staff), json!({ "country": "XX" })).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/country"]);
    let unknown = format!("/api/v1/cities/{}", uuid::Uuid::new_v4());
    assert_problem(app.patch(&unknown, Some(&staff), change).await, 404, "not_found").await;
}

#[tokio::test]
async fn staff_cannot_rename_a_city_into_another_existing_one() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    app.create_city(&staff, "فلورانس", "Florence", "IT").await;
    let typo = app.create_city(&staff, "میلان", "Milan", "IT").await;
    let path = format!("/api/v1/cities/{}", id(&typo));

    let response = app
        .patch(
            &path,
            Some(&staff),
            json!({ "name": { "fa": "فلورانس", "en": "Florence" } }),
        )
        .await;
    assert_problem(response, 409, "city_exists").await;
    let italian = app.json(app.get("/api/v1/cities?country=IT", None).await).await;
    assert_eq!(names_en(&italian), ["Florence", "Milan"], "nothing changed");
}

fn activity_body(kind: &str, title: &str) -> Value {
    json!({ "occurredOn": "2020-05-20", "kind": kind, "direction": "joint", "title": { "fa": title } })
}

#[tokio::test]
async fn merging_a_duplicate_city_moves_its_ideas_activities_and_partnership() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let florence = app.create_city(&staff, "فلورانس", "", "IT").await;
    // A citizen added the same city under its Italian name, with what the staff entry lacks.
    let body = json!({
        "name": { "fa": "فیرنزه", "en": "Firenze" },
        "country": "IT",
        "coordinates": { "latitude": 43.7696, "longitude": 11.2558 }
    });
    let response = app.post("/api/v1/cities", Some(&citizen), body).await;
    assert_eq!(response.status(), 201);
    let duplicate: Value = response.json().await.expect("JSON");
    let call = id(&app.create_open_call(&staff).await);
    let idea = app
        .submitted_idea(&citizen, &call, &id(&duplicate), "تراموای فلورانس")
        .await;
    let idea_path = format!("/api/v1/ideas/{}", id(&idea));
    let etag_before = app.get(&idea_path, Some(&citizen)).await.headers().get("etag").cloned();
    app.record_activity(&staff, &id(&duplicate), activity_body("webinar", "وبینار شهرداران"))
        .await;
    let partnership =
        json!({ "cityId": id(&duplicate), "kind": "sister_city", "state": "active", "signedOn": "1998-05-12" });
    let response = app.post("/api/v1/partnerships", Some(&staff), partnership).await;
    assert_eq!(response.status(), 201);
    let partnership: Value = response.json().await.expect("JSON");

    let merge = format!("/api/v1/cities/{}/merge", id(&duplicate));
    let into = json!({ "into": id(&florence) });
    assert_problem(app.post(&merge, None, into.clone()).await, 401, "not_signed_in").await;
    assert_problem(app.post(&merge, Some(&citizen), into.clone()).await, 403, "forbidden").await;
    let reviewer = app.reviewer().await;
    assert_problem(app.post(&merge, Some(&reviewer), into.clone()).await, 403, "forbidden").await;

    let merged = app.json(app.post(&merge, Some(&staff), into).await).await;
    assert_eq!(
        merged["moved"],
        json!({ "ideas": 1, "activities": 1, "partnership": true })
    );
    assert_eq!(merged["city"]["id"], florence["id"]);
    assert_eq!(
        merged["city"]["name"],
        json!({ "fa": "فلورانس", "en": "Firenze" }),
        "the gap is filled"
    );
    assert_eq!(
        merged["city"]["coordinates"],
        json!({ "latitude": 43.7696, "longitude": 11.2558 })
    );

    assert_problem(
        app.get(&format!("/api/v1/cities/{}", id(&duplicate)), None).await,
        404,
        "not_found",
    )
    .await;
    let moved_idea = app.get(&idea_path, Some(&citizen)).await;
    assert_ne!(moved_idea.headers().get("etag").cloned(), etag_before, "a new version");
    let moved_idea: Value = moved_idea.json().await.expect("JSON");
    assert_eq!(moved_idea["targetCity"]["id"], florence["id"]);
    let activities = app
        .json(
            app.get(&format!("/api/v1/cities/{}/activities", id(&florence)), None)
                .await,
        )
        .await;
    assert_eq!(activities["total"], 1);
    let partnership = app
        .json(
            app.get(&format!("/api/v1/partnerships/{}", id(&partnership)), None)
                .await,
        )
        .await;
    assert_eq!(partnership["city"]["id"], florence["id"]);
    let cities = app.json(app.get("/api/v1/cities?country=IT", None).await).await;
    assert_eq!(cities["total"], 1);
}

#[tokio::test]
async fn cities_that_cannot_be_merged_are_refused_and_nothing_changes() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let a = id(&app.create_city(&staff, "بارسلون", "Barcelona", "ES").await);
    let b = id(&app.create_city(&staff, "برشلونه", "Barcelona (Catalonia)", "ES").await);
    let merge = |from: &str| format!("/api/v1/cities/{from}/merge");

    let problem = assert_problem(
        app.post(&merge(&a), Some(&staff), json!({ "into": a })).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "same_city");
    let problem = assert_problem(
        app.post(&merge(&a), Some(&staff), json!({ "into": uuid::Uuid::new_v4() }))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["pointer"], "/into");
    let unknown = merge(&uuid::Uuid::new_v4().to_string());
    assert_problem(
        app.post(&unknown, Some(&staff), json!({ "into": a })).await,
        404,
        "not_found",
    )
    .await;

    for city in [&a, &b] {
        let body = json!({ "cityId": city, "kind": "sister_city", "state": "active" });
        assert_eq!(app.post("/api/v1/partnerships", Some(&staff), body).await.status(), 201);
    }
    app.record_activity(&staff, &a, activity_body("visit", "دیدار")).await;
    assert_problem(
        app.post(&merge(&a), Some(&staff), json!({ "into": b })).await,
        409,
        "cities_not_mergeable",
    )
    .await;
    let a_activities = app
        .json(app.get(&format!("/api/v1/cities/{a}/activities"), None).await)
        .await;
    assert_eq!(a_activities["total"], 1, "nothing moved");
    assert_eq!(
        app.json(app.get("/api/v1/cities?country=ES", None).await).await["total"],
        2
    );
}

#[tokio::test]
async fn a_city_overview_gathers_its_partnership_activities_and_ideas_for_each_audience() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let other = app.citizen("reza@example.org").await;
    let florence = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let body = json!({
        "cityId": florence, "kind": "sister_city", "state": "active", "signedOn": "1998-05-12",
        "focalPoints": [{ "name": "Marco Rossi", "contact": "m.rossi@comune.example" }]
    });
    assert_eq!(app.post("/api/v1/partnerships", Some(&staff), body).await.status(), 201);
    app.record_activity(&staff, &florence, activity_body("webinar", "وبینار شهرداران"))
        .await;
    app.record_activity(&staff, &florence, activity_body("webinar", "وبینار دوم"))
        .await;
    app.record_activity(&staff, &florence, activity_body("festival", "جشنواره هنری"))
        .await;
    let call = id(&app.create_open_call(&staff).await);
    let selected = id(&app.submitted_idea(&citizen, &call, &florence, "تراموای فلورانس").await);
    app.make_selected(&selected).await;
    app.submitted_idea(&citizen, &call, &florence, "هفته فیلم ایتالیا")
        .await;
    app.create_idea(&other, crate::fixtures::idea_body(&call, &florence, "پیش‌نویس"))
        .await;
    let path = format!("/api/v1/cities/{florence}/overview");

    let public = app.json(app.get(&path, None).await).await;
    assert_eq!(public["city"]["name"]["en"], "Florence");
    assert_eq!(public["partnership"]["signedOn"], "1998-05-12");
    assert_eq!(public["partnership"]["history"].as_array().map(Vec::len), Some(1));
    assert!(public["partnership"].get("focalPoints").is_none());
    assert!(!public.to_string().contains("rossi"));
    assert_eq!(public["activities"].as_array().map(Vec::len), Some(3));
    let idea_titles = |overview: &Value| -> Vec<String> {
        let mut titles: Vec<String> = overview["ideas"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i["title"].as_str().map(str::to_owned))
            .collect();
        titles.sort();
        titles
    };
    assert_eq!(idea_titles(&public), ["تراموای فلورانس"]);
    assert!(
        public["ideas"][0].get("submitter").is_none_or(Value::is_null),
        "no personal data: {}",
        public["ideas"][0]
    );
    assert_eq!(
        public["counts"],
        json!({
            "activities": 3,
            "activitiesByKind": { "festival": 1, "webinar": 2 },
            "ideas": 1,
            "ideasByState": { "selected": 1 }
        })
    );

    // The submitter also sees their own ideas; staff see every idea with its state.
    let own = app.json(app.get(&path, Some(&citizen)).await).await;
    assert_eq!(idea_titles(&own), ["تراموای فلورانس", "هفته فیلم ایتالیا"]);
    let staff_view = app.json(app.get(&path, Some(&staff)).await).await;
    assert_eq!(staff_view["partnership"]["focalPoints"][0]["name"], "Marco Rossi");
    assert_eq!(
        idea_titles(&staff_view),
        ["تراموای فلورانس", "هفته فیلم ایتالیا", "پیش‌نویس"]
    );
    assert_eq!(
        staff_view["counts"]["ideasByState"],
        json!({ "draft": 1, "submitted": 1, "selected": 1 })
    );
    assert_eq!(staff_view["counts"]["ideas"], 3);

    let lonely = id(&app.create_city(&staff, "میلان", "Milan", "IT").await);
    let empty = app
        .json(app.get(&format!("/api/v1/cities/{lonely}/overview"), None).await)
        .await;
    assert_eq!(empty["partnership"], Value::Null);
    assert_eq!(empty["activities"], json!([]));
    assert_eq!(empty["counts"]["activities"], 0);
    assert_problem(
        app.get(&format!("/api/v1/cities/{}/overview", uuid::Uuid::new_v4()), None)
            .await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn adding_correcting_and_merging_cities_is_recorded_with_who_did_it() {
    use domain::event::SubjectKind::City;
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let (staff_id, citizen_id) = (app.user_id(&staff).await, app.user_id(&citizen).await);
    let kept = id(&app.create_city(&citizen, "فلورانس", "Florence", "IT").await);
    let duplicate = id(&app.create_city(&staff, "فیرنتسه", "Firenze", "IT").await);
    let response = app
        .patch(
            &format!("/api/v1/cities/{kept}"),
            Some(&staff),
            json!({ "verified": true }),
        )
        .await;
    assert_eq!(response.status(), 200);
    let response = app
        .post(
            &format!("/api/v1/cities/{duplicate}/merge"),
            Some(&staff),
            json!({ "into": kept }),
        )
        .await;
    assert_eq!(response.status(), 200);

    assert_eq!(
        event_summary(&app.events_of(City, &kept).await),
        vec![
            ("city_added".to_owned(), Some(citizen_id), None, None),
            ("city_updated".to_owned(), Some(staff_id.clone()), None, None),
            (
                "cities_merged".to_owned(),
                Some(staff_id.clone()),
                Some(duplicate.clone()),
                Some(kept.clone())
            ),
        ]
    );
    assert_eq!(
        event_summary(&app.events_of(City, &duplicate).await),
        vec![
            ("city_added".to_owned(), Some(staff_id.clone()), None, None),
            (
                "cities_merged".to_owned(),
                Some(staff_id),
                Some(duplicate.clone()),
                Some(kept.clone())
            ),
        ],
        "the entry that went keeps its history, ending where it went"
    );
}
