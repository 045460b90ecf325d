//! The dispatcher against a local SMTP server (the tests' mailin sink): how fast a backlog of 10,000 queued
//! e-mails drains, and how long a message waits from the commit that queued it to its delivery when they
//! come one by one. The server runs in this process, as `citizen-diplomat serve` does (Application::build).
//!
//! Usage: cargo run --release -p integration-tests --example bench_outbox [-- <database-url>]
//! Without a URL it uses a fresh SQLite file. `make bench-outbox`; figures in docs/benchmarks/outbox.md.

use std::time::{Duration, Instant};

use api::settings::ServeArgs;
use api::startup::Application;
use chrono::Utc;
use clap::Parser;
use domain::notice::{Bilingual, CallRef, IdeaCopy, Notice};
use uuid::Uuid;

#[allow(dead_code)]
#[path = "../api/mailbox.rs"]
mod mailbox;

const MESSAGES: usize = 10_000;
const ACCOUNTS: usize = 500;
/// Messages queued one by one for the lag, one every `TRICKLE_EVERY`.
const TRICKLE: usize = 300;
const TRICKLE_EVERY: Duration = Duration::from_millis(20);
const SECRET: &str = "bench-secret-bench-secret-bench-secret-1405";

/// A receipt, the largest message: the idea's whole content.
fn receipt(n: usize) -> Notice {
    Notice::IdeaReceived {
        call: CallRef {
            id: Uuid::nil(),
            title: Bilingual {
                fa: "فراخوان شهروند دیپلمات ۱۴۰۵".to_owned(),
                en: Some("Citizen Diplomat call 1405".to_owned()),
            },
        },
        idea: IdeaCopy {
            id: Uuid::now_v7(),
            title: format!("پیوند موزه‌های دو شهر، شماره {n}"),
            summary: "خلاصه‌ای کوتاه از ایده برای آزمون سرعت".repeat(3),
            body: "متن کامل ایده با جزئیات اجرا، همکاران و بودجه. ".repeat(40),
            expected_outcomes: "پیوندی پایدار میان دو شهر".repeat(4),
            city: Bilingual {
                fa: "فلورانس".to_owned(),
                en: Some("Florence".to_owned()),
            },
            submitted_at: Utc::now(),
        },
    }
}

fn serve_args(url: &str, data_dir: &str, mail: &str, dispatch: bool) -> anyhow::Result<ServeArgs> {
    let mut argv = vec![
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--database-url",
        url,
        "--data-dir",
        data_dir,
        "--static-dir",
        "/nonexistent",
        "--jwt-secret",
        SECRET,
        "--mail-url",
        mail,
        "--outbox-poll-ms",
        "100",
        "--scheduler-interval-seconds",
        "3600",
    ];
    if !dispatch {
        argv.push("--no-dispatch");
    }
    Ok(ServeArgs::try_parse_from(argv)?)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or(0.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let url = std::env::args()
        .nth(1)
        .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", dir.path().join("bench.sqlite3").display()));
    let data_dir = dir.path().join("data");
    let data_dir = data_dir.to_str().unwrap_or("data");
    let sink = mailbox::Mailbox::start();

    // The backlog: accounts and 10,000 queued receipts, written while no process dispatches.
    let quiet = Application::build(serve_args(&url, data_dir, &sink.url(), false)?).await?;
    drop(quiet);
    let db = db::connect(&url).await?;
    let mut accounts = Vec::with_capacity(ACCOUNTS);
    for n in 0..ACCOUNTS {
        let user = db::users::NewUser {
            email: format!("bench-{n}-{}@example.org", Uuid::new_v4().simple()),
            display_name: format!("شهروند {n}"),
            password_hash: None,
            roles: domain::roles::Roles::default(),
            locale: if n % 3 == 0 {
                domain::account::Locale::En
            } else {
                domain::account::Locale::Fa
            },
            email_verified_at: Some(Utc::now()),
        };
        accounts.push(db::users::insert(&db, user, Utc::now()).await?.id);
    }
    let queued = Instant::now();
    for chunk in (0..MESSAGES).collect::<Vec<_>>().chunks(500) {
        let txn = db::begin_write(&db).await?;
        for n in chunk {
            let message = db::outbox::NewMessage {
                user_id: accounts[n % ACCOUNTS],
                notice: receipt(*n),
                secret: None,
            };
            db::outbox::insert(&txn, message, Utc::now()).await?;
        }
        txn.commit().await?;
    }
    println!("queued {MESSAGES} receipts in {:.1} s", queued.elapsed().as_secs_f64());

    // One dispatching server drains it.
    let server = Application::build(serve_args(&url, data_dir, &sink.url(), true)?).await?;
    let started = Instant::now();
    tokio::spawn(server.run_until_stopped());
    while sink.count() < MESSAGES {
        anyhow::ensure!(
            started.elapsed() < Duration::from_secs(1800),
            "the backlog did not drain in 30 minutes"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let drained = started.elapsed().as_secs_f64();
    let bytes: usize = sink.all().iter().map(|m| m.raw.len()).sum();
    println!(
        "backlog: {MESSAGES} messages delivered in {drained:.1} s = {:.0} messages/s ({:.1} KiB each on average)",
        MESSAGES as f64 / drained,
        bytes as f64 / MESSAGES as f64 / 1024.0
    );

    // The lag: one message at a time, each in its own transaction, as use cases queue them.
    let before = sink.count();
    let mut created = std::collections::HashMap::new();
    for n in 0..TRICKLE {
        let txn = db::begin_write(&db).await?;
        let message = db::outbox::NewMessage {
            user_id: accounts[n % ACCOUNTS],
            notice: receipt(n),
            secret: None,
        };
        let row = db::outbox::insert(&txn, message, Utc::now()).await?;
        txn.commit().await?;
        created.insert(row.id, Utc::now());
        tokio::time::sleep(TRICKLE_EVERY).await;
    }
    let waited = Instant::now();
    while sink.count() < before + TRICKLE {
        anyhow::ensure!(waited.elapsed() < Duration::from_secs(60), "the trickle did not arrive");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let mut lags: Vec<f64> = sink.all()[before..]
        .iter()
        .filter_map(|m| {
            let id = m.message_id();
            let id = Uuid::parse_str(id.split('@').next()?).ok()?;
            let committed = created.get(&id)?;
            Some((m.at - *committed).num_microseconds()? as f64 / 1000.0)
        })
        .collect();
    lags.sort_by(f64::total_cmp);
    println!(
        "lag from commit to delivery, {} messages one every {} ms: p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms (poll interval 100 ms)",
        lags.len(),
        TRICKLE_EVERY.as_millis(),
        percentile(&lags, 0.5),
        percentile(&lags, 0.95),
        lags.last().copied().unwrap_or(0.0)
    );
    let sent = db::outbox::count(&db, domain::notice::DeliveryState::Sent, None).await?;
    println!("outbox: {sent} sent");
    Ok(())
}
