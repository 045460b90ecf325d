//! The OpenAPI 3.1 document, generated from the same route list the server runs
//! (`routes::configure`), with the responses every operation shares added in one place.

use actix_web::App;
use domain::api_key::ApiScope;
use domain::webhook::{
    ActivityRecordedData, CallClosedData, CallOpenedData, DecisionsPublishedData, IdeaScreenedData, IdeaSubmittedData,
    PartnershipStateChangedData, PingData, WebhookEventType,
};
use utoipa::openapi::Paths;
use utoipa::openapi::path::{Operation, Parameter, ParameterIn, PathItem};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{Content, OpenApi as Document, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::error::{ErrorCode, FieldError, Problem};
use crate::routes;
use crate::routes::page::{Limit, Offset};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Citizen Diplomat API",
        description = "The REST API of Citizen Diplomat (شهروند دیپلمات): a municipality's public call for \
ideas from citizens with ties abroad, their screening, a multi-organisation jury, and the register of sister \
cities.\n\nConventions: JSON field names are camelCase and enum values snake_case. Every error answer is an \
RFC 9457 problem (`application/problem+json`) with a stable `code`; see the `ErrorCode` schema for the full \
list. Sign in at `/api/v1/auth/login` and send the access token as `Authorization: Bearer <token>`; renew it \
with the single-use refresh token at `/api/v1/auth/refresh`. An account with a second factor (TOTP: SHA-1, \
6 digits, 30 s) finishes signing in at `/api/v1/auth/login/second-factor`. Lists take `limit` (default 20, at most 100) \
and `offset` and answer `{ items, total, limit, offset }`; `q` searches text, folding Persian and Arabic \
letter forms. Edits of versioned resources (calls, ideas, partnerships) send `If-Match` with the ETag they read: a stale one \
gets 412, a missing one 428. Times are RFC 3339, stored in UTC; a date without a time is a day in the office's \
time zone (Asia/Tehran by default).",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    tags(
        (name = "auth", description = "Registration, sign-in, tokens and passwords"),
        (name = "me", description = "The signed-in account: profile, second factor, sessions"),
        (name = "users", description = "Account management (admin)"),
        (name = "audit", description = "The audit trail of privileged actions (admin), read only"),
        (name = "cities", description = "Cities abroad: the register, search, verification and merging"),
        (name = "partnerships", description = "Sister cities and other formal ties, their history and health"),
        (name = "activities", description = "What was done with foreign cities, and the ideas it grew from"),
        (name = "networks", description = "City networks the municipality belongs to"),
        (name = "calls", description = "Calls for ideas, their history, statistics and exports"),
        (name = "ideas", description = "Citizens' ideas: drafting, submitting, withdrawing, reading"),
        (name = "screening", description = "Staff's first pass over submitted ideas, and near-duplicates"),
        (name = "reviewers", description = "The jury's roster: reviewers, their organisations, expertise and load (staff)"),
        (name = "conflicts", description = "Conflicts of interest between reviewers and ideas"),
        (name = "rubrics", description = "A call's scoring criteria, locked once reviews are submitted"),
        (name = "assignments", description = "Which reviewer reviews which idea, by hand or planned automatically"),
        (name = "reviews", description = "Reviewers' scores and comments, and their assignments"),
        (name = "ranking", description = "Raw and calibrated ranking of a call's ideas, agreement, exports (staff)"),
        (name = "decisions", description = "Selected or not selected, recorded per idea and published per call"),
        (name = "webhooks", description = "Webhook endpoints for integrators, their secrets and delivery logs (admin)"),
        (name = "files", description = "Files of ideas, ties abroad, partnerships and activities: multipart uploads, short-lived signed links"),
        (name = "api-keys", description = "API keys for other systems: scoped, expiring, revocable (admin)"),
        (name = "health", description = "Liveness and readiness"),
    ),
    components(schemas(
        Problem, ErrorCode, FieldError, Limit, Offset,
        IdeaSubmittedData, IdeaScreenedData, DecisionsPublishedData, CallOpenedData, CallClosedData,
        PartnershipStateChangedData, ActivityRecordedData, PingData,
    )),
    modifiers(&BearerScheme),
)]
struct ApiDoc;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut Document) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("The access token from /api/v1/auth/login, valid 15 minutes."))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "apiKey",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("cdk_…")
                    .description(Some(API_KEY_SCHEME))
                    .build(),
            ),
        );
    }
}

