//! Lists of ideas, across calls and per call: pages, filters, sorts, Persian text search, and who
//! sees which ideas.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use db::entities::idea as ideas;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::fixtures::*;
use crate::helpers::*;

/// An open call in which one citizen may propose up to 50 ideas: its id.
async fn roomy_call(app: &TestApp, staff: &str) -> String {
    let mut body = open_call_body();
    body["ideasPerCitizen"] = json!(50);
    id(&app.create_call(staff, body).await)
}

/// A draft with this domain: its id.
async fn draft(app: &TestApp, token: &str, call: &str, city: &str, title: &str, domain: &str) -> String {
    let mut body = idea_body(call, city, title);
    body["domain"] = json!(domain);
    id(&app.create_idea(token, body).await)
}

async fn submit(app: &TestApp, token: &str, idea: &str) -> Value {
    app.json(
        app.post_empty(&format!("/api/v1/ideas/{idea}/submit"), Some(token))
            .await,
    )
    .await
}

/// A submitted idea with this domain: its id.
async fn submitted(app: &TestApp, token: &str, call: &str, city: &str, title: &str, domain: &str) -> String {
    let idea = draft(app, token, call, city, title, domain).await;
    submit(app, token, &idea).await;
    idea
}

/// One page of `path` (which carries its query) as `token` sees it.
async fn page(app: &TestApp, token: Option<&str>, path: &str) -> Value {
    let page = app.json(app.get(path, token).await).await;
    for key in ["items", "total", "limit", "offset"] {
        assert!(page.get(key).is_some(), "{key} in {page}");
    }
    page
}

fn titles(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["title"].as_str())
        .collect()
}

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["id"].as_str().map(str::to_owned))
        .collect()
}

/// The titles of the page, sorted, to compare sets.
fn title_set(page: &Value) -> Vec<&str> {
    let mut titles = titles(page);
    titles.sort_unstable();
    titles
}

fn sorted(mut titles: Vec<&str>) -> Vec<&str> {
    titles.sort_unstable();
    titles
}

/// Sets when an idea was submitted, as if it had been at `at`.
async fn set_submitted_at(app: &TestApp, idea: &str, at: DateTime<Utc>) {
    let db = app.db().await;
    let id: uuid::Uuid = idea.parse().expect("an idea id");
    let result = ideas::Entity::update_many()
        .col_expr(ideas::Column::SubmittedAt, Expr::value(at))
        .filter(ideas::Column::Id.eq(id))
        .exec(&db)
        .await
        .expect("idea updated");
    assert_eq!(result.rows_affected, 1);
}

/// The office's time zone, Asia/Tehran: UTC+03:30 all year since Iran dropped daylight saving in 2022.
fn tehran() -> FixedOffset {
    FixedOffset::east_opt(3 * 3600 + 1800).expect("offset")
}

