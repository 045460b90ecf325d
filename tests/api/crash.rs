//! The crash test: 64 concurrent writers (accounts, idea drafts, drafts edited with If-Match) while the
//! server is killed with SIGKILL three times and started again on the same database; afterwards every
//! write that was acknowledged with a 2xx is there exactly as acknowledged. On SQLite (a temporary file)
//! and on PostgreSQL when TEST_DATABASE_URL is set (a fresh database), like the rest of the suite.
//!
//! The server must be a process of its own, or SIGKILL would take the test with it. To need no binary
//! built beforehand, the test binary starts itself again: `current_exe() --exact crash::child_server
//! --ignored --nocapture` with CRASH_CHILD_SERVE_ARGS set. That ignored test builds the server from those
//! `serve` flags through the api crate, as `citizen-diplomat serve` does (Application::build, which
//! migrates, then run_until_stopped), listens on 127.0.0.1:0 and prints its address on a line of its own
//! that the parent reads from the child's stdout. Without the variable the ignored test does nothing.
//!
//! "Acknowledged" means the whole answer arrived: a 2xx status and its body. A write whose answer was cut
//! by a kill is unknown — it may or may not have been committed — and is allowed either way: the checks
//! accept for such a write only what it would have written, never anything else. After an edit with an
//! unknown outcome its writer reads the idea back (a read of committed data must last too) and carries on
//! from what is stored, so If-Match always names the stored version.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use api::settings::ServeArgs;
use api::startup::Application;
use clap::Parser;
use reqwest::Method;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use tokio::sync::watch;

use crate::fixtures::open_call_body;
use crate::helpers::{SECRET, TestApp, unstarted_app};

const CHILD_ENV: &str = "CRASH_CHILD_SERVE_ARGS";
const CHILD_TEST: &str = "crash::child_server";
const READY: &str = "CRASH-CHILD-LISTENING";

const WRITERS: usize = 64;
/// Writes per writer: about 1,300 in all, a few seconds per server life in a debug build.
const OPS: usize = 20;
/// Accounts made before the load; writer `w` drafts as account `w % ACCOUNTS`.
const ACCOUNTS: usize = 16;
/// The kills land when this share (in percent) of all writes has been done.
const KILL_AT_PERCENT: [usize; 3] = [15, 40, 65];
/// Long and random-looking: the password rules refuse short and common ones.
const PASSWORD: &str = "crash-Pw-7f3k9-q2x8-m4v6-Lz0t";