const API_KEY_SCHEME: &str = "An API key an admin issued to another system (/api/v1/admin/api-keys), sent as \
`Authorization: Bearer cdk_…`. Its scopes decide what it may do: `public_read` reads what the public reads, \
`staff_read` what staff read, `register_write` changes cities, partnerships, activities and networks, \
`calls_write` creates and changes calls and their rubrics. Each operation open to keys lists the scopes that \
open it (any one suffices; `public_read` reaches only what the public may call); every other operation \
answers a key 403 `insufficient_scope`. A key is limited to its requests per minute (default 600): past that, \
429 `rate_limited` with Retry-After. An expired or revoked key gets 401. What a key changes is recorded under \
its own service account, in the history and the audit trail.";

/// The document, as served at /api/openapi.json and committed at openapi/openapi.json.
pub fn document() -> Document {
    let (_, mut doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes::configure)
        .split_for_parts();
    add_shared_responses(&mut doc);
    add_api_key_security(&mut doc);
    doc.webhooks = Some(webhooks());
    doc
}

/// Operations that need a signed-in caller and that keys may call list the `apiKey` scheme with the
/// scopes that open them, from the same rule the server applies (`domain::api_key::opening_scopes`).
fn add_api_key_security(doc: &mut Document) {
    for (path, item) in doc.paths.paths.iter_mut() {
        for (method, operation) in [
            ("GET", &mut item.get),
            ("PUT", &mut item.put),
            ("POST", &mut item.post),
            ("DELETE", &mut item.delete),
            ("PATCH", &mut item.patch),
        ] {
            let Some(operation) = operation.as_mut() else { continue };
            let Some(security) = operation.security.as_mut().filter(|s| !s.is_empty()) else {
                continue;
            };
            // A key with `public_read` acts as the public, which only reaches an operation whose sign-in is optional.
            let optional = security
                .iter()
                .any(|requirement| *requirement == SecurityRequirement::default());
            let scopes: Vec<ApiScope> = domain::api_key::opening_scopes(method, path)
                .into_iter()
                .filter(|scope| optional || *scope != ApiScope::PublicRead)
                .collect();
            if !scopes.is_empty() {
                security.push(SecurityRequirement::new("apiKey", scopes.iter().map(|s| s.as_str())));
            }
        }
    }
}

/// The `webhooks` section: one POST per event type, its body the Standard Webhooks envelope around the
/// event's data, and the headers that sign it.
fn webhooks() -> Paths {
    let types: [(WebhookEventType, &str, &str); 8] = [
        (
            WebhookEventType::IdeaSubmitted,
            "IdeaSubmittedData",
            "A citizen submitted an idea. Staff-scope endpoints get the idea's id and title; public ones only the call.",
        ),
        (
            WebhookEventType::IdeaScreened,
            "IdeaScreenedData",
            "Staff shortlisted or rejected an idea. Staff-scope endpoints get the idea and the reason; public ones the call and the outcome.",
        ),
        (
            WebhookEventType::DecisionsPublished,
            "DecisionsPublishedData",
            "Staff published a call's decisions: the selected ideas, public from now on, and how many were not selected.",
        ),
        (
            WebhookEventType::CallOpened,
            "CallOpenedData",
            "A call opened: the clock passed its opening time.",
        ),
        (
            WebhookEventType::CallClosed,
            "CallClosedData",
            "A call closed: its deadline passed, or staff closed it early (`early`).",
        ),
        (
            WebhookEventType::PartnershipStateChanged,
            "PartnershipStateChangedData",
            "A partnership was recorded (no `from`) or changed state.",
        ),
        (
            WebhookEventType::ActivityRecorded,
            "ActivityRecordedData",
            "An activity with a foreign city was recorded.",
        ),
        (
            WebhookEventType::Ping,
            "PingData",
            "A test message an admin asked for (POST /api/v1/admin/webhooks/{id}/ping).",
        ),
    ];
    let mut paths = serde_json::Map::new();
    for (event_type, data, description) in types {
        let item = serde_json::json!({
            "post": {
                "tags": ["webhooks"],
                "summary": format!("{event_type}"),
                "description": format!("{description}\n\nSigned the Standard Webhooks way: `webhook-signature` holds `v1,` and the base64 HMAC-SHA256 of `{{webhook-id}}.{{webhook-timestamp}}.{{body}}` with the endpoint's secret (the part after `whsec_`, base64-decoded); after a rotation, one signature per secret, separated by spaces. `webhook-id` is the same on every retry and redelivery: use it to drop duplicates. Answer 2xx within 10 s; anything else is retried with backoff (up to 9 attempts over about two hours), and an endpoint that fails for a day is switched off."),
                "operationId": format!("webhook_{}", event_type.as_str().replace('.', "_")),
                "parameters": [
                    { "name": "webhook-id", "in": "header", "required": true, "schema": { "type": "string" }, "description": "The message id (`msg_…`)." },
                    { "name": "webhook-timestamp", "in": "header", "required": true, "schema": { "type": "integer" }, "description": "Unix seconds of this attempt; refuse messages far from your clock." },
                    { "name": "webhook-signature", "in": "header", "required": true, "schema": { "type": "string" }, "description": "`v1,<base64>`, one per secret, space-separated." }
                ],
                "requestBody": {
                    "required": true,
                    "content": { "application/json": { "schema": {
                        "type": "object",
                        "required": ["type", "timestamp", "data"],
                        "properties": {
                            "type": { "type": "string", "enum": [event_type.as_str()] },
                            "timestamp": { "type": "string", "format": "date-time" },
                            "data": { "$ref": format!("#/components/schemas/{data}") }
                        }
                    } } }
                },
                "responses": { "2XX": { "description": "Received; any other answer is retried." } }
            }
        });
        paths.insert(event_type.as_str().to_owned(), item);
    }
    serde_json::from_value(serde_json::Value::Object(paths)).unwrap_or_default()
}

