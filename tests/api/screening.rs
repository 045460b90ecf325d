//! Screening by staff: shortlisting and rejecting submitted ideas one at a time or in bulk (all or
//! nothing), reopening a screening, two staff racing on one idea, and near-duplicate detection.

use serde_json::{Value, json};

use crate::fixtures::*;
use crate::helpers::*;

/// Staff, a city and an open call in which a citizen may propose many ideas.
struct Setup {
    staff: String,
    citizen: String,
    call: String,
    city: String,
}

async fn setup(app: &TestApp) -> Setup {
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let mut body = open_call_body();
    body["ideasPerCitizen"] = json!(50);
    let call = id(&app.create_call(&staff, body).await);
    let citizen = app.citizen("citizen@example.org").await;
    Setup {
        staff,
        citizen,
        call,
        city,
    }
}

impl Setup {
    /// A submitted idea of the citizen: its id.
    async fn submitted(&self, app: &TestApp, title: &str) -> String {
        id(&app.submitted_idea(&self.citizen, &self.call, &self.city, title).await)
    }

    /// A draft of the citizen: its id.
    async fn draft(&self, app: &TestApp, title: &str) -> String {
        id(&app
            .create_idea(&self.citizen, idea_body(&self.call, &self.city, title))
            .await)
    }
}

async fn idea(app: &TestApp, token: &str, idea: &str) -> Value {
    app.json(app.get(&format!("/api/v1/ideas/{idea}"), Some(token)).await)
        .await
}

async fn state_of(app: &TestApp, staff: &str, id: &str) -> String {
    idea(app, staff, id).await["state"].as_str().expect("state").to_owned()
}

async fn events(app: &TestApp, token: &str, idea: &str) -> Vec<Value> {
    let list = app
        .json(app.get(&format!("/api/v1/ideas/{idea}/events"), Some(token)).await)
        .await;
    list["items"].as_array().expect("items").clone()
}

fn kinds(events: &[Value]) -> Vec<&str> {
    events.iter().filter_map(|e| e["kind"].as_str()).collect()
}

#[tokio::test]
async fn staff_shortlist_or_reject_a_submitted_idea_and_its_history_records_why() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let kept = s.submitted(&app, "تبادل دانشجویی اصفهان و فلورانس").await;
    let dropped = s.submitted(&app, "هفته فرهنگی اصفهان در فلورانس").await;
    let before = idea(&app, &s.staff, &kept).await["version"].as_i64().expect("version");

    let response = app.screen(&s.staff, &kept, json!({ "decision": "shortlist" })).await;
    assert_eq!(response.status(), 200);
    let etag = response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("ETag")
        .to_owned();
    let shortlisted: Value = response.json().await.expect("JSON");
    assert_eq!(shortlisted["state"], "shortlisted");
    assert_eq!(shortlisted["version"], before + 1);
    assert_eq!(etag, format!("\"{}\"", before + 1));
    assert_eq!(state_of(&app, &s.staff, &kept).await, "shortlisted");

    let history = events(&app, &s.staff, &kept).await;
    assert_eq!(kinds(&history), ["created", "submitted", "shortlisted"]);
    let screening = &history[2];
    assert_eq!(screening["from"], "submitted");
    assert_eq!(screening["to"], "shortlisted");
    assert!(
        screening["actor"]["id"].is_string(),
        "staff see who screened: {screening}"
    );

    let response = app
        .screen(
            &s.staff,
            &dropped,
            json!({ "decision": "reject", "reason": "duplicate", "note": "همان ایده‌ی شماره ۱۲" }),
        )
        .await;
    let rejected = app.json(response).await;
    assert_eq!(rejected["state"], "rejected");
    assert_eq!(state_of(&app, &s.staff, &dropped).await, "rejected");

    let history = events(&app, &s.staff, &dropped).await;
    let rejection = history.last().expect("an event");
    assert_eq!(rejection["kind"], "rejected");
    assert_eq!(rejection["from"], "submitted");
    assert_eq!(rejection["to"], "rejected");
    assert_eq!(rejection["reason"], "duplicate");
    assert_eq!(rejection["note"], "همان ایده‌ی شماره ۱۲");

    // The submitter sees the reason, never the staff note nor who acted.
    let theirs = events(&app, &s.citizen, &dropped).await;
    let rejection = theirs.last().expect("an event");
    assert_eq!(rejection["kind"], "rejected");
    assert_eq!(rejection["reason"], "duplicate");
    assert!(
        rejection.get("note").is_none(),
        "no note for the submitter: {rejection}"
    );
    assert!(
        rejection.get("actor").is_none(),
        "no actor for the submitter: {rejection}"
    );
}