#[tokio::test]
async fn both_list_paths_page_ideas_with_total_limit_and_offset() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let call = roomy_call(&app, &staff).await;
    let other_call = roomy_call(&app, &staff).await;
    let citizen = app.citizen("citizen@example.org").await;
    for n in 1..=5 {
        submitted(&app, &citizen, &call, &city, &format!("ایده‌ی شماره {n}"), "cultural").await;
    }
    draft(&app, &citizen, &other_call, &city, "ایده‌ی فراخوان دیگر", "cultural").await;

    for base in [
        format!("/api/v1/ideas?callId={call}&"),
        format!("/api/v1/calls/{call}/ideas?"),
    ] {
        let first = page(&app, Some(&staff), &format!("{base}limit=2")).await;
        assert_eq!(first["items"].as_array().map(Vec::len), Some(2), "{base}");
        assert_eq!(
            (&first["total"], &first["limit"], &first["offset"]),
            (&json!(5), &json!(2), &json!(0))
        );

        let second = page(&app, Some(&staff), &format!("{base}limit=2&offset=2")).await;
        let last = page(&app, Some(&staff), &format!("{base}limit=2&offset=4")).await;
        assert_eq!(last["items"].as_array().map(Vec::len), Some(1), "{base}");
        assert_eq!((&last["total"], &last["offset"]), (&json!(5), &json!(4)));
        let mut all: Vec<String> = [ids(&first), ids(&second), ids(&last)].concat();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 5, "the pages cover every idea once");

        let tail = page(&app, Some(&staff), &format!("{base}offset=4")).await;
        assert_eq!(tail["items"].as_array().map(Vec::len), Some(1));
        assert_eq!(tail["limit"], 20);

        let beyond = page(&app, Some(&staff), &format!("{base}offset=10")).await;
        assert_eq!(beyond["items"], json!([]));
        assert_eq!(beyond["total"], 5);

        let whole = page(&app, Some(&staff), &base).await;
        assert_eq!(
            (&whole["total"], &whole["limit"], &whole["offset"]),
            (&json!(5), &json!(20), &json!(0))
        );
        assert_eq!(whole["items"].as_array().map(Vec::len), Some(5));
    }

    // The default page holds 20 ideas.
    for n in 1..=16 {
        draft(
            &app,
            &citizen,
            &other_call,
            &city,
            &format!("پیش‌نویس شماره {n}"),
            "cultural",
        )
        .await;
    }
    let everything = page(&app, Some(&staff), "/api/v1/ideas").await;
    assert_eq!(everything["total"], 22);
    assert_eq!(everything["limit"], 20);
    assert_eq!(everything["items"].as_array().map(Vec::len), Some(20));
    let rest = page(&app, Some(&staff), "/api/v1/ideas?offset=20").await;
    assert_eq!(rest["items"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn bad_list_parameters_are_422_naming_the_parameter_and_an_unknown_call_is_404() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let call = roomy_call(&app, &staff).await;
    for base in ["/api/v1/ideas".to_owned(), format!("/api/v1/calls/{call}/ideas")] {
        for (query, pointer) in [
            ("limit=0", "/limit"),
            ("limit=101", "/limit"),
            ("limit=abc", "/limit"),
            ("offset=-1", "/offset"),
            ("colour=blue", "/colour"),
            ("state=bogus", "/state"),
            ("domain=space", "/domain"),
            ("targetCountry=XX", "/targetCountry"),
            ("targetCountry=ITA", "/targetCountry"),
            ("targetCityId=florence", "/targetCityId"),
            ("submitterCategory=king", "/submitterCategory"),
            ("submittedFrom=yesterday", "/submittedFrom"),
            ("submittedTo=2026-13-01", "/submittedTo"),
            ("sort=-password", "/sort"),
            ("mine=maybe", "/mine"),
            ("callId=nope", "/callId"),
        ] {
            for token in [Some(staff.as_str()), None] {
                let response = app.get(&format!("{base}?{query}"), token).await;
                let problem = assert_problem(response, 422, "validation_failed").await;
                assert_eq!(problem["errors"][0]["pointer"], pointer, "for {base}?{query}");
            }
        }
    }
    // Valid values of the same parameters are accepted.
    let fine = "limit=100&offset=0&state=draft&domain=cultural&targetCountry=it&submitterCategory=academic\
                &submittedFrom=2026-01-01&submittedTo=2026-02-01T12:00:00Z&sort=-title&mine=false";
    assert_eq!(
        page(&app, Some(&staff), &format!("/api/v1/ideas?{fine}")).await["total"],
        0
    );

    let unknown = format!("/api/v1/calls/{}/ideas", uuid::Uuid::new_v4());
    assert_problem(app.get(&unknown, Some(&staff)).await, 404, "not_found").await;
    assert_problem(app.get(&unknown, None).await, 404, "not_found").await;
    assert_problem(app.get("/api/v1/calls/not-a-uuid/ideas", None).await, 404, "not_found").await;
}

#[tokio::test]
async fn lists_filter_by_call_state_domain_city_and_country() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let florence = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let rome = id(&app.create_city(&staff, "رم", "Rome", "IT").await);
    let kuala_lumpur = id(&app.create_city(&staff, "کوالالامپور", "Kuala Lumpur", "MY").await);
    let (call_a, call_b) = (roomy_call(&app, &staff).await, roomy_call(&app, &staff).await);
    let citizen = app.citizen("citizen@example.org").await;

    let a1 = submitted(&app, &citizen, &call_a, &florence, "A1 موزه‌های فلورانس", "cultural").await;
    submitted(&app, &citizen, &call_a, &kuala_lumpur, "A2 بازار کوالالامپور", "economic").await;
    draft(&app, &citizen, &call_a, &rome, "A3 دانشگاه رم", "scientific").await;
    let b1 = submitted(&app, &citizen, &call_b, &kuala_lumpur, "B1 هفته‌ی فرهنگی", "cultural").await;
    app.json(app.screen(&staff, &a1, json!({ "decision": "shortlist" })).await)
        .await;
    let reject = json!({ "decision": "reject", "reason": "out_of_scope" });
    app.json(app.screen(&staff, &b1, reject).await).await;

    let cases = [
        (format!("callId={call_a}"), vec!["A1", "A2", "A3"]),
        (format!("callId={call_b}"), vec!["B1"]),
        ("state=shortlisted".to_owned(), vec!["A1"]),
        ("state=submitted".to_owned(), vec!["A2"]),
        ("state=draft".to_owned(), vec!["A3"]),
        ("state=rejected".to_owned(), vec!["B1"]),
        ("state=withdrawn".to_owned(), vec![]),
        ("domain=cultural".to_owned(), vec!["A1", "B1"]),
        ("domain=economic".to_owned(), vec!["A2"]),
        ("domain=tourism".to_owned(), vec![]),
        (format!("targetCityId={kuala_lumpur}"), vec!["A2", "B1"]),
        (format!("targetCityId={rome}"), vec!["A3"]),
        ("targetCountry=IT".to_owned(), vec!["A1", "A3"]),
        ("targetCountry=my".to_owned(), vec!["A2", "B1"]),
        ("targetCountry=FR".to_owned(), vec![]),
        (format!("callId={call_a}&targetCountry=MY"), vec!["A2"]),
        (format!("callId={call_a}&domain=cultural&state=shortlisted"), vec!["A1"]),
        (format!("callId={call_b}&targetCountry=IT"), vec![]),
    ];
    for (query, expected) in cases {
        let found = page(&app, Some(&staff), &format!("/api/v1/ideas?{query}")).await;
        let prefixes: Vec<&str> = title_set(&found).iter().map(|t| &t[..2]).collect();
        assert_eq!(prefixes, expected, "for {query}");
        assert_eq!(found["total"], expected.len(), "total for {query}");
    }

    // The call's own path applies the same filters within the call.
    for (call, query, expected) in [
        (&call_a, "state=submitted", vec!["A2"]),
        (&call_a, "domain=cultural", vec!["A1"]),
        (&call_b, "domain=cultural", vec!["B1"]),
        (&call_b, "targetCountry=IT", vec![]),
    ] {
        let found = page(&app, Some(&staff), &format!("/api/v1/calls/{call}/ideas?{query}")).await;
        let prefixes: Vec<&str> = title_set(&found).iter().map(|t| &t[..2]).collect();
        assert_eq!(prefixes, expected, "for call {call} {query}");
    }
}

