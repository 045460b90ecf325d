//! Health, the OpenAPI contract and its drift check, the JWT secret rules, request ids, compression,
//! CORS and serving the SPA.

use std::path::PathBuf;

use api::startup::Application;
use serde_json::Value;

use crate::helpers::*;

fn committed_document_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json")
}

#[tokio::test]
async fn health_answers_live_and_ready() {
    let app = spawn_app().await;
    let live = app.get("/api/health/live", None).await;
    assert_eq!(live.status(), 200);
    let ready = app.get("/api/health/ready", None).await;
    assert_eq!(ready.status(), 200);
    let body: Value = ready.json().await.expect("JSON");
    assert_eq!(body["status"], "ok");
}

#[test]
fn the_committed_openapi_document_matches_the_code() {
    let generated = api::openapi::document().to_pretty_json().expect("document serialises") + "\n";
    let committed = std::fs::read_to_string(committed_document_path()).unwrap_or_default();
    assert!(
        generated == committed,
        "openapi/openapi.json differs from the code. Refresh it with `make openapi` and commit it \
         (and regenerate the SPA's client from it)."
    );
}

/// Every `$ref` of the document, found anywhere in `value`.
fn references<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                found.push(target);
            }
            map.values().for_each(|v| references(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, found)),
        _ => {}
    }
}

#[test]
fn everything_the_document_refers_to_is_defined() {
    let document: Value =
        serde_json::from_str(&api::openapi::document().to_pretty_json().expect("serialises")).expect("JSON");
    let mut found = Vec::new();
    references(&document, &mut found);
    assert!(found.len() > 100, "the document refers to its schemas");
    let dangling: Vec<&str> = found
        .into_iter()
        .filter(|target| {
            target
                .strip_prefix('#')
                .is_none_or(|pointer| document.pointer(pointer).is_none())
        })
        .collect();
    assert!(
        dangling.is_empty(),
        "undefined (add #[param(inline)] or register them): {dangling:?}"
    );
}

#[tokio::test]
async fn the_document_is_served_with_its_documentation_page() {
    let app = spawn_app().await;
    let served: Value = app.get("/api/openapi.json", None).await.json().await.expect("JSON");
    let generated: Value = serde_json::to_value(api::openapi::document()).expect("JSON");
    assert_eq!(served, generated);
    assert_eq!(served["openapi"], "3.1.0");

    let docs = app.get("/api/docs/", None).await;
    assert_eq!(docs.status(), 200);
    assert!(docs.text().await.unwrap_or_default().contains("swagger"));
    let redirect = app.get("/api/docs", None).await;
    assert_eq!(redirect.status(), 307);
}

#[test]
fn the_document_lists_every_error_code_and_shared_error_answers() {
    let doc: Value = serde_json::to_value(api::openapi::document()).expect("JSON");
    let codes: Vec<&str> = doc["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    for code in api::error::ErrorCode::ALL {
        assert!(codes.contains(&code.as_str()), "{code} missing");
    }
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            let responses = &operation["responses"];
            assert!(responses.get("500").is_some(), "{method} {path} lacks 500");
            if operation.get("requestBody").is_some() {
                assert!(responses.get("422").is_some(), "{method} {path} lacks 422");
            }
            if operation.get("security").is_some() {
                assert!(responses.get("401").is_some(), "{method} {path} lacks 401");
            }
            let takes_if_match = operation["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|p| p["in"] == "header" && p["name"] == "If-Match");
            if takes_if_match {
                for status in ["412", "428"] {
                    assert!(responses.get(status).is_some(), "{method} {path} lacks {status}");
                }
            }
            for (status, response) in responses.as_object().into_iter().flatten() {
                if status.starts_with('4') || status.starts_with('5') {
                    let problem = response.get("$ref").is_some()
                        || response["content"]["application/problem+json"]["schema"]["$ref"]
                            == "#/components/schemas/Problem";
                    assert!(problem, "{method} {path} answers {status} without a problem document");
                }
            }
        }
    }
}

