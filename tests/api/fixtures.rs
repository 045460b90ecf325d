//! The program's objects for tests, as a client makes them: staff, cities, calls and ideas.

use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, token};

/// A complete idea for `call` targeting `city`: every field submitting needs.
pub fn idea_body(call: &str, city: &str, title: &str) -> Value {
    json!({
        "callId": call,
        "title": title,
        "summary": "خلاصه‌ای کوتاه از ایده",
        "body": "متن کامل ایده با جزئیات اجرا",
        "domain": "cultural",
        "targetCityId": city,
        "channel": { "kind": "study", "description": "چهار سال دانشجو بودم", "years": 4 },
        "partners": [{ "name": "Anna Rossi", "organisation": "Università di Firenze", "country": "IT" }],
        "expectedOutcomes": "پیوندی پایدار میان دو شهر"
    })
}

/// A call window around now: opened yesterday, closes in 30 days, reviewed after.
pub fn open_call_body() -> Value {
    let day = |offset: i64| (chrono::Utc::now() + chrono::TimeDelta::days(offset)).to_rfc3339();
    json!({
        "title": { "fa": "فراخوان شهروند دیپلمات", "en": "Citizen Diplomat call" },
        "description": { "fa": "ایده‌های خود را برای پیوند اصفهان با شهرهای جهان بفرستید." },
        "opensAt": day(-1),
        "closesAt": day(30),
        "reviewOpensAt": day(31),
        "reviewClosesAt": day(60),
        "domains": ["cultural", "economic", "scientific"],
        "ideasPerCitizen": 3
    })
}

impl TestApp {
    /// A signed-in staff member's access token (one account per app).
    pub async fn staff(&self) -> String {
        token(&self.signed_in_with_roles("staff@example.org", "staff").await)
    }

    /// A signed-in citizen's access token.
    pub async fn citizen(&self, email: &str) -> String {
        token(&self.register(email).await)
    }

    /// A POST without a body.
    pub async fn post_empty(&self, path: &str, token: Option<&str>) -> Response {
        let mut request = self.client.post(self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    /// A PATCH with `If-Match` (None: without the header).
    pub async fn patch_if_match(&self, path: &str, token: &str, etag: Option<&str>, body: Value) -> Response {
        let mut request = self.client.patch(self.url(path)).bearer_auth(token).json(&body);
        if let Some(etag) = etag {
            request = request.header("If-Match", etag);
        }
        request.send().await.expect("request sent")
    }

    async fn created(&self, response: Response) -> Value {
        assert_eq!(response.status(), StatusCode::CREATED, "status");
        response.json().await.expect("JSON body")
    }

    pub async fn create_city(&self, token: &str, fa: &str, en: &str, country: &str) -> Value {
        let body = json!({ "name": { "fa": fa, "en": en }, "country": country });
        self.created(self.post("/api/v1/cities", Some(token), body).await).await
    }

    pub async fn create_call(&self, staff: &str, body: Value) -> Value {
        self.created(self.post("/api/v1/calls", Some(staff), body).await).await
    }

    pub async fn create_open_call(&self, staff: &str) -> Value {
        self.create_call(staff, open_call_body()).await
    }

    pub async fn create_idea(&self, token: &str, body: Value) -> Value {
        self.created(self.post("/api/v1/ideas", Some(token), body).await).await
    }

    /// An idea created from `idea_body` and submitted: its view.
    pub async fn submitted_idea(&self, token: &str, call: &str, city: &str, title: &str) -> Value {
        let idea = self.create_idea(token, idea_body(call, city, title)).await;
        let id = idea["id"].as_str().expect("id");
        let response = self
            .post_empty(&format!("/api/v1/ideas/{id}/submit"), Some(token))
            .await;
        self.json(response).await
    }

    /// Staff screen one idea.
    pub async fn screen(&self, staff: &str, idea: &str, body: Value) -> Response {
        self.post(&format!("/api/v1/ideas/{idea}/screening"), Some(staff), body)
            .await
    }

    /// A signed-in reviewer's access token (one account per app).
    pub async fn reviewer(&self) -> String {
        token(&self.signed_in_with_roles("reviewer@example.org", "reviewer").await)
    }

    /// Puts an idea straight into `selected`, as publishing its call's decisions does after the whole jury's
    /// work (tests/api/decisions.rs goes through it).
    pub async fn make_selected(&self, idea: &str) {
        self.set_idea_state(idea, "selected").await;
    }

    /// Staff record an activity with a city: its view.
    pub async fn record_activity(&self, staff: &str, city: &str, body: Value) -> Value {
        let path = format!("/api/v1/cities/{city}/activities");
        self.created(self.post(&path, Some(staff), body).await).await
    }

    /// Staff close a call now.
    pub async fn close_call(&self, staff: &str, call: &str) -> Value {
        let response = self
            .post(&format!("/api/v1/calls/{call}/close"), Some(staff), json!({}))
            .await;
        self.json(response).await
    }
}

/// The ETag of an answer.
pub fn etag(response: &Response) -> String {
    response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("ETag header")
        .to_owned()
}

/// The `id` of a JSON object, as a string.
pub fn id(value: &Value) -> String {
    value["id"].as_str().expect("id").to_owned()
}
