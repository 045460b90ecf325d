//! `IfMatch`: the version a client read, from the `If-Match` header, for edits of versioned
//! resources. Missing: 428. The server answers 412 when it no longer matches.

use actix_web::dev::Payload;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::{Ready, ready};

use app::precondition::Precondition;

use crate::error::{ApiError, ErrorCode};

/// The versions an `If-Match` header accepts (the application layer's precondition).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IfMatch(pub Precondition);

pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

pub fn etag_header(version: i32) -> (header::HeaderName, HeaderValue) {
    let value = HeaderValue::from_str(&etag(version)).unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
    (header::ETAG, value)
}

impl IfMatch {
    pub fn matches(&self, version: i32) -> bool {
        self.0.matches(version)
    }

    pub fn expected(&self, current: i32) -> Result<i32, ApiError> {
        Ok(self.0.expected(current)?)
    }
}

pub fn stale() -> ApiError {
    app::precondition::stale().into()
}

fn parse(value: &str) -> IfMatch {
    if value.trim() == "*" {
        return IfMatch(Precondition::Any);
    }
    let versions = value
        .split(',')
        .map(str::trim)
        .filter_map(|tag| tag.strip_prefix('"')?.strip_suffix('"')?.parse().ok())
        .collect();
    IfMatch(Precondition::Versions(versions))
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
            Some(value) => value.to_str().map(parse).map_err(|_| stale()),
        };
        ready(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strong_tags_parse_and_weak_ones_never_match() {
        assert_eq!(parse("\"3\""), IfMatch(Precondition::Versions(vec![3])));
        assert_eq!(parse("*"), IfMatch(Precondition::Any));
        assert!(parse("\"x\", \"4\"").matches(4));
        assert!(parse("\"2\", \"4\"").matches(2));
        assert!(!parse("W/\"3\"").matches(3));
        assert!(!parse("3").matches(3));
        assert_eq!(etag(7), "\"7\"");
    }
}
