//! The jury's objects for tests, as a client makes them: reviewers, a call in its review window with
//! shortlisted ideas, a rubric, assignments and reviews.

use reqwest::Response;
use serde_json::{Value, json};

use crate::fixtures::{id, open_call_body};
use crate::helpers::{PASSWORD, TestApp, token};

/// A reviewer as the tests hold them: their account's id and a signed-in token.
pub struct Member {
    pub id: String,
    pub token: String,
}

/// A call whose review window is open now, with shortlisted ideas, each by its own citizen.
pub struct JuryCall {
    pub id: String,
    pub ideas: Vec<String>,
    /// The submitters' tokens, in the order of `ideas`.
    pub submitters: Vec<String>,
}

/// Three criteria on different scales and weights: a rubric as staff send it.
pub fn three_criteria() -> Value {
    json!({ "criteria": [
        { "key": "impact", "label": { "fa": "اثر بر جایگاه بین‌المللی شهر", "en": "Impact on the city's standing" },
          "guidance": { "fa": "آیا ایده نام اصفهان را در آن شهر بلند می‌کند؟" },
          "weight": 3, "scaleMin": 1, "scaleMax": 10 },
        { "key": "feasibility", "label": { "fa": "امکان‌پذیری", "en": "Feasibility" },
          "weight": 2, "scaleMin": 1, "scaleMax": 5 },
        { "key": "channel", "label": { "fa": "قوت ارتباط پیشنهاددهنده" },
          "weight": 1, "scaleMin": 0, "scaleMax": 4 }
    ]})
}

/// A complete review of `three_criteria()`: every criterion scored, a recommendation and comments.
pub fn review_body(impact: i32, feasibility: i32, channel: i32) -> Value {
    json!({
        "scores": { "impact": impact, "feasibility": feasibility, "channel": channel },
        "commentToStaff": "ایده‌ای عملی با شریک روشن",
        "commentToSubmitter": "طرح بودجه را دقیق‌تر کنید",
        "recommendation": "select"
    })
}

impl TestApp {
    /// Staff enrol a reviewer; the reviewer sets a password with the one-time token and signs in.
    pub async fn enrol_reviewer(&self, staff: &str, email: &str, organisation: &str, expertise: &[&str]) -> Member {
        let response = self
            .post(
                "/api/v1/reviewers",
                Some(staff),
                json!({
                    "email": email,
                    "displayName": format!("داور {email}"),
                    "organisation": organisation,
                    "expertise": expertise,
                    "maxLoad": 20
                }),
            )
            .await;
        assert_eq!(response.status(), 201, "enrolling {email}");
        let enrolled: Value = response.json().await.expect("JSON");
        let one_time = enrolled["passwordToken"]["token"].as_str().expect("a password token");
        let response = self
            .post(
                "/api/v1/auth/set-password",
                None,
                json!({ "token": one_time, "password": PASSWORD }),
            )
            .await;
        assert_eq!(response.status(), 204, "setting {email}'s password");
        let response = self.login(email, PASSWORD).await;
        assert_eq!(response.status(), 200, "{email} signs in");
        let tokens: Value = response.json().await.expect("JSON");
        Member {
            id: enrolled["reviewer"]["id"].as_str().expect("id").to_owned(),
            token: token(&tokens),
        }
    }

    /// A call with `ideas` submitted and shortlisted ideas whose review window is open now. Calls cannot be
    /// created in the past, so the window is moved in the database, as time would move it.
    pub async fn jury_call(&self, staff: &str, ideas: usize, blind: bool, reviewers_per_idea: i32) -> JuryCall {
        let mut body = open_call_body();
        body["blindReview"] = json!(blind);
        body["reviewersPerIdea"] = json!(reviewers_per_idea);
        body["ideasPerCitizen"] = json!(1);
        let call = id(&self.create_call(staff, body).await);
        let city = id(&self.create_city(staff, "فلورانس", "Florence", "IT").await);
        let mut ids = Vec::new();
        let mut submitters = Vec::new();
        for n in 0..ideas {
            let citizen = self.citizen(&format!("submitter{n}@example.org")).await;
            let idea = self
                .submitted_idea(&citizen, &call, &city, &format!("ایده شماره {n}"))
                .await;
            let idea = id(&idea);
            let response = self.screen(staff, &idea, json!({ "decision": "shortlist" })).await;
            assert_eq!(response.status(), 200, "shortlisting");
            ids.push(idea);
            submitters.push(citizen);
        }
        self.move_review_window(&call, -1, 30).await;
        JuryCall {
            id: call,
            ideas: ids,
            submitters,
        }
    }