#[tokio::test]
async fn lists_filter_by_the_submitters_occupation() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "سن‌پترزبورگ", "Saint Petersburg", "RU").await);
    let call = roomy_call(&app, &staff).await;
    let mut expected_category = Vec::new();
    for (email, category, title) in [
        ("academic@example.org", Some("academic"), "تبادل استادان دانشگاه"),
        ("trader@example.org", Some("trader"), "نمایشگاه بازرگانان دو شهر"),
        ("unknown@example.org", None, "ایده‌ای بی‌پیشه"),
    ] {
        let citizen = app.citizen(email).await;
        if let Some(category) = category {
            let body = json!({ "profile": { "occupationCategory": category } });
            let me = app.json(app.patch("/api/v1/me", Some(&citizen), body).await).await;
            assert_eq!(me["profile"]["occupationCategory"], category);
        }
        submitted(&app, &citizen, &call, &city, title, "cultural").await;
        expected_category.push((title, category));
    }

    for (query, expected) in [
        ("submitterCategory=academic", vec!["تبادل استادان دانشگاه"]),
        ("submitterCategory=trader", vec!["نمایشگاه بازرگانان دو شهر"]),
        ("submitterCategory=student", vec![]),
    ] {
        let found = page(&app, Some(&staff), &format!("/api/v1/ideas?{query}")).await;
        assert_eq!(titles(&found), expected, "for {query}");
        let found = page(&app, Some(&staff), &format!("/api/v1/calls/{call}/ideas?{query}")).await;
        assert_eq!(titles(&found), expected, "for the call's {query}");
    }

    // Staff see each idea's recorded category.
    let all = page(&app, Some(&staff), "/api/v1/ideas").await;
    for (title, category) in expected_category {
        let item = all["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["title"] == title)
            .expect("listed");
        assert_eq!(item["submitter"]["category"], json!(category), "for {title}");
    }
}

