//! Idea lists and near-duplicates at scale: fills a fresh database with 100,000 ideas (one call of
//! 10,000 for near-duplicates), then times every list filter, search and the similarity work, and on
//! PostgreSQL prints the query plans. `make bench` runs it on SQLite and, with BENCH_DATABASE_URL, on
//! PostgreSQL; docs/benchmarks/ideas-at-scale.md records the figures.
//!
//! Usage: cargo run -p db --example bench_ideas -- <database-url>

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{TimeDelta, Utc};
use db::entities::{call, city, idea, user};
use db::ideas::{Audience, IdeaFilter, IdeaSortField};
use db::stored::{Json, Named};
use domain::idea::{Domain, IdeaState};
use domain::profile::{OccupationCategory, TieKind};
use domain::similarity::Fingerprint;
use sea_orm::sea_query::Order;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, Statement};
use uuid::Uuid;

const IDEAS: usize = 100_000;
const CALLS: usize = 10;
const USERS: usize = 5_000;
const CITIES: usize = 200;
/// The call whose ideas all carry real fingerprints, for the near-duplicate figures.
const SIMILARITY_CALL_IDEAS: usize = 10_000;

const WORDS: &[&str] = &[
    "همکاری",
    "فرهنگی",
    "دانشگاه",
    "تبادل",
    "دانشجو",
    "نمایشگاه",
    "صنایع",
    "دستی",
    "گردشگری",
    "تجارت",
    "ورزش",
    "رسانه",
    "سلامت",
    "کمک",
    "شهری",
    "تراموا",
    "موزه",
    "جشنواره",
    "هنر",
    "موسیقی",
    "فیلم",
    "کتاب",
    "کودکان",
    "زنان",
    "جوانان",
    "فناوری",
    "نوآوری",
    "استارتاپ",
    "کشاورزی",
    "آب",
    "محیط",
    "زیست",
    "انرژی",
    "پایدار",
    "میراث",
    "معماری",
    "خوشنویسی",
    "فرش",
    "قلم‌زنی",
    "مینیاتور",
    "شهرداری",
    "خواهرخوانده",
    "سفارت",
    "کنسولگری",
    "بازرگانی",
    "اتاق",
    "صادرات",
    "واردات",
    "پژوهش",
    "آموزش",
    "زبان",
    "ترجمه",
    "مدرسه",
    "بیمارستان",
    "پزشکی",
];

