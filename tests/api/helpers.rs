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
    /// The S3 bucket the app keeps its files in (`spawn_app_on_storage(Storage::S3, …)`); None: the local
    /// folder under its data folder.
    pub s3: Option<S3Bucket>,
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
        s3: None,
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

// Files: the test services, the two storages, multipart uploads.

/// Whether this is CI's run (`CI` set, as .ci/run's caller sets it): there a missing test service fails.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| !value.is_empty() && value != "false")
}

/// A test service's address from the environment variable `var` (tests/services/with-services.sh sets them
/// around `make test`). When it is missing, None after printing `SKIPPED: …`, so that the test passes without
/// the service on a developer's machine; in CI a loud failure.
pub fn test_service(var: &str, what: &str) -> Option<String> {
    if let Some(value) = std::env::var(var).ok().filter(|value| !value.is_empty()) {
        return Some(value);
    }
    let message = format!(
        "{var} is not set: {what} is not running (tests/services/with-services.sh starts it, as `make test` does)"
    );
    assert!(!in_ci(), "{message}; CI must run every files test");
    println!("SKIPPED: {message}");
    eprintln!("SKIPPED: {message}");
    None
}

/// Where a test app keeps its files' bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// The local file system under the data folder (STORAGE_URL empty, the default).
    Local,
    /// moto's S3 server at TEST_S3_ENDPOINT, in a bucket of the test's own.
    S3,
}

/// A test's own bucket on the S3 test server.
#[derive(Clone, Debug)]
pub struct S3Bucket {
    pub endpoint: String,
    pub bucket: String,
}

impl S3Bucket {
    /// A fresh bucket on TEST_S3_ENDPOINT, made with a plain unsigned `PUT /<bucket>` (moto takes it). None
    /// (SKIPPED) without the server.
    pub async fn fresh() -> Option<S3Bucket> {
        let endpoint = test_service("TEST_S3_ENDPOINT", "the S3 test server (moto)")?;
        let endpoint = endpoint.trim_end_matches('/').to_owned();
        let bucket = format!("cd-test-{}", uuid::Uuid::new_v4().simple());
        let response = reqwest::Client::new()
            .put(format!("{endpoint}/{bucket}"))
            .send()
            .await
            .expect("the S3 test server answers");
        assert!(
            response.status().is_success(),
            "creating bucket {bucket}: {}",
            response.status()
        );
        Some(S3Bucket { endpoint, bucket })
    }

    /// The `serve` flags that keep the files in this bucket.
    pub fn serve_flags(&self) -> Vec<String> {
        [
            "--storage-url",
            &format!("s3://{}", self.bucket),
            "--s3-endpoint",
            &self.endpoint,
            "--s3-access-key-id",
            "test",
            "--s3-secret-access-key",
            "test",
            "--s3-allow-http",
            "true",
        ]
        .iter()
        .map(|flag| flag.to_string())
        .collect()
    }

    /// The keys and sizes of the bucket's objects (an unsigned ListObjectsV2, as moto allows), whatever
    /// layout the store gives them.
    pub async fn objects(&self) -> Vec<(String, u64)> {
        let mut objects = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut url = format!("{}/{}?list-type=2", self.endpoint, self.bucket);
            if let Some(token) = &token {
                url.push_str("&continuation-token=");
                url.push_str(&percent_encode(token));
            }
            let response = reqwest::get(&url).await.expect("the S3 test server answers");
            assert!(
                response.status().is_success(),
                "listing {}: {}",
                self.bucket,
                response.status()
            );
            let xml = response.text().await.expect("a listing");
            for contents in xml.split("<Contents>").skip(1) {
                let key = xml_value(contents, "Key").unwrap_or_default();
                let size = xml_value(contents, "Size").and_then(|s| s.parse().ok()).unwrap_or(0);
                objects.push((key, size));
            }
            token = xml_value(&xml, "NextContinuationToken");
            if xml_value(&xml, "IsTruncated").as_deref() != Some("true") || token.is_none() {
                return objects;
            }
        }
    }
}

/// The text of the first `<tag>…</tag>` in `xml` (enough for S3's listings; entities decoded for `&amp;`).
fn xml_value(xml: &str, tag: &str) -> Option<String> {
    let start = xml.find(&format!("<{tag}>"))? + tag.len() + 2;
    let end = xml[start..].find(&format!("</{tag}>"))? + start;
    Some(xml[start..end].replace("&amp;", "&"))
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The server on `storage` with extra `serve` flags: the local folder, or a fresh bucket on the S3 test server.
/// None (after `SKIPPED: …`) for S3 when TEST_S3_ENDPOINT is not set outside CI.
pub async fn spawn_app_on_storage(storage: Storage, extra: &[&str]) -> Option<TestApp> {
    let mut app = unstarted_app().await;
    let mut flags: Vec<String> = Vec::new();
    if storage == Storage::S3 {
        let bucket = S3Bucket::fresh().await?;
        flags.extend(bucket.serve_flags());
        app.s3 = Some(bucket);
    }
    flags.extend(extra.iter().map(|flag| flag.to_string()));
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let args = app.serve_args(&flags);
    Some(app.start_with(args).await)
}

/// The type a browser would send for a file of this name (from its extension): what the server must not trust.
pub fn browser_type(file_name: &str) -> &'static str {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "html" | "htm" => "text/html",
        "txt" => "text/plain",
        "odt" => "application/vnd.oasis.opendocument.text",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    }
}

impl TestApp {
    /// A multipart/form-data upload: the part `file` (named `file_name`, with the type a browser would give
    /// that name) holding `bytes`, and text parts `fields` (`description`, `kind`, `identifying`, `internal`).
    pub async fn upload(
        &self,
        path: &str,
        token: Option<&str>,
        file_name: &str,
        bytes: Vec<u8>,
        fields: &[(&str, &str)],
    ) -> Response {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(file_name.to_owned())
            .mime_str(browser_type(file_name))
            .expect("a valid MIME type");
        self.send_form(path, token, form(fields).part("file", part)).await
    }

    /// A multipart/form-data body as it is, for malformed or unusual forms.
    pub async fn send_form(&self, path: &str, token: Option<&str>, form: reqwest::multipart::Form) -> Response {
        let mut request = self.client.post(self.url(path)).multipart(form);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    /// A streamed upload of `length` bytes that `chunks` produces one after the other (the part's length is
    /// declared, as a browser's is): the test never holds the file whole.
    pub async fn upload_stream<S>(
        &self,
        path: &str,
        token: Option<&str>,
        file_name: &str,
        length: u64,
        chunks: S,
        fields: &[(&str, &str)],
    ) -> Response
    where
        S: futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static,
    {
        let body = reqwest::Body::wrap_stream(chunks);
        let part = reqwest::multipart::Part::stream_with_length(body, length)
            .file_name(file_name.to_owned())
            .mime_str(browser_type(file_name))
            .expect("a valid MIME type");
        self.send_form(path, token, form(fields).part("file", part)).await
    }
}

/// A form with these text parts.
pub fn form(fields: &[(&str, &str)]) -> reqwest::multipart::Form {
    fields
        .iter()
        .fold(reqwest::multipart::Form::new(), |form, (name, value)| {
            form.text(name.to_string(), value.to_string())
        })
}

/// A line of /proc/self/status in KiB (`VmRSS`, `VmHWM`).
pub fn own_memory_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}

/// Resets this process's peak resident size (VmHWM) to its current size (Linux: `5` to /proc/self/clear_refs).
/// False where the kernel does not allow it.
pub fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}