#[tokio::test]
async fn a_screening_needs_a_valid_reason_and_changes_nothing_when_refused() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let idea = s.submitted(&app, "نمایشگاه فرش در فلورانس").await;

    let response = app.screen(&s.staff, &idea, json!({ "decision": "reject" })).await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/reason"]);
    assert_eq!(problem["errors"][0]["code"], "required");

    for body in [
        json!({ "decision": "reject", "reason": "other" }),
        json!({ "decision": "reject", "reason": "other", "note": "   " }),
        json!({ "decision": "shortlist", "reason": "other" }),
    ] {
        let problem = assert_problem(
            app.screen(&s.staff, &idea, body.clone()).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(pointers(&problem), ["/note"], "for {body}");
    }

    for (body, pointer) in [
        (json!({ "decision": "reject", "reason": "too_boring" }), "/reason"),
        (json!({ "decision": "approve" }), "/decision"),
        (json!({ "reason": "duplicate" }), "/decision"),
        (json!({ "decision": "shortlist", "score": 9 }), "/score"),
    ] {
        let problem = assert_problem(
            app.screen(&s.staff, &idea, body.clone()).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(pointers(&problem), [pointer], "for {body}");
    }

    assert_eq!(state_of(&app, &s.staff, &idea).await, "submitted");
    assert_eq!(kinds(&events(&app, &s.staff, &idea).await), ["created", "submitted"]);

    // `other` with a note is accepted.
    let response = app
        .screen(
            &s.staff,
            &idea,
            json!({ "decision": "reject", "reason": "other", "note": "بودجه‌ی امسال تمام شده" }),
        )
        .await;
    assert_eq!(app.json(response).await["state"], "rejected");
}

#[tokio::test]
async fn only_a_submitted_idea_can_be_screened() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let draft = s.draft(&app, "پیش‌نویس همکاری با فلورانس").await;
    let withdrawn = s.submitted(&app, "ایده‌ی پس‌گرفته‌شده").await;
    let response = app
        .post_empty(&format!("/api/v1/ideas/{withdrawn}/withdraw"), Some(&s.citizen))
        .await;
    assert_eq!(response.status(), 200);
    let shortlisted = s.submitted(&app, "ایده‌ی برگزیده‌ی نخست").await;
    app.json(
        app.screen(&s.staff, &shortlisted, json!({ "decision": "shortlist" }))
            .await,
    )
    .await;
    let rejected = s.submitted(&app, "ایده‌ی ردشده‌ی نخست").await;
    let reject = json!({ "decision": "reject", "reason": "out_of_scope" });
    app.json(app.screen(&s.staff, &rejected, reject.clone()).await).await;

    for (idea, state) in [
        (&draft, "draft"),
        (&withdrawn, "withdrawn"),
        (&shortlisted, "shortlisted"),
        (&rejected, "rejected"),
    ] {
        let before = events(&app, &s.staff, idea).await.len();
        for body in [json!({ "decision": "shortlist" }), reject.clone()] {
            assert_problem(app.screen(&s.staff, idea, body).await, 409, "invalid_transition").await;
        }
        assert_eq!(state_of(&app, &s.staff, idea).await, state);
        assert_eq!(
            events(&app, &s.staff, idea).await.len(),
            before,
            "no event for a {state} idea"
        );
    }
}

