//! Errors as values: one table of error codes, each with its HTTP status and title, and the error every
//! use case returns. The HTTP layer turns an `Error` into an RFC 9457 problem without looking inside.

use std::fmt;

use serde::Serialize;

macro_rules! error_codes {
    ($($variant:ident => ($status:literal, $code:literal, $title:literal)),* $(,)?) => {
        /// A stable, machine-readable error code. Every code has one HTTP status.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCode { $($variant),* }

        impl ErrorCode {
            pub const ALL: &[ErrorCode] = &[$(ErrorCode::$variant),*];

            pub fn status(self) -> u16 {
                match self { $(ErrorCode::$variant => $status),* }
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
    MalformedRequest => (400, "malformed_request", "The request body is not well-formed JSON"),
    WrongContentType => (400, "wrong_content_type", "The request body must be application/json"),
    MalformedMultipart => (400, "malformed_multipart", "The upload is not well-formed multipart/form-data"),
    NotSignedIn => (401, "not_signed_in", "Sign in first"),
    InvalidToken => (401, "invalid_token", "The access token is invalid or expired"),
    InvalidCredentials => (401, "invalid_credentials", "Wrong e-mail or password"),
    InvalidRefreshToken => (401, "invalid_refresh_token", "The refresh token is invalid, expired or revoked"),
    RefreshTokenReused => (401, "refresh_token_reused", "The refresh token was used before; the session is ended"),
    InvalidChallenge => (401, "invalid_challenge", "The sign-in waiting for a code is unknown, used or expired; sign in again"),
    InvalidCode => (401, "invalid_code", "The code is wrong or was used already"),
    AccountInactive => (403, "account_inactive", "This account is deactivated"),
    EmailUnverified => (403, "email_unverified", "Confirm your e-mail address first: follow the link mailed to you"),
    SecondFactorRequired => (403, "second_factor_required", "Set up a second factor first: this session may only enrol one"),
    Forbidden => (403, "forbidden", "You are not allowed to do this"),
    InsufficientScope => (403, "insufficient_scope", "This API key's scopes do not allow this operation"),
    NotFound => (404, "not_found", "Not found"),
    MethodNotAllowed => (405, "method_not_allowed", "Method not allowed"),
    EmailTaken => (409, "email_taken", "This e-mail address is already registered"),
    EmailVerified => (409, "email_verified", "This e-mail address is confirmed already"),
    SecondFactorEnabled => (409, "second_factor_enabled", "A second factor is set up already"),
    SecondFactorNotEnabled => (409, "second_factor_not_enabled", "No second factor is set up"),
    NoEnrolment => (409, "no_enrolment", "No enrolment of a second factor is under way; start one first"),
    SelfLockout => (409, "self_lockout", "You cannot remove your own admin role or deactivate yourself"),
    CallNotOpen => (409, "call_not_open", "The call is not open yet"),
    CallClosed => (409, "call_closed", "The call is closed: its deadline has passed"),
    InvalidTransition => (409, "invalid_transition", "This action does not apply to the idea in its current state"),
    IdeaLimitReached => (409, "idea_limit_reached", "You have proposed as many ideas as this call allows"),
    CityExists => (409, "city_exists", "This city is in the list already"),
    CitiesNotMergeable => (409, "cities_not_mergeable", "These city entries cannot be merged as they are"),
    PartnershipExists => (409, "partnership_exists", "This city has a partnership already"),
    StateUnchanged => (409, "state_unchanged", "The partnership is in that state already"),
    ReviewerExists => (409, "reviewer_exists", "This account is on the jury already"),
    RubricMissing => (409, "rubric_missing", "The call has no rubric yet"),
    RubricLocked => (409, "rubric_locked", "The rubric is locked: reviews have been submitted against it"),
    RubricNotLocked => (409, "rubric_not_locked", "The rubric is not locked; edit it directly"),
    ConflictExists => (409, "conflict_exists", "This conflict of interest is recorded already"),
    ConflictOfInterest => (409, "conflict_of_interest", "The reviewer has a conflict of interest with this idea"),
    AlreadyAssigned => (409, "already_assigned", "The reviewer is assigned to this idea already"),
    ReviewerAtCapacity => (409, "reviewer_at_capacity", "The reviewer has as many ideas in this call as their maximum load"),
    NotUnderReview => (409, "not_under_review", "The idea is not with the jury"),
    ReviewNotOpen => (409, "review_not_open", "The review window has not opened yet"),
    ReviewClosed => (409, "review_closed", "The review window is closed"),
    ReviewSubmitted => (409, "review_submitted", "The review is submitted already"),
    DecisionsPublished => (409, "decisions_published", "The call's decisions are published already"),
    DecisionsIncomplete => (409, "decisions_incomplete", "Some ideas with the jury have no decision yet"),
    NoSubmittedReview => (409, "no_submitted_review", "No juror has submitted a review of the idea yet; decide once one has"),
    DeliveryPending => (409, "delivery_pending", "The message is waiting for delivery already"),
    EndpointDisabled => (409, "endpoint_disabled", "The webhook endpoint is switched off"),
    KeyRevoked => (409, "key_revoked", "The API key is revoked already"),
    ReviewFirst => (403, "review_first", "Submit your own review first"),
    LinkExpired => (403, "link_expired", "This file link has expired; open the file again from its page"),
    LinkInvalid => (403, "link_invalid", "This file link is not valid"),
    StaleVersion => (412, "stale_version", "It was changed since you read it"),
    PayloadTooLarge => (413, "payload_too_large", "The request body is too large"),
    FileTooLarge => (413, "file_too_large", "The file is larger than an upload may be"),
    OwnerFilesTooLarge => (413, "owner_files_too_large", "The files kept here would pass their size limit"),
    UnsupportedFileType => (415, "unsupported_file_type", "Only PDF, PNG, JPEG, WebP, ODT and DOCX files are accepted"),
    InfectedFile => (422, "infected_file", "The antivirus found something in the file; it was not kept"),
    ValidationFailed => (422, "validation_failed", "Some fields are missing or invalid"),
    PreconditionRequired => (428, "precondition_required", "Send If-Match with the ETag you read"),
    TooManyAttempts => (429, "too_many_attempts", "Too many failed attempts; try again later"),
    RateLimited => (429, "rate_limited", "Too many requests with this API key; slow down"),
    InternalError => (500, "internal_error", "Something went wrong on our side"),
    NotReady => (503, "not_ready", "The service is not ready"),
    Busy => (503, "busy", "Too many password checks at once; try again in a moment"),
}

impl ErrorCode {
    /// The code a bare status maps to, for answers that did not come from our own errors.
    pub fn for_status(status: u16) -> ErrorCode {
        match status {
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
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ErrorCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        let table: Vec<String> = ErrorCode::ALL
            .iter()
            .map(|c| format!("- `{}` ({}): {}", c.as_str(), c.status(), c.title()))
            .collect();
        use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
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

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ErrorCode {}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// A JSON pointer's reference token (RFC 6901): `~` and `/` escaped.
pub fn pointer_token(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// What a use case refused, or what went wrong. Internal causes are kept for the log, never shown.
#[derive(Debug)]
pub struct Error {
    code: ErrorCode,
    detail: String,
    errors: Vec<FieldError>,
    cause: Option<String>,
    /// How long the caller should wait before asking again (429).
    retry_after: Option<chrono::TimeDelta>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> Self {
        Error {
            code,
            detail: detail.into(),
            errors: Vec::new(),
            cause: None,
            retry_after: None,
        }
    }

    /// A 429: asked too often; ask again after `wait`.
    pub fn too_many_requests(detail: impl Into<String>, wait: chrono::TimeDelta) -> Self {
        Error::new(ErrorCode::TooManyAttempts, detail).retry_in(wait)
    }

    /// The same error, with how long the caller should wait (Retry-After).
    pub fn retry_in(self, wait: chrono::TimeDelta) -> Self {
        Error {
            retry_after: Some(wait),
            ..self
        }
    }

    pub fn retry_after(&self) -> Option<chrono::TimeDelta> {
        self.retry_after
    }

    /// A 422 listing the invalid fields.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = match errors.as_slice() {
            [one] => format!("{}: {}", one.pointer, one.message),
            many => format!("{} fields are missing or invalid", many.len()),
        };
        Error {
            errors,
            ..Error::new(ErrorCode::ValidationFailed, detail)
        }
    }

    /// The same error, pointing at each item of the request it refuses (`errors`), as a bulk request's refusal
    /// does.
    pub fn with_errors(self, errors: Vec<FieldError>) -> Self {
        Error { errors, ..self }
    }

    /// A 422 for one field.
    pub fn field(pointer: &str, code: &str, message: impl Into<String>) -> Self {
        Error::validation(vec![FieldError::new(pointer, code, message)])
    }

    /// A 500 whose cause is logged and not shown.
    pub fn internal(cause: impl fmt::Display) -> Self {
        Error {
            cause: Some(cause.to_string()),
            ..Error::new(
                ErrorCode::InternalError,
                "An unexpected error occurred; it has been logged.",
            )
        }
    }

    pub fn not_found() -> Self {
        Error::new(ErrorCode::NotFound, "There is nothing here, or you may not see it.")
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Error::new(ErrorCode::Forbidden, detail)
    }

    /// Nothing when `allowed`, else 403 with `detail`.
    pub fn forbidden_unless(allowed: bool, detail: &str) -> Result<()> {
        if allowed { Ok(()) } else { Err(Error::forbidden(detail)) }
    }

    pub fn code(&self) -> ErrorCode {
        self.code
    }

    pub fn detail(&self) -> &str {
        &self.detail
    }

    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The internal cause, for the log.
    pub fn cause(&self) -> Option<&str> {
        self.cause.as_deref()
    }

    /// The parts, for the HTTP layer's problem answer.
    pub fn into_parts(self) -> (ErrorCode, String, Vec<FieldError>, Option<String>) {
        (self.code, self.detail, self.errors, self.cause)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.detail)
    }
}

impl std::error::Error for Error {}

impl From<sea_orm::DbErr> for Error {
    fn from(err: sea_orm::DbErr) -> Self {
        Error::internal(format!("database: {err}"))
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
        let err = Error::field("/email", "invalid", "not an e-mail address");
        assert_eq!(err.detail(), "/email: not an e-mail address");
        assert_eq!(err.code().status(), 422);
    }
}