#[tokio::test]
async fn request_ids_are_echoed_or_made() {
    let app = spawn_app().await;
    let response = app
        .get_with_headers("/api/health/live", &[("x-request-id", "abc-123")])
        .await;
    assert_eq!(response.headers()["x-request-id"], "abc-123");
    let response = app.get("/api/health/live", None).await;
    let made = response.headers()["x-request-id"]
        .to_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(made.len(), 36);
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let app = spawn_app().await;
    let response = app
        .get_with_headers("/api/openapi.json", &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(response.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn cors_is_off_unless_origins_are_configured() {
    let app = spawn_app().await;
    let response = app
        .get_with_headers("/api/health/live", &[("origin", "https://evil.example")])
        .await;
    assert!(response.headers().get("access-control-allow-origin").is_none());

    let app = spawn_app_with(&["--cors-allowed-origins", "https://spa.example"]).await;
    let response = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/me"))
        .header("origin", "https://spa.example")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "authorization")
        .send()
        .await
        .expect("sent");
    assert_eq!(response.headers()["access-control-allow-origin"], "https://spa.example");
    let response = app
        .get_with_headers("/api/health/live", &[("origin", "https://evil.example")])
        .await;
    assert!(response.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn the_spa_is_served_with_index_html_for_client_routes() {
    let app = spawn_app_with_spa().await;

    assert!(
        app.get("/", None)
            .await
            .text()
            .await
            .unwrap_or_default()
            .contains("SPA")
    );
    assert!(
        app.get("/ideas/42", None)
            .await
            .text()
            .await
            .unwrap_or_default()
            .contains("SPA")
    );
    assert_eq!(
        app.get("/assets/app.js", None).await.text().await.unwrap_or_default(),
        "console.log(1)"
    );
    assert_problem(app.get("/api/v1/unknown", None).await, 404, "not_found").await;
    assert_eq!(app.get("/api/health/live", None).await.status(), 200);
}

#[tokio::test]
async fn postgres_refuses_to_start_without_a_strong_secret() {
    let app = spawn_app().await;
    let mut args = app.serve_args_without_secret(&[]);
    args.database.database_url = Some("postgres://postgres@127.0.0.1:1/never".into());
    let err = Application::build(args)
        .await
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("JWT secret") && err.contains("openssl rand"), "{err}");

    let args = app.serve_args_without_secret(&["--jwt-secret", "too-short"]);
    let err = Application::build(args)
        .await
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("at least 32"), "{err}");
}

#[tokio::test]
async fn sqlite_keeps_a_generated_secret_so_tokens_survive_restarts() {
    if on_postgres() {
        return; // The generated secret is the embedded SQLite setup's; PostgreSQL requires one.
    }
    let app = spawn_app().await;
    let args = app.serve_args_without_secret(&[]);
    let first = app.start_with(args).await;
    let tokens = first.register("restart@example.org").await;
    let secret_file = first.dir.path().join("data/jwt-secret");
    let secret = std::fs::read_to_string(&secret_file).expect("secret kept in the data folder");
    assert!(secret.len() >= 32);

    let args = first.serve_args_without_secret(&[]);
    let second = first.start_with(args).await;
    assert_eq!(second.get("/api/v1/me", Some(&token(&tokens))).await.status(), 200);
    assert_eq!(std::fs::read_to_string(&secret_file).unwrap_or_default(), secret);
}

#[tokio::test]
async fn readiness_answers_503_while_the_database_does_not() {
    if !on_postgres() {
        return; // An open SQLite file cannot be taken away from a running pool; PostgreSQL's can.
    }
    let app = spawn_app().await;
    assert_eq!(app.get("/api/health/ready", None).await.status(), 200);
    let name = app.database_url.rsplit('/').next().unwrap_or_default().to_owned();
    let admin_url = std::env::var("TEST_DATABASE_URL").unwrap_or_default();
    let admin = sea_orm::Database::connect(&admin_url).await.expect("admin connection");
    let shut = format!(
        "ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false; \
         SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    );
    sea_orm::ConnectionTrait::execute_unprepared(&admin, &shut)
        .await
        .expect("database closed");

    let response = app.get("/api/health/ready", None).await;
    assert_problem(response, 503, "not_ready").await;
    assert_eq!(
        app.get("/api/health/live", None).await.status(),
        200,
        "the process itself lives on"
    );

    let open = format!("ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
    sea_orm::ConnectionTrait::execute_unprepared(&admin, &open)
        .await
        .expect("database reopened");
    assert_eq!(app.get("/api/health/ready", None).await.status(), 200, "ready again");
}

#[tokio::test]
async fn api_processes_starting_together_on_one_postgres_migrate_once() {
    if !on_postgres() {
        return; // Scaling out to several processes is PostgreSQL's job; SQLite serves one.
    }
    let app = unstarted_app().await;
    let starts: Vec<_> = (0..4).map(|_| Application::build(app.serve_args(&[]))).collect();
    for started in futures_util::future::join_all(starts).await {
        started.expect("every process starts");
    }
    let status = db::migration_status(&app.db().await).await.expect("status");
    assert!(status.iter().all(|(_, applied)| *applied));
}

/// The names of every type that becomes an OpenAPI schema, with where each is declared: types deriving
/// `ToSchema` and the domain's `wire_enum!` enums (which derive it under the `openapi` feature).
fn schema_type_names() -> Vec<(String, String)> {
    fn visit(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("source folder").flatten().collect();
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let path = entry.path();
            if path.is_dir() {
                visit(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).expect("source file");
                let mut derives_schema = false;
                let mut in_wire_enum = false;
                for (number, line) in source.lines().enumerate() {
                    let line = line.trim();
                    let place = format!("{}:{}", path.display(), number + 1);
                    if line.starts_with("#[derive(") || line.starts_with("#[cfg_attr(") {
                        derives_schema |= line.contains("ToSchema");
                    }
                    in_wire_enum |= line.contains("wire_enum! {");
                    let hand_written = ["impl ToSchema for ", "impl utoipa::ToSchema for "]
                        .iter()
                        .find_map(|start| line.strip_prefix(start));
                    if let Some(rest) = hand_written {
                        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                        found.push((name, place.clone()));
                    }
                    let declared = [
                        "pub struct ",
                        "pub enum ",
                        "struct ",
                        "enum ",
                        "pub(crate) struct ",
                        "pub(crate) enum ",
                    ]
                    .iter()
                    .find_map(|keyword| line.strip_prefix(keyword));
                    let Some(rest) = declared else { continue };
                    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    let is_wire_enum = in_wire_enum && rest[name.len()..].trim_start().starts_with("(\"");
                    if (derives_schema || is_wire_enum) && !name.is_empty() {
                        found.push((name, place));
                    }
                    derives_schema = false;
                    in_wire_enum = in_wire_enum && !is_wire_enum;
                }
            }
        }
    }
    let crates = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../crates");
    let mut found = Vec::new();
    for member in ["domain", "db", "app", "api"] {
        visit(&crates.join(member).join("src"), &mut found);
    }
    found
}

/// utoipa keys schemas by name alone: a second type of the same name silently replaces the first,
/// and answers of the first fall outside the contract (as the health probes once did).
#[test]
fn no_two_schema_types_share_a_name() {
    let found = schema_type_names();
    assert!(
        found.len() > 100,
        "the scan finds the schema types ({} found)",
        found.len()
    );
    assert!(
        found.iter().any(|(name, _)| name == "PartnershipState"),
        "wire_enum! types are found"
    );
    let mut by_name: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for (name, place) in &found {
        by_name.entry(name).or_default().push(place);
    }
    let shared: Vec<String> = by_name
        .iter()
        .filter(|(_, places)| places.len() > 1)
        .map(|(name, places)| format!("{name}: {}", places.join(", ")))
        .collect();
    assert!(
        shared.is_empty(),
        "schema types sharing a name (rename one):\n{}",
        shared.join("\n")
    );
    // The scan must see every schema the document has, or a collision could hide from it. Generic
    // types appear as `Page_IdeaView`; the bilingual texts are made by a macro the scan cannot read.
    const MADE_BY_MACROS: &[&str] = &["ShortText", "LongText"];
    let document = api::openapi::document();
    let unseen: Vec<String> = document
        .components
        .map(|c| c.schemas)
        .unwrap_or_default()
        .into_keys()
        .filter(|name| {
            let base = name.split('_').next().unwrap_or(name);
            !by_name.contains_key(base) && !MADE_BY_MACROS.contains(&base)
        })
        .collect();
    assert!(unseen.is_empty(), "schemas the scan does not find: {unseen:?}");
}
