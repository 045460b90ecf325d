//! Assignments by hand and planned automatically: the constraints, the dry run and its figures, and the
//! idea's state following its reviewers.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use crate::fixtures::{id, idea_body, open_call_body};
use crate::helpers::{assert_problem, pointers, spawn_app};
use crate::jury_fixtures::{Member, review_body, three_criteria};

async fn event_kinds(app: &crate::helpers::TestApp, token: &str, idea: &str) -> Vec<String> {
    let events = app
        .json(app.get(&format!("/api/v1/ideas/{idea}/events"), Some(token)).await)
        .await;
    events["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind").to_owned())
        .collect()
}

#[tokio::test]
async fn staff_assign_and_unassign_and_the_idea_follows_with_its_history() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 1, true, 2).await;
    app.set_rubric(&staff, &jury.id, three_criteria()).await;
    let idea = &jury.ideas[0];
    let first = app
        .enrol_reviewer(&staff, "first@example.org", "university", &["cultural"])
        .await;
    let second = app
        .enrol_reviewer(&staff, "second@example.org", "foreign_ministry", &[])
        .await;

    let response = app.assign(&staff, &jury.id, idea, &first.id).await;
    assert_eq!(response.status(), 201);
    let assignment: Value = response.json().await.expect("JSON");
    assert_eq!(assignment["state"], "pending");
    assert_eq!(assignment["idea"]["id"], idea.as_str());
    assert_eq!(assignment["idea"]["state"], "in_review");
    assert_eq!(assignment["reviewer"]["organisation"], "university");
    assert!(
        assignment["dueOn"].as_str().is_some(),
        "due at the end of the review window"
    );
    assert_eq!(app.idea_state(&staff, idea).await, "in_review");
    assert_eq!(app.assign(&staff, &jury.id, idea, &second.id).await.status(), 201);

    // Staff see every step; the submitter only the state change.
    let kinds = event_kinds(&app, &staff, idea).await;
    assert!(
        kinds.ends_with(&["assigned".into(), "review_started".into(), "assigned".into()]),
        "{kinds:?}"
    );
    let submitter_kinds = event_kinds(&app, &jury.submitters[0], idea).await;
    assert!(submitter_kinds.contains(&"review_started".to_owned()));
    assert!(!submitter_kinds.contains(&"assigned".to_owned()), "{submitter_kinds:?}");

    let assignments_path = format!("/api/v1/calls/{}/assignments?ideaId={idea}", jury.id);
    let list = app.json(app.get(&assignments_path, Some(&staff)).await).await;
    assert_eq!(list["total"], 2);

    // The first submits; the second is taken off: the idea is reviewed.
    assert_eq!(
        app.submit_review(&first.token, idea, review_body(7, 3, 2))
            .await
            .status(),
        200
    );
    assert_eq!(app.idea_state(&staff, idea).await, "in_review");
    // Each assignment says whether staff may take it back: not once its review is submitted.
    let list = app.json(app.get(&assignments_path, Some(&staff)).await).await;
    let of_reviewer = |reviewer: &str| {
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|a| a["reviewer"]["id"] == reviewer)
            .expect("the reviewer's assignment")
    };
    let (first_listed, second_listed) = (of_reviewer(first.id.as_str()), of_reviewer(second.id.as_str()));
    assert_eq!(first_listed["allowedActions"], json!([]));
    assert_eq!(second_listed["allowedActions"], json!(["unassign"]));
    let first_assignment = first_listed["id"].as_str().expect("id").to_owned();
    let second_assignment = second_listed["id"].as_str().expect("id").to_owned();
    let response = app
        .delete(&format!("/api/v1/assignments/{second_assignment}"), Some(&staff))
        .await;
    assert_eq!(response.status(), 204);
    assert_eq!(app.idea_state(&staff, idea).await, "reviewed");
    let kinds = event_kinds(&app, &staff, idea).await;
    assert!(
        kinds.ends_with(&["unassigned".into(), "reviews_complete".into()]),
        "{kinds:?}"
    );
    crate::histories::assert_lawful_history(&app, &staff, idea).await;

    // A submitted review's assignment stays.
    let response = app
        .delete(&format!("/api/v1/assignments/{first_assignment}"), Some(&staff))
        .await;
    assert_problem(response, 409, "review_submitted").await;
    // The second reviewer no longer sees the idea.
    assert_problem(
        app.get(&format!("/api/v1/ideas/{idea}"), Some(&second.token)).await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn an_assignment_is_refused_for_a_conflict_a_full_load_a_duplicate_or_an_idea_not_with_the_jury() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 2, false, 2).await;
    let juror = app
        .enrol_reviewer(&staff, "juror@example.org", "university", &["cultural"])
        .await;

    // A submitter enrolled as a reviewer is in conflict with their own idea.
    let response = app
        .post(
            "/api/v1/reviewers",
            Some(&staff),
            json!({ "email": "submitter0@example.org", "displayName": "پیشنهاددهنده و داور",
                    "organisation": "municipality", "expertise": [], "maxLoad": 1 }),
        )
        .await;
    assert_eq!(response.status(), 201);
    let enrolled: Value = response.json().await.expect("JSON");
    assert_eq!(enrolled["passwordToken"], Value::Null);
    let submitter_juror = enrolled["reviewer"]["id"].as_str().expect("id").to_owned();
    assert_problem(
        app.assign(&staff, &jury.id, &jury.ideas[0], &submitter_juror).await,
        409,
        "conflict_of_interest",
    )
    .await;

    // maxLoad 1: a second idea is too many.
    assert_eq!(
        app.assign(&staff, &jury.id, &jury.ideas[1], &submitter_juror)
            .await
            .status(),
        201
    );
    assert_eq!(
        app.assign(&staff, &jury.id, &jury.ideas[0], &juror.id).await.status(),
        201
    );
    assert_problem(
        app.assign(&staff, &jury.id, &jury.ideas[0], &juror.id).await,
        409,
        "already_assigned",
    )
    .await;

    let other_citizen = app.citizen("late@example.org").await;
    let call_two = id(&app.create_open_call(&staff).await);
    let city = id(&app.create_city(&staff, "ونیز", "Venice", "IT").await);
    let submitted = id(&app
        .submitted_idea(&other_citizen, &call_two, &city, "ایده ثبت‌شده")
        .await);
    assert_problem(
        app.assign(&staff, &call_two, &submitted, &juror.id).await,
        409,
        "not_under_review",
    )
    .await;
    let problem = assert_problem(
        app.assign(&staff, &jury.id, &submitted, &juror.id).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/ideaId"]);
    let citizen_id = app.json(app.get("/api/v1/me", Some(&other_citizen)).await).await["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let problem = assert_problem(
        app.assign(&staff, &jury.id, &jury.ideas[1], &citizen_id).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(pointers(&problem), ["/reviewerId"]);

    // Only staff assign.
    assert_problem(
        app.assign(&juror.token, &jury.id, &jury.ideas[1], &juror.id).await,
        403,
        "forbidden",
    )
    .await;
    let list = format!("/api/v1/calls/{}/assignments", jury.id);
    assert_problem(app.get(&list, Some(&other_citizen)).await, 403, "forbidden").await;
    assert_problem(app.get(&list, None).await, 401, "not_signed_in").await;
}

/// A roster of `count` reviewers from `organisations` in turn, with expertise in turn.
async fn roster(app: &crate::helpers::TestApp, staff: &str, count: usize, organisations: &[&str]) -> Vec<Member> {
    let expertise = [["cultural"], ["economic"], ["scientific"]];
    let mut members = Vec::new();
    for n in 0..count {
        let organisation = organisations[n % organisations.len()];
        let email = format!("juror{n}@example.org");
        members.push(app.enrol_reviewer(staff, &email, organisation, &expertise[n % 3]).await);
    }
    members
}

fn loads(plan: &Value) -> BTreeMap<String, usize> {
    let mut loads = BTreeMap::new();
    for a in plan["assignments"].as_array().expect("assignments") {
        *loads
            .entry(a["reviewerId"].as_str().expect("id").to_owned())
            .or_insert(0) += 1;
    }
    loads
}

#[tokio::test]
async fn the_automatic_assignment_plans_a_dry_run_then_applies_the_same_plan_within_every_rule() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 9, true, 3).await;
    let members = roster(
        &app,
        &staff,
        6,
        &["foreign_ministry", "university", "chamber_of_commerce"],
    )
    .await;
    let path = format!("/api/v1/calls/{}/assignments/auto", jury.id);

    // Staff gave one idea a reviewer by hand: the plan keeps it.
    assert_eq!(
        app.assign(&staff, &jury.id, &jury.ideas[0], &members[0].id)
            .await
            .status(),
        201
    );

    let dry = app
        .json(app.post(&path, Some(&staff), json!({ "dryRun": true })).await)
        .await;
    assert_eq!(dry["applied"], false);
    assert_eq!(dry["figures"]["ideas"], 9);
    assert_eq!(dry["figures"]["newAssignments"], 9 * 3 - 1);
    assert_eq!(dry["figures"]["organisationDiversity"], 1.0);
    assert!(dry["figures"]["loadSpread"].as_u64().expect("spread") <= 1);
    // All nine ideas are cultural and two of the six reviewers know culture: the plan may report that expertise
    // could not match everywhere, but no other rule.
    let unmet: Vec<&str> = dry["unmet"]
        .as_array()
        .expect("unmet")
        .iter()
        .filter_map(|u| u["rule"].as_str())
        .collect();
    assert!(unmet.iter().all(|rule| *rule == "expertise"), "{unmet:?}");
    assert!(dry["figures"]["expertiseMatchRate"].as_f64().expect("rate") > 0.3);
    // Nothing saved, and the same input gives the same plan.
    let saved = app
        .json(
            app.get(&format!("/api/v1/calls/{}/assignments", jury.id), Some(&staff))
                .await,
        )
        .await;
    assert_eq!(saved["total"], 1);
    let again = app
        .json(app.post(&path, Some(&staff), json!({ "dryRun": true })).await)
        .await;
    assert_eq!(again, dry);

    let applied = app.json(app.post(&path, Some(&staff), json!({})).await).await;
    assert_eq!(applied["applied"], true);
    assert_eq!(applied["assignments"], dry["assignments"]);

    // Every idea has 3 reviewers from at least two organisations; loads within one; nobody on an idea twice.
    let all = app
        .json(
            app.get(
                &format!("/api/v1/calls/{}/assignments?limit=100", jury.id),
                Some(&staff),
            )
            .await,
        )
        .await;
    assert_eq!(all["total"], 27);
    let mut per_idea: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut load: BTreeMap<String, usize> = BTreeMap::new();
    for a in all["items"].as_array().expect("items") {
        let idea = a["idea"]["id"].as_str().expect("idea").to_owned();
        let reviewer = a["reviewer"]["id"].as_str().expect("reviewer").to_owned();
        let organisation = a["reviewer"]["organisation"].as_str().expect("organisation").to_owned();
        per_idea.entry(idea).or_default().push((reviewer.clone(), organisation));
        *load.entry(reviewer).or_insert(0) += 1;
    }
    for (idea, reviewers) in &per_idea {
        assert_eq!(reviewers.len(), 3, "{idea}");
        let distinct: BTreeSet<&String> = reviewers.iter().map(|(r, _)| r).collect();
        assert_eq!(distinct.len(), 3);
        let organisations: BTreeSet<&String> = reviewers.iter().map(|(_, o)| o).collect();
        assert!(organisations.len() >= 2, "{idea}: {organisations:?}");
    }
    let (min, max) = (load.values().min().copied(), load.values().max().copied());
    assert!(max.zip(min).is_some_and(|(max, min)| max - min <= 1), "{load:?}");
    for idea in &jury.ideas {
        assert_eq!(app.idea_state(&staff, idea).await, "in_review");
    }

    // Planning again adds nothing.
    let nothing = app
        .json(app.post(&path, Some(&staff), json!({ "dryRun": true })).await)
        .await;
    assert_eq!(nothing["figures"]["newAssignments"], 0);
    assert!(loads(&nothing).is_empty());
}

