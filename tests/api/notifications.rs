//! Notifications against a real SMTP server (tests/api/mailbox.rs): each message is sent once, to the right
//! person, in their language, and holds nothing its reader may not know; the in-app list, preferences and
//! one-click unsubscribe; dead letters and their retry; reminders written once across restarts; and two
//! servers on one database delivering each message once. The crash test of delivery is in crash.rs.

use std::collections::HashMap;
use std::time::Duration;

use domain::reviewer::Organisation;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::decisions::reviewed_call;
use crate::fixtures::{id, idea_body, open_call_body};
use crate::helpers::{PASSWORD, TestApp, assert_problem, spawn_app_with, token, unstarted_app};
use crate::mailbox::{Mailbox, Received};
use crate::ranking::{juror, submitted_review};

/// The base of the links in messages.
const SPA: &str = "http://spa.test";

/// The flags of a server that mails to `mailbox`, quickly.
fn mailing(mailbox: &Mailbox) -> Vec<String> {
    [
        "--mail-url",
        &mailbox.url(),
        "--mail-from",
        "Citizen Diplomat <no-reply@diplomat.test>",
        "--public-url",
        SPA,
        "--outbox-poll-ms",
        "50",
        "--require-email-verification",
        "true",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// The `serve` flags of `app` mailing to `mailbox`, then `extra`.
fn mailing_args(app: &TestApp, mailbox: &Mailbox, extra: &[&str]) -> api::settings::ServeArgs {
    let mut flags = mailing(mailbox);
    flags.extend(extra.iter().map(|s| s.to_string()));
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    app.serve_args(&flags)
}

async fn mailing_app(mailbox: &Mailbox, extra: &[&str]) -> TestApp {
    let app = unstarted_app().await;
    let args = mailing_args(&app, mailbox, extra);
    app.start_with(args).await
}

/// Registers a citizen in `locale`: their token.
async fn register(app: &TestApp, email: &str, locale: &str) -> String {
    let response = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({ "email": email, "password": PASSWORD, "locale": locale }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    token(&response.json().await.expect("JSON"))
}

/// Registers a citizen and follows the verification link mailed to them: their token.
async fn verified_citizen(app: &TestApp, mailbox: &Mailbox, email: &str, locale: &str) -> String {
    let citizen = register(app, email, locale).await;
    let mail = mailbox.wait_for(email, 1).await;
    let token = mail[0]
        .token(&format!("{SPA}/verify-email"))
        .expect("a verification link");
    let response = app
        .post("/api/v1/auth/verify-email", None, json!({ "token": token }))
        .await;
    assert_eq!(response.status(), 204);
    citizen
}

/// The one message of `kind` to `address` (by its subject's language-independent header).
fn only(messages: &[Received], what: &str) -> Received {
    assert_eq!(
        messages.len(),
        1,
        "one {what}: {:?}",
        messages.iter().map(Received::subject).collect::<Vec<_>>()
    );
    messages[0].clone()
}

async fn notices(app: &TestApp, token: &str, query: &str) -> Value {
    app.json(app.get(&format!("/api/v1/me/notifications{query}"), Some(token)).await)
        .await
}

#[tokio::test]
async fn a_citizen_confirms_the_address_then_gets_a_receipt_in_persian_and_a_notice_in_the_app() {
    let mailbox = Mailbox::start();
    let app = mailing_app(&mailbox, &[]).await;
    let staff = app.staff().await;
    let call = id(&app.create_open_call(&staff).await);
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);

    let sara = register(&app, "sara@example.org", "fa").await;
    let me = app.json(app.get("/api/v1/me", Some(&sara)).await).await;
    assert_eq!(me["emailVerified"], false);
    let verification = only(&mailbox.wait_for("sara@example.org", 1).await, "verification");
    assert!(
        verification.html().contains(r#"dir="rtl""#),
        "Persian mail is right to left"
    );
    assert!(
        verification.header("List-Unsubscribe").is_none(),
        "account messages cannot be unsubscribed"
    );
    let link_token = verification
        .token(&format!("{SPA}/verify-email#token="))
        .expect("the link's token");

    // A draft may wait; submitting needs a confirmed address.
    let idea = id(&app
        .create_idea(&sara, idea_body(&call, &city, "<b>جشنواره</b> & \"فرش\""))
        .await);
    let submit = format!("/api/v1/ideas/{idea}/submit");
    assert_problem(app.post_empty(&submit, Some(&sara)).await, 403, "email_unverified").await;
    // A made-up token is refused; the mailed one works once.
    let refused = app
        .post("/api/v1/auth/verify-email", None, json!({ "token": "made-up" }))
        .await;
    assert_problem(refused, 422, "validation_failed").await;
    let verified = app
        .post("/api/v1/auth/verify-email", None, json!({ "token": link_token }))
        .await;
    assert_eq!(verified.status(), 204);
    let again = app
        .post("/api/v1/auth/verify-email", None, json!({ "token": link_token }))
        .await;
    assert_problem(again, 422, "validation_failed").await;
    assert_problem(
        app.post_empty("/api/v1/me/email-verification", Some(&sara)).await,
        409,
        "email_verified",
    )
    .await;
    let me = app.json(app.get("/api/v1/me", Some(&sara)).await).await;
    assert_eq!(me["emailVerified"], true);
    assert_eq!(me["unreadNotifications"], 0);

    let submitted_at = chrono::Utc::now();
    assert_eq!(app.post_empty(&submit, Some(&sara)).await.status(), 200);
    let mail = mailbox.wait_for("sara@example.org", 2).await;
    let receipt = mail[1].clone();
    assert!(receipt.at >= submitted_at, "delivered after the commit that queued it");
    // The receipt holds the idea as sent, escaped in HTML, with its link, in Persian digits and words.
    assert!(
        receipt.text().contains("<b>جشنواره</b> & \"فرش\""),
        "{}",
        receipt.text()
    );
    assert!(receipt.text().contains("متن کامل ایده با جزئیات اجرا"));
    assert!(
        receipt.html().contains("&lt;b&gt;جشنواره&lt;/b&gt;"),
        "{}",
        receipt.html()
    );
    assert!(!receipt.html().contains("<b>جشنواره"));
    assert!(receipt.text().contains(&format!("{SPA}/my/ideas/{idea}")));
    assert!(
        receipt.text().chars().any(|c| ('۰'..='۹').contains(&c)),
        "Persian digits: {}",
        receipt.text()
    );
    assert!(
        receipt
            .header("List-Unsubscribe")
            .is_some_and(|h| h.contains("/api/v1/unsubscribe?token="))
    );
    assert_eq!(
        receipt.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(
        receipt.message_id().ends_with("@diplomat.test"),
        "{}",
        receipt.message_id()
    );

    // In the app: one unread notice of the receipt; reading it clears the count.
    let list = notices(&app, &sara, "?unread=true").await;
    assert_eq!(list["total"], 1, "{list}");
    let notice = &list["items"][0];
    assert_eq!(notice["kind"], "idea_received");
    assert_eq!(notice["idea"]["id"], idea.as_str());
    assert_eq!(notice["call"]["id"], call.as_str());
    let me = app.json(app.get("/api/v1/me", Some(&sara)).await).await;
    assert_eq!(me["unreadNotifications"], 1);
    let read = format!("/api/v1/me/notifications/{}/read", notice["id"].as_str().expect("id"));
    let other = app.citizen("other@example.org").await;
    assert_problem(app.post_empty(&read, Some(&other)).await, 404, "not_found").await;
    assert_eq!(app.post_empty(&read, Some(&sara)).await.status(), 204);
    assert_eq!(notices(&app, &sara, "?unread=true").await["total"], 0);
    assert_eq!(notices(&app, &sara, "").await["total"], 1);

    // Nothing was sent twice, and the other citizen got their own verification only.
    let others = mailbox.wait_for("other@example.org", 1).await;
    let all = mailbox.all();
    let ids: std::collections::HashSet<String> = all.iter().map(Received::message_id).collect();
    assert_eq!(ids.len(), all.len(), "each message once");
    assert_eq!(mailbox.to("sara@example.org").len(), 2);
    assert_eq!(others.len(), 1);
    assert!(!others[0].text().contains("جشنواره"));
}

#[tokio::test]
async fn a_forgotten_password_is_reset_through_a_link_that_ends_every_session() {
    let mailbox = Mailbox::start();
    let app = mailing_app(&mailbox, &[]).await;
    let sara = verified_citizen(&app, &mailbox, "sara@example.org", "en").await;

    // The answer is the same for an unknown address, and nothing is mailed for it.
    for email in ["nobody@example.org", "Sara@Example.org"] {
        let response = app
            .post("/api/v1/auth/password-reset", None, json!({ "email": email }))
            .await;
        assert_eq!(response.status(), 202, "{email}");
    }
    let mail = mailbox.wait_for("sara@example.org", 2).await;
    let reset = mail[1].clone();
    assert!(
        reset.subject().to_lowercase().contains("password"),
        "English: {}",
        reset.subject()
    );
    assert!(reset.html().contains(r#"dir="ltr""#));
    let link_token = reset
        .token(&format!("{SPA}/set-password#token="))
        .expect("a reset link");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(mailbox.to("nobody@example.org").is_empty());

    let new_password = "a brand new passphrase 1405";
    let set = app
        .post(
            "/api/v1/auth/set-password",
            None,
            json!({ "token": link_token, "password": new_password }),
        )
        .await;
    assert_eq!(set.status(), 204);
    assert_problem(app.get("/api/v1/me", Some(&sara)).await, 401, "invalid_token").await;
    assert_eq!(app.login("sara@example.org", new_password).await.status(), 200);

    // Three asks per address an hour; the fourth is refused whatever the address's account.
    for _ in 0..2 {
        let response = app
            .post(
                "/api/v1/auth/password-reset",
                None,
                json!({ "email": "sara@example.org" }),
            )
            .await;
        assert_eq!(response.status(), 202);
    }
    let response = app
        .post(
            "/api/v1/auth/password-reset",
            None,
            json!({ "email": "sara@example.org" }),
        )
        .await;
    assert_eq!(response.status(), 429);
    assert!(response.headers().get("retry-after").is_some());
}

#[tokio::test]
async fn screening_and_results_reach_only_the_submitter_without_staff_notes() {
    let mailbox = Mailbox::start();
    let app = mailing_app(&mailbox, &["--require-email-verification", "false"]).await;
    let staff = app.staff().await;
    let call = id(&app.create_open_call(&staff).await);
    let city = id(&app.create_city(&staff, "پاریس", "Paris", "FR").await);
    let ali = app.citizen("ali@example.org").await;
    let idea = id(&app.submitted_idea(&ali, &call, &city, "ایده‌ای تکراری").await);
    let screened = app
        .screen(
            &staff,
            &idea,
            json!({ "decision": "reject", "reason": "duplicate", "note": "STAFF-ONLY-NOTE" }),
        )
        .await;
    assert_eq!(screened.status(), 200);
    let mail = mailbox.wait_for("ali@example.org", 2).await;
    let outcome = mail[1].clone();
    assert!(outcome.text().contains("ایده‌ای تکراری"));
    assert!(!outcome.text().contains("STAFF-ONLY-NOTE") && !outcome.html().contains("STAFF-ONLY-NOTE"));
    assert!(
        !outcome.text().contains("duplicate"),
        "the reason in words, not its code"
    );
    let notice = &notices(&app, &ali, "").await["items"][0];
    assert_eq!(notice["kind"], "idea_screened");
    assert_eq!(notice["shortlisted"], false);
    assert_eq!(notice["reason"], "duplicate");

    // A published result: the reviewers' comments for the submitter, never the staff's note.
    let jury = reviewed_call(&app, &staff, 2).await;
    let (third, _) = juror(&app, "third@example.org", Organisation::Other).await;
    submitted_review(
        &app,
        &jury.id,
        &jury.ideas[1],
        third,
        &[("impact", 10), ("feasibility", 10)],
        None,
    )
    .await;
    for (idea, outcome) in [(&jury.ideas[0], "selected"), (&jury.ideas[1], "not_selected")] {
        let response = app
            .put(
                &format!("/api/v1/ideas/{idea}/decision"),
                Some(&staff),
                json!({ "outcome": outcome, "note": "DECISION-NOTE" }),
            )
            .await;
        assert_eq!(response.status(), 200);
    }
    let before = mailbox.count();
    let publish = format!("/api/v1/calls/{}/decisions/publish", jury.id);
    assert_eq!(app.post_empty(&publish, Some(&staff)).await.status(), 200);
    let winner = mailbox.wait_for("submitter0@example.org", 3).await;
    let result = winner.last().expect("a result").clone();
    assert!(result.text().contains("بودجه را دقیق‌تر کنید"), "{}", result.text());
    assert!(!result.text().contains("DECISION-NOTE"));
    mailbox.wait_for("submitter1@example.org", 3).await;
    assert_eq!(mailbox.count(), before + 2, "one result per submitter");
}

#[tokio::test]
async fn a_blind_calls_reviewers_are_invited_and_assigned_without_learning_the_submitter() {
    let mailbox = Mailbox::start();
    let app = mailing_app(&mailbox, &["--require-email-verification", "false"]).await;
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 1, true, 1).await;

    // With mail on, the set-password link goes to the reviewer only.
    let response = app
        .post(
            "/api/v1/reviewers",
            Some(&staff),
            json!({ "email": "juror@example.org", "displayName": "Juror", "organisation": "university",
                    "expertise": ["cultural"], "maxLoad": 5, "locale": "en" }),
        )
        .await;
    assert_eq!(response.status(), 201);
    let enrolled: Value = response.json().await.expect("JSON");
    assert_eq!(enrolled["passwordToken"]["token"], Value::Null, "{enrolled}");
    assert_eq!(enrolled["passwordToken"]["mailed"], true);
    let invitation = only(&mailbox.wait_for("juror@example.org", 1).await, "invitation");
    let link_token = invitation
        .token(&format!("{SPA}/set-password#token="))
        .expect("the invitation's link");
    let set = app
        .post(
            "/api/v1/auth/set-password",
            None,
            json!({ "token": link_token, "password": PASSWORD }),
        )
        .await;
    assert_eq!(set.status(), 204);

    let reviewer = enrolled["reviewer"]["id"].as_str().expect("id").to_owned();
    let assigned = app.assign(&staff, &jury.id, &jury.ideas[0], &reviewer).await;
    assert_eq!(assigned.status(), 201);
    let mail = mailbox.wait_for("juror@example.org", 2).await;
    let assignment = mail[1].clone();
    assert!(assignment.text().contains("ایده شماره 0"), "{}", assignment.text());
    assert!(assignment.text().contains(&format!("{SPA}/review/{}", jury.ideas[0])));
    for secret in ["submitter0", "example.org"] {
        assert!(!assignment.text().contains(secret), "{secret} in {}", assignment.text());
        assert!(!assignment.html().contains(secret), "{secret} in the HTML");
    }
}

#[tokio::test]
async fn preferences_and_one_click_unsubscribe_stop_only_what_may_stop() {
    let mailbox = Mailbox::start();
    let app = mailing_app(&mailbox, &["--require-email-verification", "false"]).await;
    let staff = app.staff().await;
    let call = id(&app.create_open_call(&staff).await);
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let sara = app.citizen("sara@example.org").await;

    let preferences = app
        .json(app.get("/api/v1/me/notification-preferences", Some(&sara)).await)
        .await;
    let kinds = preferences["kinds"].as_array().expect("kinds");
    assert_eq!(kinds.len(), 13);
    assert!(kinds.iter().all(|k| k["email"] == true));
    let essential = app
        .put(
            "/api/v1/me/notification-preferences",
            Some(&sara),
            json!({ "emailOff": ["password_reset"] }),
        )
        .await;
    assert_eq!(
        crate::helpers::pointers(&assert_problem(essential, 422, "validation_failed").await),
        ["/emailOff/0"]
    );

    // The receipt's List-Unsubscribe link, posted as a mail client does, turns receipts off.
    app.submitted_idea(&sara, &call, &city, "ایده یکم").await;
    let receipt = only(&mailbox.wait_for("sara@example.org", 1).await, "receipt");
    let header = receipt.header("List-Unsubscribe").expect("the header");
    let url = header.trim_matches(['<', '>']).replace(SPA, &app.address);
    let unsubscribed = reqwest::Client::new()
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("posted");
    assert_eq!(unsubscribed.status(), 200);
    assert_eq!(
        unsubscribed.json::<Value>().await.expect("JSON")["kind"],
        "idea_received"
    );
    let forged = url.replace("idea_received", "idea_screened");
    let refused = app.post(&forged.replace(&app.address, ""), None, json!({})).await;
    assert_problem(refused, 422, "validation_failed").await;

    app.submitted_idea(&sara, &call, &city, "ایده دوم").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(mailbox.to("sara@example.org").len(), 1, "no second receipt by e-mail");
    assert_eq!(notices(&app, &sara, "").await["total"], 2, "both in the app");

    // Turning it on again: the complete set of kinds off is what PUT says.
    let changed = app
        .json(
            app.put(
                "/api/v1/me/notification-preferences",
                Some(&sara),
                json!({ "emailOff": ["call_digest"] }),
            )
            .await,
        )
        .await;
    let email_of = |kind: &str| {
        changed["kinds"]
            .as_array()
            .and_then(|kinds| kinds.iter().find(|k| k["kind"] == kind))
            .map(|k| k["email"].clone())
    };
    assert_eq!(email_of("idea_received"), Some(json!(true)));
    assert_eq!(email_of("call_digest"), Some(json!(false)));
}

#[tokio::test]
async fn a_refused_message_becomes_a_dead_letter_that_an_admin_sends_again() {
    let mailbox = Mailbox::start();
    mailbox.refuse_with(550);
    let app = mailing_app(&mailbox, &["--require-email-verification", "false"]).await;
    let (admin, _) = app.admin().await;
    let sara = app.citizen("sara@example.org").await;
    let old = "correct horse battery";
    let changed = app
        .post(
            "/api/v1/auth/password",
            Some(&sara),
            json!({ "currentPassword": old, "newPassword": "another long passphrase 7" }),
        )
        .await;
    assert_eq!(changed.status(), 204);

    let dead = "/api/v1/admin/outbox?state=dead";
    let mut entry = Value::Null;
    for _ in 0..100 {
        let page = app.json(app.get(dead, Some(&admin)).await).await;
        if page["total"] == 1 {
            entry = page["items"][0].clone();
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let all = app.json(app.get("/api/v1/admin/outbox", Some(&admin)).await).await;
    assert_eq!(entry["kind"], "password_changed", "{all}");
    assert_eq!(entry["recipient"]["email"], "sara@example.org");
    assert!(
        entry["lastError"].as_str().is_some_and(|e| e.contains("550")),
        "{entry}"
    );
    assert_problem(app.get(dead, Some(&sara)).await, 403, "forbidden").await;

    mailbox.refuse_with(0);
    let retry = format!("/api/v1/admin/outbox/{}/retry", entry["id"].as_str().expect("id"));
    let retried = app.json(app.post_empty(&retry, Some(&admin)).await).await;
    assert_eq!(retried["state"], "pending");
    let mail = mailbox.wait_for("sara@example.org", 1).await;
    assert_eq!(mail.len(), 1);
    assert_problem(app.post_empty(&retry, Some(&admin)).await, 409, "invalid_transition").await;
}

/// A temporary refusal is tried again later, with backoff, not at once and not given up.
#[tokio::test]
async fn a_temporary_refusal_waits_for_a_later_attempt() {
    let mailbox = Mailbox::start();
    mailbox.refuse_with(451);
    let app = mailing_app(&mailbox, &[]).await;
    let (admin, _) = app.admin().await;
    register(&app, "sara@example.org", "fa").await;
    let mut entry = Value::Null;
    for _ in 0..100 {
        let page = app.json(app.get("/api/v1/admin/outbox", Some(&admin)).await).await;
        entry = page["items"][0].clone();
        if entry["attempts"] == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(entry["state"], "pending", "{entry}");
    assert_eq!(entry["attempts"], 1);
    let next: chrono::DateTime<chrono::Utc> = entry["nextAttemptAt"]
        .as_str()
        .expect("a time")
        .parse()
        .expect("RFC 3339");
    let wait = next - chrono::Utc::now();
    assert!(
        wait > chrono::TimeDelta::seconds(10) && wait <= chrono::TimeDelta::seconds(31),
        "{wait}"
    );
}

#[tokio::test]
async fn a_draft_reminder_is_written_once_across_restarts() {
    let mailbox = Mailbox::start();
    let app = unstarted_app().await;
    let args = mailing_args(
        &app,
        &mailbox,
        &[
            "--scheduler-interval-seconds",
            "1",
            "--require-email-verification",
            "false",
        ],
    );
    let app = app.start_with(args.clone()).await;
    let staff = app.staff().await;
    let mut body = open_call_body();
    body["closesAt"] = json!((chrono::Utc::now() + chrono::TimeDelta::days(2)).to_rfc3339());
    let call = id(&app.create_call(&staff, body).await);
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let sara = app.citizen("sara@example.org").await;
    app.create_idea(&sara, idea_body(&call, &city, "پیش‌نویس من")).await;

    let reminders = |mailbox: &Mailbox| {
        mailbox
            .to("sara@example.org")
            .into_iter()
            .filter(|m| m.text().contains("پیش‌نویس من"))
            .count()
    };
    mailbox
        .wait_until(|| reminders(&mailbox) >= 1, "the draft reminder")
        .await;
    // Another server on the same database, and the first still running: each computes the reminder again.
    let app = app.start_with(args).await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(reminders(&mailbox), 1);
    let list = notices(&app, &sara, "").await;
    let kinds: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|n| n["kind"].as_str())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "draft_reminder").count(), 1, "{kinds:?}");
    // Staff got today's digest of the call, once, if the office's day has reached the digest's hour.
    let digests = mailbox.to("staff@example.org").len();
    assert!(digests <= 1, "{digests} digests");
}

#[tokio::test]
async fn two_servers_on_one_database_deliver_each_message_once() {
    let mailbox = Mailbox::start();
    mailbox.slow_down(Duration::from_millis(20));
    let app = unstarted_app().await;
    let args = mailing_args(&app, &mailbox, &["--outbox-batch", "3"]);
    let app = app.start_with(args.clone()).await;
    let first = app.address.clone();
    let app = app.start_with(args).await;
    const ACCOUNTS: usize = 30;
    let mut registrations = Vec::new();
    for n in 0..ACCOUNTS {
        // Half through each server.
        let base = if n % 2 == 0 { first.clone() } else { app.address.clone() };
        registrations.push(async move {
            reqwest::Client::new()
                .post(format!("{base}/api/v1/auth/register"))
                .json(&json!({ "email": format!("person{n}@example.org"), "password": PASSWORD }))
                .send()
                .await
                .expect("registered")
                .status()
        });
    }
    for status in futures_util::future::join_all(registrations).await {
        assert_eq!(status, StatusCode::CREATED);
    }
    mailbox
        .wait_until(|| mailbox.count() >= ACCOUNTS, "a message per account")
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut per_id: HashMap<String, usize> = HashMap::new();
    for message in mailbox.all() {
        *per_id.entry(message.message_id()).or_default() += 1;
    }
    assert_eq!(per_id.len(), ACCOUNTS);
    assert!(per_id.values().all(|n| *n == 1), "a message sent twice: {per_id:?}");
}

/// A server killed with SIGKILL in the middle of delivering loses nothing: the messages it held come back
/// when its lease expires, and the server started again sends them (some perhaps twice: at least once).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_while_delivering_loses_no_message() {
    const ACCOUNTS: usize = 24;
    let mailbox = Mailbox::start();
    // Slow enough that the kill lands mid-batch.
    mailbox.slow_down(Duration::from_millis(100));
    let app = unstarted_app().await;
    let exe = std::env::current_exe().expect("the test binary's path");
    let url = mailbox.url();
    let flags = [
        "--mail-url",
        &url,
        "--public-url",
        SPA,
        "--outbox-poll-ms",
        "50",
        "--outbox-batch",
        "5",
        "--outbox-lease-seconds",
        "2",
        "--require-email-verification",
        "true",
    ];
    let mut server = crate::crash::ServerProcess::start_with(&exe, &app, 0, &flags).await;
    let client = reqwest::Client::new();
    for n in 0..ACCOUNTS {
        let response = client
            .post(format!("{}/api/v1/auth/register", server.base))
            .json(&json!({ "email": format!("person{n}@example.org"), "password": PASSWORD }))
            .send()
            .await
            .expect("registered");
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    mailbox
        .wait_until(|| !mailbox.all().is_empty(), "the first message")
        .await;
    server.kill();
    let sent_before = mailbox.count();
    assert!(
        sent_before < ACCOUNTS,
        "the kill came too late to test anything: {sent_before} sent"
    );

    let _server = crate::crash::ServerProcess::start_with(&exe, &app, 1, &flags).await;
    for n in 0..ACCOUNTS {
        mailbox.wait_for(&format!("person{n}@example.org"), 1).await;
    }
    let db = app.db().await;
    let mut waited = 0;
    while db::outbox::count(&db, domain::notice::DeliveryState::Sent, None)
        .await
        .expect("counted")
        < ACCOUNTS as u64
    {
        waited += 1;
        assert!(waited < 200, "every message is marked sent");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        db::outbox::count(&db, domain::notice::DeliveryState::Pending, None)
            .await
            .expect("counted"),
        0
    );
    assert_eq!(
        db::outbox::count(&db, domain::notice::DeliveryState::Dead, None)
            .await
            .expect("counted"),
        0
    );
}

#[tokio::test]
async fn reviewers_are_reminded_before_the_review_ends_and_staff_get_a_daily_digest() {
    let mailbox = Mailbox::start();
    // Set up on a server that mails nothing and delivers nothing (staff see the jurors' links there).
    let app = spawn_app_with(&["--no-dispatch"]).await;
    let staff = app.staff().await;
    let jury = app.jury_call(&staff, 2, true, 1).await;
    let reviewer = app
        .enrol_reviewer(&staff, "juror@example.org", "university", &["cultural"])
        .await;
    for idea in &jury.ideas {
        assert_eq!(app.assign(&staff, &jury.id, idea, &reviewer.id).await.status(), 201);
    }
    // The review ends the day after tomorrow: the reminder of two days before is due today.
    app.move_review_window(&jury.id, -1, 2).await;

    // A server whose clock passes often, with the digest due from midnight, on the same database.
    let args = mailing_args(
        &app,
        &mailbox,
        &[
            "--scheduler-interval-seconds",
            "1",
            "--digest-hour",
            "0",
            "--require-email-verification",
            "false",
        ],
    );
    let app = app.start_with(args).await;
    // The invitation, an assignment notice per idea, and the reminder naming both ideas.
    let is_reminder = |m: &Received| {
        jury.ideas
            .iter()
            .all(|idea| m.text().contains(&format!("{SPA}/review/{idea}")))
    };
    mailbox
        .wait_until(
            || mailbox.to("juror@example.org").iter().any(is_reminder),
            "the review reminder",
        )
        .await;
    let digest = only(&mailbox.wait_for("staff@example.org", 1).await, "digest");
    assert!(
        digest.text().contains(&format!("{SPA}/staff/calls/{}", jury.id)),
        "{}",
        digest.text()
    );
    assert!(digest.header("List-Unsubscribe").is_some());
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let juror_mail = mailbox.to("juror@example.org");
    assert_eq!(juror_mail.iter().filter(|m| is_reminder(m)).count(), 1, "one reminder");
    assert_eq!(juror_mail.len(), 4, "invitation, two assignments, one reminder");
    for message in &juror_mail {
        assert!(
            !message.text().contains("submitter"),
            "a blind call's juror never learns the submitter"
        );
    }
    assert_eq!(mailbox.to("staff@example.org").len(), 1, "one digest a day");
    let list = notices(&app, &reviewer.token, "").await;
    let kinds: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|n| n["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        ["review_reminder", "assignments_made", "assignments_made"],
        "{list}"
    );
    assert_eq!(list["items"][0]["count"], 2);
}

#[tokio::test]
async fn a_second_factor_turned_on_is_told_to_its_owner() {
    let mailbox = Mailbox::start();
    let app = mailing_app(&mailbox, &["--require-email-verification", "false"]).await;
    let staff = app.staff().await;
    app.enrol_second_factor(&staff).await;
    let told = only(&mailbox.wait_for("staff@example.org", 1).await, "second-factor notice");
    assert!(told.text().contains(&format!("{SPA}/profile")), "{}", told.text());
    assert!(told.header("List-Unsubscribe").is_none(), "security messages always go");
    let list = notices(&app, &staff, "").await;
    assert_eq!(list["items"][0]["kind"], "second_factor_changed");
    assert_eq!(list["items"][0]["change"], "enabled");
}
