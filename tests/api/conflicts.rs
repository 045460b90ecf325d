//! Conflicts of interest: staff enter them, an assigned reviewer declares one. Either way the reviewer's
//! assignment is declined, the idea's state follows its remaining assignments and the reviewer no longer
//! sees the idea. Duplicates and a submitter's own idea are 409; the submitter and staff see the idea but
//! may not declare (403); nobody else learns anything (404).

use serde_json::{Value, json};

use crate::fixtures::id;
use crate::helpers::*;
use crate::jury_fixtures::{JuryCall, Member};

const CONFLICTS: &str = "/api/v1/conflicts";

/// The state of a reviewer's assignment to an idea, read in the database.
async fn assignment_state(app: &TestApp, idea: &str, reviewer: &str) -> String {
    let found = db::assignments::find(
        &app.db().await,
        idea.parse().expect("an idea id"),
        reviewer.parse().expect("a reviewer id"),
    )
    .await
    .expect("query")
    .expect("an assignment");
    found.state.to_string()
}

impl TestApp {
    async fn conflicts(&self, staff: &str, query: &str) -> Value {
        self.json(self.get(&format!("{CONFLICTS}?{query}"), Some(staff)).await)
            .await
    }

    async fn idea_events(&self, token: &str, idea: &str) -> Vec<Value> {
        let events = self
            .json(self.get(&format!("/api/v1/ideas/{idea}/events"), Some(token)).await)
            .await;
        events["items"].as_array().expect("items").clone()
    }

    /// A call with `ideas` shortlisted ideas and two reviewers.
    async fn jury(&self, staff: &str, ideas: usize) -> (JuryCall, Member, Member) {
        let call = self.jury_call(staff, ideas, true, 2).await;
        let maryam = self
            .enrol_reviewer(staff, "maryam@example.org", "university", &["cultural"])
            .await;
        let ali = self
            .enrol_reviewer(staff, "ali@example.org", "municipality", &["economic"])
            .await;
        (call, maryam, ali)
    }
}

fn kinds(events: &[Value]) -> Vec<&str> {
    events.iter().filter_map(|e| e["kind"].as_str()).collect()
}

#[tokio::test]
async fn staff_record_a_conflict_once() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (call, maryam, _) = app.jury(&staff, 1).await;
    let idea = &call.ideas[0];

    let response = app
        .post(
            CONFLICTS,
            Some(&staff),
            json!({ "reviewerId": maryam.id, "ideaId": idea, "reason": "  همکار پیشنهاددهنده در دانشگاه  " }),
        )
        .await;
    assert_eq!(response.status(), 201);
    let conflict: Value = response.json().await.expect("JSON");
    assert!(conflict["id"].is_string());
    assert_eq!(conflict["reviewer"]["id"], maryam.id.as_str());
    assert_eq!(conflict["reviewer"]["displayName"], "داور maryam@example.org");
    assert_eq!(conflict["idea"], json!({ "id": idea, "title": "ایده شماره 0" }));
    assert_eq!(conflict["callId"], call.id.as_str());
    assert_eq!(conflict["source"], "staff");
    assert_eq!(conflict["reason"], "همکار پیشنهاددهنده در دانشگاه");
    assert!(conflict["createdAt"].is_string());
    // No assignment: the idea stays shortlisted, and its history has the conflict.
    assert_eq!(app.idea_state(&staff, idea).await, "shortlisted");
    let events = app.idea_events(&staff, idea).await;
    let recorded = events
        .iter()
        .find(|e| e["kind"] == "conflict_recorded")
        .expect("a conflict_recorded event");
    assert_eq!(recorded["to"], maryam.id.as_str());
    assert_eq!(recorded["note"], "همکار پیشنهاددهنده در دانشگاه");
    // The submitter never learns of it.
    let theirs = app.idea_events(&call.submitters[0], idea).await;
    assert!(!kinds(&theirs).contains(&"conflict_recorded"), "{theirs:?}");

    let again = app
        .post(
            CONFLICTS,
            Some(&staff),
            json!({ "reviewerId": maryam.id, "ideaId": idea, "reason": "دوباره" }),
        )
        .await;
    assert_problem(again, 409, "conflict_exists").await;
    assert_eq!(app.conflicts(&staff, "").await["total"], 1);
}

