//! The second factor (TOTP, as a phone authenticator makes it) and its recovery codes: enrolment, signing in
//! with a code, replays, the throttle, the rule for staff and admins, turning it off, and an admin's reset.

use chrono::{TimeDelta, Utc};
use domain::second_factor::TotpKey;
use reqwest::Response;
use serde_json::{Value, json};

use crate::helpers::*;

/// The code an authenticator holding the enrolment's key shows `offset` seconds from now.
pub fn code_at(enrolment: &Value, offset: i64) -> String {
    let secret = enrolment["secret"].as_str().expect("secret");
    let key = TotpKey::from_base32(secret, "authenticator").expect("a base32 key");
    key.code_at(Utc::now() + TimeDelta::seconds(offset))
}

/// The code the authenticator shows now.
pub fn code_now(enrolment: &Value) -> String {
    code_at(enrolment, 0)
}

impl TestApp {
    /// Sets up a second factor for the signed-in account: the enrolment (its key) and the recovery codes.
    pub async fn enrol_second_factor(&self, token: &str) -> (Value, Vec<String>) {
        let begun = self.post_empty("/api/v1/me/second-factor", Some(token)).await;
        assert_eq!(begun.status(), 201, "enrolment begins");
        let enrolment: Value = begun.json().await.expect("JSON");
        let confirmed = self
            .post(
                "/api/v1/me/second-factor/confirm",
                Some(token),
                json!({ "code": code_now(&enrolment) }),
            )
            .await;
        let codes = self.json(confirmed).await;
        let codes = codes["recoveryCodes"]
            .as_array()
            .expect("recovery codes")
            .iter()
            .map(|c| c.as_str().expect("a code").to_owned())
            .collect();
        (enrolment, codes)
    }

    /// Signs in with the password: the challenge the answer holds (it must be one).
    pub async fn challenge(&self, email: &str) -> String {
        let answer = self.json(self.login(email, PASSWORD).await).await;
        assert!(
            answer.get("accessToken").is_none(),
            "no tokens before the code: {answer}"
        );
        answer["challenge"].as_str().expect("a challenge").to_owned()
    }

    pub async fn second_factor(&self, challenge: &str, code: &str) -> Response {
        self.post(
            "/api/v1/auth/login/second-factor",
            None,
            json!({ "challenge": challenge, "code": code }),
        )
        .await
    }
}

