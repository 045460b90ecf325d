//! `ValidJson<T>`: a JSON body, size-limited, deserialised with field paths and validated.
//! Wrong content type and malformed JSON are 400, too large 413, wrong or missing fields 422.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use validator::Validate;

use super::validation::{deserialize_error, validation_errors};
use crate::error::{ApiError, ErrorCode};

/// The largest request body accepted, in bytes.
#[derive(Clone, Copy, Debug)]
pub struct BodyLimit(pub usize);

/// A JSON body, read and checked while the other extractors run, but answered only when the handler
/// asks for it: a caller who may not call the handler at all gets 401 or 403, never a 422 about a body
/// they were not allowed to send (extractors resolve concurrently, and body errors are instant).
pub struct ValidJson<T>(Result<T, ApiError>);

impl<T> ValidJson<T> {
    /// The checked body, or the problem with it (400, 413 or 422).
    pub fn into_inner(self) -> Result<T, ApiError> {
        self.0
    }
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        ErrorCode::PayloadTooLarge,
        format!("The request body must not exceed {limit} bytes."),
    )
}

fn is_json(req: &HttpRequest) -> bool {
    let Some(value) = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

pub fn parse<T: DeserializeOwned + Validate>(bytes: &[u8]) -> Result<T, ApiError> {
    // Every request body is an object; serde alone would also build a struct from an array.
    let starts_as_object = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if !starts_as_object && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() {
        return Err(ApiError::field("/", "invalid_type", "the body must be a JSON object"));
    }
    refuse_control_characters(bytes)?;
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    let value: T = serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let inner = err.inner();
        // serde_json appends the position ("… at line 1 column 9"); the pointer says it better.
        let message = inner.to_string();
        let message = message.rfind(" at line ").map_or(message.as_str(), |i| &message[..i]);
        if inner.is_data() {
            deserialize_error(err.path(), message)
        } else {
            ApiError::new(
                ErrorCode::MalformedRequest,
                format!("The body is not valid JSON: {inner}"),
            )
        }
    })?;
    value.validate().map_err(|errors| validation_errors(&errors))?;
    Ok(value)
}

/// Every string of the body, and every key, is free of control characters other than tab and line
/// breaks (`\u0000` is valid JSON but no text of ours): checked here once for every body, with the
/// pointer to the first offending value. Malformed JSON is left to the typed parse that follows.
fn refuse_control_characters(bytes: &[u8]) -> Result<(), ApiError> {
    let Ok(body) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return Ok(());
    };
    match find_control_character(&body, String::new()) {
        Some((pointer, c)) => Err(control_character_error(&pointer, c)),
        None => Ok(()),
    }
}

pub fn control_character_error(pointer: &str, c: char) -> ApiError {
    ApiError::field(
        pointer,
        "control_character",
        format!(
            "the text holds the control character U+{:04X}; only tab and line breaks are allowed",
            c as u32
        ),
    )
}

fn find_control_character(value: &serde_json::Value, pointer: String) -> Option<(String, char)> {
    use domain::text::forbidden_control_character;
    use serde_json::Value;
    match value {
        Value::String(text) => forbidden_control_character(text).map(|c| (pointer_or_root(pointer), c)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| find_control_character(item, format!("{pointer}/{i}"))),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            let here = format!("{pointer}/{}", super::pointer_token(key));
            match forbidden_control_character(key) {
                Some(c) => Some((here, c)),
                None => find_control_character(item, here),
            }
        }),
        _ => None,
    }
}

fn pointer_or_root(pointer: String) -> String {
    if pointer.is_empty() { "/".to_owned() } else { pointer }
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req.app_data::<web::Data<BodyLimit>>().map_or(1 << 20, |l| l.0);
        let declared_length = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let json = is_json(req);
        let mut payload = payload.take();
        Box::pin(async move { Ok(ValidJson(read(declared_length, json, limit, &mut payload).await)) })
    }
}

