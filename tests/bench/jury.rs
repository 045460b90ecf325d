//! The jury at scale, end to end over HTTP against the real server: fills a fresh database with a call of
//! shortlisted ideas and a roster (for the automatic assignment), and a call whose ideas have three submitted
//! reviews of six criteria each (for the ranking), then times the requests staff make.
//!
//! Usage: cargo run --release -p integration-tests --example bench_jury -- <database-url> <ideas> <reviewers>
//! The database is emptied first (SQLite: the file is replaced; PostgreSQL: the public schema is recreated),
//! so give it one of its own. `make bench-jury` runs 250 ideas × 20 reviewers and 10,000 × 400 on SQLite and,
//! with BENCH_DATABASE_URL, on PostgreSQL.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::{TimeDelta, Utc};
use clap::Parser;
use db::entities::{assignment, call, city, idea, review, reviewer, rubric, user};
use db::stored::{Json, Listed, Named};
use domain::idea::{Domain, IdeaState};
use domain::review::{AssignmentState, Recommendation};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait, Statement};
use serde_json::{Value, json};
use uuid::Uuid;

const PASSWORD: &str = "bench password 1405";
const RUNS: usize = 5;
const ORGANISATIONS: [&str; 4] = [
    "foreign_ministry",
    "council_research_centre",
    "university",
    "chamber_of_commerce",
];
const DOMAINS: [&str; 5] = ["cultural", "economic", "scientific", "tourism", "media"];
const IDEA_DOMAINS: [Domain; 5] = [
    Domain::Cultural,
    Domain::Economic,
    Domain::Scientific,
    Domain::Tourism,
    Domain::Media,
];
const CHUNK: usize = 500;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: bench_jury <database-url> <ideas> <reviewers>"))?;
    let ideas: usize = args.next().unwrap_or_else(|| "250".into()).parse()?;
    let reviewers: usize = args.next().unwrap_or_else(|| "20".into()).parse()?;
    let backend = if url.starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    println!("## {backend}: {ideas} ideas, {reviewers} reviewers, 3 reviews of 6 criteria per idea\n");

    empty(&url).await?;
    let data = tempfile::tempdir()?;
    let serve = api::settings::ServeArgs::try_parse_from([
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--database-url",
        &url,
        "--data-dir",
        data.path().to_str().unwrap_or("data"),
        "--static-dir",
        "/nonexistent",
        "--jwt-secret",
        "a bench secret that is long enough to sign tokens",
    ])?;
    let app = api::startup::Application::build(serve).await?;
    let base = format!("http://127.0.0.1:{}/api/v1", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();

    let db = db::connect(&url).await?;
    let staff = staff_token(&client, &base, &db).await?;
    let started = Instant::now();
    let fill = fill(&db, ideas, reviewers).await?;
    println!("filled in {:.1} s\n", started.elapsed().as_secs_f64());

    let plan_path = format!("{base}/calls/{}/assignments/auto", fill.planning_call);
    let (dry_run, plan) = median(RUNS, || async {
        client
            .post(&plan_path)
            .bearer_auth(&staff)
            .json(&json!({ "dryRun": true }))
            .send()
            .await
    })
    .await?;
    let ranking_path = format!("{base}/calls/{}/ranking?limit=100", fill.ranking_call);
    let (ranking, ranked) = median(RUNS, || async {
        client.get(&ranking_path).bearer_auth(&staff).send().await
    })
    .await?;
    let csv_path = format!("{base}/calls/{}/ranking/export?format=csv", fill.ranking_call);
    let (csv, _) = median(RUNS, || async {
        client.get(&csv_path).bearer_auth(&staff).send().await
    })
    .await?;
    let xlsx_path = format!("{base}/calls/{}/ranking/export?format=xlsx", fill.ranking_call);
    let (xlsx, _) = median(RUNS, || async {
        client.get(&xlsx_path).bearer_auth(&staff).send().await
    })
    .await?;
    let started = Instant::now();
    let applied = client
        .post(&plan_path)
        .bearer_auth(&staff)
        .json(&json!({}))
        .send()
        .await?;
    let apply = started.elapsed();
    anyhow::ensure!(applied.status().is_success(), "applying the plan: {}", applied.status());

    let figures = &plan["figures"];
    println!("| request | median of {RUNS} |");
    println!("| --- | ---: |");
    println!(
        "| automatic assignment, dry run (read, plan, answer) | {} |",
        ms(dry_run)
    );
    println!(
        "| automatic assignment, applied once ({} assignments saved) | {} |",
        figures["newAssignments"],
        ms(apply)
    );
    println!(
        "| ranking, first page of 100 (read, score, calibrate, alpha) | {} |",
        ms(ranking)
    );
    println!("| ranking export, CSV | {} |", ms(csv));
    println!("| ranking export, XLSX | {} |", ms(xlsx));
    println!();
    println!(
        "plan: loads {}–{} (spread {}), organisation diversity {:.3}, expertise match rate {:.3}, unmet rules: {}",
        figures["minLoad"],
        figures["maxLoad"],
        figures["loadSpread"],
        figures["organisationDiversity"].as_f64().unwrap_or(f64::NAN),
        figures["expertiseMatchRate"].as_f64().unwrap_or(f64::NAN),
        plan["unmet"].as_array().map_or(0, Vec::len),
    );
    println!(
        "ranking: {} ideas, alpha {:.3}, {} reviewers\n",
        ranked["total"],
        ranked["agreement"]["alpha"].as_f64().unwrap_or(f64::NAN),
        ranked["reviewers"].as_array().map_or(0, Vec::len),
    );
    Ok(())
}