    /// Sets the call's windows in the database: closed for ideas, its review window opening `opened` days from
    /// now (negative: in the past) and closing `closes` days from now.
    pub async fn move_review_window(&self, call: &str, opened: i64, closes: i64) {
        use db::entities::call as calls;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        let now = chrono::Utc::now();
        let day = |offset: i64| now + chrono::TimeDelta::days(offset);
        let id: uuid::Uuid = call.parse().expect("a call id");
        calls::Entity::update_many()
            .col_expr(calls::Column::OpensAt, Expr::value(day(opened.min(closes) - 30)))
            .col_expr(calls::Column::ClosesAt, Expr::value(day(opened.min(closes) - 1)))
            .col_expr(calls::Column::ReviewOpensAt, Expr::value(day(opened)))
            .col_expr(calls::Column::ReviewClosesAt, Expr::value(day(closes)))
            .filter(calls::Column::Id.eq(id))
            .exec(&self.db().await)
            .await
            .expect("window moved");
    }

    /// Staff set a call's rubric for the first time.
    pub async fn set_rubric(&self, staff: &str, call: &str, rubric: Value) -> Value {
        let response = self
            .put(&format!("/api/v1/calls/{call}/rubric"), Some(staff), rubric)
            .await;
        assert_eq!(response.status(), 201, "setting the rubric");
        response.json().await.expect("JSON")
    }

    /// Staff assign one reviewer to one idea.
    pub async fn assign(&self, staff: &str, call: &str, idea: &str, reviewer: &str) -> Response {
        self.post(
            &format!("/api/v1/calls/{call}/assignments"),
            Some(staff),
            json!({ "ideaId": idea, "reviewerId": reviewer }),
        )
        .await
    }

    /// A reviewer submits their review of an idea.
    pub async fn submit_review(&self, reviewer: &str, idea: &str, body: Value) -> Response {
        self.post(&format!("/api/v1/ideas/{idea}/review/submit"), Some(reviewer), body)
            .await
    }

    /// An idea's state as staff read it.
    pub async fn idea_state(&self, staff: &str, idea: &str) -> String {
        let idea = self
            .json(self.get(&format!("/api/v1/ideas/{idea}"), Some(staff)).await)
            .await;
        idea["state"].as_str().expect("state").to_owned()
    }

    /// An assignment straight into the database in `state` (pending, submitted or declined), for tests of what
    /// follows from assignments in states the endpoints reach only through several steps.
    pub async fn assignment_in_db(&self, call: &str, idea: &str, reviewer: &str, state: &str) {
        use db::entities::assignment as assignments;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        let db = self.db().await;
        let assignment = db::assignments::insert(
            &db,
            db::assignments::NewAssignment {
                call_id: call.parse().expect("a call id"),
                idea_id: idea.parse().expect("an idea id"),
                reviewer_id: reviewer.parse().expect("a reviewer id"),
                due_on: None,
                assigned_by: None,
            },
            chrono::Utc::now(),
        )
        .await
        .expect("assignment inserted");
        assignments::Entity::update_many()
            .col_expr(assignments::Column::State, Expr::value(state))
            .filter(assignments::Column::Id.eq(assignment.id))
            .exec(&db)
            .await
            .expect("state set");
    }

    /// Puts an idea into a state in the database, as a sequence of jury steps would.
    pub async fn set_idea_state(&self, idea: &str, state: &str) {
        use db::entities::idea as ideas;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        let id: uuid::Uuid = idea.parse().expect("an idea id");
        ideas::Entity::update_many()
            .col_expr(ideas::Column::State, Expr::value(state))
            .filter(ideas::Column::Id.eq(id))
            .exec(&self.db().await)
            .await
            .expect("state set");
    }

    /// A PUT with a JSON body.
    pub async fn put(&self, path: &str, token: Option<&str>, body: Value) -> Response {
        let mut request = self.client.put(self.url(path)).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    /// A DELETE.
    pub async fn delete(&self, path: &str, token: Option<&str>) -> Response {
        let mut request = self.client.delete(self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }
}