async fn read<T: DeserializeOwned + Validate>(
    declared_length: Option<usize>,
    json: bool,
    limit: usize,
    payload: &mut Payload,
) -> Result<T, ApiError> {
    if declared_length.is_some_and(|length| length > limit) {
        return Err(too_large(limit));
    }
    if !json {
        return Err(ApiError::new(
            ErrorCode::WrongContentType,
            "Send the body as JSON with Content-Type: application/json.",
        ));
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|err| {
            ApiError::new(
                ErrorCode::MalformedRequest,
                format!("The body could not be read: {err}"),
            )
        })?;
        if body.len() + chunk.len() > limit {
            return Err(too_large(limit));
        }
        body.extend_from_slice(&chunk);
    }
    parse(&body)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use validator::Validate;

    use super::parse;

    #[derive(Debug, Deserialize, Validate)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)] // only deserialised
    struct Sample {
        #[validate(length(min = 2))]
        display_name: String,
        #[serde(default)]
        tags: Vec<u8>,
    }

    #[test]
    fn syntax_errors_are_malformed_requests() {
        let err = parse::<Sample>(b"{\"displayName\": ").err().map(|e| e.problem());
        assert_eq!(err.map(|p| p.status), Some(400));
    }

    #[test]
    fn control_characters_are_refused_with_a_pointer() {
        let problem = parse::<Sample>(br#"{"displayName": "ab\u0000c"}"#)
            .err()
            .map(|e| e.problem());
        let problem = problem.expect("refused");
        assert_eq!(problem.status, 422);
        assert_eq!(problem.errors[0].pointer, "/displayName");
        assert_eq!(problem.errors[0].code, "control_character");
        let nested = parse::<Sample>(br#"{"displayName": "ab", "x": {"a/b": ["ok", "\u001b[2J"]}}"#)
            .err()
            .map(|e| e.problem().errors[0].pointer.clone());
        assert_eq!(nested.as_deref(), Some("/x/a~1b/1"));
        assert!(parse::<Sample>(b"{\"displayName\": \"two\\nlines\\tand a tab\"}").is_ok());
    }

    #[test]
    fn type_errors_point_at_the_field() {
        let problem = parse::<Sample>(br#"{"displayName": "ab", "tags": [1, "x"]}"#)
            .err()
            .map(|e| e.problem());
        let errors = problem.map(|p| p.errors).unwrap_or_default();
        assert_eq!(errors[0].pointer, "/tags/1");
        assert_eq!(errors[0].code, "invalid_type");
    }

    #[test]
    fn validator_errors_use_camel_case_pointers() {
        let problem = parse::<Sample>(br#"{"displayName": "a"}"#).err().map(|e| e.problem());
        let errors = problem.map(|p| p.errors).unwrap_or_default();
        assert_eq!(errors[0].pointer, "/displayName");
        assert_eq!(errors[0].code, "length");
    }

    #[test]
    fn arrays_are_not_objects() {
        let problem = parse::<Sample>(br#"["ab", []]"#).err().map(|e| e.problem());
        assert_eq!(
            problem.map(|p| (p.status, p.errors[0].pointer.clone())),
            Some((422, "/".to_owned()))
        );
    }

    #[test]
    fn the_missing_field_is_named_in_the_pointer() {
        let problem = parse::<Sample>(b"{}").err().map(|e| e.problem());
        let errors = problem.map(|p| p.errors).unwrap_or_default();
        assert_eq!(errors[0].pointer, "/displayName");
        assert_eq!(errors[0].code, "required");
    }

    #[test]
    fn unknown_fields_are_named() {
        let problem = parse::<Sample>(br#"{"displayName": "ab", "display_name": "x"}"#)
            .err()
            .map(|e| e.problem());
        let errors = problem.map(|p| p.errors).unwrap_or_default();
        assert_eq!(errors[0].pointer, "/display_name");
        assert_eq!(errors[0].code, "unknown_field");
    }
}
