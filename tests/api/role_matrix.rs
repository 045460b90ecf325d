//! The role matrix: every operation of the committed contract (openapi/openapi.json) tried by twelve callers —
//! eight people: the public, the citizen who submitted the fixture idea, another citizen, a reviewer assigned
//! to the idea, a reviewer who is not, a reviewer with a conflict of interest recorded on it, staff and an
//! admin; and four API keys the admin issued through the API, one per scope (`public_read`, `staff_read`,
//! `register_write`, `calls_write`), each sent as `Authorization: Bearer cdk_…` as an access token is. Each
//! caller gets either through (any answer but 401, 403 and 404, below 500) or exactly the refusal DESIGN.md
//! gives it; never a 500. An operation of the contract without a row fails the test, and so does a row for an
//! operation the contract lacks: a new operation is one more line in `table()`.
//!
//! How the people's refusals are read from DESIGN.md ("Who sees what", "Roles", "API conventions"): the public
//! gets 401 with `WWW-Authenticate: Bearer` wherever signing in is required. A role the handler's signature
//! requires (`Staff`, `Admin`, `Reviewer`) refuses every other caller with 403 whatever the resource, so its
//! answer says nothing about the resource (tests/api/screening.rs holds the same for another citizen). Past
//! that gate, or where there is none, a resource the caller may not see is 404, and one they see but may not
//! act on is 403.
//!
//! How the keys' refusals are read from their scopes (crates/domain/src/api_key.rs), checked before any handler: what
//! acts for a person or administers the platform (/api/v1/auth, /me, /users, /audit, /admin, /unsubscribe) is
//! 403 to every key, whatever the method. A read needs `public_read` or `staff_read` (403 without either):
//! the `public_read` key reads as the public (403 where the public gets 401), the `staff_read` key as staff.
//! A write needs the scope that names it and then acts as staff: `register_write` for cities, partnerships,
//! activities and networks, `calls_write` for calls, their closing and their rubrics; every other write is 403
//! to every key. A key acting as staff is neither an admin nor a reviewer.
//!
//! One server and one set of accounts and keys serve the whole matrix. Each operation gets fresh resources (a
//! `Scene`): the refusing callers meet one set first, then each caller allowed a change meets a set of its
//! own, so one caller's withdrawal, deletion, revocation or publication never changes what the next one meets.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::{self, Write as _};
use std::path::PathBuf;

use reqwest::{Method, Response};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::fixtures::{idea_body, open_call_body};
use crate::helpers::{TestApp, spawn_app};
use crate::jury_fixtures::{review_body, three_criteria};

/// Every fixture account's password: long, and like no common one.
const PASSWORD: &str = "q7f3k9-Pw-x2r8-vellum";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Anonymous,
    Citizen,
    OtherCitizen,
    Assigned,
    Unassigned,
    Conflicted,
    Staff,
    Admin,
    /// The key with the `public_read` scope alone.
    PublicReadKey,
    /// The key with the `staff_read` scope alone.
    StaffReadKey,
    /// The key with the `register_write` scope alone.
    RegisterWriteKey,
    /// The key with the `calls_write` scope alone.
    CallsWriteKey,
}

/// The roles in the order of the table's expectation columns.
const ROLES: [Role; 12] = [
    Role::Anonymous,
    Role::Citizen,
    Role::OtherCitizen,
    Role::Assigned,
    Role::Unassigned,
    Role::Conflicted,
    Role::Staff,
    Role::Admin,
    Role::PublicReadKey,
    Role::StaffReadKey,
    Role::RegisterWriteKey,
    Role::CallsWriteKey,
];

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Anonymous => "anonymous",
            Role::Citizen => "citizen (submitter)",
            Role::OtherCitizen => "another citizen",
            Role::Assigned => "assigned reviewer",
            Role::Unassigned => "unassigned reviewer",
            Role::Conflicted => "conflicted reviewer",
            Role::Staff => "staff",
            Role::Admin => "admin",
            Role::PublicReadKey => "key (public_read)",
            Role::StaffReadKey => "key (staff_read)",
            Role::RegisterWriteKey => "key (register_write)",
            Role::CallsWriteKey => "key (calls_write)",
        })
    }
}

/// What one role must get.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// Past authorization: any status but 401, 403 and 404, below 500.
    Allowed,
    /// Exactly this refusal (401 with `WWW-Authenticate: Bearer`, 403 or 404).
    Refused(u16),
}

impl Expect {
    fn parse(token: &str) -> Option<Expect> {
        match token {
            "ok" => Some(Expect::Allowed),
            "401" => Some(Expect::Refused(401)),
            "403" => Some(Expect::Refused(403)),
            "404" => Some(Expect::Refused(404)),
            _ => None,
        }
    }

    fn met_by(self, got: &Got) -> bool {
        match self {
            Expect::Allowed => got.status < 500 && ![401, 403, 404].contains(&got.status),
            Expect::Refused(401) => got.status == 401 && got.bearer_challenge,
            Expect::Refused(status) => got.status == status,
        }
    }
}

impl fmt::Display for Expect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expect::Allowed => f.write_str("allowed"),
            Expect::Refused(status) => write!(f, "{status}"),
        }
    }
}

/// The resources an operation's request needs, each scene built afresh through the API (and the database
/// where only time would get there). Every idea is the citizen's; the conflicted reviewer's conflict of
/// interest is recorded on it; the assigned reviewer holds an assignment to it from `InReview` on (before
/// that an idea cannot have reviewers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Scene {
    /// Only the accounts.
    Nothing,
    /// A fresh session of the spare account: `refresh_token` and `session` (its id).
    Session,
    /// A new account with a second factor has given its password and waits for its code: `challenge`,
    /// and one of its `recovery_code`s.
    Challenge,
    /// A reviewer staff have just enrolled, without a password yet: `reviewer` and `user` (the same account)
    /// and its one-time `password_token`.
    Enrolled,
    /// The register: a bare `city` (added by the citizen), a `partner_city` with an active `partnership` and
    /// an `activity`, and a `network`.
    Register,
    /// An endpoint the admin registered (`webhook`, at http://127.0.0.1:9/hook, where nothing listens) and
    /// pinged once: the ping is its `delivery`.
    Webhook,
    /// An API key the admin issued for the row (`api_key`).
    ApiKey,
    /// An open `call`, no ideas yet.
    OpenCall,
    /// An open call with the citizen's draft `idea`.
    Draft,
    /// The idea submitted, the call still open.
    Submitted,
    /// The call closed and in its review window; the idea shortlisted, nobody assigned yet.
    Shortlisted,
    /// A rubric; the idea in review with the assigned reviewer (`assignment`); the conflicted reviewer was
    /// assigned too, and their conflict declined it.
    InReview,
    /// The assigned reviewer has saved a draft review.
    Drafted,
    /// The assigned reviewer has submitted their review: the idea is reviewed and the rubric locked.
    Reviewed,
    /// Staff have decided the idea is selected (pending).
    Decided,
    /// The call's decisions are published: the idea is selected.
    Published,
}

