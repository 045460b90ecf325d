//! The ranking: figures against hand-computed values, the disagreement flag, reviews to rescore, sorting and
//! paging over the whole call, permissions, and the CSV and XLSX exports.
//!
//! Reviews are put in place through the db crate (`submitted_review`), not the review endpoints, so that the
//! ranking is tested on exactly the reviews it is given.

use chrono::Utc;
use domain::idea::IdeaState;
use domain::review::AssignmentState;
use domain::reviewer::Organisation;
use domain::rubric::Criterion;
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::{TestApp, assert_problem, spawn_app, token};

/// A two-criterion rubric on 0–100 with equal weights, inserted in the database: a review's total is the
/// mean of its two scores.
pub async fn jury_rubric(app: &TestApp, call: &str) {
    let criterion = |key: &str, fa: &str| Criterion {
        key: key.to_owned(),
        label_fa: fa.to_owned(),
        label_en: Some(key.to_owned()),
        guidance_fa: None,
        guidance_en: None,
        weight: 1.0,
        scale_min: 0,
        scale_max: 100,
    };
    let criteria = [
        criterion("impact", "اثر بین‌المللی"),
        criterion("feasibility", "امکان‌پذیری"),
    ];
    db::rubrics::insert(&app.db().await, uuid(call), &criteria, None, Utc::now())
        .await
        .expect("rubric inserted");
}

/// A reviewer's account (role reviewer, on the roster with `organisation`): its id and token.
pub async fn juror(app: &TestApp, email: &str, organisation: Organisation) -> (Uuid, String) {
    let registered = app.signed_in_with_roles(email, "reviewer").await;
    let id = uuid(registered["user"]["id"].as_str().expect("user id"));
    let fields = db::reviewers::ReviewerFields {
        organisation,
        expertise: vec![],
        max_load: 20,
        active: true,
    };
    db::reviewers::insert(&app.db().await, id, fields, Utc::now())
        .await
        .expect("reviewer inserted");
    (id, token(&registered))
}

/// Puts a submitted review in place, as a reviewer submitting it would: the assignment, the review with
/// `scores` (key, score) and the comment to the submitter, the assignment submitted, and the idea reviewed.
pub async fn submitted_review(
    app: &TestApp,
    call: &str,
    idea: &str,
    reviewer: Uuid,
    scores: &[(&str, i32)],
    comment: Option<&str>,
) {
    let db = app.db().await;
    let now = Utc::now();
    let assignment = pending_assignment(app, call, idea, reviewer).await;
    let content = db::reviews::ReviewContent {
        scores: scores.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect(),
        comment_to_staff: Some("برای کارکنان".to_owned()),
        comment_to_submitter: comment.map(str::to_owned),
        recommendation: None,
    };
    db::reviews::save(&db, &assignment, content, true, now)
        .await
        .expect("review saved")
        .expect("review submitted");
    assert!(
        db::assignments::set_state(
            &db,
            assignment.id,
            &[AssignmentState::Pending],
            AssignmentState::Submitted,
            now
        )
        .await
        .expect("assignment submitted")
    );
    // Reviewed from shortlisted or in review; an idea reviewed already stays so.
    let idea = db::ideas::find_by_id(&db, uuid(idea))
        .await
        .expect("read")
        .expect("the idea");
    db::ideas::transition(
        &db,
        &idea,
        &[IdeaState::Shortlisted, IdeaState::InReview],
        IdeaState::Reviewed,
        now,
    )
    .await
    .expect("idea reviewed");
}

/// A pending assignment, inserted in the database.
pub async fn pending_assignment(app: &TestApp, call: &str, idea: &str, reviewer: Uuid) -> db::assignments::Model {
    let new = db::assignments::NewAssignment {
        call_id: uuid(call),
        idea_id: uuid(idea),
        reviewer_id: reviewer,
        due_on: None,
        assigned_by: None,
    };
    db::assignments::insert(&app.db().await, new, Utc::now())
        .await
        .expect("assignment inserted")
}

pub fn uuid(id: &str) -> Uuid {
    id.parse().expect("a uuid")
}