#[tokio::test]
async fn only_staff_screen_and_an_unknown_idea_is_404() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let idea = s.submitted(&app, "همکاری موزه‌های دو شهر").await;
    let shortlist = json!({ "decision": "shortlist" });

    // Not even the submitter.
    assert_problem(app.screen(&s.citizen, &idea, shortlist.clone()).await, 403, "forbidden").await;
    let other = app.citizen("other@example.org").await;
    assert_problem(app.screen(&other, &idea, shortlist.clone()).await, 403, "forbidden").await;
    let path = format!("/api/v1/ideas/{idea}/screening");
    assert_problem(app.post(&path, None, shortlist.clone()).await, 401, "not_signed_in").await;
    assert_eq!(state_of(&app, &s.staff, &idea).await, "submitted");

    let unknown = uuid::Uuid::new_v4().to_string();
    assert_problem(
        app.screen(&s.staff, &unknown, shortlist.clone()).await,
        404,
        "not_found",
    )
    .await;
    assert_problem(
        app.screen(&s.staff, "not-a-uuid", shortlist.clone()).await,
        404,
        "not_found",
    )
    .await;
    // The role check answers alike for any id: it reveals nothing to a citizen.
    assert_problem(app.screen(&other, &unknown, shortlist).await, 403, "forbidden").await;
}

#[tokio::test]
async fn reopening_a_screening_puts_the_idea_back_to_submitted_with_its_reason() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let shortlisted = s.submitted(&app, "هفته‌ی فیلم ایتالیا در اصفهان").await;
    let rejected = s.submitted(&app, "تبادل آشپزان دو شهر").await;
    app.json(
        app.screen(&s.staff, &shortlisted, json!({ "decision": "shortlist" }))
            .await,
    )
    .await;
    let reject = json!({ "decision": "reject", "reason": "incomplete" });
    app.json(app.screen(&s.staff, &rejected, reject).await).await;
    let reopen = |idea: &str| format!("/api/v1/ideas/{idea}/screening/reopen");

    // Refused: a missing or unknown reason, `other` without a note, a citizen, a submitted idea.
    for (body, pointer) in [
        (json!({}), "/reason"),
        (json!({ "note": "اشتباه شد" }), "/reason"),
        (json!({ "reason": "mistake" }), "/reason"),
        (json!({ "reason": "other" }), "/note"),
    ] {
        let response = app.post(&reopen(&shortlisted), Some(&s.staff), body.clone()).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(pointers(&problem), [pointer], "for {body}");
    }
    let body = json!({ "reason": "duplicate", "note": "دوباره بررسی شود" });
    assert_problem(
        app.post(&reopen(&shortlisted), Some(&s.citizen), body.clone()).await,
        403,
        "forbidden",
    )
    .await;
    assert_eq!(state_of(&app, &s.staff, &shortlisted).await, "shortlisted");

    let response = app.post(&reopen(&shortlisted), Some(&s.staff), body.clone()).await;
    assert_eq!(response.status(), 200);
    assert!(response.headers().get("etag").is_some(), "ETag");
    let reopened: Value = response.json().await.expect("JSON");
    assert_eq!(reopened["state"], "submitted");
    assert_eq!(state_of(&app, &s.staff, &shortlisted).await, "submitted");

    let body = json!({ "reason": "other", "note": "مدارک تکمیلی رسید" });
    let reopened = app.json(app.post(&reopen(&rejected), Some(&s.staff), body).await).await;
    assert_eq!(reopened["state"], "submitted");

    // From submitted there is nothing to reopen.
    let again = json!({ "reason": "duplicate" });
    assert_problem(
        app.post(&reopen(&shortlisted), Some(&s.staff), again).await,
        409,
        "invalid_transition",
    )
    .await;

    let history = events(&app, &s.staff, &shortlisted).await;
    assert_eq!(
        kinds(&history),
        ["created", "submitted", "shortlisted", "screening_reopened"]
    );
    let event = &history[3];
    assert_eq!(event["from"], "shortlisted");
    assert_eq!(event["to"], "submitted");
    assert_eq!(event["reason"], "duplicate");
    assert_eq!(event["note"], "دوباره بررسی شود");

    for idea in [&shortlisted, &rejected] {
        crate::histories::assert_lawful_history(&app, &s.staff, idea).await;
    }
    let history = events(&app, &s.staff, &rejected).await;
    let event = history.last().expect("an event");
    assert_eq!(event["kind"], "screening_reopened");
    assert_eq!(event["from"], "rejected");
    assert_eq!(event["reason"], "other");

    // Submitted again, it can be screened again.
    let response = app
        .screen(&s.staff, &rejected, json!({ "decision": "shortlist" }))
        .await;
    assert_eq!(app.json(response).await["state"], "shortlisted");
}

