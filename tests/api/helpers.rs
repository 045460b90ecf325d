//! The test application: the real server on 127.0.0.1:0 with a fresh database per test — a temporary
//! SQLite file, or a fresh PostgreSQL database when TEST_DATABASE_URL is set.

use api::settings::ServeArgs;
use api::startup::Application;
use clap::Parser;
use reqwest::{Response, StatusCode};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use tempfile::TempDir;

pub const SECRET: &str = "test-secret-test-secret-test-secret-0123456789";
pub const PASSWORD: &str = "correct horse battery";

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub database_url: String,
    pub dir: TempDir,
    /// Dropped with the app: the PostgreSQL database goes with it.
    _postgres: Option<PostgresDatabase>,
}

/// A throwaway PostgreSQL database, dropped when the test ends.
struct PostgresDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        let (url, name) = (self.admin_url.clone(), self.name.clone());
        // Drop runs inside the test's runtime: do the async work on a thread of its own.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
            if let Ok(runtime) = runtime {
                runtime.block_on(async {
                    if let Ok(db) = Database::connect(&url).await {
                        let _ = db
                            .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                            .await;
                    }
                });
            }
        })
        .join();
    }
}

pub fn on_postgres() -> bool {
    std::env::var("TEST_DATABASE_URL").is_ok_and(|url| !url.is_empty())
}

