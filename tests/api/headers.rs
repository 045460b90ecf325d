//! Security headers: each surface's Content-Security-Policy (the SPA, the docs, the API), the headers every
//! answer carries, no-store on answers with tokens or personal data, HSTS only over HTTPS through a trusted
//! proxy — and frontend/nginx.conf sending the same as the server.

use std::path::PathBuf;

use api::security_headers::{
    API_CONTENT_SECURITY_POLICY, CONTENT_TYPE_OPTIONS, DOCS_CONTENT_SECURITY_POLICY, FRAME_OPTIONS, NO_STORE,
    REFERRER_POLICY, SPA_HEADERS, STRICT_TRANSPORT_SECURITY,
};
use reqwest::Response;
use serde_json::{Value, json};

use crate::fixtures::id;
use crate::helpers::*;

fn header(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().expect("a readable header").to_owned())
}

/// The headers every answer carries, whatever it is; `policy` is its surface's Content-Security-Policy.
fn assert_secured(response: &Response, policy: &str, what: &str) {
    assert_eq!(
        header(response, "content-security-policy").as_deref(),
        Some(policy),
        "{what}"
    );
    assert_eq!(
        header(response, "x-frame-options").as_deref(),
        Some(FRAME_OPTIONS),
        "{what}"
    );
    assert_eq!(
        header(response, "x-content-type-options").as_deref(),
        Some(CONTENT_TYPE_OPTIONS),
        "{what}"
    );
    assert_eq!(
        header(response, "referrer-policy").as_deref(),
        Some(REFERRER_POLICY),
        "{what}"
    );
}

fn assert_no_store(response: &Response, what: &str) {
    assert_eq!(header(response, "cache-control").as_deref(), Some(NO_STORE), "{what}");
}

fn assert_cacheable(response: &Response, what: &str) {
    assert_ne!(header(response, "cache-control").as_deref(), Some(NO_STORE), "{what}");
}

#[tokio::test]
async fn the_spa_carries_its_policy_and_the_headers_nginx_sends_too() {
    let app = spawn_app_with_spa().await;

    for path in ["/", "/set-password", "/assets/app.js"] {
        let response = app.get(path, None).await;
        assert_eq!(response.status(), 200, "{path}");
        for (name, value) in SPA_HEADERS {
            assert_eq!(header(&response, name).as_deref(), Some(value), "{name} of {path}");
        }
        assert_cacheable(&response, path);
        assert_eq!(
            header(&response, "strict-transport-security"),
            None,
            "{path} over plain HTTP"
        );
    }
}

