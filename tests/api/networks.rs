//! City networks the municipality belongs to: a public list with a folding search, a `current` filter
//! and sorting; staff record and edit networks (null clears a field), and nobody else may.

use serde_json::{Value, json};

use crate::fixtures::id;
use crate::helpers::*;

const NETWORKS: &str = "/api/v1/networks";

fn instant(value: &Value) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(value.as_str().expect("a date-time")).expect("RFC 3339")
}

fn wego() -> Value {
    json!({
        // Arabic yeh (ي) in جهاني and شهرهاي, as some keyboards type it.
        "name": { "fa": "سازمان جهاني شهرهاي هوشمند", "en": "World Smart Sustainable Cities Organization" },
        "website": "https://we-gov.org",
        "joinedOn": "2016-09-21",
        "role": { "fa": "عضو هیئت اجرایی", "en": "executive committee member" },
        "notes": { "fa": "دبیرخانه در سئول.", "en": "Secretariat in Seoul." }
    })
}

impl TestApp {
    async fn create_network(&self, token: &str, body: Value) -> Value {
        let response = self.post(NETWORKS, Some(token), body).await;
        assert_eq!(response.status(), 201, "status");
        response.json().await.expect("JSON body")
    }

    /// Four networks: one left (CityNet), one without a joining day (Mayors for Peace).
    async fn four_networks(&self, staff: &str) {
        self.create_network(staff, wego()).await;
        let others = [
            json!({
                "name": { "fa": "شبکه جهانی شهرهای یادگیرنده", "en": "UNESCO Global Network of Learning Cities" },
                "joinedOn": "2021-02-01"
            }),
            json!({
                "name": { "fa": "انجمن شهرهای آسیا و اقیانوسیه", "en": "CityNet" },
                "joinedOn": "2010-05-01",
                "leftOn": "2020-12-31"
            }),
            json!({ "name": { "fa": "مجمع شهرداران برای صلح", "en": "Mayors for Peace" } }),
        ];
        for body in others {
            self.create_network(staff, body).await;
        }
    }
}

#[tokio::test]
async fn staff_record_a_network_and_anyone_reads_it() {
    let app = spawn_app().await;
    let staff = app.staff().await;

    let response = app.post(NETWORKS, Some(&staff), wego()).await;
    assert_eq!(response.status(), 201);
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("Location header")
        .to_owned();
    let network: Value = response.json().await.expect("JSON");
    assert_eq!(location, format!("{NETWORKS}/{}", id(&network)));
    assert_eq!(network["name"], wego()["name"]);
    assert_eq!(network["website"], "https://we-gov.org");
    assert_eq!(network["joinedOn"], "2016-09-21");
    assert_eq!(network["leftOn"], Value::Null);
    assert_eq!(network["role"], wego()["role"]);
    assert_eq!(network["notes"], wego()["notes"]);
    assert!(network["createdAt"].is_string());
    assert_eq!(network["createdAt"], network["updatedAt"]);
    let mut keys: Vec<&str> = network
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "createdAt",
            "id",
            "joinedOn",
            "leftOn",
            "name",
            "notes",
            "role",
            "updatedAt",
            "website"
        ]
    );

    // Anyone reads, without a token.
    assert_eq!(app.json(app.get(&location, None).await).await, network);
    let all = app.json(app.get(NETWORKS, None).await).await;
    assert_eq!(all["total"], 1);
    assert_eq!(all["limit"], 20);
    assert_eq!(all["offset"], 0);
    assert_eq!(all["items"], json!([network]));

    // Only a Persian name is needed; text is trimmed, a blank English part is none; an admin may record too.
    let (admin, _) = app.admin().await;
    let body = json!({
        "name": { "fa": "  مجمع شهرداران برای صلح ", "en": "  " },
        "website": " http://www.mayorsforpeace.org/ ",
        "role": { "fa": "عضو" }
    });
    let minimal = app.create_network(&admin, body).await;
    assert_eq!(minimal["name"], json!({ "fa": "مجمع شهرداران برای صلح", "en": null }));
    assert_eq!(minimal["website"], "http://www.mayorsforpeace.org/");
    assert_eq!(minimal["role"], json!({ "fa": "عضو", "en": null }));
    for field in ["joinedOn", "leftOn", "notes"] {
        assert_eq!(minimal[field], Value::Null, "{field}");
    }
    // The same day for joining and leaving is allowed.
    let body = json!({ "name": { "fa": "آزمایش" }, "joinedOn": "2020-01-01", "leftOn": "2020-01-01" });
    assert_eq!(app.create_network(&staff, body).await["leftOn"], "2020-01-01");
}

