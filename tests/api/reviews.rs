//! Reviewing: a reviewer's assignments and progress, what they see of an idea, drafts and submissions checked
//! against the rubric and the review window, one review however many concurrent saves, and others' reviews
//! only after one's own.

use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem, pointers, spawn_app};
use crate::jury_fixtures::{JuryCall, Member, review_body, three_criteria};

/// A call in review with a rubric, `ideas` ideas and two reviewers from different organisations, both assigned
/// to every idea.
async fn two_reviewers_on(app: &TestApp, staff: &str, ideas: usize, blind: bool) -> (JuryCall, Member, Member) {
    let jury = app.jury_call(staff, ideas, blind, 2).await;
    app.set_rubric(staff, &jury.id, three_criteria()).await;
    let first = app
        .enrol_reviewer(staff, "first@example.org", "university", &["cultural"])
        .await;
    let second = app
        .enrol_reviewer(staff, "second@example.org", "chamber_of_commerce", &["economic"])
        .await;
    for idea in &jury.ideas {
        assert_eq!(app.assign(staff, &jury.id, idea, &first.id).await.status(), 201);
        assert_eq!(app.assign(staff, &jury.id, idea, &second.id).await.status(), 201);
    }
    (jury, first, second)
}

#[tokio::test]
async fn a_reviewer_lists_their_assignments_with_progress_and_sees_only_those_ideas() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (jury, first, _second) = two_reviewers_on(&app, &staff, 2, true).await;
    let outsider = app
        .enrol_reviewer(&staff, "outsider@example.org", "municipality", &[])
        .await;

    let mine = app
        .json(app.get("/api/v1/me/assignments", Some(&first.token)).await)
        .await;
    assert_eq!(mine["total"], 2);
    assert_eq!(mine["progress"], json!({ "assigned": 2, "submitted": 0, "pending": 2 }));
    let item = &mine["items"][0];
    assert_eq!(item["state"], "pending");
    assert_eq!(item["call"]["id"], jury.id.as_str());
    assert_eq!(item["call"]["blindReview"], true);
    assert_eq!(item["idea"]["state"], "in_review");

    assert_eq!(
        app.submit_review(&first.token, &jury.ideas[0], review_body(8, 4, 3))
            .await
            .status(),
        200
    );
    let mine = app
        .json(
            app.get(
                &format!("/api/v1/me/assignments?callId={}", jury.id),
                Some(&first.token),
            )
            .await,
        )
        .await;
    assert_eq!(mine["progress"], json!({ "assigned": 2, "submitted": 1, "pending": 1 }));
    let pending = app
        .json(
            app.get("/api/v1/me/assignments?state=pending", Some(&first.token))
                .await,
        )
        .await;
    assert_eq!(pending["total"], 1);
    assert_eq!(pending["items"][0]["idea"]["id"], jury.ideas[1].as_str());

    // The outsider has nothing and sees nothing.
    let theirs = app
        .json(app.get("/api/v1/me/assignments", Some(&outsider.token)).await)
        .await;
    assert_eq!(theirs["total"], 0);
    let idea_path = format!("/api/v1/ideas/{}", jury.ideas[0]);
    assert_problem(app.get(&idea_path, Some(&outsider.token)).await, 404, "not_found").await;
    assert_problem(
        app.get(&format!("{idea_path}/review"), Some(&outsider.token)).await,
        404,
        "not_found",
    )
    .await;
    assert_problem(
        app.submit_review(&outsider.token, &jury.ideas[0], review_body(1, 1, 1))
            .await,
        404,
        "not_found",
    )
    .await;

    // A citizen is not a reviewer.
    let citizen = app.citizen("citizen@example.org").await;
    assert_problem(
        app.get("/api/v1/me/assignments", Some(&citizen)).await,
        403,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn a_blind_call_hides_the_submitter_from_reviewers_and_an_open_one_shows_only_the_name() {
    for blind in [true, false] {
        let app = spawn_app().await;
        let staff = app.staff().await;
        let (jury, first, _) = two_reviewers_on(&app, &staff, 1, blind).await;
        let path = format!("/api/v1/ideas/{}", jury.ideas[0]);
        let idea = app.json(app.get(&path, Some(&first.token)).await).await;
        assert_eq!(idea["title"], "ایده شماره 0");
        assert!(idea["channel"].is_object(), "reviewers judge the submitter's channel");
        if blind {
            assert_eq!(idea.get("submitter"), None, "{idea}");
        } else {
            assert!(idea["submitter"]["displayName"].is_string());
            assert_eq!(idea["submitter"].get("email"), None);
        }
        // Never the idea's history.
        assert_problem(
            app.get(&format!("{path}/events"), Some(&first.token)).await,
            404,
            "not_found",
        )
        .await;
    }
}

#[tokio::test]
async fn drafts_and_submissions_are_checked_against_the_rubric_and_give_the_weighted_total() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (jury, first, _) = two_reviewers_on(&app, &staff, 1, true).await;
    let idea = &jury.ideas[0];
    let draft_path = format!("/api/v1/ideas/{idea}/review");
    assert_problem(app.get(&draft_path, Some(&first.token)).await, 404, "not_found").await;

    let draft = app
        .put(
            &draft_path,
            Some(&first.token),
            json!({ "scores": { "impact": 8 }, "commentToStaff": "  " }),
        )
        .await;
    assert_eq!(draft.status(), 200);
    let draft: Value = draft.json().await.expect("JSON");
    assert_eq!(draft["submittedAt"], Value::Null);
    assert_eq!(draft["total"], Value::Null);
    assert_eq!(draft["commentToStaff"], Value::Null);

    let bad = app
        .put(
            &draft_path,
            Some(&first.token),
            json!({ "scores": { "impact": 11, "charm": 3 } }),
        )
        .await;
    let problem = assert_problem(bad, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/scores/impact", "/scores/charm"]);
    assert_eq!(problem["errors"][0]["code"], "out_of_scale");
    assert_eq!(problem["errors"][1]["code"], "unknown_criterion");

    let incomplete = app
        .submit_review(
            &first.token,
            idea,
            json!({ "scores": { "impact": 8, "feasibility": 4 } }),
        )
        .await;
    let problem = assert_problem(incomplete, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/scores/channel", "/recommendation"]);

    let submitted = app.submit_review(&first.token, idea, review_body(8, 4, 3)).await;
    assert_eq!(submitted.status(), 200);
    let review: Value = submitted.json().await.expect("JSON");
    // (3·7/9 + 2·3/4 + 1·3/4) / 6 · 100
    let expected = (3.0 * 7.0 / 9.0 + 2.0 * 0.75 + 0.75) / 6.0 * 100.0;
    let total = review["total"].as_f64().expect("total");
    assert!((total - expected).abs() < 1e-9, "{total} vs {expected}");
    assert!(review["submittedAt"].is_string());
    assert_eq!(review["recommendation"], "select");

    // A draft no longer overwrites it; submitting again updates the same review.
    assert_problem(
        app.put(&draft_path, Some(&first.token), json!({ "scores": {} })).await,
        409,
        "review_submitted",
    )
    .await;
    let again = app.submit_review(&first.token, idea, review_body(1, 1, 0)).await;
    assert_eq!(again.status(), 200);
    let again: Value = again.json().await.expect("JSON");
    assert_eq!(again["id"], review["id"]);
    assert_eq!(again["total"], 0.0);
    let read = app.json(app.get(&draft_path, Some(&first.token)).await).await;
    assert_eq!(read["scores"], json!({ "impact": 1, "feasibility": 1, "channel": 0 }));
}

#[tokio::test]
async fn reviews_are_submitted_only_inside_the_review_window() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (jury, first, _) = two_reviewers_on(&app, &staff, 1, true).await;
    let idea = &jury.ideas[0];
    let draft_path = format!("/api/v1/ideas/{idea}/review");

    app.move_review_window(&jury.id, 2, 30).await;
    let draft = app
        .put(&draft_path, Some(&first.token), json!({ "scores": { "impact": 3 } }))
        .await;
    assert_eq!(draft.status(), 200, "a draft may be started before the window opens");
    assert_problem(
        app.submit_review(&first.token, idea, review_body(3, 3, 3)).await,
        409,
        "review_not_open",
    )
    .await;

    app.move_review_window(&jury.id, -30, -1).await;
    assert_problem(
        app.put(&draft_path, Some(&first.token), json!({ "scores": {} })).await,
        409,
        "review_closed",
    )
    .await;
    assert_problem(
        app.submit_review(&first.token, idea, review_body(3, 3, 3)).await,
        409,
        "review_closed",
    )
    .await;
}

#[tokio::test]
async fn concurrent_saves_and_submits_make_one_review() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (jury, first, second) = two_reviewers_on(&app, &staff, 1, true).await;
    let idea = jury.ideas[0].clone();
    let draft_path = format!("/api/v1/ideas/{idea}/review");

    let drafts = (0..6).map(|n| {
        app.put(
            &draft_path,
            Some(&first.token),
            json!({ "scores": { "impact": n + 1 } }),
        )
    });
    for response in futures_util::future::join_all(drafts).await {
        assert_eq!(response.status(), 200);
    }
    let submits = (0..6).map(|n| app.submit_review(&second.token, &idea, review_body(n + 1, 3, 2)));
    for response in futures_util::future::join_all(submits).await {
        assert_eq!(response.status(), 200);
    }
    let submits = (0..6).map(|n| app.submit_review(&first.token, &idea, review_body(n + 2, 2, 1)));
    for response in futures_util::future::join_all(submits).await {
        assert_eq!(response.status(), 200);
    }

    use db::entities::review;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let idea_id: uuid::Uuid = idea.parse().expect("id");
    let count = review::Entity::find()
        .filter(review::Column::IdeaId.eq(idea_id))
        .count(&app.db().await)
        .await
        .expect("counted");
    assert_eq!(count, 2, "one review per reviewer");
    let staff_view = app
        .json(app.get(&format!("/api/v1/ideas/{idea}"), Some(&staff)).await)
        .await;
    assert_eq!(staff_view["state"], "reviewed");
    let events = app
        .json(app.get(&format!("/api/v1/ideas/{idea}/events"), Some(&staff)).await)
        .await;
    let completions = events["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["kind"] == "reviews_complete")
        .count();
    assert_eq!(completions, 1);
}

#[tokio::test]
async fn others_reviews_are_read_after_submitting_ones_own_and_anonymously_in_a_blind_call() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (jury, first, second) = two_reviewers_on(&app, &staff, 1, true).await;
    let idea = &jury.ideas[0];
    let path = format!("/api/v1/ideas/{idea}/reviews");
    assert_eq!(
        app.submit_review(&first.token, idea, review_body(8, 4, 3))
            .await
            .status(),
        200
    );

    assert_problem(app.get(&path, Some(&second.token)).await, 403, "review_first").await;
    let draft = app
        .put(
            &format!("/api/v1/ideas/{idea}/review"),
            Some(&second.token),
            json!({ "scores": { "impact": 2 } }),
        )
        .await;
    assert_eq!(draft.status(), 200);
    assert_problem(app.get(&path, Some(&second.token)).await, 403, "review_first").await;
    assert_eq!(
        app.submit_review(&second.token, idea, review_body(3, 2, 1))
            .await
            .status(),
        200
    );

    let read = app.json(app.get(&path, Some(&second.token)).await).await;
    let items = read["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    let other = items
        .iter()
        .find(|i| i["author"]["mine"] == false)
        .expect("the other's");
    assert_eq!(other["author"]["number"], 1);
    assert_eq!(other["author"].get("displayName"), None);
    assert_eq!(other["author"].get("id"), None);
    assert_eq!(other["author"].get("organisation"), None);
    assert_eq!(other["review"]["scores"]["impact"], 8);
    let mine = items.iter().find(|i| i["author"]["mine"] == true).expect("mine");
    assert_eq!(mine["author"]["id"], second.id.as_str());

    // Staff see the names; the submitter and the public do not see reviews here.
    let staff_read = app.json(app.get(&path, Some(&staff)).await).await;
    assert_eq!(staff_read["items"][0]["author"]["id"], first.id.as_str());
    assert_eq!(staff_read["items"][0]["author"]["organisation"], "university");
    assert_problem(app.get(&path, Some(&jury.submitters[0])).await, 404, "not_found").await;
    assert_problem(app.get(&path, None).await, 401, "not_signed_in").await;
}

/// The actions a review view allows, as strings.
fn actions(view: &Value) -> Vec<&str> {
    view["allowedActions"]
        .as_array()
        .expect("allowedActions")
        .iter()
        .filter_map(Value::as_str)
        .collect()
}

#[tokio::test]
async fn a_review_says_what_its_reviewer_may_do_next() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (jury, first, second) = two_reviewers_on(&app, &staff, 1, false).await;
    let idea = &jury.ideas[0];
    let mine = format!("/api/v1/ideas/{idea}/review");

    // A draft before the window opens: it may be saved, not yet submitted.
    app.move_review_window(&jury.id, 2, 30).await;
    let draft = app
        .put(&mine, Some(&first.token), json!({ "scores": { "impact": 5 } }))
        .await;
    assert_eq!(draft.status(), 200);
    let draft = app.json(draft).await;
    assert_eq!(actions(&draft), ["save", "declare_conflict"]);

    // The window open: a draft may be saved or submitted; the others' reviews wait for one's own.
    app.move_review_window(&jury.id, -1, 30).await;
    let draft = app.json(app.get(&mine, Some(&first.token)).await).await;
    assert_eq!(actions(&draft), ["save", "submit", "declare_conflict"]);

    // Submitted: only submitting again changes it, and the others' reviews are open to them.
    let submitted = app.submit_review(&first.token, idea, review_body(8, 4, 3)).await;
    assert_eq!(submitted.status(), 200);
    let submitted = app.json(submitted).await;
    assert_eq!(actions(&submitted), ["submit", "declare_conflict", "read_others"]);
    let shown = app.json(app.get(&mine, Some(&first.token)).await).await;
    assert_eq!(actions(&shown), actions(&submitted));

    // In the list of reviews, only the reader's own review carries actions; staff get none.
    assert_eq!(
        app.submit_review(&second.token, idea, review_body(6, 5, 2))
            .await
            .status(),
        200
    );
    let list = app
        .json(
            app.get(&format!("/api/v1/ideas/{idea}/reviews"), Some(&first.token))
                .await,
        )
        .await;
    for item in list["items"].as_array().expect("items") {
        let expected: Vec<&str> = if item["author"]["mine"] == true {
            vec!["submit", "declare_conflict", "read_others"]
        } else {
            vec![]
        };
        assert_eq!(actions(&item["review"]), expected);
    }
    let list = app
        .json(app.get(&format!("/api/v1/ideas/{idea}/reviews"), Some(&staff)).await)
        .await;
    assert!(
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| actions(&i["review"]).is_empty())
    );

    // The window closed: nothing changes any more; the others' reviews stay open.
    app.move_review_window(&jury.id, -30, -1).await;
    let closed = app.json(app.get(&mine, Some(&first.token)).await).await;
    assert_eq!(actions(&closed), ["declare_conflict", "read_others"]);
}
