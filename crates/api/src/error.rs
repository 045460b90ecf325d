//! Errors as values: one table of error codes, each with its HTTP status and title, and the RFC 9457
//! problem+json body every non-2xx answer carries.

use std::fmt;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

macro_rules! error_codes {
    ($($variant:ident => ($status:ident, $code:literal, $title:literal)),* $(,)?) => {
        /// A stable, machine-readable error code. Every code has one HTTP status.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCode { $($variant),* }

        impl ErrorCode {
            pub const ALL: &[ErrorCode] = &[$(ErrorCode::$variant),*];

            pub fn status(self) -> StatusCode {
                match self { $(ErrorCode::$variant => StatusCode::$status),* }
            }

            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code),* }
            }

            pub fn title(self) -> &'static str {
                match self { $(ErrorCode::$variant => $title),* }
            }
        }
    };
}

error_codes! {
    MalformedRequest => (BAD_REQUEST, "malformed_request", "The request body is not well-formed JSON"),
    WrongContentType => (BAD_REQUEST, "wrong_content_type", "The request body must be application/json"),
    NotSignedIn => (UNAUTHORIZED, "not_signed_in", "Sign in first"),
    InvalidToken => (UNAUTHORIZED, "invalid_token", "The access token is invalid or expired"),
    InvalidCredentials => (UNAUTHORIZED, "invalid_credentials", "Wrong e-mail or password"),
    InvalidRefreshToken => (UNAUTHORIZED, "invalid_refresh_token", "The refresh token is invalid, expired or revoked"),
    RefreshTokenReused => (UNAUTHORIZED, "refresh_token_reused", "The refresh token was used before; the session is ended"),
    AccountInactive => (FORBIDDEN, "account_inactive", "This account is deactivated"),
    Forbidden => (FORBIDDEN, "forbidden", "You are not allowed to do this"),
    NotFound => (NOT_FOUND, "not_found", "Not found"),
    MethodNotAllowed => (METHOD_NOT_ALLOWED, "method_not_allowed", "Method not allowed"),
    EmailTaken => (CONFLICT, "email_taken", "This e-mail address is already registered"),
    SelfLockout => (CONFLICT, "self_lockout", "You cannot remove your own admin role or deactivate yourself"),
    CallNotOpen => (CONFLICT, "call_not_open", "The call is not open yet"),
    CallClosed => (CONFLICT, "call_closed", "The call is closed: its deadline has passed"),
    InvalidTransition => (CONFLICT, "invalid_transition", "This action does not apply to the idea in its current state"),
    IdeaLimitReached => (CONFLICT, "idea_limit_reached", "You have proposed as many ideas as this call allows"),
    CityExists => (CONFLICT, "city_exists", "This city is in the list already"),
    CitiesNotMergeable => (CONFLICT, "cities_not_mergeable", "These city entries cannot be merged as they are"),
    PartnershipExists => (CONFLICT, "partnership_exists", "This city has a partnership already"),
    StateUnchanged => (CONFLICT, "state_unchanged", "The partnership is in that state already"),
    ReviewerExists => (CONFLICT, "reviewer_exists", "This account is on the jury already"),
    RubricMissing => (CONFLICT, "rubric_missing", "The call has no rubric yet"),
    RubricLocked => (CONFLICT, "rubric_locked", "The rubric is locked: reviews have been submitted against it"),
    RubricNotLocked => (CONFLICT, "rubric_not_locked", "The rubric is not locked; edit it directly"),
    ConflictExists => (CONFLICT, "conflict_exists", "This conflict of interest is recorded already"),
    ConflictOfInterest => (CONFLICT, "conflict_of_interest", "The reviewer has a conflict of interest with this idea"),
    AlreadyAssigned => (CONFLICT, "already_assigned", "The reviewer is assigned to this idea already"),
    ReviewerAtCapacity => (CONFLICT, "reviewer_at_capacity", "The reviewer has as many ideas in this call as their maximum load"),
    NotUnderReview => (CONFLICT, "not_under_review", "The idea is not with the jury"),
    ReviewNotOpen => (CONFLICT, "review_not_open", "The review window has not opened yet"),
    ReviewClosed => (CONFLICT, "review_closed", "The review window is closed"),
    ReviewSubmitted => (CONFLICT, "review_submitted", "The review is submitted already"),
    DecisionsPublished => (CONFLICT, "decisions_published", "The call's decisions are published already"),
    DecisionsIncomplete => (CONFLICT, "decisions_incomplete", "Some ideas with the jury have no decision yet"),
    ReviewFirst => (FORBIDDEN, "review_first", "Submit your own review first"),
    StaleVersion => (PRECONDITION_FAILED, "stale_version", "It was changed since you read it"),
    PayloadTooLarge => (PAYLOAD_TOO_LARGE, "payload_too_large", "The request body is too large"),
    ValidationFailed => (UNPROCESSABLE_ENTITY, "validation_failed", "Some fields are missing or invalid"),
    PreconditionRequired => (PRECONDITION_REQUIRED, "precondition_required", "Send If-Match with the ETag you read"),
    TooManyAttempts => (TOO_MANY_REQUESTS, "too_many_attempts", "Too many failed attempts; try again later"),
    InternalError => (INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on our side"),
    NotReady => (SERVICE_UNAVAILABLE, "not_ready", "The service is not ready"),
    Busy => (SERVICE_UNAVAILABLE, "busy", "Too many password checks at once; try again in a moment"),
}

impl ErrorCode {
    /// The code a bare status maps to, for answers that did not come from our own errors.
    pub fn for_status(status: StatusCode) -> ErrorCode {
        match status.as_u16() {
            400 => ErrorCode::MalformedRequest,
            401 => ErrorCode::NotSignedIn,
            403 => ErrorCode::Forbidden,
            404 => ErrorCode::NotFound,
            405 => ErrorCode::MethodNotAllowed,
            412 => ErrorCode::StaleVersion,
            413 => ErrorCode::PayloadTooLarge,
            415 => ErrorCode::WrongContentType,
            422 => ErrorCode::ValidationFailed,
            428 => ErrorCode::PreconditionRequired,
            429 => ErrorCode::TooManyAttempts,
            503 => ErrorCode::NotReady,
            _ => ErrorCode::InternalError,
        }
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// Written by hand so the document lists every code with its status and title.
impl utoipa::PartialSchema for ErrorCode {
    fn schema() -> RefOr<Schema> {
        let table: Vec<String> = ErrorCode::ALL
            .iter()
            .map(|c| format!("- `{}` ({}): {}", c.as_str(), c.status().as_u16(), c.title()))
            .collect();
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::String))
            .enum_values(Some(ErrorCode::ALL.iter().map(|c| c.as_str())))
            .description(Some(format!(
                "A stable error code; each has one HTTP status:\n\n{}",
                table.join("\n")
            )))
            .into()
    }
}

impl ToSchema for ErrorCode {}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// JSON pointer (RFC 6901) to the field in the request body, or the query parameter's name as `/name`
    /// (`/` for the URL's path itself).
    pub pointer: String,
    /// What is wrong, as a stable snake_case code: `required`, `invalid_type`, `unknown_field`, `invalid`, `too_short`,
    /// `control_character`…
    pub code: String,
    /// A human-readable explanation.
    pub message: String,
}