/// Scores whose total is `total`: impact 5 above it, feasibility 5 below.
fn around(total: i32) -> [(&'static str, i32); 2] {
    [("impact", total + 5), ("feasibility", total - 5)]
}

/// The call of the domain's worked example (`a_strict_jury_no_longer_sinks_an_idea_once_calibrated`), with a
/// fifth idea nobody has reviewed yet (one pending assignment) and a review that no longer fits the rubric.
/// True qualities A 80, B 65, C 62, D 50; jurors lenient by 8, neutral, strict by 8:
///   lenient: A 88, C 70, D 58
///   neutral: A 80, B 65, D 50
///   strict:  B 57, C 54, D 42
struct Worked {
    staff: String,
    call: String,
    ideas: Vec<String>,
    reviewer: String,
}

async fn worked_example(app: &TestApp) -> Worked {
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 5, false, 3).await;
    jury_rubric(app, &jury.id).await;
    let (lenient, reviewer) = juror(app, "lenient@example.org", Organisation::University).await;
    let (neutral, _) = juror(app, "neutral@example.org", Organisation::ForeignMinistry).await;
    let (strict, _) = juror(app, "strict@example.org", Organisation::ChamberOfCommerce).await;
    let (late, _) = juror(app, "late@example.org", Organisation::Municipality).await;
    let [a, b, c, d, e] = [0, 1, 2, 3, 4].map(|i| jury.ideas[i].clone());
    for (reviewer, idea, total) in [
        (lenient, &a, 88),
        (lenient, &c, 70),
        (lenient, &d, 58),
        (neutral, &a, 80),
        (neutral, &b, 65),
        (neutral, &d, 50),
        (strict, &b, 57),
        (strict, &c, 54),
        (strict, &d, 42),
    ] {
        submitted_review(app, &jury.id, idea, reviewer, &around(total), Some("نظر")).await;
    }
    // Scored before the rubric changed: no feasibility score, so no total under the rubric now.
    submitted_review(app, &jury.id, &a, late, &[("impact", 10)], None).await;
    pending_assignment(app, &jury.id, &e, lenient).await;
    Worked {
        staff,
        call: jury.id,
        ideas: jury.ideas,
        reviewer,
    }
}

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

fn item<'a>(ranking: &'a Value, idea: &str) -> &'a Value {
    ranking["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|item| item["ideaId"] == idea)
        .expect("the idea is ranked")
}