#[tokio::test]
async fn only_staff_write_networks_and_a_refused_write_changes_nothing() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let reviewer = token(&app.signed_in_with_roles("juror@example.org", "reviewer").await);
    let network = app.create_network(&staff, wego()).await;
    let path = format!("{NETWORKS}/{}", id(&network));
    let body = json!({ "name": { "fa": "یونسکو" } });
    let change = json!({ "leftOn": "2024-01-01", "website": null });

    assert_problem(app.post(NETWORKS, None, body.clone()).await, 401, "not_signed_in").await;
    assert_problem(app.patch(&path, None, change.clone()).await, 401, "not_signed_in").await;
    for token in [&citizen, &reviewer] {
        assert_problem(app.post(NETWORKS, Some(token), body.clone()).await, 403, "forbidden").await;
        assert_problem(app.patch(&path, Some(token), change.clone()).await, 403, "forbidden").await;
    }
    // Who may not write at all hears so before anything about the body.
    let invalid = json!({ "name": { "fa": " " }, "website": "nope" });
    assert_problem(app.post(NETWORKS, None, invalid.clone()).await, 401, "not_signed_in").await;
    assert_problem(
        app.post(NETWORKS, Some(&citizen), invalid.clone()).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(app.patch(&path, Some(&reviewer), invalid).await, 403, "forbidden").await;
    let unknown = format!("{NETWORKS}/{}", uuid::Uuid::new_v4());
    assert_problem(app.patch(&unknown, Some(&citizen), change).await, 403, "forbidden").await;

    let all = app.json(app.get(NETWORKS, None).await).await;
    assert_eq!(all["total"], 1, "nothing added");
    assert_eq!(app.json(app.get(&path, None).await).await, network, "nothing changed");
}

#[tokio::test]
async fn invalid_networks_are_422_naming_the_field() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let long_url = format!("https://example.org/{}", "a".repeat(481));
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "no scheme",
            json!({ "website": "we-gov.org" }),
            "/website",
            "invalid_url",
        ),
        (
            "ftp",
            json!({ "website": "ftp://we-gov.org" }),
            "/website",
            "invalid_url",
        ),
        (
            "script",
            json!({ "website": "javascript:alert(1)" }),
            "/website",
            "invalid_url",
        ),
        ("no host", json!({ "website": "https://" }), "/website", "invalid_url"),
        ("empty website", json!({ "website": "" }), "/website", "invalid_url"),
        ("501 characters", json!({ "website": long_url }), "/website", "too_long"),
        ("website a number", json!({ "website": 7 }), "/website", "invalid_type"),
        (
            "blank name.fa",
            json!({ "name": { "fa": "   ", "en": "WeGO" } }),
            "/name/fa",
            "required",
        ),
        (
            "no name.fa",
            json!({ "name": { "en": "WeGO" } }),
            "/name/fa",
            "required",
        ),
        ("name null", json!({ "name": null }), "/name", "invalid_type"),
        (
            "long name.en",
            json!({ "name": { "fa": "وگو", "en": "W".repeat(201) } }),
            "/name/en",
            "too_long",
        ),
        (
            "blank role.fa",
            json!({ "role": { "fa": "", "en": "member" } }),
            "/role/fa",
            "required",
        ),
        (
            "long notes",
            json!({ "notes": { "fa": "ن".repeat(20001) } }),
            "/notes/fa",
            "too_long",
        ),
        (
            "left before joined",
            json!({ "leftOn": "2016-09-20" }),
            "/leftOn",
            "out_of_order",
        ),
        (
            "date not padded",
            json!({ "joinedOn": "2016-9-21" }),
            "/joinedOn",
            "invalid_date",
        ),
        (
            "no such day",
            json!({ "joinedOn": "2016-02-30" }),
            "/joinedOn",
            "invalid_date",
        ),
        (
            "a date-time",
            json!({ "leftOn": "2024-01-01T00:00:00Z" }),
            "/leftOn",
            "invalid_date",
        ),
        (
            "year 1800",
            json!({ "joinedOn": "1800-01-01" }),
            "/joinedOn",
            "invalid_date",
        ),
        ("unknown field", json!({ "members": 228 }), "/members", "unknown_field"),
    ];
    for (case, change, pointer, code) in cases {
        let mut body = wego();
        for (key, value) in change.as_object().expect("object") {
            body[key] = value.clone();
        }
        let response = app.post(NETWORKS, Some(&staff), body).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "{case}: {problem}");
        assert_eq!(problem["errors"][0]["code"], code, "{case}: {problem}");
    }
    let problem = assert_problem(
        app.post(NETWORKS, Some(&staff), json!({ "website": "https://we-gov.org" }))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/name"], "the name is required");
    assert_eq!(
        app.json(app.get(NETWORKS, None).await).await["total"],
        0,
        "nothing added"
    );
}