#[tokio::test]
async fn submission_dates_filter_by_the_offices_days() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let call = roomy_call(&app, &staff).await;
    let citizen = app.citizen("citizen@example.org").await;
    let today_idea = draft(&app, &citizen, &call, &city, "امروز فرستاده شد", "cultural").await;
    let submitted_at = submit(&app, &citizen, &today_idea).await["submittedAt"]
        .as_str()
        .expect("submittedAt")
        .parse::<DateTime<Utc>>()
        .expect("RFC 3339");
    draft(&app, &citizen, &call, &city, "هرگز فرستاده نشد", "cultural").await;
    // Submitted at 21:00 UTC on 10 March 2025: already 11 March (00:30) in Tehran.
    let late = submitted(&app, &citizen, &call, &city, "پس از نیمه‌شب تهران", "cultural").await;
    let late_at: DateTime<Utc> = "2025-03-10T21:00:00Z".parse().expect("instant");
    set_submitted_at(&app, &late, late_at).await;

    let today = submitted_at.with_timezone(&tehran()).date_naive();
    let tomorrow = today + TimeDelta::days(1);
    let yesterday = today - TimeDelta::days(1);
    let instant = |at: DateTime<Utc>| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let hour_before = instant(submitted_at - TimeDelta::hours(1));
    let hour_after = instant(submitted_at + TimeDelta::hours(1));

    let today_only = vec!["امروز فرستاده شد"];
    let late_only = vec!["پس از نیمه‌شب تهران"];
    let both = sorted(vec!["امروز فرستاده شد", "پس از نیمه‌شب تهران"]);
    let cases = [
        (format!("submittedFrom={today}"), today_only.clone()),
        (format!("submittedFrom={today}&submittedTo={today}"), today_only.clone()),
        (
            format!("submittedFrom={yesterday}&submittedTo={tomorrow}"),
            today_only.clone(),
        ),
        (format!("submittedFrom={tomorrow}"), vec![]),
        (format!("submittedTo={yesterday}"), late_only.clone()),
        (format!("submittedTo={today}"), both.clone()),
        (format!("submittedFrom={hour_before}"), today_only.clone()),
        (
            format!("submittedFrom={hour_before}&submittedTo={hour_after}"),
            today_only.clone(),
        ),
        (format!("submittedFrom={hour_after}"), vec![]),
        ("submittedFrom=2020-01-01&submittedTo=2020-12-31".to_owned(), vec![]),
        // The office's day, not UTC's: 21:00 UTC on 10 March is 11 March in Isfahan.
        (
            "submittedFrom=2025-03-11&submittedTo=2025-03-11".to_owned(),
            late_only.clone(),
        ),
        ("submittedFrom=2025-03-10&submittedTo=2025-03-10".to_owned(), vec![]),
        ("submittedTo=2025-03-10".to_owned(), vec![]),
        (
            "submittedFrom=2025-03-10T20:59:59Z&submittedTo=2025-03-10T21:00:00Z".to_owned(),
            late_only.clone(),
        ),
        (
            "submittedFrom=2025-03-11T00:30:01%2B03:30".to_owned(),
            today_only.clone(),
        ),
    ];
    for (query, expected) in cases {
        let found = page(&app, Some(&staff), &format!("/api/v1/ideas?{query}")).await;
        assert_eq!(title_set(&found), sorted(expected), "for {query}");
    }
}