impl FieldError {
    pub fn new(pointer: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            pointer: pointer.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// An RFC 9457 problem details object, the body of every error answer.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// A URI naming the kind of problem: `urn:citizen-diplomat:problem:<code>`.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary of the kind of problem; the same for every occurrence of a code.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time.
    pub detail: String,
    pub code: ErrorCode,
    /// For 422: each invalid field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(nullable = false)]
    pub errors: Vec<FieldError>,
}

/// An error answered to the client. Internal causes are logged, never sent.
#[derive(Debug)]
pub struct ApiError {
    code: ErrorCode,
    detail: String,
    errors: Vec<FieldError>,
    headers: Vec<(HeaderName, HeaderValue)>,
    cause: Option<String>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> Self {
        ApiError {
            code,
            detail: detail.into(),
            errors: Vec::new(),
            headers: Vec::new(),
            cause: None,
        }
    }

    /// A 422 listing the invalid fields.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = match errors.as_slice() {
            [one] => format!("{}: {}", one.pointer, one.message),
            many => format!("{} fields are missing or invalid", many.len()),
        };
        ApiError {
            errors,
            ..ApiError::new(ErrorCode::ValidationFailed, detail)
        }
    }

    /// A 422 for one field.
    pub fn field(pointer: &str, code: &str, message: impl Into<String>) -> Self {
        ApiError::validation(vec![FieldError::new(pointer, code, message)])
    }

    /// A 500 whose cause is logged and not shown.
    pub fn internal(cause: impl fmt::Display) -> Self {
        ApiError {
            cause: Some(cause.to_string()),
            ..ApiError::new(
                ErrorCode::InternalError,
                "An unexpected error occurred; it has been logged.",
            )
        }
    }

    pub fn not_found() -> Self {
        ApiError::new(ErrorCode::NotFound, "There is nothing here, or you may not see it.")
    }

    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    pub fn code(&self) -> ErrorCode {
        self.code
    }

    pub fn problem(&self) -> Problem {
        problem(self.code, &self.detail, self.errors.clone())
    }
}

pub fn problem(code: ErrorCode, detail: &str, errors: Vec<FieldError>) -> Problem {
    Problem {
        problem_type: format!("urn:citizen-diplomat:problem:{}", code.as_str()),
        title: code.title().to_owned(),
        status: code.status().as_u16(),
        detail: detail.to_owned(),
        code,
        errors,
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.detail)
    }
}

impl std::error::Error for ApiError {}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.code.status()
    }

    fn error_response(&self) -> HttpResponse {
        if let Some(cause) = &self.cause {
            tracing::error!(%cause, "internal error");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.content_type(PROBLEM_CONTENT_TYPE);
        if self.code.status() == StatusCode::UNAUTHORIZED {
            let challenge = match self.code {
                ErrorCode::NotSignedIn => "Bearer",
                _ => "Bearer error=\"invalid_token\"",
            };
            response.insert_header((header::WWW_AUTHENTICATE, challenge));
        }
        for (name, value) in &self.headers {
            response.insert_header((name.clone(), value.clone()));
        }
        response.json(self.problem())
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(err: sea_orm::DbErr) -> Self {
        ApiError::internal(format!("database: {err}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {code}");
            assert!(code.as_str().chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
    }

    #[test]
    fn a_single_field_error_names_the_field_in_the_detail() {
        let err = ApiError::field("/email", "invalid", "not an e-mail address");
        assert_eq!(err.problem().detail, "/email: not an e-mail address");
        assert_eq!(err.problem().status, 422);
    }
}