#[tokio::test]
async fn the_docs_carry_the_policy_swagger_ui_needs() {
    let app = spawn_app().await;
    for path in [
        "/api/docs/",
        "/api/docs/swagger-initializer.js",
        "/api/docs/swagger-ui.css",
    ] {
        let response = app.get(path, None).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_secured(&response, DOCS_CONTENT_SECURITY_POLICY, path);
    }
    // The redirect to the page is the docs' too.
    assert_secured(
        &app.get("/api/docs", None).await,
        DOCS_CONTENT_SECURITY_POLICY,
        "/api/docs",
    );
    // Swagger UI stays within the policy: no badge from validator.swagger.io, no top bar (its logo is an SVG
    // with an inline <style>).
    let initializer = app
        .get("/api/docs/swagger-initializer.js", None)
        .await
        .text()
        .await
        .expect("text");
    assert!(initializer.contains(r#""validatorUrl": "none""#), "{initializer}");
    assert!(initializer.contains(r#""layout": "BaseLayout""#), "{initializer}");
}

#[tokio::test]
async fn json_answers_and_problems_carry_the_api_policy() {
    let app = spawn_app().await;
    let calls = app.get("/api/v1/calls", None).await;
    assert_eq!(calls.status(), 200);
    assert_secured(&calls, API_CONTENT_SECURITY_POLICY, "a public list");
    assert_cacheable(&calls, "a public list read by the public");
    assert_secured(
        &app.get("/api/openapi.json", None).await,
        API_CONTENT_SECURITY_POLICY,
        "the contract",
    );

    let unknown = app.get("/api/v1/unknown", None).await;
    assert_secured(&unknown, API_CONTENT_SECURITY_POLICY, "a 404 problem");
    assert_problem(unknown, 404, "not_found").await;
    let malformed = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .expect("sent");
    assert_secured(&malformed, API_CONTENT_SECURITY_POLICY, "a 400 problem");
    assert_no_store(&malformed, "an answer of /auth/, even a refusal");
    assert_problem(malformed, 400, "malformed_request").await;
    let wrong_method = app.client.delete(app.url("/api/v1/calls")).send().await.expect("sent");
    assert_secured(&wrong_method, API_CONTENT_SECURITY_POLICY, "a 405 problem");
    assert_problem(wrong_method, 405, "method_not_allowed").await;
}

#[tokio::test]
async fn answers_with_tokens_or_personal_data_are_never_stored() {
    let app = spawn_app().await;
    let registered = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({ "email": "sara@example.org", "password": PASSWORD }),
        )
        .await;
    assert_eq!(registered.status(), 201);
    assert_no_store(&registered, "register");
    let tokens: Value = registered.json().await.expect("JSON");

    let login = app.login("sara@example.org", PASSWORD).await;
    assert_eq!(login.status(), 200);
    assert_secured(&login, API_CONTENT_SECURITY_POLICY, "login");
    assert_no_store(&login, "login");
    let refused = app.login("sara@example.org", "not her password at all").await;
    assert_no_store(&refused, "a refused login");
    assert_problem(refused, 401, "invalid_credentials").await;

    let refreshed = app.refresh(&refresh_token(&tokens)).await;
    assert_eq!(refreshed.status(), 200);
    assert_no_store(&refreshed, "refresh");
    let tokens: Value = refreshed.json().await.expect("JSON");

    let me = app.get("/api/v1/me", Some(&token(&tokens))).await;
    assert_eq!(me.status(), 200);
    assert_no_store(&me, "/me");
    // A public read is personal once signed in: a viewer may be shown more.
    let calls = app.get("/api/v1/calls", Some(&token(&tokens))).await;
    assert_no_store(&calls, "a list read by a signed-in caller");

    let (admin, _) = app.admin().await;
    let user = id(&tokens["user"]);
    let issued = app
        .post(&format!("/api/v1/users/{user}/password-token"), Some(&admin), json!({}))
        .await;
    assert_eq!(issued.status(), 201);
    assert_no_store(&issued, "issuing a password token");
    let issued: Value = issued.json().await.expect("JSON");
    let set = app
        .post(
            "/api/v1/auth/set-password",
            None,
            json!({ "token": issued["token"], "password": "a fresh passphrase 1405" }),
        )
        .await;
    assert_eq!(set.status(), 204);
    assert_no_store(&set, "set-password");

    let staff = app.staff().await;
    let call = id(&app.create_open_call(&staff).await);
    let export = app
        .get(&format!("/api/v1/calls/{call}/ideas/export"), Some(&staff))
        .await;
    assert_eq!(export.status(), 200);
    assert_no_store(&export, "an export");
    let users = app.get("/api/v1/users", Some(&admin)).await;
    assert_no_store(&users, "the accounts");
}

#[tokio::test]
async fn hsts_only_when_a_trusted_proxy_says_the_request_came_over_https() {
    let https = [("x-forwarded-proto", "https")];
    // The test client (127.0.0.1) is a stranger here: what it says of the scheme is not believed.
    let app = spawn_app().await;
    let response = app.get_with_headers("/api/health/live", &https).await;
    assert_eq!(header(&response, "strict-transport-security"), None);

    // Here it stands for the proxy in front.
    let app = spawn_app_with(&["--trusted-proxies", "127.0.0.1"]).await;
    for path in ["/api/health/live", "/api/docs/", "/api/v1/unknown"] {
        let response = app.get_with_headers(path, &https).await;
        assert_eq!(
            header(&response, "strict-transport-security").as_deref(),
            Some(STRICT_TRANSPORT_SECURITY),
            "{path}"
        );
    }
    let login = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-proto", "https")
        .json(&json!({ "email": "nobody@example.org", "password": PASSWORD }))
        .send()
        .await
        .expect("sent");
    assert_eq!(
        header(&login, "strict-transport-security").as_deref(),
        Some(STRICT_TRANSPORT_SECURITY)
    );
    for plain in [&[("x-forwarded-proto", "http")][..], &[]] {
        let response = app.get_with_headers("/api/health/live", plain).await;
        assert_eq!(header(&response, "strict-transport-security"), None, "{plain:?}");
    }
}

// ---- frontend/nginx.conf ----

/// One nginx directive: its name, its arguments (quotes removed), and its block if it has one.
#[derive(Debug)]
struct Directive {
    name: String,
    args: Vec<String>,
    block: Vec<Directive>,
}

#[derive(Debug, PartialEq)]
enum Token {
    Word(String),
    Open,
    Close,
    End,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut found = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '#' => while chars.next_if(|&c| c != '\n').is_some() {},
            '{' | '}' | ';' => {
                chars.next();
                found.push(match c {
                    '{' => Token::Open,
                    '}' => Token::Close,
                    _ => Token::End,
                });
            }
            '"' | '\'' => {
                chars.next();
                let mut word = String::new();
                while let Some(c2) = chars.next() {
                    match c2 {
                        '\\' => word.extend(chars.next()),
                        c2 if c2 == c => break,
                        c2 => word.push(c2),
                    }
                }
                found.push(Token::Word(word));
            }
            _ => {
                let mut word = String::new();
                while let Some(c) = chars.next_if(|c| !c.is_whitespace() && !"{};".contains(*c)) {
                    word.push(c);
                }
                found.push(Token::Word(word));
            }
        }
    }
    found
}

fn directives(tokens: &mut std::iter::Peekable<std::vec::IntoIter<Token>>) -> Vec<Directive> {
    let mut found = Vec::new();
    while let Some(token) = tokens.next() {
        let Token::Word(name) = token else {
            assert_eq!(token, Token::Close, "nginx.conf: unexpected {token:?}");
            break;
        };
        let mut args = Vec::new();
        let mut block = Vec::new();
        loop {
            match tokens.next().expect("nginx.conf: a directive ends with ; or a block") {
                Token::Word(arg) => args.push(arg),
                Token::End => break,
                Token::Open => {
                    block = directives(tokens);
                    break;
                }
                Token::Close => panic!("nginx.conf: `{name}` lacks its ;"),
            }
        }
        found.push(Directive { name, args, block });
    }
    found
}

fn nginx_conf() -> Vec<Directive> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../frontend/nginx.conf");
    let text = std::fs::read_to_string(&path).expect("frontend/nginx.conf");
    directives(&mut tokens(&text).into_iter().peekable())
}

