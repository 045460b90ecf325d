//! `seed --demo` on a fresh database: the demo a new user tries first must hold what it promises.

use std::collections::BTreeMap;

use api::cli::Cli;
use clap::Parser;
use serde_json::{Value, json};

use crate::helpers::{token, unstarted_app};

const STATES: [&str; 9] = [
    "draft",
    "submitted",
    "withdrawn",
    "shortlisted",
    "rejected",
    "in_review",
    "reviewed",
    "selected",
    "not_selected",
];

#[tokio::test]
async fn the_demo_holds_three_calls_and_250_ideas_in_every_state() {
    let (app, argv) = seeded_demo().await;
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();

    let calls = app.json(app.get("/api/v1/calls", None).await).await;
    let phases: Vec<&str> = calls["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["phase"].as_str())
        .collect();
    assert_eq!(phases, ["open", "in_review", "decided"], "newest first");
    let first = &calls["items"][2];
    assert_eq!(first["opensAt"], "2020-12-20T20:30:00Z", "1 Dey 1399 in Isfahan");
    assert_eq!(
        first["closesAt"], "2021-02-18T20:29:59.999999Z",
        "the end of 30 Bahman 1399"
    );

    let login = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({ "email": "staff@demo.example", "password": "demo-password-1405" }),
        )
        .await;
    let staff = token(&app.json(login).await);
    let all = app.json(app.get("/api/v1/ideas?limit=1", Some(&staff)).await).await;
    assert_eq!(all["total"], 250);
    let mut per_state = BTreeMap::new();
    for state in STATES {
        let page = app
            .json(
                app.get(&format!("/api/v1/ideas?state={state}&limit=1"), Some(&staff))
                    .await,
            )
            .await;
        per_state.insert(state, page["total"].as_u64().unwrap_or(0));
    }
    assert!(per_state.values().all(|n| *n > 0), "every state: {per_state:?}");

    // Every idea's history is one the state machine allows: the seed took each step through the use cases.
    for offset in (0..250).step_by(100) {
        let page = app
            .json(
                app.get(&format!("/api/v1/ideas?limit=100&offset={offset}"), Some(&staff))
                    .await,
            )
            .await;
        for idea in page["items"].as_array().expect("items") {
            let id = idea["id"].as_str().expect("id");
            crate::histories::assert_lawful_history(&app, &staff, id).await;
        }
    }

    // Near-duplicates are among them, and the similar ideas of one find the other.
    let listed = app.json(app.get("/api/v1/ideas?limit=100", Some(&staff)).await).await;
    let twin = listed["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|idea| idea["bestMatch"]["score"].as_f64().is_some_and(|s| s > 0.9))
        .cloned()
        .expect("a near-duplicate on the first page");
    let similar = app
        .json(
            app.get(
                &format!("/api/v1/ideas/{}/similar", twin["id"].as_str().expect("id")),
                Some(&staff),
            )
            .await,
        )
        .await;
    assert_eq!(similar["items"][0]["idea"]["id"], twin["bestMatch"]["ideaId"]);

    // The public sees the first call's selected ideas, and its statistics.
    let public = app.json(app.get("/api/v1/ideas?limit=100", None).await).await;
    assert!(public["total"].as_u64().is_some_and(|n| n > 0));
    assert!(
        public["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i: &Value| i["state"] == "selected" && i.get("submitter").is_none())
    );
    let stats = app
        .json(
            app.get(
                &format!("/api/v1/calls/{}/stats", first["id"].as_str().expect("id")),
                None,
            )
            .await,
        )
        .await;
    assert!(stats["submitted"].as_u64().is_some_and(|n| n > 100));

    // The demo's people are made up: their story queued no e-mail (seeded_demo checks before the server
    // starts); their notices are in the app, and their addresses count as confirmed.
    let citizen = app.login("citizen@demo.example", "demo-password-1405").await;
    let citizen = crate::helpers::token(&citizen.json::<serde_json::Value>().await.expect("JSON"));
    let me = app.json(app.get("/api/v1/me", Some(&citizen)).await).await;
    assert!(me["unreadNotifications"].as_u64().is_some_and(|n| n > 0), "{me}");
    assert_eq!(me["emailVerified"], true);

    // Her submitted idea in the open call has a proposal whose properties name her, and evidence; her tie to
    // Florence has a certificate that only she and staff see.
    let mine = app
        .json(app.get("/api/v1/ideas?mine=true&state=submitted", Some(&citizen)).await)
        .await;
    let mut own_files = Vec::new();
    for idea in items(&mine) {
        let path = format!("/api/v1/ideas/{}/files", idea["id"].as_str().expect("id"));
        own_files.extend(
            items(&app.json(app.get(&path, Some(&citizen)).await).await)
                .iter()
                .cloned(),
        );
    }
    let kinds: Vec<&str> = own_files.iter().filter_map(|f| f["kind"].as_str()).collect();
    assert_eq!(kinds, ["proposal", "evidence"], "{own_files:?}");
    assert!(own_files[0]["authorField"].as_str().is_some_and(|a| !a.is_empty()));
    assert!(own_files[1]["previewUrl"].is_string());
    let florence = me["profile"]["ties"]
        .as_array()
        .expect("ties")
        .iter()
        .find(|t| t["country"] == "IT")
        .and_then(|t| t["id"].as_str())
        .expect("the tie to Florence");
    let path = format!("/api/v1/ties/{florence}/files");
    let evidence = app.json(app.get(&path, Some(&citizen)).await).await;
    assert_eq!(evidence["total"], 1);
    assert_eq!(evidence["items"][0]["contentType"], "application/pdf");
    assert_eq!(app.get(&path, Some(&staff)).await.status(), 200);
    let other = app.login("citizen.en@demo.example", "demo-password-1405").await;
    let other = token(&app.json(other).await);
    assert_eq!(app.get(&path, Some(&other)).await.status(), 404);

    // A second seed refuses, and --if-empty leaves the database alone.
    let again = api::cli::run(Cli::try_parse_from(&argv).expect("flags")).await;
    assert!(again.is_err());
    let mut if_empty = argv.to_vec();
    if_empty.push("--if-empty");
    api::cli::run(Cli::try_parse_from(if_empty).expect("flags"))
        .await
        .expect("a quiet no-op");
    let all = app.json(app.get("/api/v1/ideas?limit=1", Some(&staff)).await).await;
    assert_eq!(all["total"], 250);
}

/// A fresh database filled by `seed --demo`, the server started on it, and the seed's command line.
async fn seeded_demo() -> (crate::helpers::TestApp, Vec<String>) {
    let app = unstarted_app().await;
    let data_dir = app.dir.path().join("data").to_str().expect("path").to_owned();
    let argv: Vec<String> = [
        "citizen-diplomat",
        "seed",
        "--demo",
        "--database-url",
        &app.database_url,
        "--data-dir",
        &data_dir,
    ]
    .map(str::to_owned)
    .to_vec();
    api::cli::run(Cli::try_parse_from(&argv).expect("seed flags"))
        .await
        .expect("the seed runs");
    let db = app.db().await;
    for state in domain::notice::DeliveryState::ALL {
        let queued = db::outbox::count(&db, *state, None).await.expect("outbox counted");
        assert_eq!(queued, 0, "{state} messages after the seed: the demo mails nobody");
    }
    let args = app.serve_args(&[]);
    (app.start_with(args).await, argv)
}

/// The English name of the city of a partnership or an activity.
fn city_en(item: &Value) -> &str {
    item["city"]["name"]["en"].as_str().unwrap_or_default()
}

fn items(page: &Value) -> &[Value] {
    page["items"].as_array().map(Vec::as_slice).unwrap_or_default()
}

#[tokio::test]
async fn the_demo_register_shows_revived_partners_dormant_by_their_activity() {
    let (app, _) = seeded_demo().await;

    // Six partnerships: five sister cities active on record, Samarkand in negotiation.
    let all = app.json(app.get("/api/v1/partnerships?limit=100", None).await).await;
    assert_eq!(all["total"], 6);
    let states: BTreeMap<&str, &str> = items(&all)
        .iter()
        .map(|p| (city_en(p), p["state"].as_str().unwrap_or_default()))
        .collect();
    let expected = BTreeMap::from([
        ("Barcelona", "active"),
        ("Florence", "active"),
        ("Freiburg", "active"),
        ("Kuala Lumpur", "active"),
        ("Samarkand", "in_negotiation"),
        ("Xi'an", "active"),
    ]);
    assert_eq!(states, expected);
    assert!(items(&all).iter().all(|p| p["kind"] == "sister_city"));
    assert!(
        items(&all).iter().all(|p| p.get("focalPoints").is_none()),
        "the public list has no focal points at all"
    );

    // Barcelona, Florence and Kuala Lumpur: active, dormant for years, revived in 1398–1399.
    let login = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({ "email": "staff@demo.example", "password": "demo-password-1405" }),
        )
        .await;
    let staff = token(&app.json(login).await);
    for city in ["Barcelona", "Florence", "Kuala Lumpur"] {
        let id = items(&all)
            .iter()
            .find(|p| city_en(p) == city)
            .and_then(|p| p["id"].as_str())
            .expect("the partnership's id");
        let public = app
            .json(app.get(&format!("/api/v1/partnerships/{id}"), None).await)
            .await;
        let history = public["history"].as_array().expect("history");
        let path: Vec<&str> = history.iter().filter_map(|c| c["to"].as_str()).collect();
        assert_eq!(path, ["active", "dormant", "active"], "{city}");
        assert!(history[0]["from"].is_null());
        assert!(
            history
                .iter()
                .all(|c| c["reason"].as_str().is_some_and(|r| !r.is_empty()))
        );
        let went_dormant = history[1]["effectiveOn"].as_str().expect("date");
        assert!(
            ("2008-01-01"..="2012-12-31").contains(&went_dormant),
            "{city}: {went_dormant}"
        );
        let revived = history[2]["effectiveOn"].as_str().expect("date");
        assert!(("2019-09-01"..="2020-08-31").contains(&revived), "{city}: {revived}");
        assert_eq!(public["state"], "active");
        assert_eq!(public["health"]["dormant"], true, "{city}: no activity since 2020");
        assert!(
            public["health"]["lastActivityOn"]
                .as_str()
                .is_some_and(|d| d.starts_with("2020-"))
        );
        assert!(public.get("focalPoints").is_none(), "{city}: no focal points in public");
        assert!(history.iter().all(|c| c.get("recordedBy").is_none()));

        let seen_by_staff = app
            .json(app.get(&format!("/api/v1/partnerships/{id}"), Some(&staff)).await)
            .await;
        let points = seen_by_staff["focalPoints"].as_array().expect("focal points for staff");
        assert!(!points.is_empty(), "{city}");
        assert!(
            points.iter().all(|p| p["name"].as_str().is_some_and(|n| !n.is_empty())
                && p["contact"].as_str().is_some_and(|c| c.ends_with(".example"))),
            "{city}: {points:?}"
        );
        assert!(seen_by_staff["notes"]["fa"].as_str().is_some_and(|n| !n.is_empty()));
        assert!(seen_by_staff["notes"]["en"].as_str().is_some_and(|n| !n.is_empty()));
        assert!(seen_by_staff["nextReviewOn"].is_string());
    }

    // Flagged dormant by their activity, whatever their recorded state; Freiburg and Xi'an are alive.
    let dormant = app
        .json(app.get("/api/v1/partnerships?dormant=true&limit=100", None).await)
        .await;
    let dormant: Vec<&str> = items(&dormant).iter().map(city_en).collect();
    for city in ["Barcelona", "Florence", "Kuala Lumpur"] {
        assert!(dormant.contains(&city), "{city} in {dormant:?}");
    }
    for city in ["Freiburg", "Xi'an"] {
        assert!(!dormant.contains(&city), "{city} in {dormant:?}");
    }
    let alive = app
        .json(app.get("/api/v1/partnerships?dormant=false&limit=100", None).await)
        .await;
    for partner in items(&alive)
        .iter()
        .filter(|p| ["Freiburg", "Xi'an"].contains(&city_en(p)))
    {
        assert!(partner["health"]["recentActivities"].as_i64().is_some_and(|n| n > 0));
    }
    assert_eq!(items(&alive).len() + dormant.len(), 6);

    // Freiburg's shipments: two received in spring 2020, a third on its way.
    let german = app
        .json(app.get("/api/v1/activities?country=DE&limit=100", None).await)
        .await;
    assert!(items(&german).iter().all(|a| city_en(a) == "Freiburg"));
    let mut shipments: Vec<(&str, &str)> = items(&german)
        .iter()
        .filter(|a| a["kind"] == "aid_shipment")
        .map(|a| {
            assert_eq!(a["direction"], "inbound");
            assert!(a["title"]["fa"].is_string() && a["title"]["en"].is_string());
            (
                a["occurredOn"].as_str().unwrap_or_default(),
                a["status"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    shipments.sort();
    assert_eq!(shipments.len(), 3, "{shipments:?}");
    assert!(
        shipments[..2]
            .iter()
            .all(|(on, status)| on.starts_with("2020-0") && *status == "done")
    );
    assert_eq!(shipments[2].1, "under_way");

    // What citizens' ideas achieved: activities that grew from selected ideas, listed by the idea.
    let restoration = items(&german)
        .iter()
        .find(|a| !a["idea"].is_null())
        .expect("a Freiburg activity grew from a selected idea")
        .clone();
    let idea_id = restoration["idea"]["id"].as_str().expect("idea id");
    let idea = app.json(app.get(&format!("/api/v1/ideas/{idea_id}"), None).await).await;
    assert_eq!(idea["state"], "selected", "the public reads the idea it grew from");
    let grown = app
        .json(app.get(&format!("/api/v1/activities?ideaId={idea_id}"), None).await)
        .await;
    assert_eq!(grown["total"], 1);
    let linked = app.json(app.get("/api/v1/activities?limit=100", None).await).await;
    assert_eq!(items(&linked).iter().filter(|a| !a["idea"].is_null()).count(), 2);

    // The Xi'an delegation's visit has a photograph for everyone and its guest list for staff only.
    let visit = app
        .json(
            app.get("/api/v1/activities?country=CN&kind=visit&limit=100", None)
                .await,
        )
        .await;
    let visit = items(&visit)
        .iter()
        .find(|a| city_en(a) == "Xi'an")
        .and_then(|a| a["id"].as_str())
        .expect("the Xi'an visit");
    let path = format!("/api/v1/activities/{visit}/files");
    let public = app.json(app.get(&path, None).await).await;
    let public: Vec<(&str, &str)> = items(&public)
        .iter()
        .map(|f| {
            (
                f["contentType"].as_str().unwrap_or_default(),
                f["name"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(public, [("image/jpeg", "xian-delegation-naqsh-e-jahan.jpg")]);
    let for_staff = app.json(app.get(&path, Some(&staff)).await).await;
    assert_eq!(for_staff["total"], 2);
    assert!(
        items(&for_staff)
            .iter()
            .any(|f| f["internal"] == true && f["contentType"] == "application/pdf")
    );
    let listed = app.json(app.get(&path, None).await).await;
    let photo = &items(&listed)[0];
    let preview = app.get(photo["previewUrl"].as_str().expect("a preview"), None).await;
    assert_eq!(preview.status(), 200, "a preview made at upload");

    // A cultural week in Paris counts as an activity though Paris is no partner.
    let french = app
        .json(app.get("/api/v1/activities?country=FR&limit=100", None).await)
        .await;
    assert!(
        items(&french)
            .iter()
            .any(|a| city_en(a) == "Paris" && a["direction"] == "outbound" && a["outcomes"]["fa"].is_string())
    );
    let partners_in_france = app.json(app.get("/api/v1/partnerships?country=FR", None).await).await;
    assert_eq!(partners_in_france["total"], 0);

    // Two exhibitions in China besides Xi'an, in verified cities.
    let chinese = app
        .json(
            app.get("/api/v1/activities?country=CN&kind=exhibition&limit=100", None)
                .await,
        )
        .await;
    assert_eq!(chinese["total"], 2);
    assert!(
        items(&chinese)
            .iter()
            .all(|a| city_en(a) != "Xi'an" && a["city"]["verified"] == true)
    );

    // The two networks the municipality belongs to.
    let networks = app.json(app.get("/api/v1/networks?limit=100", None).await).await;
    assert_eq!(networks["total"], 2);
    let names: Vec<&str> = items(&networks)
        .iter()
        .filter_map(|n| n["name"]["en"].as_str())
        .collect();
    assert!(
        names.contains(&"WeGO — World Smart Sustainable Cities Organization"),
        "{names:?}"
    );
    assert!(names.contains(&"UNESCO Global Network of Learning Cities"), "{names:?}");
    assert!(
        items(&networks)
            .iter()
            .all(|n| n["joinedOn"].is_string() && n["website"].as_str().is_some_and(|w| w.starts_with("https://")))
    );
}

/// The call of the demo in `phase` ("decided", "in_review" or "open"), from the public list.
fn call_in<'a>(calls: &'a Value, phase: &str) -> &'a str {
    items(calls)
        .iter()
        .find(|c| c["phase"] == phase)
        .and_then(|c| c["id"].as_str())
        .unwrap_or_else(|| panic!("a demo call in phase {phase}"))
}

#[tokio::test]
async fn the_demo_jury_reviewed_the_first_call_and_reviews_the_second() {
    use std::collections::{BTreeSet, HashMap};

    use db::entities::idea;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use uuid::Uuid;

    let (app, _) = seeded_demo().await;
    let db = app.db().await;

    // Twenty jurors, five from each of the first call's four organisations, and reviewer@demo.example.
    let filter = db::reviewers::ReviewerFilter {
        limit: 100,
        ..Default::default()
    };
    let (roster, total) = db::reviewers::list(&db, &filter).await.expect("the roster");
    assert_eq!(total, 21);
    let mut per_organisation: BTreeMap<String, usize> = BTreeMap::new();
    for row in &roster {
        *per_organisation
            .entry(row.reviewer.organisation.to_string())
            .or_default() += 1;
        assert!((1..=40).contains(&row.reviewer.max_load), "{}", row.email);
        assert!(row.reviewer.active && row.account_active);
    }
    for organisation in [
        "foreign_ministry",
        "council_research_centre",
        "university",
        "chamber_of_commerce",
    ] {
        assert_eq!(per_organisation.get(organisation), Some(&5), "{per_organisation:?}");
    }
    let organisation_of: HashMap<Uuid, String> = roster
        .iter()
        .map(|row| (row.reviewer.user_id, row.reviewer.organisation.to_string()))
        .collect();

    // A rubric of six criteria for each call, locked where reviews were submitted.
    let calls = app.json(app.get("/api/v1/calls", None).await).await;
    let decided: Uuid = call_in(&calls, "decided").parse().expect("uuid");
    let in_review: Uuid = call_in(&calls, "in_review").parse().expect("uuid");
    let open: Uuid = call_in(&calls, "open").parse().expect("uuid");
    for (call, locked) in [(decided, true), (in_review, true), (open, false)] {
        let rubric = db::rubrics::find(&db, call).await.expect("query").expect("a rubric");
        assert_eq!(rubric.locked, locked, "{call}");
        let criteria = &rubric.criteria;
        assert_eq!(criteria.len(), 6);
        assert!(
            criteria
                .iter()
                .all(|c| c.label_en.is_some() && c.guidance_fa.is_some() && (c.scale_min, c.scale_max) == (1, 10))
        );
    }

    // The first call: every idea that reached the jury has three submitted reviews from at least two
    // organisations, none by its submitter, and a decision matching its published state.
    let jury_ideas = idea::Entity::find()
        .filter(idea::Column::CallId.eq(decided))
        .filter(idea::Column::State.is_in(["selected", "not_selected"]))
        .all(&db)
        .await
        .expect("ideas");
    assert_eq!(jury_ideas.len(), 73);
    let reviews = db::reviews::of_call(&db, decided).await.expect("reviews");
    let decisions = db::decisions::of_call(&db, decided).await.expect("decisions");
    assert_eq!(decisions.len(), 73);
    let published = db::calls::find_by_id(&db, decided)
        .await
        .expect("query")
        .and_then(|c| c.decisions_published_at)
        .expect("published");
    let mut totals_by_reviewer: HashMap<Uuid, Vec<i32>> = HashMap::new();
    for idea in &jury_ideas {
        let of_idea: Vec<_> = reviews.iter().filter(|r| r.review.idea_id == idea.id).collect();
        assert_eq!(of_idea.len(), 3, "{}", idea.title);
        assert!(of_idea.iter().all(|r| r.review.reviewer_id != idea.submitter_id));
        let organisations: BTreeSet<&str> = of_idea
            .iter()
            .map(|r| organisation_of[&r.review.reviewer_id].as_str())
            .collect();
        assert!(organisations.len() >= 2, "{}: {organisations:?}", idea.title);
        for row in &of_idea {
            let scores = row.review.scores.0.clone();
            assert_eq!(scores.len(), 6);
            assert!(row.review.recommendation.is_some() && row.review.comment_to_staff.is_some());
            totals_by_reviewer
                .entry(row.review.reviewer_id)
                .or_default()
                .push(scores.values().sum());
        }
        let decision = decisions.iter().find(|d| d.idea_id == idea.id).expect("a decision");
        assert_eq!(decision.outcome.as_str(), idea.state.as_str());
        assert!(decision.decided_at < published);
        let history = db::events::for_idea(&db, idea.id).await.expect("history");
        let kinds: Vec<&str> = history.iter().map(|e| e.kind.as_str()).collect();
        for kind in [
            "assigned",
            "review_started",
            "review_submitted",
            "reviews_complete",
            "decision_recorded",
            "decision_published",
        ] {
            assert!(kinds.contains(&kind), "{}: {kinds:?}", idea.title);
        }
        assert_eq!(
            history.last().map(|e| e.to_value.as_deref()),
            Some(Some(idea.state.as_str()))
        );
    }
    // Strict and lenient jurors: their mean sums of scores lie far apart.
    let means: Vec<f64> = totals_by_reviewer
        .values()
        .map(|sums| f64::from(sums.iter().sum::<i32>()) / sums.len() as f64)
        .collect();
    let spread = means.iter().cloned().fold(f64::MIN, f64::max) - means.iter().cloned().fold(f64::MAX, f64::min);
    assert!(spread > 12.0, "the jurors' means differ by {spread}");

    // The second call: reviewer@demo.example has ideas to score now, shortlisted ideas wait for staff.
    let reviewer = db::users::find_by_email(&db, "reviewer@demo.example")
        .await
        .expect("query")
        .expect("the demo reviewer");
    let mine = db::assignments::AssignmentFilter {
        reviewer_id: Some(reviewer.id),
        limit: 100,
        ..Default::default()
    };
    let (pending, _) = db::assignments::list(&db, &mine).await.expect("assignments");
    assert_eq!(pending.len(), 3);
    assert!(pending.iter().all(|a| a.assignment.state.to_string() == "pending"));
    assert!(
        pending
            .iter()
            .all(|a| a.assignment.call_id == in_review && a.idea_state.to_string() == "in_review")
    );
    let all = db::assignments::of_call(&db, in_review).await.expect("assignments");
    let ideas_assigned: BTreeSet<Uuid> = all.iter().map(|a| a.idea_id).collect();
    assert_eq!(ideas_assigned.len(), 18, "in review and reviewed, not shortlisted");
    assert!(
        db::decisions::of_call(&db, in_review)
            .await
            .expect("decisions")
            .is_empty()
    );

    let login = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({ "email": "reviewer@demo.example", "password": "demo-password-1405" }),
        )
        .await;
    let reviewer_token = token(&app.json(login).await);
    let assigned = app
        .get(
            &format!("/api/v1/ideas/{}", pending[0].assignment.idea_id),
            Some(&reviewer_token),
        )
        .await;
    assert_eq!(assigned.status(), 200, "the demo reviewer reads an idea given to them");

    // One of them carries files: the blind call's reviewer sees its proposal under an anonymous name and not
    // the letter marked identifying, which staff see; the proposal opens through its signed link.
    let staff = app.login("staff@demo.example", "demo-password-1405").await;
    let staff = token(&app.json(staff).await);
    let mut seen = Vec::new();
    for assignment in &pending {
        let path = format!("/api/v1/ideas/{}/files", assignment.assignment.idea_id);
        let for_reviewer = app.json(app.get(&path, Some(&reviewer_token)).await).await;
        if items(&for_reviewer).is_empty() {
            continue;
        }
        let for_staff = app.json(app.get(&path, Some(&staff)).await).await;
        let marks: Vec<(&str, bool)> = items(&for_staff)
            .iter()
            .map(|f| (f["kind"].as_str().unwrap_or_default(), f["identifying"] == true))
            .collect();
        assert_eq!(marks, [("proposal", false), ("evidence", true)]);
        seen.extend(items(&for_reviewer).iter().cloned());
    }
    let names: Vec<&str> = seen.iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(names, ["proposal-1.pdf"], "{seen:?}");
    let opened = app.get(seen[0]["url"].as_str().expect("a link"), None).await;
    assert_eq!(opened.status(), 200);
    assert!(opened.bytes().await.expect("body").starts_with(b"%PDF-1.4"));
}