/// A small deterministic generator, so every run builds the same database.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Common words, and one in ten from a long tail of 2,000 rarer ones, as real texts have.
    fn text(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| {
                if self.below(10) == 0 {
                    format!("واژه{}", self.below(2_000))
                } else {
                    WORDS[self.below(WORDS.len())].to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

async fn fill(db: &impl ConnectionTrait, rng: &mut Lcg) -> anyhow::Result<(Vec<Uuid>, Vec<Uuid>)> {
    let now = Utc::now();
    let users: Vec<Uuid> = (0..USERS).map(|_| Uuid::now_v7()).collect();
    for chunk in users.chunks(500) {
        user::Entity::insert_many(chunk.iter().enumerate().map(|(i, id)| user::ActiveModel {
            id: Set(*id),
            email: Set(format!("bench-{id}-{i}@example.org")),
            display_name: Set(format!("شهروند {i}")),
            password_hash: Set(None),
            roles: Set(db::stored::Named(domain::roles::Roles::default())),
            active: Set(true),
            locale: Set(db::stored::Named(domain::account::Locale::Fa)),
            search_text: Set(String::new()),
            totp_secret: Set(None),
            totp_enabled_at: Set(None),
            totp_last_step: Set(None),
            email_verified_at: Set(Some(now)),
            service: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
        }))
        .exec(db)
        .await?;
    }
    let cities: Vec<(Uuid, String)> = (0..CITIES)
        .map(|i| {
            (
                Uuid::now_v7(),
                ["IT", "ES", "MY", "DE", "CN", "UZ", "RU", "FR", "TR", "AM"][i % 10].to_owned(),
            )
        })
        .collect();
    city::Entity::insert_many(cities.iter().enumerate().map(|(i, (id, country))| city::ActiveModel {
        id: Set(*id),
        name_fa: Set(format!("شهر {i}")),
        name_en: Set(Some(format!("City {i}"))),
        country: Set(country.clone()),
        latitude: Set(None),
        longitude: Set(None),
        verified: Set(true),
        created_by: Set(None),
        search_text: Set(format!("شهر {i} city {i}")),
        created_at: Set(now),
        updated_at: Set(now),
    }))
    .exec(db)
    .await?;
    let calls: Vec<Uuid> = (0..CALLS).map(|_| Uuid::now_v7()).collect();
    call::Entity::insert_many(calls.iter().enumerate().map(|(i, id)| {
        let opens = now - TimeDelta::days(400 - 40 * i as i64);
        call::ActiveModel {
            id: Set(*id),
            title_fa: Set(format!("فراخوان {i}")),
            title_en: Set(None),
            description_fa: Set("شرح".into()),
            description_en: Set(None),
            opens_at: Set(opens),
            closes_at: Set(opens + TimeDelta::days(60)),
            review_opens_at: Set(opens + TimeDelta::days(61)),
            review_closes_at: Set(opens + TimeDelta::days(90)),
            domains: Set(db::stored::Listed(Domain::ALL.to_vec())),
            ideas_per_citizen: Set(1000),
            blind_review: Set(true),
            reviewers_per_idea: Set(3),
            decisions_published_at: Set(None),
            version: Set(1),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        }
    }))
    .exec(db)
    .await?;
    let flat = Fingerprint::of_folded("").to_bytes();
    let mut batch = Vec::with_capacity(1000);
    for n in 0..IDEAS {
        // The first call holds SIMILARITY_CALL_IDEAS ideas; the rest are spread over the others.
        let call = if n < SIMILARITY_CALL_IDEAS {
            calls[0]
        } else {
            calls[1 + n % (CALLS - 1)]
        };
        let title = format!("{} {}", rng.text(4), n);
        let body = rng.text(60);
        let search_text = domain::text::fold(&format!("{title}\n{body}"));
        let fingerprint = if n < SIMILARITY_CALL_IDEAS {
            Fingerprint::of_folded(&search_text).to_bytes()
        } else {
            flat.clone()
        };
        let state = IdeaState::ALL[rng.below(IdeaState::ALL.len())];
        let submitted = state != IdeaState::Draft;
        let submitted_at = now - TimeDelta::minutes(rng.below(60 * 24 * 700) as i64);
        batch.push(idea::ActiveModel {
            id: Set(Uuid::now_v7()),
            call_id: Set(call),
            submitter_id: Set(users[rng.below(USERS)]),
            state: Set(Named(state)),
            title: Set(title),
            summary: Set(rng.text(12)),
            body: Set(body),
            domain: Set(Named(Domain::ALL[rng.below(Domain::ALL.len())])),
            target_city_id: Set(cities[rng.below(CITIES)].0),
            channel_kind: Set(Some(Named(TieKind::Study))),
            channel_description: Set("دانشجو".into()),
            channel_years: Set(Some(3)),
            partners: Set(Json(Vec::new())),
            expected_outcomes: Set(rng.text(8)),
            files_public: Set(false),
            submitter_category: Set(Some(Named(
                OccupationCategory::ALL[rng.below(OccupationCategory::ALL.len())],
            ))),
            search_text: Set(search_text),
            fingerprint: Set(fingerprint),
            best_match_id: Set(None),
            best_match_score: Set(None),
            version: Set(1),
            submitted_at: Set(submitted.then_some(submitted_at)),
            created_at: Set(submitted_at),
            updated_at: Set(submitted_at),
        });
        if batch.len() == 1000 {
            idea::Entity::insert_many(std::mem::take(&mut batch)).exec(db).await?;
        }
    }
    if !batch.is_empty() {
        idea::Entity::insert_many(batch).exec(db).await?;
    }
    Ok((calls, users))
}

async fn fingerprints(db: &impl ConnectionTrait, call: Uuid) -> anyhow::Result<Vec<(Uuid, Fingerprint)>> {
    let rows = idea::Entity::find()
        .filter(idea::Column::CallId.eq(call))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| Fingerprint::from_bytes(&row.fingerprint).map(|f| (row.id, f)))
        .collect())
}

fn filter(audience: Audience) -> IdeaFilter {
    IdeaFilter::new(audience)
}

/// The median of `runs` timings of `f`, after one warm-up run.
async fn median<F, Fut, T>(runs: usize, mut f: F) -> anyhow::Result<(Duration, T)>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<T>>,
{
    let mut last = f().await?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        last = f().await?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok((times[runs / 2], last))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: bench_ideas <database-url>"))?;
    let mut conn = db::connect(&url).await?;
    db::migrate(&conn).await?;
    let postgres = db::is_postgres(&conn);
    let mut rng = Lcg(1405);
    let start = Instant::now();
    let txn = db::begin_write(&conn).await?;
    let (calls, users) = fill(&txn, &mut rng).await?;
    txn.commit().await?;
    // Fresh statistics and (on PostgreSQL) a visibility map, as autovacuum gives a database that has
    // lived with its data: without it every count visits the table instead of the index alone.
    conn.execute_unprepared(if postgres { "VACUUM ANALYZE" } else { "ANALYZE" })
        .await?;
    println!(
        "filled {IDEAS} ideas in {:.1} s ({})",
        start.elapsed().as_secs_f64(),
        if postgres { "PostgreSQL" } else { "SQLite" }
    );

    // Every statement a list runs, kept for the plans.
    let statements: Arc<Mutex<Vec<Statement>>> = Arc::default();
    let sink = statements.clone();
    conn.set_metric_callback(move |info| {
        if let Ok(mut all) = sink.lock() {
            all.push(info.statement.clone());
        }
    });
    let today = Utc::now();
    let scenarios: Vec<(&str, IdeaFilter)> = vec![
        ("staff, all ideas, newest first", filter(Audience::Staff)),
        (
            "one call",
            IdeaFilter {
                call_id: Some(calls[3]),
                ..filter(Audience::Staff)
            },
        ),
        (
            "one call, state submitted",
            IdeaFilter {
                call_id: Some(calls[3]),
                state: Some(IdeaState::Submitted),
                ..filter(Audience::Staff)
            },
        ),
        (
            "domain",
            IdeaFilter {
                domain: Some(Domain::Tourism),
                ..filter(Audience::Staff)
            },
        ),
        (
            "target country",
            IdeaFilter {
                target_country: Some("MY".into()),
                ..filter(Audience::Staff)
            },
        ),
        (
            "submitter category",
            IdeaFilter {
                submitter_category: Some(OccupationCategory::Athlete),
                ..filter(Audience::Staff)
            },
        ),
        (
            "submitted in one week",
            IdeaFilter {
                submitted_from: Some(today - TimeDelta::days(100)),
                submitted_to: Some(today - TimeDelta::days(93)),
                ..filter(Audience::Staff)
            },
        ),
        (
            "q: a common word (in most ideas)",
            IdeaFilter {
                q: Some("خوشنویسی".into()),
                ..filter(Audience::Staff)
            },
        ),
        (
            "q: a rarer word",
            IdeaFilter {
                q: Some("واژه۱۲۳۴".into()),
                ..filter(Audience::Staff)
            },
        ),
        (
            "q: a rarer word in one call",
            IdeaFilter {
                q: Some("واژه۱۲۳۴".into()),
                call_id: Some(calls[3]),
                ..filter(Audience::Staff)
            },
        ),
        (
            "q: two words",
            IdeaFilter {
                q: Some("تراموا موزه".into()),
                ..filter(Audience::Staff)
            },
        ),
        (
            "q: number in the title",
            IdeaFilter {
                q: Some("۹۹۹۹۱".into()),
                ..filter(Audience::Staff)
            },
        ),
        (
            "one call, oldest submission first",
            IdeaFilter {
                call_id: Some(calls[3]),
                sort: (IdeaSortField::SubmittedAt, Order::Asc),
                ..filter(Audience::Staff)
            },
        ),
        (
            "sort by title, offset 5,000",
            IdeaFilter {
                sort: (IdeaSortField::Title, Order::Asc),
                offset: 5_000,
                ..filter(Audience::Staff)
            },
        ),
        ("citizen: own and selected ideas", filter(Audience::Account(users[7]))),
        ("public: selected ideas", filter(Audience::Public)),
        (
            "page of 100",
            IdeaFilter {
                limit: 100,
                ..filter(Audience::Staff)
            },
        ),
    ];
    println!("\n| list | median | total | statements |\n| --- | ---: | ---: | ---: |");
    let mut plans = Vec::new();
    for (name, scenario) in &scenarios {
        let (time, (total, count)) = median(9, || async {
            if let Ok(mut all) = statements.lock() {
                all.clear();
            }
            let (_, total) = db::ideas::list(&conn, scenario).await?;
            let count = statements.lock().map(|all| all.len()).unwrap_or(0);
            Ok((total, count))
        })
        .await?;
        println!("| {name} | {:.1} ms | {total} | {count} |", time.as_secs_f64() * 1000.0);
        if let Ok(all) = statements.lock() {
            plans.push((name.to_string(), all.clone()));
        }
    }

    // Near-duplicates in the call of 10,000 ideas.
    let sample = db::ideas::list(
        &conn,
        &IdeaFilter {
            call_id: Some(calls[0]),
            ..filter(Audience::Staff)
        },
    )
    .await?
    .0;
    let probe = sample
        .first()
        .map(|row| row.idea.clone())
        .ok_or_else(|| anyhow::anyhow!("no idea"))?;
    let (similar_time, similar) = median(5, || async { Ok(db::ideas::similar(&conn, &probe, 10).await?) }).await?;
    println!(
        "\nsimilar ideas in a call of {SIMILARITY_CALL_IDEAS}: {:.1} ms (best score {:.3})",
        similar_time.as_secs_f64() * 1000.0,
        similar.first().map_or(0.0, |s| s.1)
    );
    let started = Instant::now();
    let all = fingerprints(&conn, calls[0]).await?;
    let best: Vec<(Uuid, Option<(Uuid, f64)>)> = all
        .iter()
        .map(|(id, print)| (*id, domain::similarity::best_match(*id, print, &all)))
        .collect();
    let computed = started.elapsed();
    let txn = db::begin_write(&conn).await?;
    for (id, best) in best {
        idea::Entity::update_many()
            .col_expr(
                idea::Column::BestMatchId,
                sea_orm::sea_query::Expr::value(best.map(|b| b.0)),
            )
            .col_expr(
                idea::Column::BestMatchScore,
                sea_orm::sea_query::Expr::value(best.map(|b| b.1)),
            )
            .filter(idea::Column::Id.eq(id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    println!(
        "every best match of a call of {SIMILARITY_CALL_IDEAS} computed from scratch: {:.1} s (and stored: {:.1} s)",
        computed.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    // As after an edit of one idea: its text changed, so its fingerprint did.
    let mut edited = probe.clone();
    edited.fingerprint = Fingerprint::of_folded(&format!("{} {}", probe.search_text, "تراموا موزه")).to_bytes();
    let (refresh_time, ()) = median(5, || async {
        let txn = db::begin_write(&conn).await?;
        db::ideas::refresh_similarity(&txn, &edited).await?;
        txn.rollback().await?;
        Ok(())
    })
    .await?;
    println!(
        "best matches refreshed after one edit in a call of {SIMILARITY_CALL_IDEAS}: {:.1} ms",
        refresh_time.as_secs_f64() * 1000.0
    );

    if postgres {
        println!("\n## Query plans (PostgreSQL, EXPLAIN ANALYZE of each list's two statements)");
        for (name, statements) in plans {
            println!("\n### {name}");
            for statement in statements {
                let explain = Statement::from_sql_and_values(
                    statement.db_backend,
                    format!("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) {}", statement.sql),
                    statement.values.clone().map(|v| v.0).unwrap_or_default(),
                );
                println!("```");
                for row in conn.query_all_raw(explain).await? {
                    let line: String = row.try_get("", "QUERY PLAN")?;
                    println!("{line}");
                }
                println!("```");
            }
        }
    }
    Ok(())
}
