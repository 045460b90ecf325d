//! `IfMatch`: the version a client read, from the `If-Match` header, for edits of versioned
//! resources. Missing: 428. The server answers 412 when it no longer matches.

use actix_web::dev::Payload;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::{Ready, ready};

use crate::error::{ApiError, ErrorCode};

/// The version in an `If-Match` header; `None` for `*` (any version).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IfMatch(pub Option<i32>);

/// The ETag of a resource at `version`.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

pub fn etag_header(version: i32) -> (header::HeaderName, HeaderValue) {
    let value = HeaderValue::from_str(&etag(version)).unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
    (header::ETAG, value)
}

impl IfMatch {
    /// Whether the resource at `version` satisfies the header.
    pub fn matches(self, version: i32) -> bool {
        self.0.is_none_or(|wanted| wanted == version)
    }

    /// The version the client expects the resource to be at, given the one just read.
    pub fn expected(self, current: i32) -> Result<i32, ApiError> {
        if self.matches(current) {
            Ok(current)
        } else {
            Err(stale())
        }
    }
}

pub fn stale() -> ApiError {
    ApiError::new(
        ErrorCode::StaleVersion,
        "It was changed since you read it: read it again (its ETag) and reapply your change.",
    )
}

fn parse(value: &str) -> Result<IfMatch, ApiError> {
    let value = value.trim();
    if value == "*" {
        return Ok(IfMatch(None));
    }
    // A list of tags matches if any does; ours are single versions, so take the first we can read.
    for tag in value.split(',') {
        let tag = tag.trim().trim_start_matches("W/");
        if let Some(version) = tag
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .and_then(|t| t.parse().ok())
        {
            return Ok(IfMatch(Some(version)));
        }
    }
    Err(stale())
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let result = match req.headers().get(header::IF_MATCH) {
            None => Err(ApiError::new(
                ErrorCode::PreconditionRequired,
                "Send If-Match with the ETag you read, so that you never overwrite someone else's change.",
            )),
            Some(value) => value.to_str().map_err(|_| stale()).and_then(parse),
        };
        ready(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse() {
        assert_eq!(parse("\"3\"").ok(), Some(IfMatch(Some(3))));
        assert_eq!(parse("W/\"3\"").ok(), Some(IfMatch(Some(3))));
        assert_eq!(parse("*").ok(), Some(IfMatch(None)));
        assert_eq!(parse("\"x\", \"4\"").ok(), Some(IfMatch(Some(4))));
        assert!(parse("3").is_err());
        assert_eq!(etag(7), "\"7\"");
    }

    #[test]
    fn star_matches_any_version() {
        assert!(IfMatch(None).matches(9));
        assert!(IfMatch(Some(2)).matches(2));
        assert!(!IfMatch(Some(2)).matches(3));
    }
}
