//! The citizen's profile at /me: occupation, ties to cities abroad and languages, and the occupation
//! recorded on the ideas they propose.

use serde_json::{Value, json};

use crate::fixtures::{id, idea_body};
use crate::helpers::*;

fn full_profile() -> Value {
    json!({
        "occupationCategory": "academic",
        "ties": [
            { "city": "Saint Petersburg", "country": "RU", "nature": "study", "since": 2015 },
            { "city": "فلورانس", "country": "IT", "nature": "work", "since": 2019 }
        ],
        "languages": ["fa", "en", "ru"]
    })
}

/// The profile as sent: each tie's id is the server's (see `ties_keep_their_ids`), left out here.
fn without_tie_ids(profile: &Value) -> Value {
    let mut profile = profile.clone();
    if let Some(ties) = profile["ties"].as_array_mut() {
        for tie in ties {
            if let Some(tie) = tie.as_object_mut() {
                tie.remove("id");
            }
        }
    }
    profile
}

#[tokio::test]
async fn a_new_account_has_an_empty_profile() {
    let app = spawn_app().await;
    let citizen = app.citizen("sara@example.org").await;
    let me = app.json(app.get("/api/v1/me", Some(&citizen)).await).await;
    assert_eq!(me["email"], "sara@example.org");
    assert_eq!(
        me["profile"],
        json!({ "occupationCategory": null, "ties": [], "languages": [] })
    );
    assert_problem(app.get("/api/v1/me", None).await, 401, "not_signed_in").await;
    let change = json!({ "profile": full_profile() });
    assert_problem(app.patch("/api/v1/me", None, change).await, 401, "not_signed_in").await;
}

#[tokio::test]
async fn a_citizen_fills_in_their_profile() {
    let app = spawn_app().await;
    let citizen = app.citizen("sara@example.org").await;
    let mut profile = full_profile();
    // Typed carelessly: a lower-case country, spaces around the city.
    profile["ties"][0]["country"] = json!("ru");
    profile["ties"][1]["city"] = json!("  فلورانس ");
    let response = app
        .patch("/api/v1/me", Some(&citizen), json!({ "profile": profile }))
        .await;
    let changed = app.json(response).await;
    assert_eq!(without_tie_ids(&changed["profile"]), full_profile());
    assert_eq!(changed["email"], "sara@example.org", "the account comes with it");

    let me = app.json(app.get("/api/v1/me", Some(&citizen)).await).await;
    assert_eq!(without_tie_ids(&me["profile"]), full_profile());

    // Another citizen's profile is their own.
    let other = app.citizen("reza@example.org").await;
    let theirs = app.json(app.get("/api/v1/me", Some(&other)).await).await;
    assert_eq!(theirs["profile"]["ties"], json!([]));
}

#[tokio::test]
async fn a_partial_change_keeps_the_rest_of_the_profile() {
    let app = spawn_app().await;
    let citizen = app.citizen("sara@example.org").await;
    let response = app
        .patch("/api/v1/me", Some(&citizen), json!({ "profile": full_profile() }))
        .await;
    assert_eq!(response.status(), 200);

    let change = json!({ "profile": { "languages": ["fa", "it"] } });
    let changed = app.json(app.patch("/api/v1/me", Some(&citizen), change).await).await;
    let mut expected = full_profile();
    expected["languages"] = json!(["fa", "it"]);
    assert_eq!(without_tie_ids(&changed["profile"]), expected);

    let change = json!({ "profile": { "occupationCategory": "trader" } });
    let changed = app.json(app.patch("/api/v1/me", Some(&citizen), change).await).await;
    expected["occupationCategory"] = json!("trader");
    assert_eq!(without_tie_ids(&changed["profile"]), expected);

    // The account's own fields leave the profile as it is, and the other way round.
    let change = json!({ "displayName": "سارا احمدی" });
    let changed = app.json(app.patch("/api/v1/me", Some(&citizen), change).await).await;
    assert_eq!(changed["displayName"], "سارا احمدی");
    assert_eq!(without_tie_ids(&changed["profile"]), expected);
    let change = json!({ "profile": {} });
    let changed = app.json(app.patch("/api/v1/me", Some(&citizen), change).await).await;
    assert_eq!(changed["displayName"], "سارا احمدی");
    assert_eq!(without_tie_ids(&changed["profile"]), expected);

    // A list replaces the stored one whole: an empty one clears it.
    let change = json!({ "profile": { "ties": [] } });
    let changed = app.json(app.patch("/api/v1/me", Some(&citizen), change).await).await;
    expected["ties"] = json!([]);
    assert_eq!(without_tie_ids(&changed["profile"]), expected);
    let me = app.json(app.get("/api/v1/me", Some(&citizen)).await).await;
    assert_eq!(without_tie_ids(&me["profile"]), expected);

    // null clears the occupation; leaving it out keeps it.
    assert!(expected["occupationCategory"].is_string());
    let change = json!({ "profile": { "occupationCategory": null } });
    let changed = app.json(app.patch("/api/v1/me", Some(&citizen), change).await).await;
    expected["occupationCategory"] = Value::Null;
    assert_eq!(without_tie_ids(&changed["profile"]), expected);
}