fn order(ranking: &Value) -> Vec<String> {
    ranking["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["ideaId"].as_str().expect("ideaId").to_owned())
        .collect()
}

async fn ranking(app: &TestApp, token: &str, call: &str, query: &str) -> Value {
    let response = app
        .get(&format!("/api/v1/calls/{call}/ranking{query}"), Some(token))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("JSON")
}

#[tokio::test]
async fn the_ranking_calibrates_a_strict_jury_away() {
    let app = spawn_app().await;
    let w = worked_example(&app).await;
    let [a, b, c, d, e] = [0, 1, 2, 3, 4].map(|i| w.ideas[i].clone());
    let body = ranking(&app, &w.staff, &w.call, "").await;

    assert_eq!(body["total"], 5);
    assert_eq!(body["limit"], 20);
    assert_eq!(body["offset"], 0);
    // By calibrated rank: B, scored by the strict juror, overtakes C, scored by the lenient one; E has no score.
    assert_eq!(
        order(&body),
        [a.as_str(), b.as_str(), c.as_str(), d.as_str(), e.as_str()]
    );

    // Offsets ±8/3 (the domain's worked example, λ = 5): A = (88 − 8/3 + 80)/2, B = (65 + 57 + 8/3)/2.
    let spread_d = (128.0_f64 / 3.0).sqrt();
    for (idea, raw, raw_rank, calibrated, calibrated_rank, spread, count) in [
        (&a, 84.0, 1, 248.0 / 3.0, 1, 4.0, 2),
        (&b, 61.0, 3, 187.0 / 3.0, 2, 4.0, 2),
        (&c, 62.0, 2, 62.0, 3, 8.0, 2),
        (&d, 50.0, 4, 50.0, 4, spread_d, 3),
    ] {
        let item = item(&body, idea);
        assert!(close(&item["rawScore"], raw), "{item}");
        assert_eq!(item["rawRank"], raw_rank, "{item}");
        assert!(close(&item["calibratedScore"], calibrated), "{item}");
        assert_eq!(item["calibratedRank"], calibrated_rank, "{item}");
        assert!(close(&item["spread"], spread), "{item}");
        assert_eq!(item["reviewCount"], count, "{item}");
        assert_eq!(item["disagreement"], false, "{item}");
        // One place of difference among four ideas is below the three places that flag a shift.
        assert_eq!(item["rankShift"], false, "{item}");
        assert_eq!(item["state"], "reviewed");
        assert_eq!(item["decision"], Value::Null);
        // Each criterion on its own scale: impact was scored 5 above the total, feasibility 5 below.
        assert_eq!(item["criterionMeans"][0]["key"], "impact");
        assert!(close(&item["criterionMeans"][0]["mean"], raw + 5.0), "{item}");
        assert_eq!(item["criterionMeans"][1]["key"], "feasibility");
        assert!(close(&item["criterionMeans"][1]["mean"], raw - 5.0), "{item}");
    }
    let unscored = item(&body, &e);
    for field in ["rawScore", "rawRank", "calibratedScore", "calibratedRank", "spread"] {
        assert_eq!(unscored[field], Value::Null, "{field}");
    }
    assert_eq!(unscored["reviewCount"], 0);
    assert_eq!(unscored["disagreement"], false);
    assert_eq!(unscored["rankShift"], false);
    assert_eq!(unscored["state"], "shortlisted");
    assert_eq!(unscored["criterionMeans"][0]["mean"], Value::Null);

    // Reviewers: raw means and spreads, offsets ±8/3 and 0, each with the same standard error: σ̂² = RSS/df =
    // (1280/9)/3 and (A⁻¹)_jj = 7/45, so √(1792/243).
    let reviewers = body["reviewers"].as_array().expect("reviewers");
    assert_eq!(reviewers.len(), 3, "the late reviewer's review does not count");
    let mut figures: Vec<(f64, f64, f64, &str)> = reviewers
        .iter()
        .map(|r| {
            assert_eq!(r["reviewCount"], 3);
            assert!(close(&r["offsetUncertainty"], (1792.0_f64 / 243.0).sqrt()), "{r}");
            assert!(!r["displayName"].as_str().expect("name").is_empty());
            (
                r["mean"].as_f64().expect("mean"),
                r["spread"].as_f64().expect("spread"),
                r["offset"].as_f64().expect("offset"),
                r["organisation"].as_str().expect("organisation"),
            )
        })
        .collect();
    figures.sort_by(|x, y| x.0.total_cmp(&y.0));
    let expected = [
        (51.0, 42.0_f64.sqrt(), -8.0 / 3.0, "chamber_of_commerce"),
        (65.0, 150.0_f64.sqrt(), 0.0, "foreign_ministry"),
        (72.0, 152.0_f64.sqrt(), 8.0 / 3.0, "university"),
    ];
    for (actual, expected) in figures.iter().zip(expected) {
        assert!((actual.0 - expected.0).abs() < 1e-9, "{actual:?} vs {expected:?}");
        assert!((actual.1 - expected.1).abs() < 1e-9, "{actual:?} vs {expected:?}");
        assert!((actual.2 - expected.2).abs() < 1e-9, "{actual:?} vs {expected:?}");
        assert_eq!(actual.3, expected.3);
    }

    // Agreement over the totals, worked by hand (exact fractions): alpha = 603/859; over the calibrated totals
    // 5387/6411. Each criterion is the totals shifted by ±5, so it agrees exactly as much as the totals.
    let agreement = &body["agreement"];
    assert!(close(&agreement["alpha"], 603.0 / 859.0), "{agreement}");
    assert!(close(&agreement["calibratedAlpha"], 5387.0 / 6411.0), "{agreement}");
    // Raw against calibrated order: of 6 pairs, only B/C is discordant: (5 − 1)/6.
    assert!(close(&agreement["rankCorrelation"], 2.0 / 3.0), "{agreement}");
    assert_eq!(agreement["units"], 4);
    assert_eq!(agreement["pairableValues"], 9);
    for criterion in agreement["byCriterion"].as_array().expect("byCriterion") {
        assert!(close(&criterion["alpha"], 603.0 / 859.0), "{criterion}");
    }
    // Every pair of jurors shares an idea: one group, no warning.
    assert_eq!(
        body["graph"],
        serde_json::json!({ "groups": 1, "split": false, "jurorPairs": 3 })
    );

    // Eleven assignments: ten submitted (one of which no longer fits the rubric) and one pending.
    assert_eq!(
        body["progress"],
        serde_json::json!({ "ideas": 5, "assignments": 11, "submitted": 10, "pending": 1, "reviewsToRescore": 1 })
    );
    assert_eq!(body["criteria"][0]["key"], "impact");
    assert_eq!(body["criteria"][0]["label"]["fa"], "اثر بین‌المللی");
    assert_eq!(body["criteria"][1]["scaleMax"], 100);
    assert_eq!(body["criteria"][1]["weight"], 1.0);
    assert_eq!(body["rules"]["offsetShrinkage"], 5.0);
    assert_eq!(body["rules"]["rankShiftPlaces"], 3);
    assert_eq!(body["rules"]["disagreementSpread"], 15.0);
}

#[tokio::test]
async fn the_ranking_warns_when_the_jury_is_split_into_groups_that_never_met() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 4, false, 2).await;
    jury_rubric(&app, &jury.id).await;
    let mut jurors = Vec::new();
    for (email, organisation) in [
        ("one@example.org", Organisation::University),
        ("two@example.org", Organisation::ForeignMinistry),
        ("three@example.org", Organisation::ChamberOfCommerce),
        ("four@example.org", Organisation::Municipality),
    ] {
        jurors.push(juror(&app, email, organisation).await.0);
    }
    // Jurors one and two share ideas 1 and 2; three and four share ideas 3 and 4, scored 30 points lower: nothing
    // tells whether those ideas are weaker or their jurors stricter.
    for (juror, idea, total) in [
        (0, 0, 80),
        (1, 0, 70),
        (0, 1, 60),
        (1, 1, 50),
        (2, 2, 50),
        (3, 2, 40),
        (2, 3, 30),
        (3, 3, 20),
    ] {
        submitted_review(&app, &jury.id, &jury.ideas[idea], jurors[juror], &around(total), None).await;
    }
    let body = ranking(&app, &staff, &jury.id, "").await;
    assert_eq!(
        body["graph"],
        serde_json::json!({ "groups": 2, "split": true, "jurorPairs": 2 })
    );
    // Each group is calibrated within itself: in each, the first juror scored 10 above the second on both ideas,
    // c = ±10 and (2 + λ)·b = 10 with λ = 5, so offsets ±10/7 in both groups alike.
    let mut offsets: Vec<f64> = body["reviewers"]
        .as_array()
        .expect("reviewers")
        .iter()
        .map(|r| r["offset"].as_f64().expect("offset"))
        .collect();
    offsets.sort_by(f64::total_cmp);
    for (actual, expected) in offsets.iter().zip([-10.0 / 7.0, -10.0 / 7.0, 10.0 / 7.0, 10.0 / 7.0]) {
        assert!((actual - expected).abs() < 1e-9, "{offsets:?}");
    }

    // One more review links the groups: juror one scores idea 3 too.
    submitted_review(&app, &jury.id, &jury.ideas[2], jurors[0], &around(60), None).await;
    let body = ranking(&app, &staff, &jury.id, "").await;
    assert_eq!(
        body["graph"],
        serde_json::json!({ "groups": 1, "split": false, "jurorPairs": 4 })
    );
}