#[tokio::test]
async fn a_staff_member_enrols_and_signs_in_with_a_code_that_works_once() {
    let app = spawn_app().await;
    let staff = app.signed_in_with_roles("lale@example.org", "staff").await;
    let token = token(&staff);

    let status = app.json(app.get("/api/v1/me/second-factor", Some(&token)).await).await;
    assert_eq!(status["enabled"], false);
    let begun = app.post_empty("/api/v1/me/second-factor", Some(&token)).await;
    assert_eq!(begun.status(), 201);
    let enrolment: Value = begun.json().await.expect("JSON");
    // What a phone authenticator needs: SHA-1, six digits, 30 seconds, a 160-bit base32 key, the issuer.
    assert_eq!(enrolment["algorithm"], "SHA1");
    assert_eq!(enrolment["digits"], 6);
    assert_eq!(enrolment["period"], 30);
    let secret = enrolment["secret"].as_str().expect("secret");
    assert_eq!(secret.len(), 32, "20 bytes in base32");
    let uri = enrolment["otpauthUri"].as_str().expect("uri");
    assert!(
        uri.starts_with("otpauth://totp/Citizen%20Diplomat:lale%40example.org?"),
        "{uri}"
    );
    assert!(
        uri.contains(&format!("secret={secret}")) && uri.contains("issuer=Citizen%20Diplomat"),
        "{uri}"
    );

    // Not on until confirmed: signing in still gives tokens.
    assert!(app.json(app.login("lale@example.org", PASSWORD).await).await["accessToken"].is_string());
    let wrong = app
        .post(
            "/api/v1/me/second-factor/confirm",
            Some(&token),
            json!({ "code": "12345x" }),
        )
        .await;
    assert_eq!(
        pointers(&assert_problem(wrong, 422, "validation_failed").await),
        ["/code"]
    );
    let confirmed = app
        .post(
            "/api/v1/me/second-factor/confirm",
            Some(&token),
            json!({ "code": code_now(&enrolment) }),
        )
        .await;
    let codes = app.json(confirmed).await;
    let codes: Vec<&str> = codes["recoveryCodes"]
        .as_array()
        .expect("codes")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(codes.len(), 10);
    assert_eq!(codes.iter().collect::<std::collections::BTreeSet<_>>().len(), 10);
    let status = app.json(app.get("/api/v1/me/second-factor", Some(&token)).await).await;
    assert_eq!(
        (status["enabled"].clone(), status["recoveryCodesLeft"].clone()),
        (json!(true), json!(10))
    );
    assert_eq!(
        app.json(app.get("/api/v1/me", Some(&token)).await).await["secondFactorEnabled"],
        true
    );
    let again = app.post_empty("/api/v1/me/second-factor", Some(&token)).await;
    assert_problem(again, 409, "second_factor_enabled").await;

    // The password alone gives a challenge, not tokens.
    let challenge = app.challenge("lale@example.org").await;
    assert_problem(app.second_factor(&challenge, "000000x").await, 401, "invalid_code").await;
    // The code of the next step: the one of this step was spent on the enrolment.
    let code = code_at(&enrolment, 30);
    let signed_in = app.json(app.second_factor(&challenge, &code).await).await;
    assert_eq!(signed_in["user"]["email"], "lale@example.org");
    assert_eq!(signed_in["enrolOnly"], false);
    assert_eq!(
        app.get("/api/v1/me", Some(&crate::helpers::token(&signed_in)))
            .await
            .status(),
        200
    );
    // The challenge is used up; the same code, or an older one, never works again.
    assert_problem(app.second_factor(&challenge, &code).await, 401, "invalid_challenge").await;
    let challenge = app.challenge("lale@example.org").await;
    assert_problem(app.second_factor(&challenge, &code).await, 401, "invalid_code").await;
    assert_problem(
        app.second_factor(&challenge, &code_now(&enrolment)).await,
        401,
        "invalid_code",
    )
    .await;
    assert_problem(
        app.second_factor("no-such-challenge", &code).await,
        401,
        "invalid_challenge",
    )
    .await;

    let history = event_summary(
        &app.events_of(domain::event::SubjectKind::Account, &app.user_id(&token).await)
            .await,
    );
    assert!(
        history.iter().any(|(kind, ..)| kind == "second_factor_enrolled"),
        "{history:?}"
    );
}

#[tokio::test]
async fn a_recovery_code_signs_in_once_however_it_is_typed() {
    let app = spawn_app().await;
    let citizen = token(&app.register("nima@example.org").await);
    let (_, codes) = app.enrol_second_factor(&citizen).await;

    let challenge = app.challenge("nima@example.org").await;
    let typed = codes[0].to_uppercase().replace('-', " ");
    let signed_in = app.json(app.second_factor(&challenge, &typed).await).await;
    assert!(signed_in["accessToken"].is_string());
    let challenge = app.challenge("nima@example.org").await;
    assert_problem(app.second_factor(&challenge, &codes[0]).await, 401, "invalid_code").await;
    let status = app
        .json(app.get("/api/v1/me/second-factor", Some(&citizen)).await)
        .await;
    assert_eq!(status["recoveryCodesLeft"], 9);
    let history = event_summary(
        &app.events_of(domain::event::SubjectKind::Account, &app.user_id(&citizen).await)
            .await,
    );
    assert!(
        history.contains(&(
            "recovery_code_used".to_owned(),
            Some(app.user_id(&citizen).await),
            None,
            Some("9".to_owned())
        )),
        "{history:?}"
    );

    // New codes after a right code: the old ones are void, the new ones work.
    let renewed = app
        .post(
            "/api/v1/me/second-factor/recovery-codes",
            Some(&citizen),
            json!({ "code": codes[1] }),
        )
        .await;
    let renewed = app.json(renewed).await;
    let fresh = renewed["recoveryCodes"][0].as_str().expect("a new code").to_owned();
    let challenge = app.challenge("nima@example.org").await;
    assert_problem(app.second_factor(&challenge, &codes[2]).await, 401, "invalid_code").await;
    assert_eq!(app.second_factor(&challenge, &fresh).await.status(), 200);
}