#[tokio::test]
async fn a_submitter_is_always_in_conflict_with_their_own_idea() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let call = app.jury_call(&staff, 1, false, 2).await;
    // The submitter joins the jury.
    let enrolled = app
        .post(
            "/api/v1/reviewers",
            Some(&staff),
            json!({ "email": "submitter0@example.org", "displayName": "x", "organisation": "other",
                    "expertise": [], "maxLoad": 5 }),
        )
        .await;
    assert_eq!(enrolled.status(), 201);
    let enrolled: Value = enrolled.json().await.expect("JSON");
    let submitter = id(&enrolled["reviewer"]);

    let response = app
        .post(
            CONFLICTS,
            Some(&staff),
            json!({ "reviewerId": submitter, "ideaId": call.ideas[0], "reason": "خود پیشنهاددهنده" }),
        )
        .await;
    let problem = assert_problem(response, 409, "conflict_exists").await;
    assert!(
        problem["detail"].as_str().is_some_and(|d| d.contains("own idea")),
        "{problem}"
    );
    assert_eq!(app.conflicts(&staff, "").await["total"], 0);
}

#[tokio::test]
async fn a_conflict_is_validated() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (call, maryam, _) = app.jury(&staff, 1).await;
    let idea = call.ideas[0].clone();
    let citizen = app.register("citizen@example.org").await;
    let citizen_id = citizen["user"]["id"].as_str().expect("id").to_owned();
    let nobody = uuid::Uuid::now_v7().to_string();

    let cases = [
        (
            json!({ "reviewerId": citizen_id, "ideaId": idea, "reason": "دلیل" }),
            vec!["/reviewerId"],
        ),
        (
            json!({ "reviewerId": maryam.id, "ideaId": nobody, "reason": "دلیل" }),
            vec!["/ideaId"],
        ),
        (
            json!({ "reviewerId": nobody, "ideaId": nobody, "reason": "دلیل" }),
            vec!["/ideaId", "/reviewerId"],
        ),
        (
            json!({ "reviewerId": maryam.id, "ideaId": idea, "reason": "   " }),
            vec!["/reason"],
        ),
        (
            json!({ "reviewerId": maryam.id, "ideaId": idea, "reason": "ب".repeat(1001) }),
            vec!["/reason"],
        ),
        (json!({ "reviewerId": maryam.id, "ideaId": idea }), vec!["/reason"]),
        (
            json!({ "reviewerId": "7", "ideaId": idea, "reason": "دلیل" }),
            vec!["/reviewerId"],
        ),
        (
            json!({ "reviewerId": maryam.id, "ideaId": idea, "reason": "دلیل", "source": "staff" }),
            vec!["/source"],
        ),
    ];
    for (body, expected) in cases {
        let response = app.post(CONFLICTS, Some(&staff), body.clone()).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        let mut found: Vec<String> = pointers(&problem).into_iter().map(str::to_owned).collect();
        found.sort();
        assert_eq!(found, expected, "{body}");
    }
    // 1000 characters, once trimmed, are fine.
    let long = format!("  {}  ", "ب".repeat(1000));
    let response = app
        .post(
            CONFLICTS,
            Some(&staff),
            json!({ "reviewerId": maryam.id, "ideaId": idea, "reason": long }),
        )
        .await;
    assert_eq!(response.status(), 201);
}