#[tokio::test]
async fn the_ranking_sorts_and_pages_over_the_whole_call() {
    let app = spawn_app().await;
    let w = worked_example(&app).await;
    let [a, b, c, d, e] = [0, 1, 2, 3, 4].map(|i| w.ideas[i].clone());
    let ranked = async |query: &str| order(&ranking(&app, &w.staff, &w.call, query).await);
    assert_eq!(
        ranked("?sort=raw").await,
        [a.as_str(), c.as_str(), b.as_str(), d.as_str(), e.as_str()]
    );
    assert_eq!(
        ranked("?sort=-raw").await,
        [d.as_str(), b.as_str(), c.as_str(), a.as_str(), e.as_str()]
    );
    assert_eq!(
        ranked("?sort=-calibrated").await,
        [d.as_str(), c.as_str(), b.as_str(), a.as_str(), e.as_str()]
    );
    // A and B share a spread of 4: the better calibrated rank first.
    assert_eq!(
        ranked("?sort=-spread").await,
        [c.as_str(), d.as_str(), a.as_str(), b.as_str(), e.as_str()]
    );
    assert_eq!(
        ranked("?sort=spread").await,
        [a.as_str(), b.as_str(), d.as_str(), c.as_str(), e.as_str()]
    );
    // Titles are "ایده شماره 0" … "ایده شماره 4".
    assert_eq!(
        ranked("?sort=title").await,
        [a.as_str(), b.as_str(), c.as_str(), d.as_str(), e.as_str()]
    );
    assert_eq!(
        ranked("?sort=-title").await,
        [e.as_str(), d.as_str(), c.as_str(), b.as_str(), a.as_str()]
    );

    // Paging comes after ranking: ranks stay those of the whole call.
    let page = ranking(&app, &w.staff, &w.call, "?sort=raw&limit=2&offset=1").await;
    assert_eq!(order(&page), [c.as_str(), b.as_str()]);
    assert_eq!(page["total"], 5);
    assert_eq!(page["limit"], 2);
    assert_eq!(page["offset"], 1);
    assert_eq!(page["items"][0]["rawRank"], 2);
    assert_eq!(page["items"][0]["calibratedRank"], 3);

    let response = app
        .get(&format!("/api/v1/calls/{}/ranking?sort=best", w.call), Some(&w.staff))
        .await;
    assert_problem(response, 422, "validation_failed").await;
    let response = app
        .get(&format!("/api/v1/calls/{}/ranking?limit=101", w.call), Some(&w.staff))
        .await;
    assert_problem(response, 422, "validation_failed").await;
}