/// The bound on every wait: a child starting, a writer waiting for the server to come back, a request.
const PATIENCE: Duration = Duration::from_secs(60);
/// How often a read is tried again across restarts before the test gives up.
const READ_TRIES: usize = 8;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_the_server_being_killed_three_times() {
    let started = Instant::now();
    let app = unstarted_app().await;
    let exe = std::env::current_exe().expect("the test binary's path");
    let mut server = ServerProcess::start(&exe, &app, 0).await;
    let client = reqwest::Client::builder()
        .timeout(PATIENCE)
        // Below the server's keep-alive (5 s), so that a connection is rarely closed by it while reused.
        .pool_idle_timeout(Duration::from_secs(2))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("HTTP client");
    let (generations, current) = watch::channel(Generation {
        number: 0,
        base: server.base.clone(),
    });

    let setup = setup(&app, &client, &server.base).await;
    let load = Arc::new(Load {
        client,
        current,
        progress: AtomicUsize::new(0),
        call: setup.call.clone(),
        city: setup.city.clone(),
        tokens: setup.tokens.clone(),
    });

    let writers: Vec<_> = (0..WRITERS)
        .map(|w| tokio::spawn(writer(Arc::clone(&load), w)))
        .collect();

    // The kills: each once the load has done its share of the writes, so that it lands mid-load.
    let total = WRITERS * OPS;
    for (kill, percent) in KILL_AT_PERCENT.iter().enumerate() {
        let threshold = total * percent / 100;
        let deadline = Instant::now() + PATIENCE * 2;
        while load.progress.load(Ordering::SeqCst) < threshold {
            assert!(Instant::now() < deadline, "the load stalled before kill {}", kill + 1);
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let done = load.progress.load(Ordering::SeqCst);
        server.kill();
        let number = u32::try_from(kill + 1).unwrap_or(u32::MAX);
        server = ServerProcess::start(&exe, &app, number).await;
        eprintln!(
            "crash: SIGKILL {} after {done} of {total} writes, restarted at {} ({:.1?})",
            kill + 1,
            server.base,
            started.elapsed()
        );
        generations.send_replace(Generation {
            number,
            base: server.base.clone(),
        });
    }

    let mut records = Vec::new();
    for handle in writers {
        records.push(
            tokio::time::timeout(PATIENCE * 3, handle)
                .await
                .expect("a writer finished in time")
                .expect("a writer did not panic"),
        );
    }
    let unexpected: Vec<&String> = records.iter().flat_map(|r| &r.unexpected).collect();
    assert!(
        unexpected.is_empty(),
        "answers no write should get: {unexpected:#?}\nthe server's log:\n{}",
        server_logs(&app)
    );
    let acknowledged: usize = records.iter().map(|r| r.acknowledged).sum();
    let cut: usize = records.iter().map(|r| r.cut).sum();
    eprintln!(
        "crash: load done in {:.1?}: {acknowledged} writes acknowledged, {cut} cut by a kill",
        started.elapsed()
    );

    verify(&load, &setup, &records).await;
    drop(server);
    eprintln!("crash: verified in {:.1?} in all", started.elapsed());
}

/// Not a test of its own: the server process of the crash test, started by it with CRASH_CHILD_SERVE_ARGS.
#[tokio::test]
#[ignore = "the crash test's child server; does nothing unless the crash test starts it"]
async fn child_server() {
    let Ok(flags) = std::env::var(CHILD_ENV) else {
        return;
    };
    let argv = std::iter::once("serve").chain(flags.split('\n'));
    let args = ServeArgs::try_parse_from(argv).expect("valid serve flags");
    // The server's own log lines (warnings and errors, with their causes) go to the log file of this life.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("warn"))
        .with_writer(std::io::stderr)
        .try_init();
    let app = Application::build(args).await.expect("the child server starts");
    // stdout is line-buffered: the parent reads this line as soon as the port is bound. The harness has
    // written "test crash::child_server ... " without a line break before it.
    println!("\n{READY} http://127.0.0.1:{}", app.port());
    app.run_until_stopped().await.expect("the child server runs");
}

/// The start of the servers' log files (the child's stderr, warnings and errors only), for a failure message.
fn server_logs(app: &TestApp) -> String {
    let mut logs = String::new();
    for life in 0..=KILL_AT_PERCENT.len() {
        let log = std::fs::read_to_string(app.dir.path().join(format!("server-{life}.log"))).unwrap_or_default();
        logs.push_str(&format!("--- life {life}\n"));
        // The errors first: under load the log fills with slow-acquire warnings.
        let errors: Vec<&str> = log.lines().filter(|line| line.contains("ERROR")).collect();
        logs.extend(errors.join("\n").chars().take(4_000));
        logs.push('\n');
    }
    logs
}

/// One server process, killed when dropped (a failing test leaves none behind).
pub(crate) struct ServerProcess {
    child: Child,
    pub base: String,
}

impl ServerProcess {
    /// Starts the test binary again as a server on the app's database and data folder, and waits for its
    /// address. `life` numbers the log file (the child's stderr).
    async fn start(exe: &std::path::Path, app: &TestApp, life: u32) -> ServerProcess {
        ServerProcess::start_with(exe, app, life, &[]).await
    }

    /// The same with more `serve` flags.
    pub(crate) async fn start_with(exe: &std::path::Path, app: &TestApp, life: u32, extra: &[&str]) -> ServerProcess {
        let data_dir = app.dir.path().join("data");
        let mut flags = vec![
            "--listen",
            "127.0.0.1:0",
            "--database-url",
            &app.database_url,
            "--data-dir",
            data_dir.to_str().expect("UTF-8 path"),
            "--static-dir",
            "/nonexistent",
            "--jwt-secret",
            SECRET,
            "--workers",
            "2",
            // All logins here succeed; a cut one is tried again. No lock may get in the way.
            "--login-max-failures-per-account",
            "100000",
            "--login-max-failures-per-client",
            "100000",
            // The staff member here signs in with a password alone.
            "--require-second-factor",
            "false",
            "--require-email-verification",
            "false",
        ];
        flags.extend_from_slice(extra);
        let log_path = app.dir.path().join(format!("server-{life}.log"));
        let log = std::fs::File::create(&log_path).expect("log file");
        let mut child = Command::new(exe)
            .args(["--exact", CHILD_TEST, "--ignored", "--nocapture", "--test-threads", "1"])
            .env(CHILD_ENV, flags.join("\n"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("the child server process starts");
        let stdout = child.stdout.take().expect("the child's stdout");
        let (sender, receiver) = std::sync::mpsc::channel();
        // Reads the address, then drains the pipe so that the child never blocks on a full one.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some((_, base)) = line.split_once(READY) {
                    let _ = sender.send(base.trim().to_owned());
                }
            }
        });
        let waited = tokio::task::spawn_blocking(move || receiver.recv_timeout(PATIENCE))
            .await
            .expect("waiting for the child");
        let mut server = ServerProcess {
            child,
            base: String::new(),
        };
        match waited {
            Ok(base) => server.base = base,
            Err(_) => {
                server.kill();
                let log = std::fs::read_to_string(&log_path).unwrap_or_default();
                panic!("the child server did not report its address; its log:\n{log}");
            }
        }
        server
    }

    /// SIGKILL (what std's Child::kill sends on Unix): no shutdown, no flush, requests cut mid-flight.
    pub(crate) fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Which server life is current and where it listens.