#[tokio::test]
async fn submitted_to_a_date_includes_the_last_second_of_that_day() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let call = roomy_call(&app, &staff).await;
    let citizen = app.citizen("citizen@example.org").await;
    let idea = submitted(&app, &citizen, &call, &city, "در واپسین لحظه‌ی روز", "cultural").await;
    // 23:59:59.400 on 10 March 2025 in Tehran.
    let at: DateTime<Utc> = "2025-03-10T20:29:59.400Z".parse().expect("instant");
    set_submitted_at(&app, &idea, at).await;
    let shown = app
        .json(app.get(&format!("/api/v1/ideas/{idea}"), Some(&staff)).await)
        .await;
    assert_eq!(
        shown["submittedAt"]
            .as_str()
            .and_then(|t| t.parse::<DateTime<Utc>>().ok()),
        Some(at),
        "the fraction of a second is stored"
    );
    let found = page(&app, Some(&staff), "/api/v1/ideas?submittedTo=2025-03-10").await;
    assert_eq!(
        found["total"], 1,
        "an idea submitted on 10 March, before midnight in Isfahan"
    );
    let found = page(&app, Some(&staff), "/api/v1/ideas?submittedFrom=2025-03-11").await;
    assert_eq!(found["total"], 0);
}

#[tokio::test]
async fn mine_lists_only_the_callers_own_ideas() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let call = roomy_call(&app, &staff).await;
    let ali = app.citizen("ali@example.org").await;
    let sara = app.citizen("sara@example.org").await;
    draft(&app, &ali, &call, &city, "پیش‌نویس علی", "cultural").await;
    submitted(&app, &ali, &call, &city, "ایده‌ی فرستاده‌ی علی", "cultural").await;
    let published = submitted(&app, &sara, &call, &city, "ایده‌ی برگزیده‌ی سارا", "cultural").await;
    app.make_selected(&published).await;
    draft(&app, &staff, &call, &city, "ایده‌ی یک کارمند", "economic").await;

    let alis = sorted(vec!["ایده‌ی فرستاده‌ی علی", "پیش‌نویس علی"]);
    let mine = page(&app, Some(&ali), "/api/v1/ideas?mine=true").await;
    assert_eq!(title_set(&mine), alis);
    assert_eq!(mine["total"], 2);
    let mine = page(&app, Some(&ali), &format!("/api/v1/calls/{call}/ideas?mine=true")).await;
    assert_eq!(title_set(&mine), alis);
    // Without mine, the published ideas of others come too.
    let seen = page(&app, Some(&ali), "/api/v1/ideas?mine=false").await;
    assert_eq!(
        title_set(&seen),
        sorted([alis.clone(), vec!["ایده‌ی برگزیده‌ی سارا"]].concat())
    );

    let sara_mine = page(&app, Some(&sara), "/api/v1/ideas?mine=true").await;
    assert_eq!(titles(&sara_mine), ["ایده‌ی برگزیده‌ی سارا"]);
    // Staff see everything, but mine=true narrows to their own.
    let staff_mine = page(&app, Some(&staff), "/api/v1/ideas?mine=true").await;
    assert_eq!(titles(&staff_mine), ["ایده‌ی یک کارمند"]);
    assert_eq!(page(&app, Some(&staff), "/api/v1/ideas").await["total"], 4);

    assert_problem(app.get("/api/v1/ideas?mine=true", None).await, 401, "not_signed_in").await;
    let path = format!("/api/v1/calls/{call}/ideas?mine=true");
    assert_problem(app.get(&path, None).await, 401, "not_signed_in").await;
}

#[tokio::test]
async fn lists_sort_by_title_and_by_submission_with_drafts_last() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let call = roomy_call(&app, &staff).await;
    let citizen = app.citizen("citizen@example.org").await;
    // Titles whose first letters are in the same order in the Persian alphabet and in Unicode.
    let names = [
        "ارتباط دانشگاه‌ها",
        "بازارچه‌ی صنایع دستی",
        "تئاتر خیابانی",
        "دیدار شهرداران",
    ];
    let mut ideas = Vec::new();
    for name in names {
        ideas.push(draft(&app, &citizen, &call, &city, name, "cultural").await);
    }
    // Submitted in the order third, first, fourth; the second stays a draft.
    for i in [2, 0, 3] {
        submit(&app, &citizen, &ideas[i]).await;
    }

    let order = |indices: &[usize]| indices.iter().map(|&i| names[i]).collect::<Vec<_>>();
    for (query, expected) in [
        ("", order(&[3, 0, 2, 1])),
        ("sort=-submittedAt", order(&[3, 0, 2, 1])),
        ("sort=submittedAt", order(&[2, 0, 3, 1])),
        ("sort=title", order(&[0, 1, 2, 3])),
        ("sort=-title", order(&[3, 2, 1, 0])),
        ("sort=createdAt", order(&[0, 1, 2, 3])),
        ("sort=-createdAt", order(&[3, 2, 1, 0])),
        ("sort=title&limit=2&offset=1", order(&[1, 2])),
        ("sort=-submittedAt&limit=2&offset=2", order(&[2, 1])),
    ] {
        let found = page(&app, Some(&staff), &format!("/api/v1/ideas?{query}")).await;
        assert_eq!(titles(&found), expected, "for ?{query}");
        let found = page(&app, Some(&citizen), &format!("/api/v1/calls/{call}/ideas?{query}")).await;
        assert_eq!(titles(&found), expected, "for the call's ?{query}");
    }
}