#[tokio::test]
async fn a_reviewer_declares_a_conflict_and_no_longer_sees_the_idea() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (call, maryam, ali) = app.jury(&staff, 1).await;
    let idea = call.ideas[0].clone();
    app.assignment_in_db(&call.id, &idea, &maryam.id, "pending").await;
    app.assignment_in_db(&call.id, &idea, &ali.id, "submitted").await;
    app.set_idea_state(&idea, "in_review").await;
    let idea_path = format!("/api/v1/ideas/{idea}");
    assert_eq!(app.get(&idea_path, Some(&maryam.token)).await.status(), 200);

    let declare = format!("/api/v1/ideas/{idea}/conflict");
    // A bad body from the assigned reviewer is a 422 like any other.
    let response = app.post(&declare, Some(&maryam.token), json!({ "reason": "" })).await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/reason"]);

    let response = app
        .post(
            &declare,
            Some(&maryam.token),
            json!({ "reason": " پیشنهاددهنده از بستگان من است " }),
        )
        .await;
    assert_eq!(response.status(), 201);
    let conflict: Value = response.json().await.expect("JSON");
    assert_eq!(conflict["source"], "reviewer");
    assert_eq!(conflict["reviewer"]["id"], maryam.id.as_str());
    assert_eq!(conflict["idea"]["id"], idea.as_str());
    assert_eq!(conflict["reason"], "پیشنهاددهنده از بستگان من است");

    assert_eq!(assignment_state(&app, &idea, &maryam.id).await, "declined");
    assert_eq!(assignment_state(&app, &idea, &ali.id).await, "submitted");
    // The one pending review is gone: every review left is in.
    assert_eq!(app.idea_state(&staff, &idea).await, "reviewed");
    assert_problem(app.get(&idea_path, Some(&maryam.token)).await, 404, "not_found").await;
    assert_eq!(app.get(&idea_path, Some(&ali.token)).await.status(), 200);
    // Declaring again finds nothing to declare on.
    let response = app
        .post(&declare, Some(&maryam.token), json!({ "reason": "باز هم" }))
        .await;
    assert_problem(response, 404, "not_found").await;

    let events = app.idea_events(&staff, &idea).await;
    let kinds = kinds(&events);
    let at = kinds
        .iter()
        .position(|k| *k == "conflict_recorded")
        .expect("conflict_recorded");
    assert_eq!(kinds.get(at + 1), Some(&"reviews_complete"), "{kinds:?}");
    assert_eq!(events[at]["actor"]["id"], maryam.id.as_str());

    // Staff then take the other reviewer off too: nothing counts any more, back to the shortlist.
    let response = app
        .post(
            CONFLICTS,
            Some(&staff),
            json!({ "reviewerId": ali.id, "ideaId": idea, "reason": "همکار پیشنهاددهنده" }),
        )
        .await;
    assert_eq!(response.status(), 201);
    assert_eq!(assignment_state(&app, &idea, &ali.id).await, "declined");
    assert_eq!(app.idea_state(&staff, &idea).await, "shortlisted");
    assert_problem(app.get(&idea_path, Some(&ali.token)).await, 404, "not_found").await;

    let listed = app.conflicts(&staff, &format!("ideaId={idea}")).await;
    assert_eq!(listed["total"], 2);
    let sources: Vec<&str> = listed["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["source"].as_str())
        .collect();
    // Newest first.
    assert_eq!(sources, ["staff", "reviewer"]);
}