#[tokio::test]
async fn a_roster_from_one_organisation_or_too_small_is_reported_not_a_failure() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 4, true, 3).await;
    let members = roster(&app, &staff, 2, &["university"]).await;
    let path = format!("/api/v1/calls/{}/assignments/auto", jury.id);
    let response = app.post(&path, Some(&staff), json!({ "dryRun": true })).await;
    assert_eq!(response.status(), 200);
    let plan: Value = response.json().await.expect("JSON");
    let rules: Vec<&str> = plan["unmet"]
        .as_array()
        .expect("unmet")
        .iter()
        .filter_map(|u| u["rule"].as_str())
        .collect();
    assert!(rules.contains(&"reviewers_per_idea"), "{rules:?}");
    assert!(rules.contains(&"organisation_diversity"), "{rules:?}");
    let short = plan["unmet"]
        .as_array()
        .expect("unmet")
        .iter()
        .find(|u| u["rule"] == "reviewers_per_idea")
        .expect("short ideas");
    assert_eq!(short["ideaIds"].as_array().map(Vec::len), Some(4));
    assert!(short["message"].as_str().is_some_and(|m| !m.is_empty()));
    // Each of the two reviewers takes every idea: as much as the roster allows.
    assert_eq!(plan["figures"]["newAssignments"], 8);
    assert_eq!(loads(&plan).len(), members.len());

    // A reviewer who is not active is never planned.
    let juror = &members[1];
    {
        use db::entities::reviewer;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        let user_id: uuid::Uuid = juror.id.parse().expect("id");
        reviewer::Entity::update_many()
            .col_expr(reviewer::Column::Active, Expr::value(false))
            .filter(reviewer::Column::UserId.eq(user_id))
            .exec(&app.db().await)
            .await
            .expect("deactivated");
    }
    let plan = app
        .json(app.post(&path, Some(&staff), json!({ "dryRun": true })).await)
        .await;
    assert_eq!(plan["figures"]["newAssignments"], 4);
    assert!(!loads(&plan).contains_key(&juror.id));

    // Only staff plan.
    let citizen = app.citizen("curious@example.org").await;
    assert_problem(
        app.post(&path, Some(&citizen), json!({ "dryRun": true })).await,
        403,
        "forbidden",
    )
    .await;
}