#[tokio::test]
async fn bulk_screening_screens_every_listed_idea() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let mut ideas = Vec::new();
    for title in ["ایده‌ی نخست فهرست", "ایده‌ی دوم فهرست", "ایده‌ی سوم فهرست"]
    {
        ideas.push(s.submitted(&app, title).await);
    }
    let untouched = s.submitted(&app, "ایده‌ای بیرون از فهرست").await;

    let body = json!({ "ideaIds": [&ideas[2], &ideas[0], &ideas[1]], "decision": "shortlist" });
    let result = app
        .json(app.post("/api/v1/ideas/screening", Some(&s.staff), body).await)
        .await;
    assert_eq!(
        result["items"],
        json!([
            { "ideaId": &ideas[2], "state": "shortlisted" },
            { "ideaId": &ideas[0], "state": "shortlisted" },
            { "ideaId": &ideas[1], "state": "shortlisted" },
        ])
    );
    for idea in &ideas {
        assert_eq!(state_of(&app, &s.staff, idea).await, "shortlisted");
        let history = events(&app, &s.staff, idea).await;
        assert_eq!(kinds(&history), ["created", "submitted", "shortlisted"]);
    }
    assert_eq!(state_of(&app, &s.staff, &untouched).await, "submitted");

    let body = json!({
        "ideaIds": [&untouched],
        "decision": "reject",
        "reason": "not_feasible",
        "note": "هزینه‌ی سفر بالاست",
    });
    let result = app
        .json(app.post("/api/v1/ideas/screening", Some(&s.staff), body).await)
        .await;
    assert_eq!(result["items"], json!([{ "ideaId": &untouched, "state": "rejected" }]));
    let history = events(&app, &s.staff, &untouched).await;
    let rejection = history.last().expect("an event");
    assert_eq!(rejection["kind"], "rejected");
    assert_eq!(rejection["reason"], "not_feasible");
    assert_eq!(rejection["note"], "هزینه‌ی سفر بالاست");
}

#[tokio::test]
async fn bulk_screening_is_all_or_nothing() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let first = s.submitted(&app, "ایده‌ی آماده‌ی نخست").await;
    let second = s.submitted(&app, "ایده‌ی آماده‌ی دوم").await;
    let draft = s.draft(&app, "ایده‌ای که هنوز پیش‌نویس است").await;
    let shortlisted = s.submitted(&app, "ایده‌ای که پیش‌تر برگزیده شد").await;
    app.json(
        app.screen(&s.staff, &shortlisted, json!({ "decision": "shortlist" }))
            .await,
    )
    .await;

    let mut counts = Vec::new();
    for idea in [&first, &second, &draft, &shortlisted] {
        counts.push(events(&app, &s.staff, idea).await.len());
    }

    for (odd, state) in [(&draft, "draft"), (&shortlisted, "shortlisted")] {
        for decision in [
            json!({ "decision": "shortlist" }),
            json!({ "decision": "reject", "reason": "incomplete" }),
        ] {
            let mut body = decision;
            // The odd one in the middle: the ideas before it must be rolled back too.
            body["ideaIds"] = json!([&first, odd, &second]);
            let response = app.post("/api/v1/ideas/screening", Some(&s.staff), body).await;
            let problem = assert_problem(response, 409, "invalid_transition").await;
            let detail = problem["detail"].as_str().expect("detail");
            assert!(detail.contains(odd.as_str()), "names the {state} idea: {detail}");
            assert!(!detail.contains(first.as_str()), "names only the refused: {detail}");
            // A client finds the refused idea without reading the detail: `errors` points at it in the request.
            assert_eq!(
                problem["errors"],
                json!([{
                    "pointer": "/ideaIds/1",
                    "code": "not_submitted",
                    "message": format!("the idea is {state}, not submitted"),
                }]),
                "{problem}"
            );
        }
    }

    // Every refused idea is listed, in the order of the request.
    let body = json!({ "ideaIds": [&shortlisted, &first, &draft], "decision": "shortlist" });
    let response = app.post("/api/v1/ideas/screening", Some(&s.staff), body).await;
    let problem = assert_problem(response, 409, "invalid_transition").await;
    assert_eq!(pointers(&problem), ["/ideaIds/0", "/ideaIds/2"]);
    let codes: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["code"].as_str())
        .collect();
    assert_eq!(codes, ["not_submitted", "not_submitted"]);

    for ((idea, state), count) in [
        (&first, "submitted"),
        (&second, "submitted"),
        (&draft, "draft"),
        (&shortlisted, "shortlisted"),
    ]
    .into_iter()
    .zip(counts)
    {
        assert_eq!(state_of(&app, &s.staff, idea).await, state);
        assert_eq!(events(&app, &s.staff, idea).await.len(), count, "no event written");
    }
}