#[tokio::test]
async fn the_network_list_searches_with_persian_folding() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    app.four_networks(&staff).await;

    let search = |q: &'static str| {
        let app = &app;
        async move { app.json(app.get(&format!("{NETWORKS}?{q}"), None).await).await }
    };
    // Persian yeh typed; stored with the Arabic one (and the other with the Persian one).
    let found = search("q=جهانی").await;
    assert_eq!(found["total"], 2);
    assert_eq!(
        names_en(&found),
        [
            "World Smart Sustainable Cities Organization",
            "UNESCO Global Network of Learning Cities"
        ]
    );
    assert_eq!(
        found["items"][0]["name"]["fa"], "سازمان جهاني شهرهاي هوشمند",
        "stored as typed"
    );
    // Every word must occur; English in another case; a zero-width non-joiner typed inside a word.
    assert_eq!(
        names_en(&search("q=شهرهای  هوشمند").await),
        ["World Smart Sustainable Cities Organization"]
    );
    assert_eq!(
        names_en(&search("q=LEARNING%20cities").await),
        ["UNESCO Global Network of Learning Cities"]
    );
    assert_eq!(names_en(&search("q=شهر%E2%80%8Cداران").await), ["Mayors for Peace"]);
    assert_eq!(
        names_en(&search("q=هوشمند%20smart").await),
        ["World Smart Sustainable Cities Organization"]
    );
    let none = search("q=یونسکو%20پاریس").await;
    assert_eq!(none["total"], 0);
    assert_eq!(none["items"], json!([]));
    assert_eq!(search("q=%25").await["total"], 0, "LIKE wildcards mean nothing");
    assert_eq!(search("q=%20%20").await["total"], 4, "a blank search is no search");

    // A search pages and combines with the filter and the sort.
    let common = search("q=شهرهای").await;
    assert_eq!(common["total"], 3);
    assert_eq!(
        names_en(&common),
        [
            "CityNet",
            "World Smart Sustainable Cities Organization",
            "UNESCO Global Network of Learning Cities"
        ]
    );
    let second = search("q=شهرهای&limit=1&offset=1").await;
    assert_eq!(second["total"], 3);
    assert_eq!(second["limit"], 1);
    assert_eq!(second["offset"], 1);
    assert_eq!(names_en(&second), ["World Smart Sustainable Cities Organization"]);
    let beyond = search("q=شهرهای&offset=3").await;
    assert_eq!(beyond["total"], 3);
    assert_eq!(beyond["items"], json!([]));
    let current = search("q=شهرهای&current=true&sort=-joinedOn").await;
    assert_eq!(
        names_en(&current),
        [
            "UNESCO Global Network of Learning Cities",
            "World Smart Sustainable Cities Organization"
        ]
    );
}