/// The shared error answers, as named responses: (name, status, description).
const SHARED: &[(&str, &str, &str)] = &[
    (
        "MalformedRequest",
        "400",
        "`malformed_request` or `wrong_content_type`: the body is not JSON.",
    ),
    (
        "Unauthorized",
        "401",
        "`not_signed_in` or `invalid_token`: send a valid access token.",
    ),
    (
        "Forbidden",
        "403",
        "`forbidden` (the role does not allow it) or `account_inactive`.",
    ),
    ("NotFound", "404", "`not_found`: absent, or not visible to the caller."),
    (
        "PayloadTooLarge",
        "413",
        "`payload_too_large`: the body exceeds the limit (1 MiB by default).",
    ),
    (
        "ValidationFailed",
        "422",
        "`validation_failed`: fields missing, of the wrong type or invalid; see `errors`.",
    ),
    (
        "StaleVersion",
        "412",
        "`stale_version`: it changed since you read it; read it again and retry with its new ETag.",
    ),
    (
        "PreconditionRequired",
        "428",
        "`precondition_required`: If-Match is missing; send the ETag you read.",
    ),
    (
        "InternalError",
        "500",
        "`internal_error`: something failed on the server; it is logged.",
    ),
];

fn shared_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            Content::new(Some(Ref::from_schema_name("Problem"))),
        )
        .build()
}

fn add_shared_responses(doc: &mut Document) {
    let components = doc.components.get_or_insert_with(Default::default);
    for (name, _, description) in SHARED {
        components
            .responses
            .insert((*name).to_owned(), RefOr::T(shared_response(description)));
    }
    for (path, item) in doc.paths.paths.iter_mut() {
        let has_path_params = path.contains('{');
        for operation in operations(item) {
            give_errors_their_problem(operation);
            let secured = operation.security.as_ref().is_some_and(|s| !s.is_empty());
            let has_body = operation.request_body.is_some();
            let has_query = has_parameter(operation, |p| matches!(p.parameter_in, ParameterIn::Query));
            let if_match = has_parameter(operation, |p| {
                matches!(p.parameter_in, ParameterIn::Header) && p.name.eq_ignore_ascii_case("If-Match")
            });
            for (name, status, _) in SHARED {
                let applies = match *status {
                    "400" | "413" => has_body,
                    // A control character anywhere in the URL, path included, is refused with 422 (middleware).
                    "422" => has_body || has_query || has_path_params,
                    "401" | "403" => secured,
                    "404" => has_path_params,
                    "412" | "428" => if_match,
                    _ => true,
                };
                if applies {
                    operation
                        .responses
                        .responses
                        .entry((*status).to_owned())
                        .or_insert_with(|| RefOr::Ref(Ref::from_response_name(*name)));
                }
            }
        }
    }
}

/// An error answer a handler describes (its status and codes) is a problem document like every other:
/// handlers write the description, this writes the body.
fn give_errors_their_problem(operation: &mut Operation) {
    for (status, response) in operation.responses.responses.iter_mut() {
        if let RefOr::T(response) = response
            && (status.starts_with('4') || status.starts_with('5'))
            && response.content.is_empty()
        {
            response.content.insert(
                "application/problem+json".to_owned(),
                RefOr::T(Content::new(Some(Ref::from_schema_name("Problem")))),
            );
        }
    }
}

fn has_parameter(operation: &Operation, test: impl Fn(&Parameter) -> bool) -> bool {
    operation
        .parameters
        .iter()
        .flatten()
        .any(|p| matches!(p, RefOr::T(p) if test(p)))
}

pub fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.options,
        &mut item.head,
        &mut item.patch,
        &mut item.trace,
    ]
    .into_iter()
    .filter_map(Option::as_mut)
}