#[tokio::test]
async fn bulk_screening_validates_the_list() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let first = s.submitted(&app, "ایده‌ی فهرست‌شده‌ی نخست").await;
    let second = s.submitted(&app, "ایده‌ی فهرست‌شده‌ی دوم").await;
    let unknown = uuid::Uuid::new_v4().to_string();
    let screen = |body: Value| app.post("/api/v1/ideas/screening", Some(&s.staff), body);

    let body = json!({ "ideaIds": [&first, &unknown, &second], "decision": "shortlist" });
    let problem = assert_problem(screen(body).await, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/ideaIds/1"]);
    assert_eq!(problem["errors"][0]["code"], "unknown_idea");

    let body = json!({ "ideaIds": [&first, &second, &first], "decision": "shortlist" });
    let problem = assert_problem(screen(body).await, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/ideaIds/2"]);
    assert_eq!(problem["errors"][0]["code"], "duplicate");

    let body = json!({ "ideaIds": [], "decision": "shortlist" });
    let problem = assert_problem(screen(body).await, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/ideaIds"]);

    let body = json!({ "ideaIds": [&first, &second], "decision": "reject" });
    let problem = assert_problem(screen(body).await, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/reason"]);

    let body = json!({ "ideaIds": [&first, "not-a-uuid"], "decision": "shortlist" });
    let problem = assert_problem(screen(body).await, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/ideaIds/1"]);

    let body = json!({ "decision": "shortlist" });
    let problem = assert_problem(screen(body).await, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/ideaIds"]);

    let body = json!({ "ideaIds": [&first], "decision": "shortlist" });
    let response = app.post("/api/v1/ideas/screening", Some(&s.citizen), body).await;
    assert_problem(response, 403, "forbidden").await;

    for idea in [&first, &second] {
        assert_eq!(state_of(&app, &s.staff, idea).await, "submitted");
        assert_eq!(kinds(&events(&app, &s.staff, idea).await), ["created", "submitted"]);
    }
}

#[tokio::test]
async fn two_staff_screening_one_idea_at_once_one_wins_and_one_event_is_written() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let first = token(&app.signed_in_with_roles("staff1@example.org", "staff").await);
    let second = token(&app.signed_in_with_roles("staff2@example.org", "staff").await);
    let shortlist = json!({ "decision": "shortlist" });
    let reject = json!({ "decision": "reject", "reason": "duplicate" });

    for round in 0..5 {
        let idea = s.submitted(&app, &format!("ایده‌ی هم‌زمان شماره {round}")).await;
        // Alternate who fires first, so neither request is always ahead.
        let (a, b) = if round % 2 == 0 {
            tokio::join!(
                app.screen(&first, &idea, shortlist.clone()),
                app.screen(&second, &idea, reject.clone())
            )
        } else {
            let (b, a) = tokio::join!(
                app.screen(&second, &idea, reject.clone()),
                app.screen(&first, &idea, shortlist.clone())
            );
            (a, b)
        };
        let (winner, loser, state) = match (a.status().as_u16(), b.status().as_u16()) {
            (200, 409) => (a, b, "shortlisted"),
            (409, 200) => (b, a, "rejected"),
            other => panic!("round {round}: expected one 200 and one 409, got {other:?}"),
        };
        let view: Value = winner.json().await.expect("JSON");
        assert_eq!(view["state"], state, "round {round}");
        assert_problem(loser, 409, "invalid_transition").await;

        assert_eq!(state_of(&app, &s.staff, &idea).await, state, "round {round}");
        let history = events(&app, &s.staff, &idea).await;
        let screenings: Vec<&Value> = history
            .iter()
            .filter(|e| e["kind"] == "shortlisted" || e["kind"] == "rejected")
            .collect();
        assert_eq!(screenings.len(), 1, "round {round}: one screening event in {history:?}");
        assert_eq!(screenings[0]["kind"], state, "round {round}");
        assert_eq!(screenings[0]["to"], state, "round {round}");
        assert_eq!(screenings[0]["from"], "submitted", "round {round}");
    }
}

const EXCHANGE: &str = "پیشنهاد می‌کنم دانشگاه اصفهان و دانشگاه دولتی سن‌پترزبورگ هر سال بیست دانشجو را \
    برای یک ترم با هم مبادله کنند. دانشجویان مهمان در خانه‌ی خانواده‌های میزبان زندگی کنند تا زبان و \
    فرهنگ یکدیگر را از نزدیک بشناسند. هزینه‌ی سفر را شهرداری‌های دو شهر خواهرخوانده به‌طور مشترک بپردازند.";

const TRADE_FAIR: &str = "برگزاری نمایشگاه تجاری فرش و صنایع دستی در کوالالامپور فرصتی برای \
    صادرکنندگان کوچک است. اتاق بازرگانی می‌تواند غرفه‌ها را با تخفیف در اختیار هنرمندان بگذارد.";

/// An idea whose every text is about `text`.
fn idea_about(call: &str, city: &str, title: &str, text: &str, channel: &str) -> Value {
    json!({
        "callId": call,
        "title": title,
        "summary": text.split('.').next().unwrap_or(text),
        "body": text,
        "domain": "scientific",
        "targetCityId": city,
        "channel": { "kind": "study", "description": channel, "years": 4 },
        "partners": [],
        "expectedOutcomes": text.split('.').nth(1).unwrap_or(text),
    })
}

/// The same text as typed on an Arabic keyboard: Arabic yeh and kaf.
fn arabic_letters(text: &str) -> String {
    text.replace('ی', "ي").replace('ک', "ك")
}

#[tokio::test]
async fn similar_ideas_find_a_near_copy_typed_with_arabic_letters() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let title = "تبادل دانشجویی دانشگاه اصفهان و سن‌پترزبورگ";
    let channel = "چهار سال در سن‌پترزبورگ دانشجوی دکتری بودم";
    let original = app
        .create_idea(&s.citizen, idea_about(&s.call, &s.city, title, EXCHANGE, channel))
        .await;
    let unrelated = app
        .create_idea(
            &s.citizen,
            idea_about(
                &s.call,
                &s.city,
                "نمایشگاه فرش و صنایع دستی در کوالالامپور",
                TRADE_FAIR,
                "ده سال با بازرگانان مالزی کار کرده‌ام",
            ),
        )
        .await;
    // Another citizen's copy, typed with Arabic ي and ك, one word changed: written last, it must
    // also become the original's best match.
    let copier = app.citizen("copier@example.org").await;
    let copied_text = arabic_letters(&EXCHANGE.replace("بیست", "سی"));
    assert_ne!(copied_text, EXCHANGE);
    let copy = app
        .create_idea(
            &copier,
            idea_about(
                &s.call,
                &s.city,
                &arabic_letters(title),
                &copied_text,
                &arabic_letters(channel),
            ),
        )
        .await;
    let (original, unrelated, copy) = (id(&original), id(&unrelated), id(&copy));

    let similar = app
        .json(
            app.get(&format!("/api/v1/ideas/{original}/similar"), Some(&s.staff))
                .await,
        )
        .await;
    let items = similar["items"].as_array().expect("items");
    assert!(!items.is_empty(), "the copy is found: {similar}");
    assert_eq!(items[0]["idea"]["id"], copy.as_str());
    let copy_score = items[0]["score"].as_f64().expect("score");
    assert!(copy_score > 0.6 && copy_score <= 1.0, "copy score {copy_score}");
    assert!(
        items.iter().all(|item| item["idea"]["id"] != original.as_str()),
        "the idea itself never appears: {similar}"
    );
    if let Some(other) = items.iter().find(|item| item["idea"]["id"] == unrelated.as_str()) {
        let score = other["score"].as_f64().expect("score");
        assert!(score < copy_score, "unrelated {score} vs copy {copy_score}");
        assert!(score < 0.5, "unrelated {score}");
    }
    // Staff see everything of a similar idea, its submitter included.
    assert_eq!(items[0]["idea"]["submitter"]["email"], "copier@example.org");

    // From the copy's side, the original comes first, with the same score.
    let back = app
        .json(app.get(&format!("/api/v1/ideas/{copy}/similar"), Some(&s.staff)).await)
        .await;
    assert_eq!(back["items"][0]["idea"]["id"], original.as_str());
    assert_eq!(back["items"][0]["score"].as_f64(), Some(copy_score));

    // Only staff.
    let path = format!("/api/v1/ideas/{original}/similar");
    assert_problem(app.get(&path, Some(&s.citizen)).await, 403, "forbidden").await;
    assert_problem(app.get(&path, None).await, 401, "not_signed_in").await;
    let unknown = format!("/api/v1/ideas/{}/similar", uuid::Uuid::new_v4());
    assert_problem(app.get(&unknown, Some(&s.staff)).await, 404, "not_found").await;

    // Staff's view of the idea and of the list carry the best match.
    let shown = idea(&app, &s.staff, &original).await;
    let best = &shown["bestMatch"];
    assert_eq!(best["ideaId"], copy.as_str(), "in {shown}");
    assert_eq!(best["title"], arabic_letters(title));
    assert_eq!(best["score"].as_f64(), Some(copy_score));
    let list = app
        .json(
            app.get(&format!("/api/v1/ideas?callId={}&limit=100", s.call), Some(&s.staff))
                .await,
        )
        .await;
    let listed = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["id"] == original.as_str())
        .expect("listed");
    assert_eq!(listed["bestMatch"]["ideaId"], copy.as_str());
    assert_eq!(listed["bestMatch"]["score"].as_f64(), Some(copy_score));

    // Citizens never see a best match, not even on their own ideas.
    let own = idea(&app, &s.citizen, &original).await;
    assert_eq!(own["id"], original.as_str());
    assert!(own.get("bestMatch").is_none(), "no bestMatch for the submitter: {own}");
    let own_list = app.json(app.get("/api/v1/ideas", Some(&s.citizen)).await).await;
    assert_eq!(own_list["total"], 2);
    for item in own_list["items"].as_array().expect("items") {
        assert!(
            item.get("bestMatch").is_none(),
            "no bestMatch in a citizen's list: {item}"
        );
    }
}

/// Ideas saved at the same moment in one call still end with the right best matches: each idea's
/// `bestMatch` is the first of its similar ideas.
#[tokio::test]
async fn concurrent_saves_leave_every_best_match_right() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let base = "برگزاری هفته فرهنگی اصفهان با نمایش صنایع دستی، موسیقی سنتی و غذاهای محلی در شهر خواهرخوانده";
    let bodies: Vec<Value> = (0..8)
        .map(|i| {
            let mut body = idea_body(&s.call, &s.city, &format!("هفته فرهنگی شماره {i}"));
            body["body"] = json!(format!("{base} {}", "و نمایشگاه ".repeat(i)));
            body
        })
        .collect();
    // Different citizens, so that nothing else (such as the per-citizen cap's lock) queues the saves.
    let mut citizens = Vec::new();
    for i in 0..bodies.len() {
        citizens.push(app.citizen(&format!("twin{i}@example.org")).await);
    }
    let created = futures_util::future::join_all(bodies.into_iter().zip(&citizens).map(|(body, citizen)| {
        let app = &app;
        async move { id(&app.create_idea(citizen, body).await) }
    }))
    .await;
    for idea_id in &created {
        let shown = idea(&app, &s.staff, idea_id).await;
        let similar = app
            .json(
                app.get(&format!("/api/v1/ideas/{idea_id}/similar"), Some(&s.staff))
                    .await,
            )
            .await;
        let first = &similar["items"][0];
        assert_eq!(shown["bestMatch"]["ideaId"], first["idea"]["id"], "{idea_id}");
        assert_eq!(shown["bestMatch"]["score"], first["score"], "{idea_id}");
    }
}