/// A complete idea whose body says `body`.
fn idea_with_body(call: &str, city: &str, title: &str, body: &str) -> Value {
    let mut idea = idea_body(call, city, title);
    idea["body"] = json!(body);
    idea
}

#[tokio::test]
async fn search_folds_persian_letter_forms_half_spaces_and_digits() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "کوالالامپور", "Kuala Lumpur", "MY").await);
    let call = roomy_call(&app, &staff).await;
    let citizen = app.citizen("citizen@example.org").await;
    let embassies = "همکاری سفارت\u{200C}ها";
    let iran = "نمایشگاه ا\u{064A}ران";
    let week = "هفته فرهنگی \u{0643}والالامپور";
    let year = "برنامه‌ی فرهنگی سال 1405";
    let freiburg = "پیشنهاد همکاری آموزشی";
    for (title, body) in [
        (embassies, "متن کامل ایده با جزئیات اجرا"),
        (iran, "متن کامل ایده با جزئیات اجرا"),
        (week, "متن کامل ایده با جزئیات اجرا"),
        (year, "متن کامل ایده با جزئیات اجرا"),
        (freiburg, "مدرسه‌های اصفهان و فرایبورگ معلم مبادله کنند"),
    ] {
        app.create_idea(&citizen, idea_with_body(&call, &city, title, body))
            .await;
    }

    for (q, expected) in [
        ("سفارت", vec![embassies]),
        ("سفارتها", vec![embassies]),
        ("سفارت\u{200C}ها", vec![embassies]),
        ("ایران", vec![iran]),
        ("ا\u{064A}ران", vec![iran]),
        ("کوالالامپور", vec![week]),
        ("كوالالامپور", vec![week]),
        ("۱۴۰۵", vec![year]),
        ("١٤٠٥", vec![year]),
        ("1405", vec![year]),
        ("هفته کوالالامپور", vec![week]),
        ("  فرهنگی   کوالالامپور ", vec![week]),
        ("فرهنگی", sorted(vec![week, year])),
        ("هفته سفارت", vec![]),
        ("نمایشگاه ایران ۱۴۰۵", vec![]),
        ("فرایبورگ", vec![freiburg]),
        ("معلم فرایبورگ", vec![freiburg]),
        ("پاریس", vec![]),
    ] {
        for base in ["/api/v1/ideas?q=".to_owned(), format!("/api/v1/calls/{call}/ideas?q=")] {
            let found = page(&app, Some(&staff), &format!("{base}{q}")).await;
            assert_eq!(title_set(&found), expected, "for q={q:?} on {base}");
            assert_eq!(found["total"], expected.len(), "total for q={q:?}");
        }
    }
    // The submitter finds their own ideas the same way.
    let found = page(&app, Some(&citizen), "/api/v1/ideas?q=سفارتها").await;
    assert_eq!(titles(&found), [embassies]);
}

