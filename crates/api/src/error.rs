//! The RFC 9457 problem+json body every non-2xx answer carries. The table of error codes and the
//! use cases' errors live in the application layer (`app::Error`); here they become HTTP answers.

use std::fmt;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

pub use app::{ErrorCode, FieldError};

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
    /// For 422, each invalid field; for a bulk request refused whole (409), each item it refuses, pointing at
    /// it in the request (`/ideaIds/3`).
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
        status: code.status(),
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
        http_status(self.code)
    }

    fn error_response(&self) -> HttpResponse {
        if let Some(cause) = &self.cause {
            tracing::error!(%cause, "internal error");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.content_type(PROBLEM_CONTENT_TYPE);
        if self.status_code() == StatusCode::UNAUTHORIZED {
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

/// The HTTP status of a code (the table holds each as a number).
pub fn http_status(code: ErrorCode) -> StatusCode {
    StatusCode::from_u16(code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

impl From<app::Error> for ApiError {
    fn from(err: app::Error) -> Self {
        let retry_after = err.retry_after();
        let (code, detail, errors, cause) = err.into_parts();
        let error = ApiError {
            code,
            detail,
            errors,
            headers: Vec::new(),
            cause,
        };
        match retry_after {
            // Round up: a client that waits exactly this long finds the limit gone.
            Some(wait) => {
                let seconds = ((wait.num_milliseconds() + 999) / 1000).max(1);
                error.with_header(actix_web::http::header::RETRY_AFTER, seconds.into())
            }
            None => error,
        }
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
    fn a_single_field_error_names_the_field_in_the_detail() {
        let err = ApiError::field("/email", "invalid", "not an e-mail address");
        assert_eq!(err.problem().detail, "/email: not an e-mail address");
        assert_eq!(err.problem().status, 422);
    }
}