#[tokio::test]
async fn nobody_but_the_assigned_reviewer_declares_and_nobody_learns_more() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (call, maryam, ali) = app.jury(&staff, 2).await;
    app.assignment_in_db(&call.id, &call.ideas[0], &maryam.id, "pending")
        .await;
    app.assignment_in_db(&call.id, &call.ideas[1], &ali.id, "declined")
        .await;
    let citizen = app.citizen("citizen@example.org").await;
    let declare = |idea: &str| format!("/api/v1/ideas/{idea}/conflict");
    let reason = json!({ "reason": "دلیل" });

    // Not assigned, assigned but declined, a citizen, an unknown idea: 404 all.
    for (caller, idea) in [
        (&ali.token, &call.ideas[0]),
        (&ali.token, &call.ideas[1]),
        (&citizen, &call.ideas[0]),
        (&maryam.token, &uuid::Uuid::now_v7().to_string()),
    ] {
        let response = app.post(&declare(idea), Some(caller), reason.clone()).await;
        assert_problem(response, 404, "not_found").await;
        // Not even a bad body tells them the idea exists.
        let response = app.post(&declare(idea), Some(caller), json!({ "x": 1 })).await;
        assert_problem(response, 404, "not_found").await;
    }
    // The submitter and staff see the idea: declaring is not theirs to do (403), whatever the body.
    for caller in [&call.submitters[0], &staff] {
        for body in [reason.clone(), json!({ "x": 1 })] {
            let response = app.post(&declare(&call.ideas[0]), Some(caller), body).await;
            assert_problem(response, 403, "forbidden").await;
        }
    }
    let response = app.post(&declare(&call.ideas[0]), None, reason.clone()).await;
    assert_problem(response, 401, "not_signed_in").await;
    assert_eq!(app.conflicts(&staff, "").await["total"], 0);
    assert_eq!(assignment_state(&app, &call.ideas[0], &maryam.id).await, "pending");
}

#[tokio::test]
async fn staff_list_conflicts_by_call_reviewer_and_idea() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (call, maryam, ali) = app.jury(&staff, 2).await;
    for (reviewer, idea) in [
        (&maryam, &call.ideas[0]),
        (&maryam, &call.ideas[1]),
        (&ali, &call.ideas[1]),
    ] {
        let response = app
            .post(
                CONFLICTS,
                Some(&staff),
                json!({ "reviewerId": reviewer.id, "ideaId": idea, "reason": "دلیل" }),
            )
            .await;
        assert_eq!(response.status(), 201);
    }

    let all = app.conflicts(&staff, "").await;
    assert_eq!(all["total"], 3);
    assert_eq!(all["limit"], 20);
    assert_eq!(all["offset"], 0);
    let of_maryam = app.conflicts(&staff, &format!("reviewerId={}", maryam.id)).await;
    assert_eq!(of_maryam["total"], 2);
    assert!(
        of_maryam["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|c| c["reviewer"]["id"] == maryam.id.as_str())
    );
    let of_idea = app.conflicts(&staff, &format!("ideaId={}", call.ideas[1])).await;
    assert_eq!(of_idea["total"], 2);
    let both = app
        .conflicts(&staff, &format!("ideaId={}&reviewerId={}", call.ideas[1], ali.id))
        .await;
    assert_eq!(both["total"], 1);
    assert_eq!(both["items"][0]["idea"]["title"], "ایده شماره 1");
    assert_eq!(app.conflicts(&staff, &format!("callId={}", call.id)).await["total"], 3);
    let other_call = app.conflicts(&staff, &format!("callId={}", uuid::Uuid::now_v7())).await;
    assert_eq!(other_call["total"], 0);
    assert_eq!(other_call["items"], json!([]));
    let paged = app.conflicts(&staff, "limit=2&offset=2").await;
    assert_eq!(paged["total"], 3);
    assert_eq!(paged["items"].as_array().map(Vec::len), Some(1));

    for (query, pointer) in [
        ("callId=x", "/callId"),
        ("limit=101", "/limit"),
        ("source=staff", "/source"),
    ] {
        let response = app.get(&format!("{CONFLICTS}?{query}"), Some(&staff)).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "{query}");
    }

    let citizen = app.citizen("citizen@example.org").await;
    let body = json!({ "reviewerId": maryam.id, "ideaId": call.ideas[0], "reason": "دلیل" });
    for (caller, status, code) in [
        (Some(citizen.as_str()), 403, "forbidden"),
        (Some(maryam.token.as_str()), 403, "forbidden"),
        (None, 401, "not_signed_in"),
    ] {
        assert_problem(app.get(CONFLICTS, caller).await, status, code).await;
        assert_problem(app.post(CONFLICTS, caller, body.clone()).await, status, code).await;
    }
}