const SECURITY_HEADERS: [&str; 5] = [
    "content-security-policy",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "strict-transport-security",
];

#[test]
fn nginx_sends_the_same_security_headers_as_the_server() {
    let conf = nginx_conf();
    let server = conf.iter().find(|d| d.name == "server").expect("a server block");

    // HSTS goes through a map on the scheme: the server's value over HTTPS, nothing otherwise.
    let hsts_variable = {
        let map = conf
            .iter()
            .find(|d| d.name == "map" && d.args.first().is_some_and(|a| a == "$scheme"))
            .expect("a map of $scheme for HSTS");
        let entry = |key: &str| {
            map.block
                .iter()
                .find(|d| d.name == key)
                .and_then(|d| d.args.first().cloned())
        };
        assert_eq!(entry("https").as_deref(), Some(STRICT_TRANSPORT_SECURITY));
        assert_eq!(entry("default").as_deref(), Some(""));
        map.args[1].clone()
    };

    let locations: Vec<&Directive> = server.block.iter().filter(|d| d.name == "location").collect();
    let mut serving_the_spa = 0;
    for location in &locations {
        let at = location.args.join(" ");
        let added: Vec<(String, &[String])> = location
            .block
            .iter()
            .filter(|d| d.name == "add_header")
            .map(|d| (d.args[0].to_ascii_lowercase(), &d.args[1..]))
            .collect();
        if location.block.iter().any(|d| d.name == "proxy_pass") {
            // The API sets its own; nginx adding them would send each twice.
            for (name, _) in &added {
                assert!(
                    !SECURITY_HEADERS.contains(&name.as_str()),
                    "location {at} proxies the API, which sets {name} itself"
                );
            }
            continue;
        }
        serving_the_spa += 1;
        let find = |name: &str| {
            added
                .iter()
                .find(|(added, _)| added == name)
                .map(|(_, args)| *args)
                .unwrap_or_else(|| {
                    panic!("location {at} lacks add_header {name} (a location with any add_header inherits none)")
                })
        };
        for (name, value) in SPA_HEADERS {
            let args = find(name);
            assert_eq!(args[0], value, "{name} in location {at} differs from the server's");
            assert_eq!(
                args.get(1).map(String::as_str),
                Some("always"),
                "{name} in location {at}"
            );
        }
        let hsts = find("strict-transport-security");
        assert_eq!(hsts[0], hsts_variable, "HSTS in location {at}");
        assert_eq!(hsts.get(1).map(String::as_str), Some("always"), "HSTS in location {at}");
    }
    assert!(serving_the_spa >= 2, "the SPA's locations: / and /assets/");
    assert!(locations.len() > serving_the_spa, "a location proxies /api/ to the API");
}