#[tokio::test]
async fn the_network_list_filters_sorts_and_pages() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    app.four_networks(&staff).await;
    let list = |query: &'static str| {
        let app = &app;
        async move { app.json(app.get(&format!("{NETWORKS}?{query}"), None).await).await }
    };
    let wego = "World Smart Sustainable Cities Organization";
    let unesco = "UNESCO Global Network of Learning Cities";

    // By Persian name: ا, س, ش, م.
    let by_name = ["CityNet", wego, unesco, "Mayors for Peace"];
    assert_eq!(names_en(&list("").await), by_name);
    assert_eq!(names_en(&list("sort=name").await), by_name);
    let mut reversed = by_name;
    reversed.reverse();
    assert_eq!(names_en(&list("sort=-name").await), reversed);
    // Without a joining day, last either way.
    assert_eq!(
        names_en(&list("sort=joinedOn").await),
        ["CityNet", wego, unesco, "Mayors for Peace"]
    );
    assert_eq!(
        names_en(&list("sort=-joinedOn").await),
        [unesco, wego, "CityNet", "Mayors for Peace"]
    );

    let current = list("current=true").await;
    assert_eq!(current["total"], 3);
    assert_eq!(names_en(&current), [wego, unesco, "Mayors for Peace"]);
    assert_eq!(names_en(&list("current=false").await), ["CityNet"]);

    let first = list("limit=2&sort=-joinedOn").await;
    assert_eq!(first["total"], 4);
    assert_eq!(first["limit"], 2);
    assert_eq!(names_en(&first), [unesco, wego]);
    let second = list("limit=2&offset=2&sort=-joinedOn").await;
    assert_eq!(second["offset"], 2);
    assert_eq!(names_en(&second), ["CityNet", "Mayors for Peace"]);
    let beyond = list("offset=10").await;
    assert_eq!(beyond["total"], 4);
    assert_eq!(beyond["items"], json!([]));
    assert_eq!(list("limit=100").await["total"], 4);
}

#[tokio::test]
async fn the_network_list_refuses_bad_parameters() {
    let app = spawn_app().await;
    for (query, pointer) in [
        ("limit=0", "/limit"),
        ("limit=101", "/limit"),
        ("offset=-1", "/offset"),
        ("current=maybe", "/current"),
        ("sort=website", "/sort"),
        ("sort=-role", "/sort"),
        ("colour=blue", "/colour"),
    ] {
        let response = app.get(&format!("{NETWORKS}?{query}"), None).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "for {query}");
    }
    let problem = assert_problem(
        app.get(&format!("{NETWORKS}?colour=blue"), None).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "unknown_field");
}

#[tokio::test]
async fn an_unknown_network_is_404() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let unknown = format!("{NETWORKS}/{}", uuid::Uuid::new_v4());
    assert_problem(app.get(&unknown, None).await, 404, "not_found").await;
    assert_problem(app.get(&format!("{NETWORKS}/wego"), None).await, 404, "not_found").await;
    let change = json!({ "leftOn": "2024-01-01" });
    assert_problem(app.patch(&unknown, Some(&staff), change).await, 404, "not_found").await;
}