#[tokio::test]
async fn only_staff_read_the_ranking_and_it_needs_a_rubric() {
    let app = spawn_app().await;
    let w = worked_example(&app).await;
    let citizen = app.citizen("someone@example.org").await;
    for path in [
        format!("/api/v1/calls/{}/ranking", w.call),
        format!("/api/v1/calls/{}/ranking/export?format=csv", w.call),
    ] {
        assert_problem(app.get(&path, Some(&w.reviewer)).await, 403, "forbidden").await;
        assert_problem(app.get(&path, Some(&citizen)).await, 403, "forbidden").await;
        assert_problem(app.get(&path, None).await, 401, "not_signed_in").await;
    }
    let unknown = Uuid::now_v7();
    let response = app
        .get(&format!("/api/v1/calls/{unknown}/ranking"), Some(&w.staff))
        .await;
    assert_problem(response, 404, "not_found").await;

    let bare = crate::fixtures::id(&app.create_open_call(&w.staff).await);
    for path in [
        format!("/api/v1/calls/{bare}/ranking"),
        format!("/api/v1/calls/{bare}/ranking/export"),
    ] {
        let problem = assert_problem(app.get(&path, Some(&w.staff)).await, 409, "rubric_missing").await;
        assert!(problem["detail"].as_str().is_some_and(|d| d.contains("rubric")));
    }
}