async fn fresh_database(dir: &TempDir) -> (String, Option<PostgresDatabase>) {
    match std::env::var("TEST_DATABASE_URL").ok().filter(|url| !url.is_empty()) {
        Some(admin_url) => {
            let name = format!("cd_test_{}", uuid::Uuid::new_v4().simple());
            let db = Database::connect(&admin_url).await.expect("TEST_DATABASE_URL answers");
            db.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .expect("create test database");
            let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(base, _)| base);
            (
                format!("{base}/{name}"),
                Some(PostgresDatabase {
                    admin_url: admin_url.clone(),
                    name,
                }),
            )
        }
        None => (
            format!("sqlite://{}?mode=rwc", dir.path().join("test.sqlite3").display()),
            None,
        ),
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// Starts the server with extra `serve` flags.
pub async fn spawn_app_with(extra: &[&str]) -> TestApp {
    unstarted_app().await.start(extra).await
}

/// A fresh, empty database and data folder, with no server yet.
pub async fn unstarted_app() -> TestApp {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (database_url, postgres) = fresh_database(&dir).await;
    TestApp {
        address: String::new(),
        client: client(),
        database_url,
        dir,
        _postgres: postgres,
    }
}

/// A server that serves a small stand-in for the built SPA (an index.html and one asset) from its data folder.
pub async fn spawn_app_with_spa() -> TestApp {
    let app = unstarted_app().await;
    let dist = app.dir.path().join("dist");
    std::fs::create_dir_all(dist.join("assets")).expect("dist");
    std::fs::write(dist.join("index.html"), "<!doctype html><title>SPA</title>").expect("index");
    std::fs::write(dist.join("assets/app.js"), "console.log(1)").expect("asset");
    let args = app.serve_args(&["--static-dir", dist.to_str().unwrap_or_default()]);
    app.start_with(args).await
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("HTTP client")
}

impl TestApp {
    /// The `serve` flags of this test app: its database and data folder, a test secret, then `extra`.
    pub fn serve_args(&self, extra: &[&str]) -> ServeArgs {
        let mut flags = vec!["--jwt-secret", SECRET];
        flags.extend_from_slice(extra);
        self.serve_args_without_secret(&flags)
    }

    pub fn serve_args_without_secret(&self, extra: &[&str]) -> ServeArgs {
        let data_dir = self.dir.path().join("data");
        let mut argv: Vec<String> = [
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--database-url",
            &self.database_url,
            "--data-dir",
            data_dir.to_str().unwrap_or("data"),
            "--static-dir",
            "/nonexistent",
            "--workers",
            "1",
            // Off unless a test turns it on (`--require-second-factor true`): most tests sign staff in
            // with a password alone.
            "--require-second-factor",
            "false",
            // Off unless a test turns it on (`--require-email-verification true`): most tests submit ideas
            // from accounts registered a moment before.
            "--require-email-verification",
            "false",
            // The tests' webhook receivers listen on 127.0.0.1 (`--webhook-allow-loopback false` to test the
            // production policy).
            "--webhook-allow-loopback",
            "true",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        argv.extend(extra.iter().map(|s| s.to_string()));
        ServeArgs::try_parse_from(argv).expect("valid serve flags")
    }

    async fn start(self, extra: &[&str]) -> TestApp {
        let args = self.serve_args(extra);
        self.start_with(args).await
    }

    /// Starts (another) server on this test's database and data folder.
    pub async fn start_with(mut self, args: ServeArgs) -> TestApp {
        let app = Application::build(args).await.expect("the application starts");
        self.address = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run_until_stopped());
        self
    }

    pub async fn db(&self) -> DatabaseConnection {
        Database::connect(&self.database_url).await.expect("test database")
    }

    /// The events recorded about a subject, oldest first, read from the database.
    pub async fn events_of(&self, subject: domain::event::SubjectKind, id: &str) -> Vec<db::events::Model> {
        let id = uuid::Uuid::parse_str(id).expect("a UUID");
        db::events::of_subject(&self.db().await, subject, id)
            .await
            .expect("events read")
    }

    /// The id of the account a token belongs to.
    pub async fn user_id(&self, token: &str) -> String {
        let me = self.json(self.get("/api/v1/me", Some(token)).await).await;
        me["id"].as_str().expect("id").to_owned()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        let mut request = self.client.get(self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    /// A GET with extra headers (request ids, Accept-Encoding, Origin…).
    pub async fn get_with_headers(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        let request = headers
            .iter()
            .fold(self.client.get(self.url(path)), |request, (name, value)| {
                request.header(*name, *value)
            });
        request.send().await.expect("request sent")
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Response {
        let mut request = self.client.post(self.url(path)).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    pub async fn patch(&self, path: &str, token: Option<&str>, body: Value) -> Response {
        let mut request = self.client.patch(self.url(path)).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    /// The JSON body of a 200 answer.
    pub async fn json(&self, response: Response) -> Value {
        assert_eq!(response.status(), StatusCode::OK, "status");
        response.json().await.expect("JSON body")
    }

    pub async fn register(&self, email: &str) -> Value {
        let response = self
            .post(
                "/api/v1/auth/register",
                None,
                json!({ "email": email, "password": PASSWORD }),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json().await.expect("JSON")
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.post(
            "/api/v1/auth/login",
            None,
            json!({ "email": email, "password": password }),
        )
        .await
    }

    pub async fn refresh(&self, refresh_token: &str) -> Response {
        self.post("/api/v1/auth/refresh", None, json!({ "refreshToken": refresh_token }))
            .await
    }

    /// An account with the given roles (set directly in the database), signed in: its token response.
    pub async fn signed_in_with_roles(&self, email: &str, roles: &str) -> Value {
        let registered = self.register(email).await;
        if !roles.is_empty() {
            let db = self.db().await;
            let sql = format!("UPDATE users SET roles = '{roles}' WHERE email = '{email}'");
            db.execute_unprepared(&sql).await.expect("roles set");
        }
        registered
    }

    pub async fn admin(&self) -> (String, Value) {
        let admin = self.signed_in_with_roles("admin@example.org", "admin").await;
        (token(&admin), admin)
    }
}

pub fn token(tokens: &Value) -> String {
    tokens["accessToken"].as_str().expect("accessToken").to_owned()
}

pub fn refresh_token(tokens: &Value) -> String {
    tokens["refreshToken"].as_str().expect("refreshToken").to_owned()
}

/// Asserts a problem+json answer with this status and code, and returns its body.
pub async fn assert_problem(response: Response, status: u16, code: &str) -> Value {
    assert_eq!(response.status().as_u16(), status, "status");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body: Value = response.json().await.expect("problem body");
    assert_eq!(body["code"], code, "code in {body}");
    assert_eq!(body["status"], status);
    assert_eq!(body["type"], format!("urn:citizen-diplomat:problem:{code}"));
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(body["detail"].as_str().is_some_and(|t| !t.is_empty()));
    body
}

/// The JSON pointers of a 422 problem's field errors.
/// An event's kind, actor, from and to.
pub type EventSummary = (String, Option<String>, Option<String>, Option<String>);

/// Each event's kind, actor, from and to, for one assertion.
pub fn event_summary(events: &[db::events::Model]) -> Vec<EventSummary> {
    events
        .iter()
        .map(|e| {
            (
                e.kind.to_string(),
                e.actor_id.map(|a| a.to_string()),
                e.from_value.clone(),
                e.to_value.clone(),
            )
        })
        .collect()
}

pub fn pointers(problem: &Value) -> Vec<&str> {
    problem["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["pointer"].as_str())
        .collect()
}

/// The English names (`name.en`) of a page's items.
pub fn names_en(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item["name"]["en"].as_str())
        .collect()
}