/// A call in its review window with one shortlisted idea per domain listed, each by its own citizen.
async fn call_with_domains(
    app: &crate::helpers::TestApp,
    staff: &str,
    domains: &[&str],
    reviewers_per_idea: i32,
) -> (String, Vec<String>) {
    let mut body = open_call_body();
    body["reviewersPerIdea"] = json!(reviewers_per_idea);
    body["ideasPerCitizen"] = json!(1);
    let call = id(&app.create_call(staff, body).await);
    let city = id(&app.create_city(staff, "فلورانس", "Florence", "IT").await);
    let mut ideas = Vec::new();
    for (n, domain) in domains.iter().enumerate() {
        let citizen = app.citizen(&format!("submitter{n}@example.org")).await;
        let mut idea = idea_body(&call, &city, &format!("ایده شماره {n}"));
        idea["domain"] = json!(domain);
        let idea = id(&app.create_idea(&citizen, idea).await);
        let submitted = app
            .post_empty(&format!("/api/v1/ideas/{idea}/submit"), Some(&citizen))
            .await;
        assert_eq!(submitted.status(), 200, "submitting");
        let screened = app.screen(staff, &idea, json!({ "decision": "shortlist" })).await;
        assert_eq!(screened.status(), 200, "shortlisting");
        ideas.push(idea);
    }
    app.move_review_window(&call, -1, 30).await;
    (call, ideas)
}