#[tokio::test]
async fn a_ranking_without_reviews_lists_its_ideas_unranked() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 2, true, 2).await;
    jury_rubric(&app, &jury.id).await;
    let body = ranking(&app, &staff, &jury.id, "").await;
    assert_eq!(body["total"], 2);
    assert!(
        body["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i["rawRank"].is_null())
    );
    assert_eq!(body["agreement"]["alpha"], Value::Null);
    assert_eq!(body["agreement"]["units"], 0);
    assert_eq!(body["reviewers"], serde_json::json!([]));
    assert_eq!(body["progress"]["assignments"], 0);
}

/// A minimal CSV reader: quoted fields with doubled quotes, commas and newlines inside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, _) => field.push(ch),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, _) => field.push(ch),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

#[tokio::test]
async fn the_whole_ranking_exports_as_csv_and_xlsx() {
    let app = spawn_app().await;
    let w = worked_example(&app).await;
    let [a, b, c, d, e] = [0, 1, 2, 3, 4].map(|i| w.ideas[i].clone());

    let response = app
        .get(
            &format!("/api/v1/calls/{}/ranking/export?format=csv", w.call),
            Some(&w.staff),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(header(&response, "content-type").starts_with("text/csv"));
    let disposition = header(&response, "content-disposition").to_owned();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(
        disposition.contains(&format!("ranking-{}.csv", w.call)),
        "{disposition}"
    );
    let bytes = response.bytes().await.expect("body");
    assert!(
        bytes.starts_with("\u{FEFF}".as_bytes()),
        "a byte-order mark for spreadsheet programs"
    );
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    let rows = parse_csv(text);
    assert_eq!(rows.len(), 1 + 5, "a header and one row per idea, no paging");
    assert_eq!(
        rows[0],
        [
            "calibrated_rank",
            "raw_rank",
            "idea_id",
            "title",
            "state",
            "decision",
            "raw_score",
            "calibrated_score",
            "spread",
            "reviews",
            "disagreement",
            "rank_shift",
            "impact (اثر بین‌المللی)",
            "feasibility (امکان‌پذیری)",
        ]
    );
    assert!(rows.iter().all(|row| row.len() == 14));
    let ids: Vec<&str> = rows[1..].iter().map(|row| row[2].as_str()).collect();
    assert_eq!(ids, [a.as_str(), b.as_str(), c.as_str(), d.as_str(), e.as_str()]);
    // B: calibrated 2nd, raw 3rd, scores 61 and 187/3 ≈ 62.33 on the same scale, spread 4; means 66 and 56.
    assert_eq!(
        rows[2],
        [
            "2",
            "3",
            &b,
            "ایده شماره 1",
            "reviewed",
            "",
            "61.00",
            "62.33",
            "4.00",
            "2",
            "no",
            "no",
            "66.00",
            "56.00"
        ]
    );
    assert_eq!(rows[1][7], "82.67");
    assert_eq!(rows[3][8], "8.00");
    // E: unscored, blanks.
    assert_eq!(rows[5][0], "");
    assert_eq!(rows[5][6], "");
    assert_eq!(rows[5][9], "0");

    let response = app
        .get(
            &format!("/api/v1/calls/{}/ranking/export?format=csv&sort=raw", w.call),
            Some(&w.staff),
        )
        .await;
    let text = response.text().await.expect("text");
    let rows = parse_csv(text.trim_start_matches('\u{FEFF}'));
    let ids: Vec<&str> = rows[1..].iter().map(|row| row[2].as_str()).collect();
    assert_eq!(ids, [a.as_str(), c.as_str(), b.as_str(), d.as_str(), e.as_str()]);

    let response = app
        .get(
            &format!("/api/v1/calls/{}/ranking/export?format=xlsx", w.call),
            Some(&w.staff),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        header(&response, "content-type"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(header(&response, "content-disposition").contains(&format!("ranking-{}.xlsx", w.call)));
    let bytes = response.bytes().await.expect("body");
    assert!(bytes.starts_with(b"PK"), "an XLSX file is a zip archive");

    let response = app
        .get(
            &format!("/api/v1/calls/{}/ranking/export?format=pdf", w.call),
            Some(&w.staff),
        )
        .await;
    assert_problem(response, 422, "validation_failed").await;
}