/// One operation and what each role must get from it.
struct Row {
    method: &'static str,
    path: &'static str,
    scene: Scene,
    expect: [Expect; 12],
    body: Option<Value>,
}

/// A row: `expect` holds one token per role in the order of `ROLES` — `ok`, `401`, `403` or `404`. Strings in
/// `body` may name the scene's values in braces (`{idea}`, `{call}`, `{unassigned_id}`, `{unique}`…).
fn row(method: &'static str, path: &'static str, scene: Scene, expect: &str, body: Option<Value>) -> Row {
    let expect: Vec<Expect> = expect
        .split_whitespace()
        .map(|token| Expect::parse(token).unwrap_or_else(|| panic!("{method} {path}: `{token}` is no expectation")))
        .collect();
    let expect = expect
        .try_into()
        .unwrap_or_else(|_| panic!("{method} {path}: give twelve expectations, one per role"));
    Row {
        method,
        path,
        scene,
        expect,
        body,
    }
}

/// A multipart upload's body: a small PDF as the part `file`, and these text parts. The row's body is a
/// marker that `attempt` turns into the form.
fn upload(fields: &[(&str, &str)]) -> Option<Value> {
    let fields: serde_json::Map<String, Value> = fields
        .iter()
        .map(|(name, value)| ((*name).to_owned(), json!(value)))
        .collect();
    Some(json!({ MULTIPART: fields }))
}

/// The key of a row body that stands for a multipart form.
const MULTIPART: &str = "$multipart";

/// The usual columns, one token per caller in the order of `ROLES`.
#[rustfmt::skip]
mod columns {
    //                                  anon cit  oth  asg  una  con  stf  adm  pub  srd  reg  cal
    /// Public reads: everyone, and each key that may read (the `staff_read` key reads as staff).
    pub const PUBLIC_READ: &str =      "ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403";
    /// Open to everyone, but acting for a person (signing in, an unsubscribe link): never for a key.
    pub const ANY_PERSON: &str =       "ok   ok   ok   ok   ok   ok   ok   ok   403  403  403  403";
    /// Any account, for itself: never a key.
    pub const SIGNED_IN: &str =        "401  ok   ok   ok   ok   ok   ok   ok   403  403  403  403";
    pub const JURY: &str =             "401  403  403  ok   ok   ok   403  403  403  403  403  403";
    /// What staff read: the `staff_read` key reads it as staff; the `public_read` key is no signed-in caller.
    pub const STAFF_READ: &str =       "401  403  403  403  403  403  ok   ok   403  ok   403  403";
    /// Staff's changes to the register: the `register_write` key makes them as staff.
    pub const REGISTER_WRITE: &str =   "401  403  403  403  403  403  ok   ok   403  403  ok   403";
    /// Staff's changes to calls and their rubrics: the `calls_write` key makes them as staff.
    pub const CALLS_WRITE: &str =      "401  403  403  403  403  403  ok   ok   403  403  403  ok";
    /// Staff's other changes (screening, the jury, decisions): no scope opens them.
    pub const STAFF_WRITE: &str =      "401  403  403  403  403  403  ok   ok   403  403  403  403";
    /// The admins': never a key, not even one acting as staff.
    pub const ADMIN: &str =            "401  403  403  403  403  403  403  ok   403  403  403  403";
    /// The submitter's own actions on their idea: staff see it but may not act; nobody else sees it.
    pub const SUBMITTER: &str =        "401  ok   404  404  404  404  403  403  403  403  403  403";
    /// A reviewer's own review of the idea: the gate is the reviewer role, then the assignment.
    pub const REVIEWER: &str =         "401  403  403  ok   404  404  403  403  403  403  403  403";
}

