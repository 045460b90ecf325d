//! Decisions: per idea and in bulk (all or nothing), their refusals, publication once and complete, and what
//! the submitter and the public see afterwards.

use domain::reviewer::Organisation;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, assert_problem, pointers, spawn_app};
use crate::jury_fixtures::JuryCall;
use crate::ranking::{juror, jury_rubric, submitted_review};

/// A call of `ideas` shortlisted ideas, each reviewed by two jurors with comments for the submitter, except
/// the last, left shortlisted without reviews.
pub(crate) async fn reviewed_call(app: &TestApp, staff: &str, ideas: usize) -> JuryCall {
    let jury = app.jury_call(staff, ideas, false, 2).await;
    jury_rubric(app, &jury.id).await;
    let (first, _) = juror(app, "first@example.org", Organisation::University).await;
    let (second, _) = juror(app, "second@example.org", Organisation::Municipality).await;
    for idea in &jury.ideas[..ideas - 1] {
        let scores = [("impact", 80), ("feasibility", 60)];
        submitted_review(app, &jury.id, idea, first, &scores, Some("  بودجه را دقیق‌تر کنید  ")).await;
        submitted_review(app, &jury.id, idea, second, &scores, Some("")).await;
    }
    jury
}

/// What staff may do next with an idea, as its view says.
async fn idea_actions(app: &TestApp, staff: &str, idea: &str) -> Value {
    let shown = app
        .json(app.get(&format!("/api/v1/ideas/{idea}"), Some(staff)).await)
        .await;
    shown["allowedActions"].clone()
}

/// A draft idea in another call.
async fn other_calls_idea(app: &TestApp, staff: &str) -> String {
    let call = crate::fixtures::id(&app.create_open_call(staff).await);
    let city = crate::fixtures::id(&app.create_city(staff, "پاریس", "Paris", "FR").await);
    let citizen = app.citizen("elsewhere@example.org").await;
    let idea = app
        .create_idea(&citizen, crate::fixtures::idea_body(&call, &city, "ایده‌ای دیگر"))
        .await;
    crate::fixtures::id(&idea)
}

async fn decide(app: &TestApp, staff: &str, idea: &str, body: Value) -> reqwest::Response {
    app.put(&format!("/api/v1/ideas/{idea}/decision"), Some(staff), body)
        .await
}

async fn ok(response: reqwest::Response) -> Value {
    assert_eq!(response.status(), 200);
    response.json().await.expect("JSON")
}