#[tokio::test]
async fn wrong_codes_count_towards_the_sign_in_throttle_and_a_right_password_does_not_clear_them() {
    let app = spawn_app_with(&["--login-max-failures-per-account", "3"]).await;
    let citizen = token(&app.register("guess@example.org").await);
    let (enrolment, _) = app.enrol_second_factor(&citizen).await;

    let challenge = app.challenge("guess@example.org").await;
    for _ in 0..2 {
        assert_problem(app.second_factor(&challenge, "000001").await, 401, "invalid_code").await;
    }
    // Signing in again with the right password does not reset the count.
    let challenge = app.challenge("guess@example.org").await;
    assert_problem(app.second_factor(&challenge, "000002").await, 401, "invalid_code").await;
    let locked = app.second_factor(&challenge, &code_at(&enrolment, 30)).await;
    assert!(locked.headers().get("retry-after").is_some(), "Retry-After");
    assert_problem(locked, 429, "too_many_attempts").await;
    assert_problem(app.login("guess@example.org", PASSWORD).await, 429, "too_many_attempts").await;
}

#[tokio::test]
async fn staff_and_admins_without_a_second_factor_may_only_enrol_one_when_it_is_required() {
    let app = spawn_app_with(&["--require-second-factor", "true"]).await;
    let citizen = app.register("citizen@example.org").await;
    assert_eq!(citizen["enrolOnly"], false);
    assert_eq!(app.get("/api/v1/calls", Some(&token(&citizen))).await.status(), 200);

    for (email, roles) in [("staff@example.org", "staff"), ("admin@example.org", "admin")] {
        app.signed_in_with_roles(email, roles).await;
        let session = app.json(app.login(email, PASSWORD).await).await;
        assert_eq!(session["enrolOnly"], true, "{email}");
        let restricted = token(&session);
        assert_problem(
            app.get("/api/v1/reviewers", Some(&restricted)).await,
            403,
            "second_factor_required",
        )
        .await;
        let call = app
            .post("/api/v1/calls", Some(&restricted), crate::fixtures::open_call_body())
            .await;
        assert_problem(call, 403, "second_factor_required").await;
        assert_problem(
            app.get("/api/v1/users", Some(&restricted)).await,
            403,
            "second_factor_required",
        )
        .await;
        // What the session may do: read the account, its sessions, and enrol.
        assert_eq!(app.get("/api/v1/me", Some(&restricted)).await.status(), 200);
        assert_eq!(app.get("/api/v1/me/sessions", Some(&restricted)).await.status(), 200);
        let status = app
            .json(app.get("/api/v1/me/second-factor", Some(&restricted)).await)
            .await;
        assert_eq!(status["required"], true);
        let (enrolment, _) = app.enrol_second_factor(&restricted).await;
        // The same session is whole from now on, and the next sign-in asks for the code.
        assert_eq!(app.get("/api/v1/reviewers", Some(&restricted)).await.status(), 200);
        let challenge = app.challenge(email).await;
        let signed_in = app
            .json(app.second_factor(&challenge, &code_at(&enrolment, 30)).await)
            .await;
        assert_eq!(signed_in["enrolOnly"], false);
    }
}

#[tokio::test]
async fn turning_the_second_factor_off_needs_the_password_and_a_code() {
    let app = spawn_app().await;
    let citizen = token(&app.register("off@example.org").await);
    let off = |body: Value| app.post("/api/v1/me/second-factor/disable", Some(&citizen), body);
    assert_problem(
        off(json!({ "password": PASSWORD, "code": "123456" })).await,
        409,
        "second_factor_not_enabled",
    )
    .await;
    let (enrolment, codes) = app.enrol_second_factor(&citizen).await;

    let wrong_password = off(json!({ "password": "not the password", "code": code_at(&enrolment, 30) })).await;
    assert_eq!(
        pointers(&assert_problem(wrong_password, 422, "validation_failed").await),
        ["/password"]
    );
    let wrong_code = off(json!({ "password": PASSWORD, "code": "000000" })).await;
    assert_eq!(
        pointers(&assert_problem(wrong_code, 422, "validation_failed").await),
        ["/code"]
    );
    assert_eq!(
        off(json!({ "password": PASSWORD, "code": codes[3] })).await.status(),
        204
    );

    let signed_in = app.json(app.login("off@example.org", PASSWORD).await).await;
    assert!(
        signed_in["accessToken"].is_string(),
        "the password alone signs in again"
    );
    let status = app
        .json(app.get("/api/v1/me/second-factor", Some(&citizen)).await)
        .await;
    assert_eq!(
        (status["enabled"].clone(), status["recoveryCodesLeft"].clone()),
        (json!(false), json!(0))
    );
    let history = event_summary(
        &app.events_of(domain::event::SubjectKind::Account, &app.user_id(&citizen).await)
            .await,
    );
    assert!(
        history.iter().any(|(kind, ..)| kind == "second_factor_disabled"),
        "{history:?}"
    );
}

