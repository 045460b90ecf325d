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
    let app = unstarted_app().await;
    let data_dir = app.dir.path().join("data").to_str().expect("path").to_owned();
    let database_url = app.database_url.clone();
    let argv = [
        "citizen-diplomat",
        "seed",
        "--demo",
        "--database-url",
        &database_url,
        "--data-dir",
        &data_dir,
    ];
    api::cli::run(Cli::try_parse_from(argv).expect("seed flags"))
        .await
        .expect("the seed runs");
    let args = app.serve_args(&[]);
    let app = app.start_with(args).await;

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

    // A second seed refuses, and --if-empty leaves the database alone.
    let again = api::cli::run(Cli::try_parse_from(argv).expect("flags")).await;
    assert!(again.is_err());
    let mut if_empty = argv.to_vec();
    if_empty.push("--if-empty");
    api::cli::run(Cli::try_parse_from(if_empty).expect("flags"))
        .await
        .expect("a quiet no-op");
    let all = app.json(app.get("/api/v1/ideas?limit=1", Some(&staff)).await).await;
    assert_eq!(all["total"], 250);
}