#[rustfmt::skip]
fn table() -> Vec<Row> {
    use Scene::*;
    use columns::*;
    vec![
        // Health and sessions: open to all; a person's token sent along changes nothing. Signing in, out and up
        // acts for a person: never for a key.
        row("GET",    "/api/health/live",                                              Nothing,     PUBLIC_READ,    None),
        row("GET",    "/api/health/ready",                                             Nothing,     PUBLIC_READ,    None),
        row("POST",   "/api/v1/auth/login",                                            Nothing,     ANY_PERSON,     Some(json!({ "email": "{spare_email}", "password": "{password}" }))),
        row("POST",   "/api/v1/auth/logout",                                           Session,     ANY_PERSON,     Some(json!({ "refreshToken": "{refresh_token}" }))),
        row("POST",   "/api/v1/auth/refresh",                                          Session,     ANY_PERSON,     Some(json!({ "refreshToken": "{refresh_token}" }))),
        row("POST",   "/api/v1/auth/register",                                         Nothing,     ANY_PERSON,     Some(json!({ "email": "new-{unique}@example.org", "password": "{password}" }))),
        row("POST",   "/api/v1/auth/set-password",                                     Enrolled,    ANY_PERSON,     Some(json!({ "token": "{password_token}", "password": "{password}" }))),
        row("POST",   "/api/v1/auth/password",                                         Nothing,     SIGNED_IN,      Some(json!({ "currentPassword": "{password}", "newPassword": "{password}" }))),
        row("POST",   "/api/v1/auth/login/second-factor",                              Challenge,   ANY_PERSON,     Some(json!({ "challenge": "{challenge}", "code": "{recovery_code}" }))),
        // One's own account; administration.
        row("GET",    "/api/v1/me",                                                    Nothing,     SIGNED_IN,      None),
        row("PATCH",  "/api/v1/me",                                                    Nothing,     SIGNED_IN,      Some(json!({ "displayName": "نامی تازه" }))),
        row("GET",    "/api/v1/me/assignments",                                        InReview,    JURY,           None),
        // One's own second factor and sessions: nobody else's session is even seen.
        row("GET",    "/api/v1/me/second-factor",                                      Nothing,     SIGNED_IN,      None),
        row("POST",   "/api/v1/me/second-factor",                                      Nothing,     SIGNED_IN,      None),
        row("POST",   "/api/v1/me/second-factor/confirm",                              Nothing,     SIGNED_IN,      Some(json!({ "code": "000000" }))),
        row("POST",   "/api/v1/me/second-factor/disable",                              Nothing,     SIGNED_IN,      Some(json!({ "password": "{password}", "code": "000000" }))),
        row("POST",   "/api/v1/me/second-factor/recovery-codes",                       Nothing,     SIGNED_IN,      Some(json!({ "code": "000000" }))),
        row("GET",    "/api/v1/me/sessions",                                           Nothing,     SIGNED_IN,      None),
        row("DELETE", "/api/v1/me/sessions",                                           Nothing,     SIGNED_IN,      None),
        row("DELETE", "/api/v1/me/sessions/{id}",                                      Session,     "401  404  404  404  404  404  404  404  403  403  403  403", None),
        row("GET",    "/api/v1/audit",                                                 Nothing,     ADMIN,          None),
        // Notifications: one's own notices and preferences; an unsubscribe link is its own authority; the
        // outbox is the admins'. Nobody else's notice is even seen.
        row("POST",   "/api/v1/auth/password-reset",                                   Nothing,     ANY_PERSON,     Some(json!({ "email": "spare@example.org" }))),
        row("POST",   "/api/v1/auth/verify-email",                                     Nothing,     ANY_PERSON,     Some(json!({ "token": "no-such-token" }))),
        row("POST",   "/api/v1/me/email-verification",                                 Nothing,     SIGNED_IN,      None),
        row("GET",    "/api/v1/me/notifications",                                      Nothing,     SIGNED_IN,      None),
        row("POST",   "/api/v1/me/notifications/read",                                 Nothing,     SIGNED_IN,      None),
        row("POST",   "/api/v1/me/notifications/{id}/read",                            Submitted,   "401  ok   404  404  404  404  404  404  403  403  403  403", None),
        row("GET",    "/api/v1/me/notification-preferences",                           Nothing,     SIGNED_IN,      None),
        row("PUT",    "/api/v1/me/notification-preferences",                           Nothing,     SIGNED_IN,      Some(json!({ "emailOff": ["call_digest"] }))),
        row("GET",    "/api/v1/unsubscribe",                                           Nothing,     ANY_PERSON,     None),
        row("POST",   "/api/v1/unsubscribe",                                           Nothing,     ANY_PERSON,     None),
        row("GET",    "/api/v1/admin/outbox",                                          Nothing,     ADMIN,          None),
        row("POST",   "/api/v1/admin/outbox/{id}/retry",                               Submitted,   ADMIN,          None),
        row("GET",    "/api/v1/users",                                                 Nothing,     ADMIN,          None),
        row("PATCH",  "/api/v1/users/{id}",                                            Enrolled,    ADMIN,          Some(json!({ "active": true }))),
        row("POST",   "/api/v1/users/{id}/password-token",                             Enrolled,    ADMIN,          None),
        row("DELETE", "/api/v1/users/{id}/second-factor",                              Enrolled,    ADMIN,          None),
        row("GET",    "/api/v1/users/{id}/sessions",                                   Enrolled,    ADMIN,          None),
        row("DELETE", "/api/v1/users/{id}/sessions",                                   Enrolled,    ADMIN,          None),
        // Integrations: webhook endpoints and API keys are the admins' alone; no key administers either.
        row("GET",    "/api/v1/admin/webhooks",                                        Nothing,     ADMIN,          None),
        row("POST",   "/api/v1/admin/webhooks",                                        Nothing,     ADMIN,          Some(json!({ "url": "http://127.0.0.1:9/hook-{unique}", "eventTypes": ["call.opened"], "scope": "public" }))),
        row("GET",    "/api/v1/admin/webhooks/{id}",                                   Webhook,     ADMIN,          None),
        row("PATCH",  "/api/v1/admin/webhooks/{id}",                                   Webhook,     ADMIN,          Some(json!({ "description": "تازه" }))),
        row("DELETE", "/api/v1/admin/webhooks/{id}",                                   Webhook,     ADMIN,          None),
        row("POST",   "/api/v1/admin/webhooks/{id}/secret",                            Webhook,     ADMIN,          None),
        row("POST",   "/api/v1/admin/webhooks/{id}/ping",                              Webhook,     ADMIN,          None),
        row("GET",    "/api/v1/admin/webhooks/{id}/deliveries",                        Webhook,     ADMIN,          None),
        row("GET",    "/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}",           Webhook,     ADMIN,          None),
        row("POST",   "/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver", Webhook,     ADMIN,          None),
        row("GET",    "/api/v1/admin/api-keys",                                        Nothing,     ADMIN,          None),
        row("POST",   "/api/v1/admin/api-keys",                                        Nothing,     ADMIN,          Some(json!({ "name": "key {unique}", "scopes": ["public_read"] }))),
        row("GET",    "/api/v1/admin/api-keys/{id}",                                   ApiKey,      ADMIN,          None),
        row("POST",   "/api/v1/admin/api-keys/{id}/revoke",                            ApiKey,      ADMIN,          None),
        // The register: public to read, staff's and the register_write key's to keep; any account may add a
        // missing city (no key but the register_write one).
        row("GET",    "/api/v1/cities",                                                Register,    PUBLIC_READ,    None),
        row("POST",   "/api/v1/cities",                                                Nothing,     "401  ok   ok   ok   ok   ok   ok   ok   403  403  ok   403", Some(json!({ "name": { "fa": "شهر {unique}", "en": "City {unique}" }, "country": "IT" }))),
        row("GET",    "/api/v1/cities/{id}",                                           Register,    PUBLIC_READ,    None),
        row("PATCH",  "/api/v1/cities/{id}",                                           Register,    REGISTER_WRITE, Some(json!({ "verified": true }))),
        row("GET",    "/api/v1/cities/{id}/activities",                                Register,    PUBLIC_READ,    None),
        row("POST",   "/api/v1/cities/{id}/activities",                                Register,    REGISTER_WRITE, Some(json!({ "occurredOn": "2026-01-15", "kind": "webinar", "direction": "joint", "title": { "fa": "وبینار شهرداران" } }))),
        row("POST",   "/api/v1/cities/{id}/merge",                                     Register,    REGISTER_WRITE, Some(json!({ "into": "{partner_city}" }))),
        row("GET",    "/api/v1/cities/{id}/overview",                                  Register,    PUBLIC_READ,    None),
        row("GET",    "/api/v1/activities",                                            Register,    PUBLIC_READ,    None),
        row("GET",    "/api/v1/activities/{id}",                                       Register,    PUBLIC_READ,    None),
        row("PATCH",  "/api/v1/activities/{id}",                                       Register,    REGISTER_WRITE, Some(json!({ "title": { "fa": "وبینار شهرداران دو شهر" } }))),
        row("GET",    "/api/v1/networks",                                              Register,    PUBLIC_READ,    None),
        row("POST",   "/api/v1/networks",                                              Nothing,     REGISTER_WRITE, Some(json!({ "name": { "fa": "شبکه {unique}", "en": "Network {unique}" } }))),
        row("GET",    "/api/v1/networks/{id}",                                         Register,    PUBLIC_READ,    None),
        row("PATCH",  "/api/v1/networks/{id}",                                         Register,    REGISTER_WRITE, Some(json!({ "role": { "fa": "عضو هیئت مدیره" } }))),
        row("GET",    "/api/v1/partnerships",                                          Register,    PUBLIC_READ,    None),
        row("POST",   "/api/v1/partnerships",                                          Register,    REGISTER_WRITE, Some(json!({ "cityId": "{city}", "kind": "friendship_city", "state": "in_negotiation" }))),
        row("GET",    "/api/v1/partnerships/{id}",                                     Register,    PUBLIC_READ,    None),
        row("PATCH",  "/api/v1/partnerships/{id}",                                     Register,    REGISTER_WRITE, Some(json!({ "kind": "memorandum" }))),
        row("POST",   "/api/v1/partnerships/{id}/state",                               Register,    REGISTER_WRITE, Some(json!({ "state": "dormant", "reason": "بدون برنامه مشترک" }))),
        // Calls: public to read, staff's to run; the calls_write key opens and changes calls and their rubrics,
        // not the jury's work nor decisions.
        row("GET",    "/api/v1/calls",                                                 Submitted,   PUBLIC_READ,    None),
        row("POST",   "/api/v1/calls",                                                 Nothing,     CALLS_WRITE,    Some(open_call_body())),
        row("GET",    "/api/v1/calls/{id}",                                            Submitted,   PUBLIC_READ,    None),
        row("PATCH",  "/api/v1/calls/{id}",                                            OpenCall,    CALLS_WRITE,    Some(json!({ "title": { "fa": "فراخوان دوم", "en": "The second call" } }))),
        row("POST",   "/api/v1/calls/{id}/close",                                      OpenCall,    CALLS_WRITE,    Some(json!({ "note": "پایان زودتر" }))),
        row("GET",    "/api/v1/calls/{id}/events",                                     Submitted,   STAFF_READ,     None),
        row("GET",    "/api/v1/calls/{id}/ideas/export",                               Submitted,   STAFF_READ,     None),
        row("GET",    "/api/v1/calls/{id}/stats",                                      Submitted,   PUBLIC_READ,    None),
        row("GET",    "/api/v1/calls/{callId}/ideas",                                  Submitted,   PUBLIC_READ,    None),
        row("GET",    "/api/v1/calls/{id}/rubric",                                     InReview,    PUBLIC_READ,    None),
        row("PUT",    "/api/v1/calls/{id}/rubric",                                     InReview,    CALLS_WRITE,    Some(three_criteria())),
        row("POST",   "/api/v1/calls/{id}/rubric/reopen",                              Reviewed,    CALLS_WRITE,    Some(json!({ "reason": "یک معیار نادرست بود" }))),
        row("GET",    "/api/v1/calls/{id}/assignments",                                InReview,    STAFF_READ,     None),
        row("POST",   "/api/v1/calls/{id}/assignments",                                InReview,    STAFF_WRITE,    Some(json!({ "ideaId": "{idea}", "reviewerId": "{unassigned_id}" }))),
        row("POST",   "/api/v1/calls/{id}/assignments/auto",                           InReview,    STAFF_WRITE,    Some(json!({}))),
        row("DELETE", "/api/v1/assignments/{id}",                                      InReview,    STAFF_WRITE,    None),
        row("GET",    "/api/v1/calls/{callId}/ranking",                                Reviewed,    STAFF_READ,     None),
        row("GET",    "/api/v1/calls/{callId}/ranking/export",                         Reviewed,    STAFF_READ,     None),
        row("GET",    "/api/v1/calls/{callId}/decisions",                              Decided,     STAFF_READ,     None),
        row("POST",   "/api/v1/calls/{callId}/decisions",                              Reviewed,    STAFF_WRITE,    Some(json!({ "items": [{ "ideaId": "{idea}", "outcome": "selected" }] }))),
        row("POST",   "/api/v1/calls/{callId}/decisions/publish",                      Decided,     STAFF_WRITE,    None),
        // Ideas.                                                                                    anon cit  oth  asg  una  con  stf  adm  pub  srd  reg  cal
        row("GET",    "/api/v1/ideas",                                                 InReview,    PUBLIC_READ,    None),
        row("POST",   "/api/v1/ideas",                                                 OpenCall,    SIGNED_IN,      Some(idea_body("{call}", "{target_city}", "ایده‌ای تازه"))),
        row("POST",   "/api/v1/ideas/screening",                                       Submitted,   STAFF_WRITE,    Some(json!({ "ideaIds": ["{idea}"], "decision": "shortlist" }))),
        row("GET",    "/api/v1/ideas/{id}",                                            InReview,    "404  ok   404  ok   404  404  ok   ok   404  ok   403  403", None),
        row("PATCH",  "/api/v1/ideas/{id}",                                            Draft,       SUBMITTER,      Some(json!({ "summary": "خلاصه‌ای روشن‌تر" }))),
        row("POST",   "/api/v1/ideas/{id}/submit",                                     Draft,       SUBMITTER,      None),
        row("POST",   "/api/v1/ideas/{id}/withdraw",                                   Submitted,   SUBMITTER,      None),
        row("POST",   "/api/v1/ideas/{id}/screening",                                  Submitted,   STAFF_WRITE,    Some(json!({ "decision": "shortlist" }))),
        row("POST",   "/api/v1/ideas/{id}/screening/reopen",                           Shortlisted, STAFF_WRITE,    Some(json!({ "reason": "duplicate" }))),
        row("GET",    "/api/v1/ideas/{id}/events",                                     InReview,    "401  ok   404  404  404  404  ok   ok   403  ok   403  403", None),
        row("GET",    "/api/v1/ideas/{id}/similar",                                    Submitted,   STAFF_READ,     None),
        row("POST",   "/api/v1/ideas/{id}/conflict",                                   InReview,    "401  403  404  ok   404  404  403  403  403  403  403  403", Some(json!({ "reason": "با پیشنهاددهنده همکارم" }))),
        row("PUT",    "/api/v1/ideas/{id}/decision",                                   Reviewed,    STAFF_WRITE,    Some(json!({ "outcome": "selected" }))),
        row("GET",    "/api/v1/ideas/{id}/result",                                     Published,   "404  ok   404  404  404  404  ok   ok   404  ok   403  403", None),
        row("GET",    "/api/v1/ideas/{id}/review",                                     Drafted,     REVIEWER,       None),
        row("PUT",    "/api/v1/ideas/{id}/review",                                     InReview,    REVIEWER,       Some(json!({ "scores": { "impact": 7 } }))),
        row("POST",   "/api/v1/ideas/{id}/review/submit",                              InReview,    REVIEWER,       Some(review_body(7, 4, 3))),
        row("GET",    "/api/v1/ideas/{id}/reviews",                                    Reviewed,    "401  404  404  ok   404  404  ok   ok   403  ok   403  403", None),
        // Files: an idea's are its submitter's to add while it may be edited, seen as the idea is (the scenes'
        // `file` is the citizen's proposal photograph on their idea); a tie's evidence is the citizen's, seen by
        // staff too; a partnership's and an activity's records are public, staff's and the register_write
        // key's to add. A signed link is its own authority. Uploads are multipart (`upload()`).
        row("POST",   "/api/v1/ideas/{id}/files",                                      Draft,       SUBMITTER,      upload(&[("kind", "proposal")])),
        row("GET",    "/api/v1/ideas/{id}/files",                                      InReview,    "404  ok   404  ok   404  404  ok   ok   404  ok   403  403", None),
        row("POST",   "/api/v1/ties/{id}/files",                                       Nothing,     SUBMITTER,      upload(&[])),
        row("GET",    "/api/v1/ties/{id}/files",                                       Nothing,     "401  ok   404  404  404  404  ok   ok   403  ok   403  403", None),
        row("POST",   "/api/v1/partnerships/{id}/files",                               Register,    REGISTER_WRITE, upload(&[("internal", "false")])),
        row("GET",    "/api/v1/partnerships/{id}/files",                               Register,    PUBLIC_READ,    None),
        row("POST",   "/api/v1/activities/{id}/files",                                 Register,    REGISTER_WRITE, upload(&[])),
        row("GET",    "/api/v1/activities/{id}/files",                                 Register,    PUBLIC_READ,    None),
        row("GET",    "/api/v1/files/{id}",                                            InReview,    "404  ok   404  ok   404  404  ok   ok   404  ok   403  403", None),
        row("PATCH",  "/api/v1/files/{id}",                                            Draft,       SUBMITTER,      Some(json!({ "description": "طرح به‌روز شده" }))),
        row("DELETE", "/api/v1/files/{id}",                                            Draft,       SUBMITTER,      None),
        row("GET",    "/api/v1/files/{id}/content",                                    InReview,    "404  ok   404  ok   404  404  ok   ok   404  ok   403  403", None),
        row("GET",    "/api/v1/files/{id}/preview",                                    InReview,    "404  ok   404  ok   404  404  ok   ok   404  ok   403  403", None),
        row("GET",    "/api/v1/files/{id}/signed",                                     InReview,    PUBLIC_READ,    None),
        // The jury's roster and conflicts of interest.
        row("GET",    "/api/v1/reviewers",                                             Nothing,     STAFF_READ,     None),
        row("POST",   "/api/v1/reviewers",                                             Nothing,     STAFF_WRITE,    Some(json!({ "email": "juror-{unique}@example.org", "displayName": "داور تازه", "organisation": "university", "expertise": ["cultural"], "maxLoad": 10 }))),
        row("GET",    "/api/v1/reviewers/{id}",                                        Enrolled,    STAFF_READ,     None),
        row("PATCH",  "/api/v1/reviewers/{id}",                                        Enrolled,    STAFF_WRITE,    Some(json!({ "maxLoad": 12 }))),
        row("POST",   "/api/v1/reviewers/{id}/password-token",                         Enrolled,    STAFF_WRITE,    None),
        row("GET",    "/api/v1/conflicts",                                             InReview,    STAFF_READ,     None),
        row("POST",   "/api/v1/conflicts",                                             InReview,    STAFF_WRITE,    Some(json!({ "reviewerId": "{unassigned_id}", "ideaId": "{idea}", "reason": "هم‌دانشکده‌ای پیشنهاددهنده" }))),
    ]
}