#[tokio::test]
async fn an_admin_resets_a_lost_second_factor_and_the_accounts_sessions_end() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let owner = app.register("lost@example.org").await;
    let owner_id = app.user_id(&token(&owner)).await;
    let path = format!("/api/v1/users/{owner_id}/second-factor");
    assert_problem(app.delete(&path, Some(&admin)).await, 409, "second_factor_not_enabled").await;
    app.enrol_second_factor(&token(&owner)).await;

    assert_eq!(app.delete(&path, Some(&admin)).await.status(), 204);
    assert_problem(app.refresh(&refresh_token(&owner)).await, 401, "invalid_refresh_token").await;
    assert_problem(app.get("/api/v1/me", Some(&token(&owner))).await, 401, "invalid_token").await;
    let signed_in = app.json(app.login("lost@example.org", PASSWORD).await).await;
    assert!(
        signed_in["accessToken"].is_string(),
        "the password alone, then enrol again"
    );
    assert_eq!(signed_in["user"]["secondFactorEnabled"], false);
    let admin_id = app.user_id(&admin).await;
    let history = event_summary(&app.events_of(domain::event::SubjectKind::Account, &owner_id).await);
    assert!(
        history.contains(&("second_factor_reset".to_owned(), Some(admin_id), None, None)),
        "{history:?}"
    );
    assert_problem(app.delete(&path, Some(&admin)).await, 409, "second_factor_not_enabled").await;
}

#[tokio::test]
async fn a_signed_in_session_cannot_guess_codes_at_leisure_either() {
    let app = spawn_app_with(&["--login-max-failures-per-account", "2"]).await;
    let owner = token(&app.register("stolen-laptop@example.org").await);
    let (enrolment, _) = app.enrol_second_factor(&owner).await;
    let renew = |code: &str| {
        app.post(
            "/api/v1/me/second-factor/recovery-codes",
            Some(&owner),
            json!({ "code": code }),
        )
    };
    assert_eq!(
        pointers(&assert_problem(renew("000001").await, 422, "validation_failed").await),
        ["/code"]
    );
    let off = json!({ "password": "a guessed password", "code": "000002" });
    let off = app.post("/api/v1/me/second-factor/disable", Some(&owner), off).await;
    assert_eq!(
        pointers(&assert_problem(off, 422, "validation_failed").await),
        ["/password"]
    );
    // Two failures lock the account: even the right code waits, and so does signing in.
    assert_problem(renew(&code_at(&enrolment, 30)).await, 429, "too_many_attempts").await;
    assert_problem(
        app.login("stolen-laptop@example.org", PASSWORD).await,
        429,
        "too_many_attempts",
    )
    .await;
}

#[tokio::test]
async fn a_challenge_waits_five_minutes_at_most() {
    use sea_orm::ConnectionTrait;

    let app = spawn_app().await;
    let owner = token(&app.register("slow@example.org").await);
    let (enrolment, _) = app.enrol_second_factor(&owner).await;
    let answer = app.json(app.login("slow@example.org", PASSWORD).await).await;
    assert_eq!(answer["expiresIn"], 300);
    let challenge = answer["challenge"].as_str().expect("challenge");
    let db = app.db().await;
    db.execute_unprepared("UPDATE login_challenges SET expires_at = created_at")
        .await
        .expect("aged");
    let late = app.second_factor(challenge, &code_at(&enrolment, 30)).await;
    assert_problem(late, 401, "invalid_challenge").await;
}