#[derive(Debug, Clone)]
struct Generation {
    number: u32,
    base: String,
}

/// What the writers share.
struct Load {
    client: reqwest::Client,
    current: watch::Receiver<Generation>,
    /// Writes done, whatever their outcome: what the kills are timed on.
    progress: AtomicUsize,
    call: String,
    city: String,
    /// The access tokens of the accounts made before the load.
    tokens: Vec<String>,
}

/// An answer, or nothing known because the connection broke (the server was killed).
enum Outcome {
    Answered { status: u16, body: Value },
    Cut { generation: u32 },
}

impl Load {
    async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, String)],
        body: Option<Value>,
    ) -> Outcome {
        let generation = self.current.borrow().clone();
        let mut request = self.client.request(method, format!("{}{path}", generation.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let cut = Outcome::Cut {
            generation: generation.number,
        };
        let Ok(response) = request.send().await else {
            return cut;
        };
        let status = response.status().as_u16();
        // The body is part of the answer: a status whose body was cut is not an acknowledgement.
        let Ok(bytes) = response.bytes().await else {
            return cut;
        };
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Outcome::Answered { status, body }
    }

    /// After a cut answer: waits until a later server life listens, or until the current one answers (the
    /// cut was then not a kill, for example a kept-alive connection closed by the server while in use).
    async fn recover(&self, generation: u32) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let current = self.current.borrow().clone();
            if current.number > generation {
                return;
            }
            let probe = self
                .client
                .get(format!("{}/api/health/live", current.base))
                .timeout(Duration::from_secs(2))
                .send()
                .await;
            if probe.is_ok_and(|r| r.status().is_success()) {
                return;
            }
            assert!(Instant::now() < deadline, "the server came back in time");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// A request tried again across restarts (reads, and the final checks): its status and body.
    async fn answered(&self, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> (u16, Value) {
        for _ in 0..READ_TRIES {
            match self.send(method.clone(), path, token, &[], body.clone()).await {
                Outcome::Answered { status, body } => return (status, body),
                Outcome::Cut { generation } => self.recover(generation).await,
            }
        }
        panic!("{method} {path} got no answer in {READ_TRIES} server lives");
    }
}

struct Setup {
    call: String,
    city: String,
    emails: Vec<String>,
    tokens: Vec<String>,
}

/// A staff member makes a city and an open call taking 50 ideas per citizen; ACCOUNTS citizens register.
async fn setup(app: &TestApp, client: &reqwest::Client, base: &str) -> Setup {
    let post = |path: &str, token: Option<&str>, body: Value| {
        let mut request = client.post(format!("{base}{path}")).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        async move {
            let response = request.send().await.expect("set-up request");
            assert!(response.status().is_success(), "set-up: {}", response.status());
            response.json::<Value>().await.expect("set-up body")
        }
    };
    let register = |email: String| {
        post(
            "/api/v1/auth/register",
            None,
            json!({ "email": email, "password": PASSWORD }),
        )
    };
    let staff = register("crash-staff@example.org".to_owned()).await;
    let db = app.db().await;
    db.execute_unprepared("UPDATE users SET roles = 'staff' WHERE email = 'crash-staff@example.org'")
        .await
        .expect("staff role set");
    let _ = db.close().await;
    let staff = staff["accessToken"].as_str().expect("accessToken").to_owned();
    let city = post(
        "/api/v1/cities",
        Some(&staff),
        json!({ "name": { "fa": "فلورانس", "en": "Florence" }, "country": "IT" }),
    )
    .await;
    let mut call = open_call_body();
    call["ideasPerCitizen"] = json!(50);
    let call = post("/api/v1/calls", Some(&staff), call).await;
    let emails: Vec<String> = (0..ACCOUNTS)
        .map(|a| format!("crash-citizen-{a}@example.org"))
        .collect();
    let mut tokens = Vec::new();
    for email in &emails {
        let tokens_body = register(email.clone()).await;
        tokens.push(tokens_body["accessToken"].as_str().expect("accessToken").to_owned());
    }
    Setup {
        call: call["id"].as_str().expect("call id").to_owned(),
        city: city["id"].as_str().expect("city id").to_owned(),
        emails,
        tokens,
    }
}

/// What one writer did and learnt.
#[derive(Default)]
struct Record {
    /// Accounts it registered whose registration was acknowledged, or later proven (409 email_taken).
    accounts: Vec<String>,
    /// Drafts whose creation was acknowledged, with their last acknowledged (or read back) state.
    ideas: Vec<IdeaState>,
    /// Titles of drafts whose creation was cut: each may exist or not, under the writer's account.
    cut_creations: Vec<String>,
    acknowledged: usize,
    cut: usize,
    unexpected: Vec<String>,
}

#[derive(Clone)]
struct IdeaState {
    id: String,
    version: i64,
    title: String,
    summary: String,
    /// Edits whose answer was cut after this state: (version, title, summary) each would have stored.
    cut_edits: Vec<(i64, String, String)>,
}

fn idea_state(body: &Value) -> Option<(i64, String, String)> {
    Some((
        body["version"].as_i64()?,
        body["title"].as_str()?.to_owned(),
        body["summary"].as_str()?.to_owned(),
    ))
}

/// Writer `w`: OPS writes — a draft created every fourth op (and whenever it has none), edits of its own
/// drafts otherwise, and for one writer in four a new account at ops 4, 10 and 16.
async fn writer(load: Arc<Load>, w: usize) -> Record {
    let mut record = Record::default();
    let token = load.tokens[w % ACCOUNTS].clone();
    for op in 0..OPS {
        if w.is_multiple_of(4) && op % 6 == 4 {
            register(&load, &mut record, format!("crash-w{w}-op{op}@example.org")).await;
        } else if record.ideas.is_empty() || op.is_multiple_of(4) {
            create(&load, &mut record, &token, format!("crash draft w{w} op{op}")).await;
        } else {
            let which = op % record.ideas.len();
            edit(&load, &mut record, &token, which, w, op).await;
        }
        load.progress.fetch_add(1, Ordering::SeqCst);
    }
    record
}

async fn register(load: &Load, record: &mut Record, email: String) {
    let body = json!({ "email": email, "password": PASSWORD });
    for attempt in 0..READ_TRIES {
        match load
            .send(Method::POST, "/api/v1/auth/register", None, &[], Some(body.clone()))
            .await
        {
            Outcome::Answered { status: 201, .. } => {
                record.acknowledged += 1;
                record.accounts.push(email);
                return;
            }
            // Only after a cut attempt: that one was committed, and the account must stay.
            Outcome::Answered { status: 409, body } if attempt > 0 && body["code"] == "email_taken" => {
                record.accounts.push(email);
                return;
            }
            Outcome::Answered { status, body } => {
                record.unexpected.push(format!("register {email}: {status} {body}"));
                return;
            }
            Outcome::Cut { generation } => {
                record.cut += 1;
                load.recover(generation).await;
            }
        }
    }
    record
        .unexpected
        .push(format!("register {email}: no answer in {READ_TRIES} server lives"));
}

async fn create(load: &Load, record: &mut Record, token: &str, title: String) {
    let body = json!({ "callId": load.call, "title": title, "domain": "cultural", "targetCityId": load.city });
    match load
        .send(Method::POST, "/api/v1/ideas", Some(token), &[], Some(body))
        .await
    {
        Outcome::Answered { status: 201, body } => match (body["id"].as_str(), idea_state(&body)) {
            (Some(id), Some((1, stored_title, summary))) if stored_title == title => {
                record.acknowledged += 1;
                record.ideas.push(IdeaState {
                    id: id.to_owned(),
                    version: 1,
                    title,
                    summary,
                    cut_edits: Vec::new(),
                });
            }
            _ => record.unexpected.push(format!("create {title}: 201 {body}")),
        },
        Outcome::Answered { status, body } => record.unexpected.push(format!("create {title}: {status} {body}")),
        // Not tried again: a second try could make a second draft. This one may exist or not.
        Outcome::Cut { generation } => {
            record.cut += 1;
            record.cut_creations.push(title);
            load.recover(generation).await;
        }
    }
}

async fn edit(load: &Load, record: &mut Record, token: &str, which: usize, w: usize, op: usize) {
    let idea = record.ideas[which].clone();
    let next = idea.version + 1;
    let title = format!("crash edit w{w} op{op}");
    let summary = format!("edited by writer {w} in op {op}, to version {next}");
    let path = format!("/api/v1/ideas/{}", idea.id);
    let if_match = [("If-Match", format!("\"{}\"", idea.version))];
    let body = json!({ "title": title, "summary": summary });
    let outcome = load
        .send(Method::PATCH, &path, Some(token), &if_match, Some(body))
        .await;
    let state = &mut record.ideas[which];
    match outcome {
        Outcome::Answered { status: 200, body } => match idea_state(&body) {
            Some(stored) if stored == (next, title.clone(), summary.clone()) => {
                record.acknowledged += 1;
                (state.version, state.title, state.summary) = stored;
                state.cut_edits.clear();
            }
            _ => record.unexpected.push(format!("edit {path} to {next}: 200 {body}")),
        },
        // 412 only follows a cut edit that was committed after all (the read-back raced its commit).
        Outcome::Answered { status: 412, .. } if !state.cut_edits.is_empty() => {
            resync(load, record, token, which).await;
        }
        Outcome::Answered { status, body } => {
            record
                .unexpected
                .push(format!("edit {path} to {next}: {status} {body}"));
        }
        Outcome::Cut { generation } => {
            record.cut += 1;
            state.cut_edits.push((next, title, summary));
            load.recover(generation).await;
            resync(load, record, token, which).await;
        }
    }
}

/// Reads an idea back after a cut edit: what is stored is its last state or a cut edit's, and the writer
/// carries on from it.
async fn resync(load: &Load, record: &mut Record, token: &str, which: usize) {
    let state = &mut record.ideas[which];
    let path = format!("/api/v1/ideas/{}", state.id);
    let (status, body) = load.answered(Method::GET, &path, Some(token), None).await;
    let stored = idea_state(&body).filter(|_| status == 200);
    match stored {
        Some(stored) if matches_state(state, &stored) => {
            (state.version, state.title, state.summary) = stored;
            state.cut_edits.clear();
        }
        _ => record.unexpected.push(format!("read back {path}: {status} {body}")),
    }
}

/// Whether a stored (version, title, summary) is the idea's last known state or one its cut edits wrote.
fn matches_state(state: &IdeaState, stored: &(i64, String, String)) -> bool {
    let known = (state.version, state.title.clone(), state.summary.clone());
    *stored == known || state.cut_edits.iter().any(|cut| cut == stored)
}

/// After the last restart: every account signs in, every draft is there as acknowledged, and no draft
/// exists that no writer tried to create.
async fn verify(load: &Load, setup: &Setup, records: &[Record]) {
    let mut failures = Vec::new();

    let emails = setup.emails.iter().chain(records.iter().flat_map(|r| &r.accounts));
    for email in emails {
        let body = json!({ "email": email, "password": PASSWORD });
        let (status, _) = load
            .answered(Method::POST, "/api/v1/auth/login", None, Some(body))
            .await;
        if status != 200 {
            failures.push(format!("{email} cannot sign in: {status}"));
        }
    }

    for (account, token) in setup.tokens.iter().enumerate() {
        let mine = (account..WRITERS).step_by(ACCOUNTS).map(|w| &records[w]);
        let known: HashMap<&str, &IdeaState> = mine
            .clone()
            .flat_map(|r| &r.ideas)
            .map(|idea| (idea.id.as_str(), idea))
            .collect();
        let cut_titles: HashSet<&str> = mine.flat_map(|r| &r.cut_creations).map(String::as_str).collect();
        let (status, page) = load
            .answered(Method::GET, "/api/v1/ideas?mine=true&limit=100", Some(token), None)
            .await;
        let items = page["items"].as_array().cloned().unwrap_or_default();
        if status != 200 || page["total"].as_u64() != Some(items.len() as u64) {
            failures.push(format!("account {account}'s ideas: {status} {page}"));
            continue;
        }
        let mut seen = HashSet::new();
        for item in &items {
            let id = item["id"].as_str().unwrap_or_default();
            seen.insert(id);
            let stored = idea_state(item);
            match (known.get(id), stored) {
                (Some(idea), Some(stored)) if matches_state(idea, &stored) && item["state"] == "draft" => {}
                (None, Some((1, title, _))) if cut_titles.contains(title.as_str()) => {}
                _ => failures.push(format!("account {account}: unexpected idea {item}")),
            }
        }
        for id in known.keys().filter(|id| !seen.contains(**id)) {
            failures.push(format!("account {account}: acknowledged idea {id} is gone"));
        }
    }
    let ideas: usize = records.iter().map(|r| r.ideas.len()).sum();
    eprintln!(
        "crash: checked {} accounts and {ideas} drafts",
        setup.emails.len() + records.iter().map(|r| r.accounts.len()).sum::<usize>()
    );
    assert!(failures.is_empty(), "lost or changed after the kills: {failures:#?}");
}
