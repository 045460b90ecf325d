//! Cross-cutting HTTP behaviour: a request id and a log line per request, URLs free of control
//! characters, and the guarantee that every error answer is a problem+json body, even those made by
//! actix or a middleware.

use std::time::Instant;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::{ErrorHandlerResponse, Next};
use actix_web::{Error, ResponseError};
use tracing::Instrument;
use uuid::Uuid;

use crate::error::{ApiError, ErrorCode, PROBLEM_CONTENT_TYPE};

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// A caller's own request id is kept when it is short and plain, so ids can follow a request across systems.
fn request_id(req: &ServiceRequest) -> String {
    req.headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(str::to_owned)
        .unwrap_or_else(|| Uuid::new_v4().to_string())
}

pub async fn trace_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let id = request_id(&req);
    let span = tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.path());
    let started = Instant::now();
    let mut response = next.call(req).instrument(span.clone()).await?;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    let status = response.status().as_u16();
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    span.in_scope(|| tracing::info!(status, elapsed_ms, "answered"));
    Ok(response)
}

/// Replaces the body of an error answer that is not a problem yet (from actix, CORS, …), keeping its headers.
pub fn ensure_problem<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_CONTENT_TYPE.as_bytes()));
    if is_problem {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let (req, original) = res.into_parts();
    let status = original.status();
    let code = ErrorCode::for_status(status.as_u16());
    let detail = status.canonical_reason().unwrap_or("Error").to_owned();
    let mut problem = ApiError::new(code, detail).error_response();
    *problem.status_mut() = status;
    for (name, value) in original.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH && name != header::CONTENT_ENCODING {
            problem.headers_mut().insert(name.clone(), value.clone());
        }
    }
    let response: ServiceResponse<EitherBody<B>> = ServiceResponse::new(req, problem).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(response))
}

/// Refuses a URL whose path or query, once percent-decoded, holds a control character other than tab
/// and line breaks (422, before any handler runs): one check for every route, as `ValidJson` is for
/// every body. The pointer names the query parameter (`/q`), or is `/` for the path itself.
pub async fn refuse_control_characters(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    match control_character_in_url(req.path(), req.query_string()) {
        Some((pointer, c)) => {
            let problem = crate::extract::control_character_error(&pointer, c).error_response();
            Ok(req.into_response(problem).map_into_right_body())
        }
        None => next.call(req).await.map(ServiceResponse::map_into_left_body),
    }
}

fn control_character_in_url(path: &str, query: &str) -> Option<(String, char)> {
    use domain::text::forbidden_control_character;
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    if let Some(c) = forbidden_control_character(&path) {
        return Some(("/".to_owned(), c));
    }
    form_urlencoded::parse(query.as_bytes()).find_map(|(name, value)| {
        let pointer = format!("/{}", crate::extract::pointer_token(&name));
        forbidden_control_character(&name)
            .or_else(|| forbidden_control_character(&value))
            .map(|c| (pointer, c))
    })
}

#[cfg(test)]
mod tests {
    use super::control_character_in_url;

    #[test]
    fn control_characters_in_the_path_or_query_are_found_after_decoding() {
        assert_eq!(
            control_character_in_url("/api/v1/ideas", "state=draft&q=abc%00def"),
            Some(("/q".to_owned(), '\0'))
        );
        assert_eq!(
            control_character_in_url("/api/v1/ideas/a%01b", ""),
            Some(("/".to_owned(), '\u{1}'))
        );
        assert_eq!(
            control_character_in_url("/api/v1/ideas", "q%7F=x"),
            Some(("/q\u{7f}".to_owned(), '\u{7f}'))
        );
        assert_eq!(
            control_character_in_url("/api/v1/ideas", "q=%D8%A7%D8%B5%D9%81%D9%87%D8%A7%D9%86+x%0A"),
            None
        );
    }
}