/// What the committed contract says of one operation.
struct Operation {
    if_match: bool,
    request_body: bool,
}

/// Every operation of openapi/openapi.json, by (METHOD, path template).
fn contract() -> BTreeMap<(String, String), Operation> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json");
    let text = std::fs::read_to_string(&path).expect("openapi/openapi.json is readable");
    let document: Value = serde_json::from_str(&text).expect("openapi/openapi.json is JSON");
    let paths = document["paths"].as_object().expect("the contract has paths");
    let mut operations = BTreeMap::new();
    for (path, item) in paths {
        let Some(item) = item.as_object() else { continue };
        for (method, operation) in item {
            if !["get", "put", "post", "delete", "patch", "head", "options", "trace"].contains(&method.as_str()) {
                continue;
            }
            let if_match =
                operation["parameters"].as_array().into_iter().flatten().any(|p| {
                    p["in"] == "header" && p["name"].as_str().is_some_and(|n| n.eq_ignore_ascii_case("if-match"))
                });
            let operation = Operation {
                if_match,
                request_body: operation.get("requestBody").is_some(),
            };
            operations.insert((method.to_uppercase(), path.clone()), operation);
        }
    }
    operations
}

/// The differences between the table and the contract, each with what to do.
fn coverage(rows: &[Row], operations: &BTreeMap<(String, String), Operation>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for row in rows {
        let key = (row.method.to_owned(), row.path.to_owned());
        if !seen.insert(key.clone()) {
            problems.push(format!("{} {}: two rows; keep one", row.method, row.path));
        }
        match operations.get(&key) {
            None => problems.push(format!(
                "{} {}: a row for an operation that is not in openapi/openapi.json; remove or correct it",
                row.method, row.path
            )),
            Some(operation) if operation.request_body != row.body.is_some() => problems.push(format!(
                "{} {}: the contract {} a request body but the row {}",
                row.method,
                row.path,
                if operation.request_body { "takes" } else { "takes no" },
                if row.body.is_some() { "sends one" } else { "sends none" }
            )),
            Some(_) => {}
        }
    }
    for (method, path) in operations.keys() {
        if !seen.contains(&(method.clone(), path.clone())) {
            problems.push(format!(
                "{method} {path}: in the contract without a row; add a row to the role matrix (tests/api/role_matrix.rs)"
            ));
        }
    }
    problems
}