#[tokio::test]
async fn an_invalid_profile_is_422_naming_the_field_and_nothing_changes() {
    let app = spawn_app().await;
    let citizen = app.citizen("sara@example.org").await;
    let response = app
        .patch("/api/v1/me", Some(&citizen), json!({ "profile": full_profile() }))
        .await;
    assert_eq!(response.status(), 200);

    let tie = |field: &str, value: Value| {
        let mut tie = json!({ "city": "Freiburg", "country": "DE", "nature": "study", "since": 2010 });
        tie[field] = value;
        json!({ "ties": [tie] })
    };
    let too_many: Vec<String> = (0..21).map(|n| format!("l{}", char::from(b'a' + n))).collect();
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "unknown country",
            tie("country", json!("XX")),
            "/profile/ties/0/country",
        ),
        (
            "alpha-3 country",
            tie("country", json!("DEU")),
            "/profile/ties/0/country",
        ),
        ("since 1800", tie("since", json!(1800)), "/profile/ties/0/since"),
        ("since 2101", tie("since", json!(2101)), "/profile/ties/0/since"),
        ("blank city", tie("city", json!("  ")), "/profile/ties/0/city"),
        (
            "unknown nature",
            tie("nature", json!("friendship")),
            "/profile/ties/0/nature",
        ),
        (
            "upper-case language",
            json!({ "languages": ["fa", "FA"] }),
            "/profile/languages",
        ),
        (
            "a language's name",
            json!({ "languages": ["farsi"] }),
            "/profile/languages",
        ),
        ("21 languages", json!({ "languages": too_many }), "/profile/languages"),
        (
            "unknown occupation",
            json!({ "occupationCategory": "astronaut" }),
            "/profile/occupationCategory",
        ),
        ("unknown field", json!({ "religion": "none" }), "/profile/religion"),
    ];
    for (case, profile, pointer) in cases {
        let response = app
            .patch("/api/v1/me", Some(&citizen), json!({ "profile": profile }))
            .await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "{case}: {problem}");
    }
    // The second tie is the one named.
    let mut profile = full_profile();
    profile["ties"][1]["since"] = json!(1800);
    let response = app
        .patch("/api/v1/me", Some(&citizen), json!({ "profile": profile }))
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/profile/ties/1/since"]);

    let me = app.json(app.get("/api/v1/me", Some(&citizen)).await).await;
    assert_eq!(without_tie_ids(&me["profile"]), full_profile(), "nothing changed");

    // The bounds themselves are accepted.
    let edges = json!({ "profile": { "ties": [
        { "city": "Samarkand", "country": "uz", "nature": "trade", "since": 1900 },
        { "city": "Xi'an", "country": "CN", "nature": "cultural", "since": 2100 }
    ], "languages": ["ckb", "uz"] } });
    let changed = app.json(app.patch("/api/v1/me", Some(&citizen), edges).await).await;
    assert_eq!(changed["profile"]["ties"][0]["country"], "UZ");
    assert_eq!(changed["profile"]["languages"], json!(["ckb", "uz"]));
}