#[tokio::test]
async fn staff_decide_one_idea_and_decide_again() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = reviewed_call(&app, &staff, 2).await;
    let idea = &jury.ideas[0];

    let view = ok(decide(
        &app,
        &staff,
        idea,
        json!({ "outcome": "not_selected", "note": "  هنوز خام  " }),
    )
    .await)
    .await;
    assert_eq!(view["ideaId"], idea.as_str());
    assert_eq!(view["ideaTitle"], "ایده شماره 0");
    assert_eq!(view["callId"], jury.id.as_str());
    assert_eq!(view["outcome"], "not_selected");
    assert_eq!(view["note"], "هنوز خام");
    assert_eq!(
        view["decidedBy"]["displayName"].as_str().map(str::is_empty),
        Some(false)
    );
    assert!(view["decidedBy"]["id"].is_string());
    assert!(view["decidedAt"].is_string());
    assert_eq!(view["published"], false);

    let view = ok(decide(&app, &staff, idea, json!({ "outcome": "selected" })).await).await;
    assert_eq!(view["outcome"], "selected");
    assert_eq!(view["note"], Value::Null);

    // The idea's state does not change; staff see both decisions in its history, the submitter neither.
    let detail = ok(app.get(&format!("/api/v1/ideas/{idea}"), Some(&staff)).await).await;
    assert_eq!(detail["state"], "reviewed");
    let events = ok(app.get(&format!("/api/v1/ideas/{idea}/events"), Some(&staff)).await).await;
    let recorded: Vec<&Value> = events["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["kind"] == "decision_recorded")
        .collect();
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[0]["to"], "not_selected");
    assert_eq!(recorded[1]["to"], "selected");

    // The ranking shows the pending decision.
    let ranking = ok(app
        .get(&format!("/api/v1/calls/{}/ranking", jury.id), Some(&staff))
        .await)
    .await;
    let decided = ranking["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["ideaId"] == idea.as_str())
        .expect("ranked");
    assert_eq!(decided["decision"], "selected");

    // Only an idea in review or reviewed can be decided on.
    let shortlisted = &jury.ideas[1];
    let problem = assert_problem(
        decide(&app, &staff, shortlisted, json!({ "outcome": "selected" })).await,
        409,
        "not_under_review",
    )
    .await;
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("shortlisted")));
    let unknown = Uuid::now_v7();
    assert_problem(
        decide(&app, &staff, &unknown.to_string(), json!({ "outcome": "selected" })).await,
        404,
        "not_found",
    )
    .await;
    let problem = assert_problem(
        decide(&app, &staff, idea, json!({ "outcome": "maybe" })).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/outcome"]);
    let problem = assert_problem(
        decide(
            &app,
            &staff,
            idea,
            json!({ "outcome": "selected", "note": "x".repeat(2001) }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/note"]);

    // Staff only.
    let submitter = &jury.submitters[0];
    assert_problem(
        decide(&app, submitter, idea, json!({ "outcome": "selected" })).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        decide(&app, &app.reviewer().await, idea, json!({ "outcome": "selected" })).await,
        403,
        "forbidden",
    )
    .await;
    let response = app
        .get(&format!("/api/v1/calls/{}/decisions", jury.id), Some(submitter))
        .await;
    assert_problem(response, 403, "forbidden").await;
    let response = app.get(&format!("/api/v1/calls/{}/decisions", jury.id), None).await;
    assert_problem(response, 401, "not_signed_in").await;
}

#[tokio::test]
async fn bulk_decisions_are_all_or_nothing() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = reviewed_call(&app, &staff, 4).await;
    let elsewhere = other_calls_idea(&app, &staff).await;
    let [a, b, c, shortlisted] = [0, 1, 2, 3].map(|i| jury.ideas[i].clone());
    let path = format!("/api/v1/calls/{}/decisions", jury.id);

    let body = json!({ "items": [
        { "ideaId": a, "outcome": "selected" },
        { "ideaId": b, "outcome": "not_selected" },
        { "ideaId": a, "outcome": "not_selected" },
        { "ideaId": shortlisted, "outcome": "selected" },
        { "ideaId": elsewhere, "outcome": "selected" },
        { "ideaId": Uuid::now_v7(), "outcome": "selected" },
    ]});
    let problem = assert_problem(app.post(&path, Some(&staff), body).await, 422, "validation_failed").await;
    assert_eq!(
        pointers(&problem),
        [
            "/items/2/ideaId",
            "/items/3/ideaId",
            "/items/4/ideaId",
            "/items/5/ideaId"
        ]
    );
    let codes: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["code"].as_str())
        .collect();
    assert_eq!(codes, ["duplicate", "not_under_review", "unknown_idea", "unknown_idea"]);
    // Nothing was recorded.
    let list = ok(app.get(&path, Some(&staff)).await).await;
    assert_eq!(list["items"], json!([]));
    assert_eq!(
        list["counts"],
        json!({ "selected": 0, "notSelected": 0, "undecided": 4 })
    );

    let problem = assert_problem(
        app.post(&path, Some(&staff), json!({ "items": [] })).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/items"]);
    let problem = assert_problem(
        app.post(
            &path,
            Some(&staff),
            json!({ "items": [{ "ideaId": a, "outcome": "selected", "note": "x".repeat(2001) }] }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/items/0/note"]);
    let unknown_call = format!("/api/v1/calls/{}/decisions", Uuid::now_v7());
    let response = app
        .post(
            &unknown_call,
            Some(&staff),
            json!({ "items": [{ "ideaId": a, "outcome": "selected" }] }),
        )
        .await;
    assert_problem(response, 404, "not_found").await;

    let body = json!({ "items": [
        { "ideaId": c, "outcome": "selected", "note": "بهترین" },
        { "ideaId": a, "outcome": "selected" },
        { "ideaId": b, "outcome": "not_selected" },
    ]});
    let result = ok(app.post(&path, Some(&staff), body).await).await;
    let items = result["items"].as_array().expect("items");
    let ids: Vec<&str> = items.iter().filter_map(|i| i["ideaId"].as_str()).collect();
    assert_eq!(ids, [&c, &a, &b], "in the order of the request");
    assert_eq!(items[0]["note"], "بهترین");
    assert_eq!(items[2]["outcome"], "not_selected");
    assert!(items.iter().all(|i| i["published"] == false));

    let list = ok(app.get(&path, Some(&staff)).await).await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(3));
    // Each decision carries its idea's title, so the list reads on its own.
    for item in list["items"].as_array().expect("items") {
        let n = jury
            .ideas
            .iter()
            .position(|i| item["ideaId"] == i.as_str())
            .expect("one of the call's ideas");
        assert_eq!(item["ideaTitle"], format!("ایده شماره {n}"), "{item}");
    }
    assert_eq!(
        list["counts"],
        json!({ "selected": 2, "notSelected": 1, "undecided": 1 })
    );
    let events = ok(app.get(&format!("/api/v1/ideas/{c}/events"), Some(&staff)).await).await;
    assert!(
        events["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|e| e["kind"] == "decision_recorded" && e["to"] == "selected")
    );
}

#[tokio::test]
async fn an_idea_is_decided_only_once_a_juror_has_submitted_a_review_of_it() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = reviewed_call(&app, &staff, 2).await;
    let (reviewed, waiting) = (&jury.ideas[0], &jury.ideas[1]);
    let path = format!("/api/v1/calls/{}/decisions", jury.id);
    let (juror_id, juror_token) = juror(&app, "third@example.org", Organisation::Other).await;

    // Staff give the waiting idea a juror: it is in review, and nobody has reviewed it yet.
    let response = app.assign(&staff, &jury.id, waiting, &juror_id.to_string()).await;
    assert_eq!(response.status(), 201);
    assert_eq!(app.idea_state(&staff, waiting).await, "in_review");
    assert_eq!(idea_actions(&app, &staff, waiting).await, json!(["assign"]));
    assert_eq!(idea_actions(&app, &staff, reviewed).await, json!(["assign", "decide"]));
    // The ranking, where staff decide, agrees.
    let ranking = format!("/api/v1/calls/{}/ranking", jury.id);
    let offered = |ranking: &Value, idea: &str| {
        ranking["items"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|item| item["ideaId"] == idea)
            .map(|item| item["allowedActions"].clone())
    };
    let before = ok(app.get(&ranking, Some(&staff)).await).await;
    assert_eq!(offered(&before, waiting), Some(json!([])), "{before}");
    assert_eq!(offered(&before, reviewed), Some(json!(["decide"])), "{before}");
    let problem = assert_problem(
        decide(&app, &staff, waiting, json!({ "outcome": "selected" })).await,
        409,
        "no_submitted_review",
    )
    .await;
    assert!(
        problem["detail"].as_str().is_some_and(|d| d.contains("in_review")),
        "{problem}"
    );

    // In bulk, the idea is pointed at; nothing is recorded, the reviewed idea's decision neither.
    let body = json!({ "items": [
        { "ideaId": reviewed, "outcome": "selected" },
        { "ideaId": waiting, "outcome": "not_selected" },
    ]});
    let problem = assert_problem(
        app.post(&path, Some(&staff), body.clone()).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/items/1/ideaId"]);
    assert_eq!(problem["errors"][0]["code"], "no_submitted_review");
    assert_eq!(ok(app.get(&path, Some(&staff)).await).await["items"], json!([]));

    // A draft review is not enough.
    let review = format!("/api/v1/ideas/{waiting}/review");
    let draft = json!({ "scores": { "impact": 70 } });
    assert_eq!(app.put(&review, Some(&juror_token), draft).await.status(), 200);
    assert_problem(
        decide(&app, &staff, waiting, json!({ "outcome": "selected" })).await,
        409,
        "no_submitted_review",
    )
    .await;

    // Once the juror submits it, staff may decide, one at a time or in bulk.
    let submitted = json!({ "scores": { "impact": 70, "feasibility": 55 }, "recommendation": "select" });
    let response = app.submit_review(&juror_token, waiting, submitted).await;
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap_or_default());
    assert_eq!(idea_actions(&app, &staff, waiting).await, json!(["assign", "decide"]));
    let after = ok(app.get(&ranking, Some(&staff)).await).await;
    assert_eq!(offered(&after, waiting), Some(json!(["decide"])), "{after}");
    let view = ok(decide(&app, &staff, waiting, json!({ "outcome": "selected" })).await).await;
    assert_eq!(view["outcome"], "selected");
    let saved = ok(app.post(&path, Some(&staff), body).await).await;
    assert_eq!(saved["items"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn publishing_moves_the_decided_ideas_once_and_shows_the_results() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = reviewed_call(&app, &staff, 3).await;
    let [winner, loser, waiting] = [0, 1, 2].map(|i| jury.ideas[i].clone());
    let [winner_submitter, loser_submitter, _] = [0, 1, 2].map(|i| jury.submitters[i].clone());
    let publish = format!("/api/v1/calls/{}/decisions/publish", jury.id);
    ok(decide(
        &app,
        &staff,
        &winner,
        json!({ "outcome": "selected", "note": "یادداشت داخلی" }),
    )
    .await)
    .await;
    ok(decide(&app, &staff, &loser, json!({ "outcome": "not_selected" })).await).await;

    // The ranking says which ideas may still be decided: the reviewed ones, not the one still shortlisted.
    let ranking = format!("/api/v1/calls/{}/ranking", jury.id);
    let decidable = |ranking: &Value, idea: &str| {
        ranking["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|item| item["ideaId"] == idea)
            .map(|item| item["allowedActions"].clone())
    };
    let before = ok(app.get(&ranking, Some(&staff)).await).await;
    assert_eq!(decidable(&before, &winner), Some(json!(["decide"])), "{before}");
    assert_eq!(idea_actions(&app, &staff, &winner).await, json!(["assign", "decide"]));
    assert_eq!(decidable(&before, &waiting), Some(json!([])), "{before}");

    // The third idea is still shortlisted and undecided.
    let problem = assert_problem(
        app.post_empty(&publish, Some(&staff)).await,
        409,
        "decisions_incomplete",
    )
    .await;
    assert!(
        problem["detail"].as_str().is_some_and(|d| d.starts_with('1')),
        "{problem}"
    );
    assert_problem(
        app.post_empty(&publish, Some(&winner_submitter)).await,
        403,
        "forbidden",
    )
    .await;

    // Before publication the submitter sees no result, the public not the idea; staff see the pending one.
    let result = format!("/api/v1/ideas/{winner}/result");
    assert_problem(app.get(&result, Some(&winner_submitter)).await, 404, "not_found").await;
    assert_problem(
        app.get(&format!("/api/v1/ideas/{winner}"), None).await,
        404,
        "not_found",
    )
    .await;
    let pending = ok(app.get(&result, Some(&staff)).await).await;
    assert_eq!(pending["outcome"], "selected");
    assert_eq!(pending["published"], false);
    assert_eq!(pending["publishedAt"], Value::Null);

    // The third idea gets its review and a decision: nothing is left undecided.
    let (third, _) = juror(&app, "third@example.org", Organisation::Other).await;
    submitted_review(
        &app,
        &jury.id,
        &waiting,
        third,
        &[("impact", 10), ("feasibility", 10)],
        None,
    )
    .await;
    ok(decide(&app, &staff, &waiting, json!({ "outcome": "not_selected" })).await).await;

    let published = ok(app.post_empty(&publish, Some(&staff)).await).await;
    assert_eq!(published["selected"], 1);
    assert_eq!(published["notSelected"], 2);
    let after = ok(app.get(&ranking, Some(&staff)).await).await;
    assert_eq!(
        decidable(&after, &winner),
        Some(json!([])),
        "decisions are final once published: {after}"
    );
    assert_eq!(
        idea_actions(&app, &staff, &winner).await,
        json!([]),
        "no reviewer is given once decided"
    );
    assert!(published["publishedAt"].is_string());
    assert_problem(app.post_empty(&publish, Some(&staff)).await, 409, "decisions_published").await;
    assert_problem(
        decide(&app, &staff, &winner, json!({ "outcome": "not_selected" })).await,
        409,
        "decisions_published",
    )
    .await;
    let response = app
        .post(
            &format!("/api/v1/calls/{}/decisions", jury.id),
            Some(&staff),
            json!({ "items": [{ "ideaId": loser, "outcome": "selected" }] }),
        )
        .await;
    assert_problem(response, 409, "decisions_published").await;

    // The call is decided; the ideas moved.
    let call = ok(app.get(&format!("/api/v1/calls/{}", jury.id), None).await).await;
    assert_eq!(call["phase"], "decided");
    assert!(call["decisionsPublishedAt"].is_string());
    for (idea, state) in [
        (&winner, "selected"),
        (&loser, "not_selected"),
        (&waiting, "not_selected"),
    ] {
        let detail = ok(app.get(&format!("/api/v1/ideas/{idea}"), Some(&staff)).await).await;
        assert_eq!(detail["state"], state);
    }
    let list = ok(app
        .get(&format!("/api/v1/calls/{}/decisions", jury.id), Some(&staff))
        .await)
    .await;
    assert!(
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|d| d["published"] == true)
    );
    assert_eq!(
        list["counts"],
        json!({ "selected": 1, "notSelected": 2, "undecided": 0 })
    );

    // The submitter's history shows the publication, never the pending decisions or staff notes.
    let events = ok(app
        .get(&format!("/api/v1/ideas/{winner}/events"), Some(&winner_submitter))
        .await)
    .await;
    let kinds: Vec<&str> = events["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"decision_published"), "{kinds:?}");
    assert!(!kinds.contains(&"decision_recorded"), "{kinds:?}");
    let published_event = events["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["kind"] == "decision_published")
        .expect("published");
    assert_eq!(published_event["from"], "reviewed");
    assert_eq!(published_event["to"], "selected");
    assert!(!events.to_string().contains("یادداشت داخلی"));
    let call_events = ok(app
        .get(&format!("/api/v1/calls/{}/events", jury.id), Some(&staff))
        .await)
    .await;
    assert!(
        call_events["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|e| e["kind"] == "decisions_published")
    );

    // The submitter's result: the outcome and the comments meant for them, trimmed, blank ones left out.
    let mine = ok(app.get(&result, Some(&winner_submitter)).await).await;
    assert_eq!(mine["outcome"], "selected");
    assert_eq!(mine["published"], true);
    assert_eq!(mine["publishedAt"], published["publishedAt"]);
    assert_eq!(mine["comments"], json!(["بودجه را دقیق‌تر کنید"]));
    assert!(!mine.to_string().contains("برای کارکنان"), "no comment to staff");
    let theirs = ok(app
        .get(&format!("/api/v1/ideas/{loser}/result"), Some(&loser_submitter))
        .await)
    .await;
    assert_eq!(theirs["outcome"], "not_selected");
    // Nobody else sees a result.
    assert_problem(app.get(&result, Some(&loser_submitter)).await, 404, "not_found").await;
    assert_problem(app.get(&result, None).await, 404, "not_found").await;
    assert_problem(app.get(&result, Some(&app.reviewer().await)).await, 404, "not_found").await;

    // The public sees the selected idea, and only it.
    let public = ok(app.get(&format!("/api/v1/ideas/{winner}"), None).await).await;
    assert_eq!(public["state"], "selected");
    assert_problem(app.get(&format!("/api/v1/ideas/{loser}"), None).await, 404, "not_found").await;
    let listed = ok(app.get(&format!("/api/v1/ideas?callId={}", jury.id), None).await).await;
    let ids: Vec<&str> = listed["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["id"].as_str())
        .collect();
    assert_eq!(ids, [winner.as_str()]);
}

#[tokio::test]
async fn a_call_is_published_once_and_only_once_closed() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let call = crate::fixtures::id(&app.create_open_call(&staff).await);
    let publish = format!("/api/v1/calls/{call}/decisions/publish");
    // Ideas may still come while the call is open: they could never be decided after publication.
    let problem = assert_problem(
        app.post_empty(&publish, Some(&staff)).await,
        409,
        "decisions_incomplete",
    )
    .await;
    assert!(
        problem["detail"].as_str().is_some_and(|d| d.contains("closed")),
        "{problem}"
    );

    app.move_review_window(&call, -1, 30).await;
    let published = ok(app.post_empty(&publish, Some(&staff)).await).await;
    assert_eq!(published["selected"], 0);
    assert_eq!(published["notSelected"], 0);
    assert_problem(app.post_empty(&publish, Some(&staff)).await, 409, "decisions_published").await;
    let unknown = format!("/api/v1/calls/{}/decisions/publish", Uuid::now_v7());
    assert_problem(app.post_empty(&unknown, Some(&staff)).await, 404, "not_found").await;
}

#[tokio::test]
async fn a_call_with_the_jury_offers_staff_to_reopen_its_locked_rubric_but_not_to_publish() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = reviewed_call(&app, &staff, 2).await;
    // As the first submitted review does: the fixture puts the reviews in place directly.
    let call: Uuid = jury.id.parse().expect("call id");
    db::rubrics::lock(&app.db().await, call, chrono::Utc::now())
        .await
        .expect("rubric locked");
    let shown = app
        .json(app.get(&format!("/api/v1/calls/{}", jury.id), Some(&staff)).await)
        .await;
    // Reviews locked the rubric; the last idea waits for a decision, so publishing is refused alike.
    assert_eq!(
        shown["allowedActions"],
        json!(["edit", "reopen_rubric", "record_decisions"])
    );
    let publish = format!("/api/v1/calls/{}/decisions/publish", jury.id);
    assert_problem(
        app.post_empty(&publish, Some(&staff)).await,
        409,
        "decisions_incomplete",
    )
    .await;
    let rubric = format!("/api/v1/calls/{}/rubric", jury.id);
    let version = app.json(app.get(&rubric, None).await).await["version"].clone();
    let edit = app
        .client
        .put(app.url(&rubric))
        .bearer_auth(&staff)
        .header("If-Match", format!("\"{version}\""))
        .json(&crate::jury_fixtures::three_criteria())
        .send()
        .await
        .expect("sent");
    assert_problem(edit, 409, "rubric_locked").await;
    let submitter = &jury.submitters[0];
    let shown = app
        .json(app.get(&format!("/api/v1/calls/{}", jury.id), Some(submitter)).await)
        .await;
    assert_eq!(shown["allowedActions"], json!([]));
}
