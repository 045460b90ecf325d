//! Set-password tokens that end with the account they were issued for, and the rules for new passwords.

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::*;

const NEW_PASSWORD: &str = "a river through isfahan";

impl TestApp {
    /// Staff enrol a reviewer without a password yet: the account's id and its first one-time token.
    async fn enrolled_reviewer(&self, staff: &str, email: &str) -> (String, String) {
        let response = self
            .post(
                "/api/v1/reviewers",
                Some(staff),
                json!({ "email": email, "displayName": "داور تازه", "organisation": "university",
                        "expertise": ["scientific"], "maxLoad": 5 }),
            )
            .await;
        assert_eq!(response.status(), 201);
        let enrolled: Value = response.json().await.expect("JSON");
        (
            enrolled["reviewer"]["id"].as_str().expect("id").to_owned(),
            enrolled["passwordToken"]["token"].as_str().expect("token").to_owned(),
        )
    }

    /// A further token for a reviewer, issued by staff.
    async fn reviewer_token(&self, staff: &str, id: &str) -> String {
        let response = self
            .post(
                &format!("/api/v1/reviewers/{id}/password-token"),
                Some(staff),
                json!({}),
            )
            .await;
        assert_eq!(response.status(), 201);
        let issued: Value = response.json().await.expect("JSON");
        issued["token"].as_str().expect("token").to_owned()
    }

    async fn set_password(&self, one_time: &str, password: &str) -> reqwest::Response {
        self.post(
            "/api/v1/auth/set-password",
            None,
            json!({ "token": one_time, "password": password }),
        )
        .await
    }

    async fn assert_token_refused(&self, one_time: &str, email: &str) {
        let problem = assert_problem(
            self.set_password(one_time, NEW_PASSWORD).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["pointer"], "/token");
        assert_eq!(problem["errors"][0]["code"], "invalid_password_token");
        assert_eq!(
            self.login(email, NEW_PASSWORD).await.status(),
            401,
            "{email} has no such password"
        );
    }
}

/// The escalation: staff issue a reviewer's token, an admin makes the account staff, and the old
/// token set the password of a staff account (204) for whoever held it.
#[tokio::test]
async fn a_token_issued_for_a_reviewer_dies_when_the_account_is_given_a_higher_role() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (admin, _) = app.admin().await;
    let (id, first) = app.enrolled_reviewer(&staff, "juror@example.org").await;
    let second = app.reviewer_token(&staff, &id).await;

    let response = app
        .patch(
            &format!("/api/v1/users/{id}"),
            Some(&admin),
            json!({ "roles": ["reviewer", "staff"] }),
        )
        .await;
    assert_eq!(response.status(), 200);
    app.assert_token_refused(&first, "juror@example.org").await;
    app.assert_token_refused(&second, "juror@example.org").await;

    // An admin hands the new staff member a token of their own, which works.
    let response = app
        .post(&format!("/api/v1/users/{id}/password-token"), Some(&admin), json!({}))
        .await;
    let issued: Value = response.json().await.expect("JSON");
    let fresh = issued["token"].as_str().expect("token");
    assert_eq!(app.set_password(fresh, NEW_PASSWORD).await.status(), 204);
    assert_eq!(app.login("juror@example.org", NEW_PASSWORD).await.status(), 200);
}

#[tokio::test]
async fn deactivating_or_reactivating_an_account_ends_its_tokens() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (admin, _) = app.admin().await;
    let (id, first) = app.enrolled_reviewer(&staff, "paused@example.org").await;
    let path = format!("/api/v1/users/{id}");
    assert_eq!(
        app.patch(&path, Some(&admin), json!({ "active": false }))
            .await
            .status(),
        200
    );
    let while_inactive = {
        let response = app
            .post(&format!("/api/v1/users/{id}/password-token"), Some(&admin), json!({}))
            .await;
        let issued: Value = response.json().await.expect("JSON");
        issued["token"].as_str().expect("token").to_owned()
    };
    // An inactive account's password is not set, even with a token issued after deactivation.
    app.assert_token_refused(&while_inactive, "paused@example.org").await;
    assert_eq!(
        app.patch(&path, Some(&admin), json!({ "active": true })).await.status(),
        200
    );
    app.assert_token_refused(&first, "paused@example.org").await;
    app.assert_token_refused(&while_inactive, "paused@example.org").await;
    // Saving the same roles again changes nothing and ends nothing.
    let kept = app.reviewer_token(&staff, &id).await;
    let response = app
        .patch(&path, Some(&admin), json!({ "roles": ["reviewer"], "active": true }))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(app.set_password(&kept, NEW_PASSWORD).await.status(), 204);
}

#[tokio::test]
async fn setting_the_password_by_any_path_ends_every_outstanding_token() {
    let app = spawn_app().await;
    let (admin, _) = app.admin().await;
    let user = app.register("busy@example.org").await;
    let id = user["user"]["id"].as_str().expect("id");
    let issue = || async {
        let response = app
            .post(&format!("/api/v1/users/{id}/password-token"), Some(&admin), json!({}))
            .await;
        let issued: Value = response.json().await.expect("JSON");
        issued["token"].as_str().expect("token").to_owned()
    };

    // By changing it while signed in.
    let outstanding = issue().await;
    let response = app
        .post(
            "/api/v1/auth/password",
            Some(&token(&user)),
            json!({ "currentPassword": PASSWORD, "newPassword": "the second of many" }),
        )
        .await;
    assert_eq!(response.status(), 204);
    app.assert_token_refused(&outstanding, "busy@example.org").await;

    // By another token.
    let (one, two) = (issue().await, issue().await);
    assert_eq!(app.set_password(&one, "the third of many").await.status(), 204);
    app.assert_token_refused(&two, "busy@example.org").await;
    assert_eq!(app.login("busy@example.org", "the third of many").await.status(), 200);
}