fn ms(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

/// The median time of `runs` requests after one warm-up, and the last answer.
async fn median<F, Fut>(runs: usize, request: F) -> anyhow::Result<(Duration, Value)>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = reqwest::Result<reqwest::Response>>,
{
    let mut times = Vec::with_capacity(runs);
    let mut last = Value::Null;
    for run in 0..=runs {
        let started = Instant::now();
        let response = request().await?;
        let status = response.status();
        let bytes = response.bytes().await?;
        let elapsed = started.elapsed();
        anyhow::ensure!(status.is_success(), "{status}: {}", String::from_utf8_lossy(&bytes));
        if run > 0 {
            times.push(elapsed);
        }
        last = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    }
    times.sort();
    Ok((times[times.len() / 2], last))
}

/// Empties the bench's database.
async fn empty(url: &str) -> anyhow::Result<()> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let path = path.split('?').next().unwrap_or(path);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
        return Ok(());
    }
    let db = db::connect(url).await?;
    db.execute_unprepared("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        .await?;
    Ok(())
}

/// Registers the staff account over HTTP, gives it the staff role, and signs in.
async fn staff_token(client: &reqwest::Client, base: &str, db: &DatabaseConnection) -> anyhow::Result<String> {
    let email = "staff@bench.example";
    let body = json!({ "email": email, "password": PASSWORD });
    let registered = client.post(format!("{base}/auth/register")).json(&body).send().await?;
    anyhow::ensure!(registered.status().is_success(), "registering: {}", registered.status());
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        match db.get_database_backend() {
            sea_orm::DbBackend::Postgres => "UPDATE users SET roles = 'staff' WHERE email = $1",
            _ => "UPDATE users SET roles = 'staff' WHERE email = ?",
        },
        [email.into()],
    ))
    .await?;
    let tokens: Value = client
        .post(format!("{base}/auth/login"))
        .json(&body)
        .send()
        .await?
        .json()
        .await?;
    Ok(tokens["accessToken"].as_str().unwrap_or_default().to_owned())
}

struct Filled {
    planning_call: Uuid,
    ranking_call: Uuid,
}