#[tokio::test]
async fn staff_edit_a_network_and_null_clears_a_field() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let network = app.create_network(&staff, wego()).await;
    let path = format!("{NETWORKS}/{}", id(&network));

    // Recording that the municipality left: the rest stays.
    let left = app
        .json(app.patch(&path, Some(&staff), json!({ "leftOn": "2024-03-20" })).await)
        .await;
    assert_eq!(left["leftOn"], "2024-03-20");
    for field in ["id", "name", "website", "joinedOn", "role", "notes", "createdAt"] {
        assert_eq!(left[field], network[field], "{field} stays");
    }
    assert!(instant(&left["updatedAt"]) >= instant(&network["updatedAt"]));
    assert_eq!(app.json(app.get(&path, None).await).await, left);
    assert_eq!(
        app.json(app.get(&format!("{NETWORKS}?current=true"), None).await).await["total"],
        0
    );

    // The name is replaced whole; the other fields change one by one.
    let body = json!({
        "name": { "fa": "سازمان جهانی شهرهای هوشمند و پایدار", "en": "WeGO" },
        "website": "https://www.we-gov.org/",
        "role": { "fa": "عضو" },
        "notes": { "fa": "یادداشت تازه" }
    });
    let changed = app.json(app.patch(&path, Some(&staff), body).await).await;
    assert_eq!(
        changed["name"],
        json!({ "fa": "سازمان جهانی شهرهای هوشمند و پایدار", "en": "WeGO" })
    );
    assert_eq!(changed["website"], "https://www.we-gov.org/");
    assert_eq!(changed["role"], json!({ "fa": "عضو", "en": null }));
    assert_eq!(changed["notes"], json!({ "fa": "یادداشت تازه", "en": null }));
    assert_eq!(changed["joinedOn"], "2016-09-21");
    assert_eq!(changed["leftOn"], "2024-03-20");
    let found = app
        .json(app.get(&format!("{NETWORKS}?q=wego%20پایدار"), None).await)
        .await;
    assert_eq!(found["total"], 1, "the search follows the new name");

    // Dates stay in order, whichever is sent; the refused change changes nothing.
    let problem = assert_problem(
        app.patch(&path, Some(&staff), json!({ "leftOn": "2016-09-20", "role": null }))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/leftOn"]);
    assert_eq!(problem["errors"][0]["code"], "out_of_order");
    let problem = assert_problem(
        app.patch(&path, Some(&staff), json!({ "joinedOn": "2025-01-01" }))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/joinedOn"]);
    assert_eq!(problem["errors"][0]["code"], "out_of_order");
    for (body, pointer) in [
        (json!({ "name": null }), "/name"),
        (json!({ "name": { "fa": " " } }), "/name/fa"),
        (json!({ "website": "www.we-gov.org" }), "/website"),
        (json!({ "joinedOn": "21/09/2016" }), "/joinedOn"),
        (json!({ "role": { "en": "member" } }), "/role/fa"),
        (json!({ "version": 2 }), "/version"),
    ] {
        let response = app.patch(&path, Some(&staff), body.clone()).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "{body}");
    }
    assert_eq!(app.json(app.get(&path, None).await).await, changed, "nothing changed");

    // Moving both dates together is checked on the new pair.
    let moved = json!({ "joinedOn": "2025-01-01", "leftOn": "2025-06-01" });
    let moved = app.json(app.patch(&path, Some(&staff), moved).await).await;
    assert_eq!(
        (&moved["joinedOn"], &moved["leftOn"]),
        (&json!("2025-01-01"), &json!("2025-06-01"))
    );

    // An explicit null clears; the name and what is left out stay.
    let body = json!({ "website": null, "joinedOn": null, "leftOn": null, "role": null, "notes": null });
    let cleared = app.json(app.patch(&path, Some(&staff), body).await).await;
    for field in ["website", "joinedOn", "leftOn", "role", "notes"] {
        assert_eq!(cleared[field], Value::Null, "{field} cleared");
    }
    assert_eq!(cleared["name"], changed["name"]);
    assert_eq!(app.json(app.get(&path, None).await).await, cleared);
    assert_eq!(
        app.json(app.get(&format!("{NETWORKS}?current=true"), None).await).await["total"],
        1
    );

    // An empty change changes nothing but the time of the edit.
    let same = app.json(app.patch(&path, Some(&staff), json!({})).await).await;
    for field in ["name", "website", "joinedOn", "leftOn", "role", "notes", "createdAt"] {
        assert_eq!(same[field], cleared[field], "{field}");
    }
}

#[tokio::test]
async fn recording_and_editing_a_network_is_recorded_with_who_did_it() {
    use domain::event::SubjectKind::Network;
    let app = spawn_app().await;
    let staff = app.staff().await;
    let staff_id = app.user_id(&staff).await;
    let network = id(&app.create_network(&staff, wego()).await);
    let response = app
        .patch(
            &format!("{NETWORKS}/{network}"),
            Some(&staff),
            json!({ "leftOn": "2024-01-01" }),
        )
        .await;
    assert_eq!(response.status(), 200);

    assert_eq!(
        event_summary(&app.events_of(Network, &network).await),
        vec![
            ("network_created".to_owned(), Some(staff_id.clone()), None, None),
            ("network_updated".to_owned(), Some(staff_id), None, None),
        ]
    );
}