#[tokio::test]
async fn lists_show_each_caller_only_what_they_may_see() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let call = roomy_call(&app, &staff).await;
    let ali = app.citizen("ali@example.org").await;
    let sara = app.citizen("sara@example.org").await;

    draft(&app, &ali, &call, &city, "علی: پیش‌نویس", "cultural").await;
    submitted(&app, &ali, &call, &city, "علی: فرستاده", "cultural").await;
    let ali_selected = submitted(&app, &ali, &call, &city, "علی: برگزیده", "cultural").await;
    draft(&app, &sara, &call, &city, "سارا: پیش‌نویس", "cultural").await;
    let sara_submitted = submitted(&app, &sara, &call, &city, "سارا: فرستاده", "cultural").await;
    let sara_shortlisted = submitted(&app, &sara, &call, &city, "سارا: در فهرست کوتاه", "cultural").await;
    let sara_selected = submitted(&app, &sara, &call, &city, "سارا: برگزیده", "cultural").await;
    app.json(
        app.screen(&staff, &sara_shortlisted, json!({ "decision": "shortlist" }))
            .await,
    )
    .await;
    app.make_selected(&ali_selected).await;
    app.make_selected(&sara_selected).await;

    // Staff: every state, with the submitter's e-mail and channel.
    let all = page(&app, Some(&staff), "/api/v1/ideas?limit=100").await;
    assert_eq!(all["total"], 7);
    for item in all["items"].as_array().expect("items") {
        assert!(
            item["submitter"]["email"].is_string(),
            "staff see the submitter: {item}"
        );
        assert!(item["channel"].is_object(), "staff see the channel: {item}");
    }
    let states: Vec<&str> = {
        let mut s: Vec<&str> = all["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|i| i["state"].as_str())
            .collect();
        s.sort_unstable();
        s.dedup();
        s
    };
    assert_eq!(states, ["draft", "selected", "shortlisted", "submitted"]);

    // A citizen: their own ideas in any state and the selected ones, never others' drafts or submissions.
    let expected_for_ali = sorted(vec!["علی: پیش‌نویس", "علی: فرستاده", "علی: برگزیده", "سارا: برگزیده"]);
    for path in ["/api/v1/ideas".to_owned(), format!("/api/v1/calls/{call}/ideas")] {
        let seen = page(&app, Some(&ali), &path).await;
        assert_eq!(title_set(&seen), expected_for_ali, "on {path}");
        assert_eq!(seen["total"], 4, "the total counts only what is shown");
        for item in seen["items"].as_array().expect("items") {
            let own = item["title"].as_str().is_some_and(|t| t.starts_with("علی"));
            assert!(item.get("bestMatch").is_none(), "{item}");
            if own {
                assert!(item["submitter"].is_object(), "own idea with its submitter: {item}");
                assert!(item["submitter"].get("email").is_none(), "e-mail is for staff: {item}");
                assert!(item["channel"].is_object(), "own idea with its channel: {item}");
            } else {
                assert!(item.get("submitter").is_none(), "no submitter on others' ideas: {item}");
                assert!(item.get("channel").is_none(), "no channel on others' ideas: {item}");
            }
        }
    }
    // Filters and search cannot reach others' hidden ideas.
    let drafts = page(&app, Some(&ali), "/api/v1/ideas?state=draft").await;
    assert_eq!(titles(&drafts), ["علی: پیش‌نویس"]);
    let shortlisted = page(&app, Some(&ali), "/api/v1/ideas?state=shortlisted").await;
    assert_eq!(shortlisted["total"], 0);
    let searched = page(&app, Some(&ali), "/api/v1/ideas?q=سارا").await;
    assert_eq!(titles(&searched), ["سارا: برگزیده"]);
    assert_problem(
        app.get(&format!("/api/v1/ideas/{sara_submitted}"), Some(&ali)).await,
        404,
        "not_found",
    )
    .await;

    // The public: only the selected ideas, without personal data.
    for path in ["/api/v1/ideas".to_owned(), format!("/api/v1/calls/{call}/ideas")] {
        let public = page(&app, None, &path).await;
        assert_eq!(
            title_set(&public),
            sorted(vec!["علی: برگزیده", "سارا: برگزیده"]),
            "on {path}"
        );
        assert_eq!(public["total"], 2);
        for item in public["items"].as_array().expect("items") {
            assert_eq!(item["state"], "selected");
            for key in ["submitter", "channel", "bestMatch"] {
                assert!(item.get(key).is_none(), "no {key} for the public: {item}");
            }
        }
    }
    let public_drafts = page(&app, None, "/api/v1/ideas?state=draft").await;
    assert_eq!(public_drafts["total"], 0);
    let public_search = page(&app, None, "/api/v1/ideas?q=فرستاده").await;
    assert_eq!(public_search["total"], 0);
}