/// A scene's values by name: ids, tokens and e-mail addresses for paths and bodies.
type Fx = HashMap<&'static str, String>;

/// An account of the fixture world.
struct Account {
    id: String,
    token: String,
}

/// The bearer tokens of the four API keys, one scope each.
struct Keys {
    public_read: String,
    staff_read: String,
    register_write: String,
    calls_write: String,
}

/// The server, its accounts and keys, and the values every scene shares.
struct World {
    app: TestApp,
    citizen: Account,
    other: Account,
    assigned: Account,
    unassigned: Account,
    conflicted: Account,
    staff: Account,
    admin: Account,
    keys: Keys,
    base: Fx,
    counter: Cell<u32>,
}

/// The resource a path segment before `{id}` names.
fn resource_of(segment: &str) -> Option<&'static str> {
    Some(match segment {
        "activities" => "activity",
        "assignments" => "assignment",
        "calls" => "call",
        "cities" => "city",
        "ideas" => "idea",
        "networks" => "network",
        "partnerships" => "partnership",
        "reviewers" => "reviewer",
        "sessions" => "session",
        "notifications" => "notice",
        "outbox" => "outbox",
        "users" => "user",
        "webhooks" => "webhook",
        "api-keys" => "api_key",
        "ties" => "tie",
        "files" => "file",
        _ => return None,
    })
}

/// The path with its parameters filled from the scene: `{callId}` is the call, `{id}` the resource its
/// segment names (`/calls/{id}` the call, `/ideas/{id}` the idea…), `{deliveryId}` the webhook's delivery.
fn fill_path(path: &str, fx: &Fx, scene: Scene) -> String {
    let segments: Vec<&str> = path.split('/').collect();
    let mut filled = Vec::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
            filled.push((*segment).to_owned());
            continue;
        };
        let resource = match name {
            "callId" => Some("call"),
            "deliveryId" => Some("delivery"),
            "id" => i.checked_sub(1).and_then(|before| resource_of(segments[before])),
            _ => None,
        }
        .unwrap_or_else(|| panic!("{path}: no rule fills `{{{name}}}`; add one to fill_path"));
        let value = fx
            .get(resource)
            .unwrap_or_else(|| panic!("{path}: the scene {scene:?} has no {resource}"));
        filled.push(value.clone());
    }
    filled.join("/")
}

/// `value` with every `{name}` in its strings replaced by the scene's value.
fn fill_body(value: &Value, fx: &Fx) -> Value {
    match value {
        Value::String(text) => {
            let mut text = text.clone();
            for (name, replacement) in fx {
                text = text.replace(&format!("{{{name}}}"), replacement);
            }
            assert!(
                !(text.contains('{') && text.contains('}')),
                "`{text}` names a value no scene has"
            );
            Value::String(text)
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| fill_body(v, fx)).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), fill_body(v, fx))).collect()),
        other => other.clone(),
    }
}