/// Two calls of `ideas` ideas each: one shortlisted, one reviewed three times per idea by a balanced roster of
/// `reviewers`, with strict and lenient jurors.
async fn fill(db: &DatabaseConnection, ideas: usize, reviewers: usize) -> anyhow::Result<Filled> {
    let mut rng = StdRng::seed_from_u64(1405);
    let now = Utc::now();
    let city_id = Uuid::now_v7();
    city::Entity::insert(city::ActiveModel {
        id: Set(city_id),
        name_fa: Set("فلورانس".into()),
        name_en: Set(Some("Florence".into())),
        country: Set("IT".into()),
        latitude: Set(None),
        longitude: Set(None),
        verified: Set(true),
        search_text: Set("فلورانس florence".into()),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec(db)
    .await?;

    let citizens: Vec<Uuid> = (0..ideas.div_ceil(5)).map(|_| Uuid::now_v7()).collect();
    let jurors: Vec<Uuid> = (0..reviewers).map(|_| Uuid::now_v7()).collect();
    let mut users = Vec::new();
    for (n, id) in citizens.iter().enumerate() {
        users.push(user_row(*id, &format!("citizen{n}@bench.example"), "", now));
    }
    for (n, id) in jurors.iter().enumerate() {
        users.push(user_row(*id, &format!("juror{n}@bench.example"), "reviewer", now));
    }
    for chunk in users.chunks(CHUNK) {
        user::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    // Capacity for three reviews per idea with a little room.
    let max_load = i32::try_from((ideas * 3).div_ceil(reviewers) + 2)?;
    let rows: Vec<reviewer::ActiveModel> = jurors
        .iter()
        .enumerate()
        .map(|(n, id)| reviewer::ActiveModel {
            user_id: Set(*id),
            organisation: Set(Named(
                ORGANISATIONS[n % ORGANISATIONS.len()].parse().expect("an organisation"),
            )),
            expertise: Set(Listed(vec![
                DOMAINS[n % 5].parse().expect("a domain"),
                DOMAINS[(n / 5 + 1) % 5].parse().expect("a domain"),
            ])),
            max_load: Set(max_load),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        reviewer::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }

    let planning_call = insert_call(db, now, "shortlisted").await?;
    let ranking_call = insert_call(db, now, "reviewed").await?;
    let planning: Vec<Uuid> = (0..ideas).map(|_| Uuid::now_v7()).collect();
    let ranked: Vec<Uuid> = (0..ideas).map(|_| Uuid::now_v7()).collect();
    let mut rows = Vec::new();
    for (n, id) in planning.iter().enumerate() {
        rows.push(idea_row(
            *id,
            planning_call,
            citizens[n / 5],
            city_id,
            IdeaState::Shortlisted,
            n,
            now,
        ));
    }
    for (n, id) in ranked.iter().enumerate() {
        rows.push(idea_row(
            *id,
            ranking_call,
            citizens[n / 5],
            city_id,
            IdeaState::Reviewed,
            n,
            now,
        ));
    }
    for chunk in rows.chunks(CHUNK) {
        idea::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }

    let criteria: Vec<(&str, f64)> = vec![
        ("impact", 3.0),
        ("feasibility", 2.0),
        ("economic_benefit", 2.0),
        ("cultural_value", 2.0),
        ("channel", 1.0),
        ("policy_fit", 2.0),
    ];
    let stored: Vec<Value> = criteria
        .iter()
        .map(|(key, weight)| {
            json!({ "key": key, "label_fa": key, "label_en": key, "guidance_fa": null, "guidance_en": null,
                    "weight": weight, "scale_min": 1, "scale_max": 10 })
        })
        .collect();
    for call_id in [planning_call, ranking_call] {
        rubric::Entity::insert(rubric::ActiveModel {
            call_id: Set(call_id),
            criteria: Set(db::stored::Json(serde_json::from_value(Value::from(stored.clone()))?)),
            locked: Set(call_id == ranking_call),
            version: Set(1),
            updated_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .exec(db)
        .await?;
    }

    // Each ranked idea: three jurors in turn (balanced loads, mixed organisations), each with a bias.
    let bias: Vec<f64> = (0..reviewers).map(|_| rng.random_range(-2.0..2.0)).collect();
    let mut assignments = Vec::new();
    let mut reviews = Vec::new();
    for (n, idea_id) in ranked.iter().enumerate() {
        let quality: f64 = rng.random_range(2.0..9.0);
        for k in 0..3 {
            let juror = (n * 3 + k) % reviewers;
            let assignment_id = Uuid::now_v7();
            assignments.push(assignment::ActiveModel {
                id: Set(assignment_id),
                call_id: Set(ranking_call),
                idea_id: Set(*idea_id),
                reviewer_id: Set(jurors[juror]),
                state: Set(Named(AssignmentState::Submitted)),
                due_on: Set(None),
                assigned_by: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            });
            let scores: BTreeMap<&str, i64> = criteria
                .iter()
                .map(|(key, _)| {
                    let score = (quality + bias[juror] + rng.random_range(-1.5..1.5))
                        .round()
                        .clamp(1.0, 10.0);
                    (*key, score as i64)
                })
                .collect();
            reviews.push(review::ActiveModel {
                id: Set(Uuid::now_v7()),
                assignment_id: Set(assignment_id),
                call_id: Set(ranking_call),
                idea_id: Set(*idea_id),
                reviewer_id: Set(jurors[juror]),
                scores: Set(Json(scores.iter().map(|(k, v)| ((*k).to_owned(), *v as i32)).collect())),
                comment_to_staff: Set(Some("ایده‌ای عملی با شریک روشن".into())),
                comment_to_submitter: Set(Some("طرح بودجه را دقیق‌تر کنید".into())),
                recommendation: Set(Some(Named(Recommendation::Discuss))),
                submitted_at: Set(Some(now)),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
            });
        }
    }
    for chunk in assignments.chunks(CHUNK) {
        assignment::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    for chunk in reviews.chunks(CHUNK) {
        review::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.execute_unprepared("VACUUM ANALYZE").await?;
    }
    Ok(Filled {
        planning_call,
        ranking_call,
    })
}

fn user_row(id: Uuid, email: &str, roles: &str, now: chrono::DateTime<Utc>) -> user::ActiveModel {
    user::ActiveModel {
        id: Set(id),
        email: Set(email.into()),
        display_name: Set(email.into()),
        password_hash: Set(None),
        roles: Set(db::stored::Named(roles.parse().unwrap_or_default())),
        active: Set(true),
        locale: Set(db::stored::Named(domain::account::Locale::Fa)),
        search_text: Set(email.into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
}

async fn insert_call(db: &DatabaseConnection, now: chrono::DateTime<Utc>, kind: &str) -> anyhow::Result<Uuid> {
    let id = Uuid::now_v7();
    call::Entity::insert(call::ActiveModel {
        id: Set(id),
        title_fa: Set(format!("فراخوان آزمون ({kind})")),
        title_en: Set(Some(format!("Bench call ({kind})"))),
        description_fa: Set("برای سنجش سرعت".into()),
        description_en: Set(None),
        opens_at: Set(now - TimeDelta::days(90)),
        closes_at: Set(now - TimeDelta::days(30)),
        review_opens_at: Set(now - TimeDelta::days(20)),
        review_closes_at: Set(now + TimeDelta::days(20)),
        domains: Set(db::stored::Listed::from_stored(&DOMAINS.join(","))?),
        ideas_per_citizen: Set(5),
        blind_review: Set(true),
        reviewers_per_idea: Set(3),
        decisions_published_at: Set(None),
        version: Set(1),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec(db)
    .await?;
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
fn idea_row(
    id: Uuid,
    call_id: Uuid,
    submitter: Uuid,
    city_id: Uuid,
    state: IdeaState,
    n: usize,
    now: chrono::DateTime<Utc>,
) -> idea::ActiveModel {
    let title = format!("ایده شماره {n}");
    idea::ActiveModel {
        id: Set(id),
        call_id: Set(call_id),
        submitter_id: Set(submitter),
        state: Set(Named(state)),
        title: Set(title.clone()),
        summary: Set("خلاصه".into()),
        body: Set("متن".into()),
        domain: Set(Named(IDEA_DOMAINS[n % IDEA_DOMAINS.len()])),
        target_city_id: Set(city_id),
        channel_kind: Set(None),
        channel_description: Set(String::new()),
        channel_years: Set(None),
        partners: Set(Json(Vec::new())),
        expected_outcomes: Set("پیوند".into()),
        files_public: Set(false),
        submitter_category: Set(None),
        search_text: Set(title),
        fingerprint: Set(Vec::new()),
        best_match_id: Set(None),
        best_match_score: Set(None),
        version: Set(1),
        submitted_at: Set(Some(now)),
        created_at: Set(now),
        updated_at: Set(now),
    }
}