/// However roles change — even outside the API — a token never opens an account that holds a role it
/// did not hold when the token was issued.
#[tokio::test]
async fn a_token_never_opens_an_account_holding_more_roles_than_when_it_was_issued() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let (_, first) = app.enrolled_reviewer(&staff, "raised@example.org").await;
    let db = app.db().await;
    db.execute_unprepared("UPDATE users SET roles = 'admin,reviewer' WHERE email = 'raised@example.org'")
        .await
        .expect("roles raised behind the API's back");
    app.assert_token_refused(&first, "raised@example.org").await;

    // Tokens from before roles were recorded open citizen and reviewer accounts only.
    let (id, legacy) = app.enrolled_reviewer(&staff, "legacy@example.org").await;
    db.execute_unprepared("UPDATE password_tokens SET granted_roles = NULL")
        .await
        .expect("as before the migration");
    assert_eq!(app.set_password(&legacy, NEW_PASSWORD).await.status(), 204);
    let (_, legacy_staff) = app.enrolled_reviewer(&staff, "legacy-staff@example.org").await;
    db.execute_unprepared("UPDATE password_tokens SET granted_roles = NULL")
        .await
        .expect("as before the migration");
    db.execute_unprepared("UPDATE users SET roles = 'reviewer,staff' WHERE email = 'legacy-staff@example.org'")
        .await
        .expect("roles raised");
    app.assert_token_refused(&legacy_staff, "legacy-staff@example.org")
        .await;
    assert!(!id.is_empty());
}

async fn assert_password_refused(response: reqwest::Response, pointer: &str, code: &str) {
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), [pointer]);
    assert_eq!(problem["errors"][0]["code"], code, "{problem}");
}

#[tokio::test]
async fn new_passwords_are_long_uncommon_and_not_the_accounts_own_words() {
    let app = spawn_app().await;
    let sentence = "the zayanderud runs under thirty-three arches, past khaju and the old bazaar, \
                    to the gavkhouni marsh where flamingos winter in the salt flats of isfahan";
    let longest: String = sentence.chars().take(128).collect();
    let register = |email: &'static str, password: String| {
        app.post(
            "/api/v1/auth/register",
            None,
            json!({ "email": email, "password": password, "displayName": "Sara Ahmadi" }),
        )
    };
    for (password, code) in [
        ("eleven char".to_owned(), "too_short"),
        (sentence.chars().take(129).collect(), "too_long"),
        ("password1234".to_owned(), "too_common"),
        ("qwertyuiopasdfgh".to_owned(), "too_common"),
        ("1q2w3e4r5t6y".to_owned(), "too_common"),
        ("sara.ahmadi@example.org".to_owned(), "contains_personal_data"),
        ("saraahmadi1405".to_owned(), "contains_personal_data"),
    ] {
        assert_password_refused(register("sara.ahmadi@example.org", password).await, "/password", code).await;
    }
    assert_eq!(
        register("sara.ahmadi@example.org", longest).await.status(),
        201,
        "128 characters are allowed"
    );

    // Changing it: the same rules, with the account's own address and name.
    let user = app.register("maryam.karimi@example.org").await;
    let access = token(&user);
    let change = |new: &'static str| {
        app.post(
            "/api/v1/auth/password",
            Some(&access),
            json!({ "currentPassword": PASSWORD, "newPassword": new }),
        )
    };
    assert_password_refused(change("maryamkarimi!!").await, "/newPassword", "contains_personal_data").await;
    assert_password_refused(change("iloveyou1234").await, "/newPassword", "too_common").await;

    // Setting it with a token: the account's words are known from the token.
    let (admin, _) = app.admin().await;
    let id = user["user"]["id"].as_str().expect("id");
    let response = app
        .post(&format!("/api/v1/users/{id}/password-token"), Some(&admin), json!({}))
        .await;
    let issued: Value = response.json().await.expect("JSON");
    let one_time = issued["token"].as_str().expect("token");
    assert_password_refused(
        app.set_password(one_time, "karimi123456").await,
        "/password",
        "contains_personal_data",
    )
    .await;
    assert_eq!(
        app.set_password(one_time, NEW_PASSWORD).await.status(),
        204,
        "the token was not used up"
    );
}

/// Accounts whose passwords were set under the old rules (10 characters, argon2's default 19 MiB
/// settings) keep signing in, and their hash moves to today's settings as they do.
#[tokio::test]
async fn existing_passwords_under_the_old_rules_still_sign_in() {
    use argon2::password_hash::PasswordHasher;
    let app = spawn_app().await;
    app.register("old@example.org").await;
    let old_hash = argon2::Argon2::default()
        .hash_password(b"ten chars!")
        .expect("hashed")
        .to_string();
    let db = app.db().await;
    db.execute_unprepared(&format!(
        "UPDATE users SET password_hash = '{old_hash}' WHERE email = 'old@example.org'"
    ))
    .await
    .expect("an old password");
    assert_eq!(app.login("old@example.org", "ten chars!").await.status(), 200);
    let stored = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT password_hash FROM users WHERE email = 'old@example.org'",
        ))
        .await
        .expect("read")
        .and_then(|row| row.try_get::<String>("", "password_hash").ok())
        .expect("a hash");
    assert!(stored.starts_with("$argon2id$v=19$m=47104,t=1,p=1$"), "{stored}");
    assert!(api::auth::password::is_current(&stored));
    assert_eq!(app.login("old@example.org", "ten chars!").await.status(), 200);
}