#[tokio::test]
async fn the_occupation_is_recorded_on_the_ideas_a_citizen_proposes() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let city = app.create_city(&staff, "سن‌پترزبورگ", "Saint Petersburg", "RU").await;
    let call = id(&app.create_open_call(&staff).await);

    let before = app
        .create_idea(&citizen, idea_body(&call, &id(&city), "تبادل دانشجویی با سن‌پترزبورگ"))
        .await;
    assert!(before["submitter"].is_object(), "{before}");
    assert_eq!(before["submitter"]["category"], Value::Null);

    let change = json!({ "profile": { "occupationCategory": "student" } });
    assert_eq!(app.patch("/api/v1/me", Some(&citizen), change).await.status(), 200);
    let after = app
        .create_idea(&citizen, idea_body(&call, &id(&city), "هفته فیلم اصفهان در سن‌پترزبورگ"))
        .await;
    assert_eq!(after["submitter"]["category"], "student");

    let seen = app
        .json(app.get(&format!("/api/v1/ideas/{}", id(&after)), Some(&staff)).await)
        .await;
    assert_eq!(seen["submitter"]["category"], "student");
    assert_eq!(seen["submitter"]["email"], "sara@example.org");
    // Recorded when the idea was saved: the earlier draft keeps what was known then.
    let seen = app
        .json(app.get(&format!("/api/v1/ideas/{}", id(&before)), Some(&staff)).await)
        .await;
    assert_eq!(seen["submitter"]["category"], Value::Null);

    // Submitted, it counts under the occupation in the call's statistics.
    let response = app
        .post_empty(&format!("/api/v1/ideas/{}/submit", id(&after)), Some(&citizen))
        .await;
    assert_eq!(response.status(), 200);
    let stats = app
        .json(app.get(&format!("/api/v1/calls/{call}/stats"), None).await)
        .await;
    assert_eq!(stats["bySubmitterCategory"], json!([{ "key": "student", "count": 1 }]));
}

#[tokio::test]
async fn a_language_listed_twice_is_kept_once() {
    let app = spawn_app().await;
    let citizen = app.citizen("sara@example.org").await;
    let change = json!({ "profile": { "languages": ["fa", "en", "fa"] } });
    let changed = app.json(app.patch("/api/v1/me", Some(&citizen), change).await).await;
    assert_eq!(changed["profile"]["languages"], json!(["fa", "en"]));
}