/// What a role got.
struct Got {
    status: u16,
    bearer_challenge: bool,
    code: String,
}

impl fmt::Display for Got {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.status, self.code)?;
        if self.status == 401 && !self.bearer_challenge {
            f.write_str(" (no WWW-Authenticate: Bearer)")?;
        }
        Ok(())
    }
}

async fn got(response: Response) -> Got {
    let status = response.status().as_u16();
    let bearer_challenge = response
        .headers()
        .get("www-authenticate")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("bearer"));
    let text = response.text().await.unwrap_or_default();
    let code = serde_json::from_str::<Value>(&text)
        .ok()
        .and_then(|body| body["code"].as_str().map(str::to_owned))
        .unwrap_or_default();
    Got {
        status,
        bearer_challenge,
        code,
    }
}

impl World {
    async fn new() -> World {
        let app = spawn_app().await;
        let sign_up = |email: &'static str| {
            let app = &app;
            async move {
                let response = app
                    .post(
                        "/api/v1/auth/register",
                        None,
                        json!({ "email": email, "password": PASSWORD, "displayName": email }),
                    )
                    .await;
                assert_eq!(response.status(), 201, "registering {email}");
                let tokens: Value = response.json().await.expect("JSON");
                Account {
                    id: tokens["user"]["id"].as_str().expect("user id").to_owned(),
                    token: tokens["accessToken"].as_str().expect("accessToken").to_owned(),
                }
            }
        };
        let citizen = sign_up("sara@example.org").await;
        let other = sign_up("reza@example.org").await;
        let assigned = sign_up("juror.assigned@example.org").await;
        let unassigned = sign_up("juror.unassigned@example.org").await;
        let conflicted = sign_up("juror.conflicted@example.org").await;
        let staff = sign_up("office@example.org").await;
        let admin = sign_up("operator@example.org").await;
        sign_up("spare@example.org").await;
        let db = app.db().await;
        for (email, roles) in [("office@example.org", "staff"), ("operator@example.org", "admin")] {
            db.execute_unprepared(&format!("UPDATE users SET roles = '{roles}' WHERE email = '{email}'"))
                .await
                .expect("roles set");
        }
        // The admin issues one key per scope, with room for every row's requests in a minute.
        let mut keys = Vec::new();
        for scope in ["public_read", "staff_read", "register_write", "calls_write"] {
            let body = json!({ "name": format!("matrix {scope}"), "scopes": [scope], "rateLimit": 100_000 });
            let response = app.post("/api/v1/admin/api-keys", Some(&admin.token), body).await;
            assert_eq!(response.status(), 201, "issuing the {scope} key");
            let issued: Value = response.json().await.expect("JSON");
            keys.push(issued["token"].as_str().expect("the key's token").to_owned());
        }
        let [public_read, staff_read, register_write, calls_write] = <[String; 4]>::try_from(keys).expect("four keys");
        let keys = Keys {
            public_read,
            staff_read,
            register_write,
            calls_write,
        };
        // The jurors join the roster with room for every scene's assignments.
        for (email, organisation) in [
            ("juror.assigned@example.org", "university"),
            ("juror.unassigned@example.org", "chamber_of_commerce"),
            ("juror.conflicted@example.org", "foreign_ministry"),
        ] {
            let body = json!({ "email": email, "displayName": email, "organisation": organisation,
                "expertise": ["cultural", "economic"], "maxLoad": 500 });
            let response = app.post("/api/v1/reviewers", Some(&staff.token), body).await;
            assert_eq!(response.status(), 201, "enrolling {email}");
        }
        let target_city = app.post(
            "/api/v1/cities",
            Some(&staff.token),
            json!({ "name": { "fa": "فلورانس", "en": "Florence" }, "country": "IT" }),
        );
        let target_city: Value = target_city.await.json().await.expect("JSON");
        // The citizen's tie abroad, whose evidence the tie rows upload and list.
        let profile = json!({ "profile": { "ties": [{ "city": "Freiburg", "country": "DE", "nature": "study", "since": 2012 }] } });
        let me: Value = app
            .patch("/api/v1/me", Some(&citizen.token), profile)
            .await
            .json()
            .await
            .expect("JSON");
        let tie = me["profile"]["ties"][0]["id"].as_str().expect("a tie id").to_owned();
        let base: Fx = [
            ("password", PASSWORD.to_owned()),
            ("spare_email", "spare@example.org".to_owned()),
            ("target_city", target_city["id"].as_str().expect("city id").to_owned()),
            ("citizen_id", citizen.id.clone()),
            ("other_id", other.id.clone()),
            ("assigned_id", assigned.id.clone()),
            ("unassigned_id", unassigned.id.clone()),
            ("conflicted_id", conflicted.id.clone()),
            ("staff_id", staff.id.clone()),
            ("admin_id", admin.id.clone()),
            ("tie", tie),
        ]
        .into_iter()
        .collect();
        World {
            app,
            citizen,
            other,
            assigned,
            unassigned,
            conflicted,
            staff,
            admin,
            keys,
            base,
            counter: Cell::new(0),
        }
    }

    fn token(&self, role: Role) -> Option<&str> {
        let account = match role {
            Role::Anonymous => return None,
            Role::Citizen => &self.citizen,
            Role::OtherCitizen => &self.other,
            Role::Assigned => &self.assigned,
            Role::Unassigned => &self.unassigned,
            Role::Conflicted => &self.conflicted,
            Role::Staff => &self.staff,
            Role::Admin => &self.admin,
            Role::PublicReadKey => return Some(&self.keys.public_read),
            Role::StaffReadKey => return Some(&self.keys.staff_read),
            Role::RegisterWriteKey => return Some(&self.keys.register_write),
            Role::CallsWriteKey => return Some(&self.keys.calls_write),
        };
        Some(&account.token)
    }

    /// A number no other request of the run has used.
    fn unique(&self) -> String {
        let n = self.counter.get() + 1;
        self.counter.set(n);
        n.to_string()
    }

    /// A request of a scene's set-up: the JSON of a 2xx answer.
    async fn setup(&self, method: Method, path: &str, token: &str, body: Option<Value>) -> Value {
        let mut request = self
            .app
            .client
            .request(method.clone(), self.app.url(path))
            .bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        assert!(
            status.is_success(),
            "setting up: {method} {path} answered {status}: {text}"
        );
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    async fn build(&self, scene: Scene) -> Fx {
        let mut fx = self.base.clone();
        let staff = &self.staff.token;
        let id = |value: &Value| value["id"].as_str().expect("an id").to_owned();
        match scene {
            Scene::Nothing => {}
            Scene::Session => {
                let response = self.app.login("spare@example.org", PASSWORD).await;
                assert_eq!(response.status(), 200, "the spare account signs in");
                let tokens: Value = response.json().await.expect("JSON");
                let refresh = tokens["refreshToken"].as_str().expect("refreshToken").to_owned();
                fx.insert("refresh_token", refresh);
                let access = tokens["accessToken"].as_str().expect("accessToken");
                let sessions = self.setup(Method::GET, "/api/v1/me/sessions", access, None).await;
                let current = sessions["items"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|s| s["current"] == true);
                fx.insert("session", id(current.expect("the current session is listed")));
            }
            Scene::Challenge => {
                let email = format!("mfa-{}@example.org", self.unique());
                let registered = self.app.register(&email).await;
                let token = registered["accessToken"].as_str().expect("accessToken");
                let key = self.setup(Method::POST, "/api/v1/me/second-factor", token, None).await;
                let confirm = Some(json!({ "code": crate::second_factor::code_now(&key) }));
                let codes = self
                    .setup(Method::POST, "/api/v1/me/second-factor/confirm", token, confirm)
                    .await;
                let recovery = codes["recoveryCodes"][0].as_str().expect("a recovery code").to_owned();
                let response = self.app.login(&email, crate::helpers::PASSWORD).await;
                let answer: Value = response.json().await.expect("JSON");
                let challenge = answer["challenge"].as_str().expect("a challenge").to_owned();
                fx.insert("challenge", challenge);
                fx.insert("recovery_code", recovery);
            }
            Scene::Enrolled => {
                let body = json!({ "email": format!("enrolled-{}@example.org", self.unique()), "displayName": "داور",
                    "organisation": "municipality", "expertise": ["tourism"], "maxLoad": 5 });
                let enrolled = self.setup(Method::POST, "/api/v1/reviewers", staff, Some(body)).await;
                let reviewer = id(&enrolled["reviewer"]);
                fx.insert("user", reviewer.clone());
                fx.insert("reviewer", reviewer);
                let one_time = enrolled["passwordToken"]["token"].as_str().expect("a password token");
                fx.insert("password_token", one_time.to_owned());
            }
            Scene::Register => {
                let n = self.unique();
                let city =
                    json!({ "name": { "fa": format!("فیرنزه {n}"), "en": format!("Firenze {n}") }, "country": "IT" });
                let city = self
                    .setup(Method::POST, "/api/v1/cities", &self.citizen.token, Some(city))
                    .await;
                fx.insert("city", id(&city));
                let partner = json!({ "name": { "fa": format!("بارسلون {n}"), "en": format!("Barcelona {n}") }, "country": "ES" });
                let partner = id(&self.setup(Method::POST, "/api/v1/cities", staff, Some(partner)).await);
                let partnership = json!({ "cityId": partner, "kind": "sister_city", "state": "active", "signedOn": "2000-03-01",
                    "focalPoints": [{ "name": "Marta Puig", "role": "Relacions internacionals", "contact": "m.puig@example.org" }] });
                let partnership = self
                    .setup(Method::POST, "/api/v1/partnerships", staff, Some(partnership))
                    .await;
                fx.insert("partnership", id(&partnership));
                let activity = json!({ "occurredOn": "2025-05-10", "kind": "exhibition", "direction": "outbound",
                    "title": { "fa": "نمایشگاه صنایع دستی" } });
                let path = format!("/api/v1/cities/{partner}/activities");
                fx.insert(
                    "activity",
                    id(&self.setup(Method::POST, &path, staff, Some(activity)).await),
                );
                fx.insert("partner_city", partner);
                let network = json!({ "name": { "fa": format!("شبکه {n}") }, "joinedOn": "2019-01-01" });
                fx.insert(
                    "network",
                    id(&self.setup(Method::POST, "/api/v1/networks", staff, Some(network)).await),
                );
            }
            Scene::Webhook => {
                let admin = &self.admin.token;
                let endpoint =
                    json!({ "url": "http://127.0.0.1:9/hook", "eventTypes": ["call.opened"], "scope": "public" });
                let created = self
                    .setup(Method::POST, "/api/v1/admin/webhooks", admin, Some(endpoint))
                    .await;
                let webhook = id(&created["endpoint"]);
                let ping = format!("/api/v1/admin/webhooks/{webhook}/ping");
                let delivery = self.setup(Method::POST, &ping, admin, None).await;
                let delivery = delivery["id"].as_str().expect("the ping's message id");
                assert!(
                    delivery.starts_with("msg_"),
                    "a delivery's id is its message id: {delivery}"
                );
                fx.insert("delivery", delivery.to_owned());
                fx.insert("webhook", webhook);
            }
            Scene::ApiKey => {
                let key = json!({ "name": format!("row key {}", self.unique()), "scopes": ["public_read"] });
                let issued = self
                    .setup(Method::POST, "/api/v1/admin/api-keys", &self.admin.token, Some(key))
                    .await;
                fx.insert("api_key", id(&issued["key"]));
            }
            _ => self.call_scene(scene, &mut fx).await,
        }
        fx
    }

    /// A call and, beyond `OpenCall`, the citizen's idea in it, brought as far as `scene` says.
    async fn call_scene(&self, scene: Scene, fx: &mut Fx) {
        let staff = &self.staff.token;
        let citizen = &self.citizen.token;
        let id = |value: &Value| value["id"].as_str().expect("an id").to_owned();
        let call = id(&self
            .setup(Method::POST, "/api/v1/calls", staff, Some(open_call_body()))
            .await);
        fx.insert("call", call.clone());
        if scene == Scene::OpenCall {
            return;
        }
        let body = idea_body(&call, &fx["target_city"], "پیوند موزه‌های دو شهر");
        let idea = id(&self.setup(Method::POST, "/api/v1/ideas", citizen, Some(body)).await);
        fx.insert("idea", idea.clone());
        // A proposal photograph on the draft (a preview too), and the query of the signed link staff read for it.
        let response = self
            .app
            .upload(
                &format!("/api/v1/ideas/{idea}/files"),
                Some(citizen),
                "photo.png",
                crate::files_fixtures::png(40, 30),
                &[("kind", "proposal")],
            )
            .await;
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        assert_eq!(
            status, 201,
            "setting up: uploading the idea's file answered {status}: {text}"
        );
        let file: Value = serde_json::from_str(&text).expect("JSON");
        let file = id(&file);
        let read = self
            .setup(Method::GET, &format!("/api/v1/files/{file}"), staff, None)
            .await;
        let url = read["url"].as_str().expect("a signed link");
        fx.insert("signed_query", url.split_once('?').map_or("", |(_, q)| q).to_owned());
        fx.insert("file", file);
        let on_idea = |action: &str| format!("/api/v1/ideas/{idea}/{action}");
        if scene >= Scene::Submitted {
            self.setup(Method::POST, &on_idea("submit"), citizen, None).await;
            // Submitting told the citizen: the receipt is their `notice` in the app and an `outbox` message.
            let notices = self.setup(Method::GET, "/api/v1/me/notifications", citizen, None).await;
            fx.insert("notice", id(&notices["items"][0]));
            let outbox = self
                .setup(Method::GET, "/api/v1/admin/outbox", &self.admin.token, None)
                .await;
            fx.insert("outbox", id(&outbox["items"][0]));
        }
        if scene >= Scene::Shortlisted {
            self.app.move_review_window(&call, -1, 30).await;
            let shortlist = Some(json!({ "decision": "shortlist" }));
            self.setup(Method::POST, &on_idea("screening"), staff, shortlist).await;
        }
        if scene >= Scene::InReview {
            let rubric = format!("/api/v1/calls/{call}/rubric");
            self.setup(Method::PUT, &rubric, staff, Some(three_criteria())).await;
            let assignments = format!("/api/v1/calls/{call}/assignments");
            for juror in [&self.assigned.id, &self.conflicted.id] {
                let body = json!({ "ideaId": idea, "reviewerId": juror });
                let assignment = self.setup(Method::POST, &assignments, staff, Some(body)).await;
                if juror == &self.assigned.id {
                    fx.insert("assignment", id(&assignment));
                }
            }
        }
        let conflict = json!({ "reviewerId": self.conflicted.id, "ideaId": idea, "reason": "همکار پیشنهاددهنده است" });
        self.setup(Method::POST, "/api/v1/conflicts", staff, Some(conflict))
            .await;
        let juror = &self.assigned.token;
        if scene == Scene::Drafted {
            let draft = Some(json!({ "scores": { "impact": 6 } }));
            self.setup(Method::PUT, &on_idea("review"), juror, draft).await;
        }
        if scene >= Scene::Reviewed {
            self.setup(
                Method::POST,
                &on_idea("review/submit"),
                juror,
                Some(review_body(8, 4, 3)),
            )
            .await;
        }
        if scene >= Scene::Decided {
            let decision = Some(json!({ "outcome": "selected" }));
            self.setup(Method::PUT, &on_idea("decision"), staff, decision).await;
        }
        if scene >= Scene::Published {
            let publish = format!("/api/v1/calls/{call}/decisions/publish");
            self.setup(Method::POST, &publish, staff, None).await;
        }
    }

    /// The ETag of what `path` acts on, as an admin reads it: the path itself, or the nearest resource above it
    /// that the contract lets one read. None when there is nothing to read yet (a call's first rubric).
    async fn etag(
        &self,
        template: &str,
        path: &str,
        operations: &BTreeMap<(String, String), Operation>,
    ) -> Option<String> {
        let (mut template, mut path) = (template, path);
        while !operations.contains_key(&("GET".to_owned(), template.to_owned())) {
            template = template.rsplit_once('/')?.0;
            path = path.rsplit_once('/')?.0;
        }
        let response = self.app.get(path, Some(&self.admin.token)).await;
        response
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    /// One role's request of one operation in a scene.
    async fn attempt(&self, row: &Row, role: Role, fx: &Fx, operations: &BTreeMap<(String, String), Operation>) -> Got {
        let mut fx = fx.clone();
        fx.insert("unique", self.unique());
        let path = fill_path(row.path, &fx, row.scene);
        let method = Method::from_bytes(row.method.as_bytes()).expect("an HTTP method");
        let mut request = self.app.client.request(method, self.app.url(&path));
        if let Some(token) = self.token(role) {
            request = request.bearer_auth(token);
        }
        let operation = &operations[&(row.method.to_owned(), row.path.to_owned())];
        if operation.if_match
            && let Some(etag) = self.etag(row.path, &path, operations).await
        {
            request = request.header("If-Match", etag);
        }
        // A signed link's path takes the query of a link the scene's staff read.
        if row.path.ends_with("/signed") {
            request = self
                .app
                .client
                .request(Method::GET, format!("{}?{}", self.app.url(&path), fx["signed_query"]));
            if let Some(token) = self.token(role) {
                request = request.bearer_auth(token);
            }
        }
        match &row.body {
            Some(body) if body.get(MULTIPART).is_some() => {
                let fields = body[MULTIPART].as_object().expect("the form's fields");
                let form = fields
                    .iter()
                    .fold(reqwest::multipart::Form::new(), |form, (name, value)| {
                        form.text(name.clone(), value.as_str().unwrap_or_default().to_owned())
                    });
                let file = reqwest::multipart::Part::bytes(crate::files_fixtures::pdf(None))
                    .file_name("proposal.pdf")
                    .mime_str("application/pdf")
                    .expect("a MIME type");
                request = request.multipart(form.part("file", file));
            }
            Some(body) => request = request.json(&fill_body(body, &fx)),
            None => {}
        }
        got(request.send().await.expect("request sent")).await
    }
}

/// One cell of the matrix that did not hold.
struct Mismatch {
    operation: String,
    scene: Scene,
    role: Role,
    expected: Expect,
    got: String,
}

#[tokio::test]
async fn role_matrix() {
    let rows = table();
    let operations = contract();
    let problems = coverage(&rows, &operations);
    assert!(
        problems.is_empty(),
        "the role matrix and openapi/openapi.json disagree:\n  {}",
        problems.join("\n  ")
    );

    let world = World::new().await;
    let mut mismatches = Vec::new();
    let mut notes = Vec::new();
    for row in &rows {
        let reads = row.method == "GET";
        let refusing: Vec<Role> = ROLES
            .iter()
            .zip(row.expect)
            .filter(|(_, expect)| *expect != Expect::Allowed)
            .map(|(role, _)| *role)
            .collect();
        // Refusals first, on one scene; then each allowed role, a read on the same scene, a change on a scene of
        // its own (the first on the refusals' scene, which they left as it was).
        let mut shared: Option<Fx> = None;
        let mut changed = false;
        let mut order = refusing.clone();
        order.extend(ROLES.iter().filter(|role| !refusing.contains(role)));
        for role in order {
            let expected = row.expect[ROLES.iter().position(|r| *r == role).expect("a role")];
            let changes = !reads && expected == Expect::Allowed;
            let fresh;
            let fx = if changes && changed {
                fresh = world.build(row.scene).await;
                &fresh
            } else {
                if shared.is_none() {
                    shared = Some(world.build(row.scene).await);
                }
                changed |= changes;
                shared.as_ref().expect("the shared scene")
            };
            let got = world.attempt(row, role, fx, &operations).await;
            if !expected.met_by(&got) || got.status >= 500 {
                mismatches.push(Mismatch {
                    operation: format!("{} {}", row.method, row.path),
                    scene: row.scene,
                    role,
                    expected,
                    got: got.to_string(),
                });
            } else if expected == Expect::Allowed && !(200..300).contains(&got.status) {
                notes.push(format!("{} {} as {role}: {got}", row.method, row.path));
            }
        }
    }
    if !notes.is_empty() {
        eprintln!("allowed, but not a success:\n  {}", notes.join("\n  "));
    }
    if !mismatches.is_empty() {
        let mut report = format!(
            "{} cell(s) of the role matrix do not hold:\n{:<52} {:<12} {:<22} {:<9} got\n",
            mismatches.len(),
            "operation",
            "scene",
            "role",
            "expected"
        );
        for m in &mismatches {
            let _ = writeln!(
                report,
                "{:<52} {:<12} {:<22} {:<9} {}",
                m.operation,
                format!("{:?}", m.scene),
                m.role.to_string(),
                m.expected.to_string(),
                m.got
            );
        }
        panic!("{report}");
    }
}