#[tokio::test]
async fn a_roster_with_one_field_per_reviewer_is_planned_as_one_connected_jury() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    // Four cultural and four economic ideas; four experts of each field alone, of two organisations. Expertise
    // alone would give two juries that share nobody, whose scores the ranking could not compare.
    let domains = [
        "cultural", "cultural", "cultural", "cultural", "economic", "economic", "economic", "economic",
    ];
    let (call, ideas) = call_with_domains(&app, &staff, &domains, 3).await;
    let mut field_of = BTreeMap::new();
    for (n, field) in domains.iter().enumerate() {
        let organisation = ["university", "municipality"][n % 2];
        let member = app
            .enrol_reviewer(&staff, &format!("juror{n}@example.org"), organisation, &[*field])
            .await;
        field_of.insert(member.id, *field);
    }
    let path = format!("/api/v1/calls/{call}/assignments/auto");

    let dry = app
        .json(app.post(&path, Some(&staff), json!({ "dryRun": true })).await)
        .await;
    assert_eq!(dry["figures"]["newAssignments"], 24);
    assert_eq!(dry["figures"]["groups"], 1, "{dry}");
    let rules: Vec<&str> = dry["unmet"]
        .as_array()
        .expect("unmet")
        .iter()
        .filter_map(|u| u["rule"].as_str())
        .collect();
    assert!(rules.iter().all(|rule| *rule == "expertise"), "{rules:?}");
    // The link costs a little expertise: one exchange of reviewers between a cultural and an economic idea.
    let rate = dry["figures"]["expertiseMatchRate"].as_f64().expect("rate");
    assert!((0.75..1.0).contains(&rate), "{rate}");
    assert_eq!(dry["figures"]["organisationDiversity"], 1.0);
    assert!(dry["figures"]["loadSpread"].as_u64().expect("spread") <= 1);
    let crossing = dry["assignments"]
        .as_array()
        .expect("assignments")
        .iter()
        .filter(|a| {
            let idea = ideas
                .iter()
                .position(|i| a["ideaId"] == i.as_str())
                .expect("a call's idea");
            field_of[a["reviewerId"].as_str().expect("reviewer")] != domains[idea]
        })
        .count();
    assert_eq!(
        crossing, 2,
        "one exchange: a reviewer of each field on an idea of the other"
    );

    // Applied, the saved assignments make one group too, with the juror pairs the plan announced.
    let applied = app.json(app.post(&path, Some(&staff), json!({})).await).await;
    assert_eq!(applied["assignments"], dry["assignments"]);
    let saved = app
        .json(
            app.get(&format!("/api/v1/calls/{call}/assignments?limit=100"), Some(&staff))
                .await,
        )
        .await;
    assert_eq!(saved["total"], 24);
    let pairs = saved["items"].as_array().expect("items").iter().map(|a| {
        let uuid = |v: &Value| v.as_str().and_then(|s| s.parse::<uuid::Uuid>().ok()).expect("a uuid");
        (uuid(&a["idea"]["id"]), uuid(&a["reviewer"]["id"]))
    });
    let graph = domain::jury_graph::jury_graph(pairs);
    assert_eq!(graph.groups, 1);
    assert_eq!(dry["figures"]["jurorPairs"], graph.juror_pairs);
}