#[tokio::test]
async fn ties_keep_their_ids() {
    let app = spawn_app().await;
    let citizen = app.citizen("sara@example.org").await;
    let change = json!({ "profile": full_profile() });
    let filled = app.json(app.patch("/api/v1/me", Some(&citizen), change).await).await;
    let ids: Vec<String> = filled["profile"]["ties"]
        .as_array()
        .map(|ties| {
            ties.iter()
                .map(|t| t["id"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(ids.len(), 2);
    assert!(ids.iter().all(|id| uuid::Uuid::parse_str(id).is_ok()), "{ids:?}");
    assert_ne!(ids[0], ids[1]);

    // Another change of the profile leaves the ties and their ids alone.
    let change = json!({ "profile": { "languages": ["fa"] } });
    let changed = app.json(app.patch("/api/v1/me", Some(&citizen), change).await).await;
    assert_eq!(changed["profile"]["ties"], filled["profile"]["ties"]);

    // The first tie is kept (and corrected) by its id, the second left out, a third one new.
    let change = json!({ "profile": { "ties": [
        { "id": ids[0], "city": "Sankt-Peterburg", "country": "RU", "nature": "study", "since": 2016 },
        { "city": "Kazan", "country": "RU", "nature": "trade", "since": 2020 }
    ] } });
    let changed = app.json(app.patch("/api/v1/me", Some(&citizen), change).await).await;
    let ties = &changed["profile"]["ties"];
    assert_eq!(ties[0]["id"], ids[0].as_str());
    assert_eq!(ties[0]["city"], "Sankt-Peterburg");
    assert_eq!(ties[0]["since"], 2016);
    assert_eq!(ties[1]["city"], "Kazan");
    assert!(ties[1]["id"].is_string());
    assert_ne!(ties[1]["id"], ids[1].as_str(), "a new tie gets a new id");
    let me = app.json(app.get("/api/v1/me", Some(&citizen)).await).await;
    assert_eq!(&me["profile"]["ties"], ties);

    // An id that is not one of the citizen's ties (a removed one, another's, or one sent twice) is refused.
    let other = app.citizen("reza@example.org").await;
    let theirs = json!({ "profile": { "ties": [
        { "id": ids[0], "city": "Kazan", "country": "RU", "nature": "trade", "since": 2020 }
    ] } });
    let problem = assert_problem(
        app.patch("/api/v1/me", Some(&other), theirs).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/profile/ties/0/id"]);
    let tie = |id: &str| json!({ "id": id, "city": "Kazan", "country": "RU", "nature": "trade", "since": 2020 });
    let kept = ties[0]["id"].as_str().unwrap_or_default();
    let cases = [
        (json!([tie(&ids[1])]), "/profile/ties/0/id"),
        (json!([tie(kept), tie(kept)]), "/profile/ties/1/id"),
        (json!([tie("not-a-uuid")]), "/profile/ties/0/id"),
    ];
    for (ties, pointer) in cases {
        let change = json!({ "profile": { "ties": ties } });
        let problem = assert_problem(
            app.patch("/api/v1/me", Some(&citizen), change).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(pointers(&problem), [pointer], "{problem}");
    }
    let me = app.json(app.get("/api/v1/me", Some(&citizen)).await).await;
    assert_eq!(&me["profile"]["ties"], ties, "nothing changed");
}

/// The submitter's ties as an idea's view carries them, or None when it carries none.
fn ties_on(idea: &Value) -> Option<Value> {
    idea["submitter"].get("ties").cloned()
}

#[tokio::test]
async fn staff_see_the_submitters_ties_on_an_idea_and_nobody_else_does() {
    for blind in [false, true] {
        let app = spawn_app().await;
        let staff = app.staff().await;
        let jury = app.jury_call(&staff, 1, blind, 2).await;
        let (idea, submitter) = (&jury.ideas[0], &jury.submitters[0]);
        // The profile as the submitter keeps it now, after the idea: the idea shows it as it is.
        let change = json!({ "profile": { "ties": full_profile()["ties"] } });
        let me = app.json(app.patch("/api/v1/me", Some(submitter), change).await).await;
        let ties = me["profile"]["ties"].clone();
        assert_eq!(ties.as_array().map(Vec::len), Some(2));
        let path = format!("/api/v1/ideas/{idea}");

        // Staff, reading the idea: every tie, in order, with its id.
        let shown = app.json(app.get(&path, Some(&staff)).await).await;
        assert_eq!(ties_on(&shown), Some(ties.clone()), "blind {blind}: {shown}");
        assert_eq!(shown["submitter"]["ties"][0]["city"], "Saint Petersburg");
        assert_eq!(shown["submitter"]["ties"][1]["nature"], "work");

        // Lists do not carry them.
        let page = app
            .json(app.get(&format!("/api/v1/calls/{}/ideas", jury.id), Some(&staff)).await)
            .await;
        assert!(page["items"][0]["submitter"].is_object(), "{page}");
        assert_eq!(ties_on(&page["items"][0]), None, "{page}");

        // The submitter sees their idea without them (their profile is theirs already at /me).
        let own = app.json(app.get(&path, Some(submitter)).await).await;
        assert!(own["submitter"].is_object());
        assert_eq!(ties_on(&own), None);

        // Staff's answers to screening carry them as reading the idea does (the SPA keeps the answer as the idea).
        let back = json!({ "reason": "other", "note": "دوباره بررسی شود" });
        let reopened = app.post(&format!("{path}/screening/reopen"), Some(&staff), back).await;
        assert_eq!(reopened.status(), 200);
        let reopened: Value = reopened.json().await.expect("JSON");
        assert_eq!(ties_on(&reopened), Some(ties.clone()));
        let screened = app.screen(&staff, idea, json!({ "decision": "shortlist" })).await;
        assert_eq!(screened.status(), 200);
        let screened: Value = screened.json().await.expect("JSON");
        assert_eq!(ties_on(&screened), Some(ties.clone()));

        // The idea's juror: never, whether or not the call is blind.
        let organisation = domain::reviewer::Organisation::University;
        let (juror_id, juror) = crate::ranking::juror(&app, "juror@example.org", organisation).await;
        let response = app.assign(&staff, &jury.id, idea, &juror_id.to_string()).await;
        assert_eq!(response.status(), 201);
        let seen = app.json(app.get(&path, Some(&juror)).await).await;
        assert_eq!(seen["id"], idea.as_str());
        if blind {
            assert!(seen.get("submitter").is_none(), "{seen}");
        } else {
            assert!(seen["submitter"].is_object(), "{seen}");
        }
        let text = seen.to_string();
        assert!(
            !text.contains("Saint Petersburg") && !text.contains("\"ties\""),
            "{text}"
        );

        // Another citizen and the public: the idea is not theirs to see.
        let other = app.citizen("other@example.org").await;
        assert_problem(app.get(&path, Some(&other)).await, 404, "not_found").await;
        assert_problem(app.get(&path, None).await, 404, "not_found").await;

        // Once public (selected), nobody outside sees the submitter at all.
        app.make_selected(idea).await;
        let public = app.json(app.get(&path, None).await).await;
        assert!(public.get("submitter").is_none(), "{public}");
    }
}
