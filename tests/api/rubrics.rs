//! A call's rubric: staff set it, everyone reads it, the first submitted review locks it, and staff reopen it
//! with a reason.

use serde_json::{Value, json};

use crate::fixtures::etag;
use crate::helpers::{assert_problem, pointers, spawn_app};
use crate::jury_fixtures::{review_body, three_criteria};

#[tokio::test]
async fn staff_set_a_rubric_that_everyone_reads_and_edits_need_its_etag() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 1, true, 2).await;
    let path = format!("/api/v1/calls/{}/rubric", jury.id);
    assert_problem(app.get(&path, None).await, 404, "not_found").await;

    let rubric = app.set_rubric(&staff, &jury.id, three_criteria()).await;
    assert_eq!(rubric["callId"], jury.id.as_str());
    assert_eq!(rubric["locked"], false);
    assert_eq!(rubric["version"], 1);
    let criteria = rubric["criteria"].as_array().expect("criteria");
    let keys: Vec<&str> = criteria.iter().filter_map(|c| c["key"].as_str()).collect();
    assert_eq!(keys, ["impact", "feasibility", "channel"]);
    assert_eq!(criteria[0]["label"]["en"], "Impact on the city's standing");
    assert_eq!(
        criteria[0]["guidance"]["fa"],
        "آیا ایده نام اصفهان را در آن شهر بلند می‌کند؟"
    );
    assert_eq!(criteria[1]["guidance"], Value::Null);
    assert_eq!(criteria[2]["scaleMin"], 0);

    // Anyone reads it, signed in or not.
    let read = app.get(&path, None).await;
    assert_eq!(read.status(), 200);
    let tag = etag(&read);
    assert_eq!(tag, "\"1\"");

    let mut changed = three_criteria();
    changed["criteria"][1]["weight"] = json!(4);
    assert_problem(
        app.put(&path, Some(&staff), changed.clone()).await,
        428,
        "precondition_required",
    )
    .await;
    let response = app
        .client
        .put(app.url(&path))
        .bearer_auth(&staff)
        .header("If-Match", "\"7\"")
        .json(&changed)
        .send()
        .await
        .expect("sent");
    assert_problem(response, 412, "stale_version").await;
    let response = app
        .client
        .put(app.url(&path))
        .bearer_auth(&staff)
        .header("If-Match", &tag)
        .json(&changed)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    let rubric: Value = response.json().await.expect("JSON");
    assert_eq!(rubric["version"], 2);
    assert_eq!(rubric["criteria"][1]["weight"], 4.0);

    // Only staff change it.
    let citizen = app.citizen("someone@example.org").await;
    assert_problem(app.put(&path, Some(&citizen), three_criteria()).await, 403, "forbidden").await;
    assert_problem(app.put(&path, None, three_criteria()).await, 401, "not_signed_in").await;
    let unknown = format!("/api/v1/calls/{}/rubric", uuid::Uuid::now_v7());
    assert_problem(
        app.put(&unknown, Some(&staff), three_criteria()).await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn every_invalid_criterion_is_reported_at_its_field_and_nothing_is_saved() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 1, true, 2).await;
    let path = format!("/api/v1/calls/{}/rubric", jury.id);
    let body = json!({ "criteria": [
        { "key": "impact", "label": { "fa": "اثر" }, "weight": 0, "scaleMin": 1, "scaleMax": 10 },
        { "key": "impact", "label": { "fa": "  " }, "weight": 1, "scaleMin": 5, "scaleMax": 5 },
        { "key": "Bad Key", "label": { "fa": "کلید" }, "weight": 1, "scaleMin": 0, "scaleMax": 101 }
    ]});
    let problem = assert_problem(app.put(&path, Some(&staff), body).await, 422, "validation_failed").await;
    let found = pointers(&problem);
    for pointer in [
        "/criteria/0/weight",
        "/criteria/1/key",
        "/criteria/1/label/fa",
        "/criteria/1/scaleMax",
        "/criteria/2/key",
        "/criteria/2/scaleMax",
    ] {
        assert!(found.contains(&pointer), "{pointer} in {found:?}");
    }
    let empty = json!({ "criteria": [] });
    let problem = assert_problem(app.put(&path, Some(&staff), empty).await, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/criteria"]);
    let unknown_field = json!({ "criteria": [], "extra": 1 });
    assert_problem(
        app.put(&path, Some(&staff), unknown_field).await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(app.get(&path, None).await, 404, "not_found").await;
}

#[tokio::test]
async fn the_first_submitted_review_locks_the_rubric_until_staff_reopen_it_with_a_reason() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 1, true, 2).await;
    let path = format!("/api/v1/calls/{}/rubric", jury.id);
    app.set_rubric(&staff, &jury.id, three_criteria()).await;
    let juror = app
        .enrol_reviewer(&staff, "juror@example.org", "university", &["cultural"])
        .await;
    assert_eq!(
        app.assign(&staff, &jury.id, &jury.ideas[0], &juror.id).await.status(),
        201
    );

    // A draft does not lock it.
    let draft = app
        .put(
            &format!("/api/v1/ideas/{}/review", jury.ideas[0]),
            Some(&juror.token),
            json!({ "scores": { "impact": 5 } }),
        )
        .await;
    assert_eq!(draft.status(), 200);
    assert_eq!(app.json(app.get(&path, None).await).await["locked"], false);

    let submitted = app
        .submit_review(&juror.token, &jury.ideas[0], review_body(8, 4, 3))
        .await;
    assert_eq!(submitted.status(), 200);
    let read = app.get(&path, None).await;
    let tag = etag(&read);
    let rubric: Value = read.json().await.expect("JSON");
    assert_eq!(rubric["locked"], true);

    let with_tag = |method: reqwest::Method, url: String, body: Value, tag: String| {
        app.client
            .request(method, app.url(&url))
            .bearer_auth(&staff)
            .header("If-Match", tag)
            .json(&body)
            .send()
    };
    let refused = with_tag(reqwest::Method::PUT, path.clone(), three_criteria(), tag.clone())
        .await
        .expect("sent");
    assert_problem(refused, 409, "rubric_locked").await;

    let reopen = format!("{path}/reopen");
    let no_reason = with_tag(
        reqwest::Method::POST,
        reopen.clone(),
        json!({ "reason": " " }),
        tag.clone(),
    )
    .await
    .expect("sent");
    assert_problem(no_reason, 422, "validation_failed").await;
    assert_problem(
        app.post(&reopen, Some(&staff), json!({ "reason": "typo" })).await,
        428,
        "precondition_required",
    )
    .await;
    let reason = "معیار امکان‌پذیری مقیاس نادرستی داشت";
    let reopened = with_tag(reqwest::Method::POST, reopen.clone(), json!({ "reason": reason }), tag)
        .await
        .expect("sent");
    assert_eq!(reopened.status(), 200);
    let tag = etag(&reopened);
    let rubric: Value = reopened.json().await.expect("JSON");
    assert_eq!(rubric["locked"], false);

    // Reopening an open rubric is refused; editing it works.
    let again = with_tag(reqwest::Method::POST, reopen, json!({ "reason": "again" }), tag.clone())
        .await
        .expect("sent");
    assert_problem(again, 409, "rubric_not_locked").await;
    let edited = with_tag(reqwest::Method::PUT, path.clone(), three_criteria(), tag)
        .await
        .expect("sent");
    assert_eq!(edited.status(), 200);

    // The call's history holds the reopening with its reason.
    let events = app
        .json(
            app.get(&format!("/api/v1/calls/{}/events", jury.id), Some(&staff))
                .await,
        )
        .await;
    let reopening = events["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["kind"] == "rubric_reopened")
        .expect("a rubric_reopened event");
    assert_eq!(reopening["note"], reason);
}
