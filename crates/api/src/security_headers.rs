//! The security headers of every answer, set in one middleware so no handler can forget them: what a browser
//! may load and where the page may be framed, no MIME sniffing, no Referer, no caching of answers that carry
//! tokens or personal data, and HSTS when the request reached us over HTTPS through a trusted proxy.
//!
//! The values are declared once here. frontend/nginx.conf, which serves the built SPA in docker-compose,
//! sends the same ones for the SPA (a test in tests/api/headers.rs compares the two).

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, web};

use crate::extract::forwarded_over_https;
use crate::state::AppState;

/// The built SPA's policy. Everything it loads comes from its own origin: the module scripts and style sheets
/// Vite emits (no inline script or `<style>`; React and recharts set styles through the CSSOM, which the policy
/// does not govern, so no 'unsafe-inline'), the bundled Vazirmatn font, the favicon, and the API it calls.
/// Nothing is inlined as a `data:` URL. `default-src 'none'` refuses whatever is not listed.
pub const SPA_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// Swagger UI's policy (/api/docs): the same, except that its style sheet draws its icons as `data:` SVG and
/// PNG images, and it needs no font of its own. Its index.html and swagger-initializer.js are files, not
/// inline scripts, and it fetches the contract (and "try it out" requests) from this origin.
pub const DOCS_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
     frame-ancestors 'none'";

/// The API's answers are data, never a page: should a browser ever render one, it may load nothing.
pub const API_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

pub const FRAME_OPTIONS: &str = "DENY";
pub const CONTENT_TYPE_OPTIONS: &str = "nosniff";
pub const REFERRER_POLICY: &str = "no-referrer";
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";
pub const NO_STORE: &str = "no-store";

/// The headers every answer of the SPA carries (HSTS aside, which depends on how the request came), as
/// `(name, value)`: frontend/nginx.conf must send exactly these in every location that serves the SPA.
pub const SPA_HEADERS: [(&str, &str); 4] = [
    ("content-security-policy", SPA_CONTENT_SECURITY_POLICY),
    ("x-frame-options", FRAME_OPTIONS),
    ("x-content-type-options", CONTENT_TYPE_OPTIONS),
    ("referrer-policy", REFERRER_POLICY),
];

/// What a path serves, which decides its Content-Security-Policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// The built SPA: index.html for client routes, and its assets.
    Spa,
    /// Swagger UI under /api/docs.
    Docs,
    /// Everything else under /api: JSON, problems, the contract, exports.
    Api,
}

impl Surface {
    pub fn of(path: &str) -> Self {
        let under = |prefix: &str| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        if under(crate::startup::DOCS_PATH) {
            Surface::Docs
        } else if under("/api") {
            Surface::Api
        } else {
            Surface::Spa
        }
    }

    pub fn content_security_policy(self) -> &'static str {
        match self {
            Surface::Spa => SPA_CONTENT_SECURITY_POLICY,
            Surface::Docs => DOCS_CONTENT_SECURITY_POLICY,
            Surface::Api => API_CONTENT_SECURITY_POLICY,
        }
    }
}

/// The one rule for `Cache-Control: no-store`: an answer is kept out of every cache when its request carried
/// credentials (an Authorization header: whatever a signed-in caller is shown may be personal — /me, exports,
/// user and reviewer views, password tokens) or went to /api/v1/auth/ (login, register, refresh, logout and
/// set-password answer with tokens, or take a password). Public, anonymous reads keep their caching.
pub fn must_not_be_stored(path: &str, headers: &HeaderMap) -> bool {
    headers.contains_key(header::AUTHORIZATION) || path.starts_with("/api/v1/auth/")
}

/// The headers this answer gets, from what was asked and how it arrived.
fn apply(headers: &mut HeaderMap, surface: Surface, no_store: bool, https: bool) {
    let set = |headers: &mut HeaderMap, name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(
        headers,
        header::CONTENT_SECURITY_POLICY,
        surface.content_security_policy(),
    );
    set(headers, header::X_FRAME_OPTIONS, FRAME_OPTIONS);
    set(headers, header::X_CONTENT_TYPE_OPTIONS, CONTENT_TYPE_OPTIONS);
    set(headers, header::REFERRER_POLICY, REFERRER_POLICY);
    if no_store {
        set(headers, header::CACHE_CONTROL, NO_STORE);
    }
    // Only when HTTPS is known: a deployment reached over plain HTTP must never tell browsers to insist on TLS.
    if https {
        set(headers, header::STRICT_TRANSPORT_SECURITY, STRICT_TRANSPORT_SECURITY);
    }
}

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let surface = Surface::of(req.path());
    let no_store = must_not_be_stored(req.path(), req.headers());
    let https = {
        let trusted = req
            .app_data::<web::Data<AppState>>()
            .map(|state| state.trusted_proxies.as_slice())
            .unwrap_or_default();
        let forwarded_proto = req.headers().get("x-forwarded-proto").and_then(|v| v.to_str().ok());
        forwarded_over_https(req.peer_addr().map(|a| a.ip()), forwarded_proto, trusted)
    };
    // Handlers' and extractors' errors arrive here as answers already (routing turns them into responses), so
    // `?` only passes on what no layer could answer.
    let mut response = next.call(req).await?;
    apply(response.headers_mut(), surface, no_store, https);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_read_as_the_surface_they_serve() {
        assert_eq!(Surface::of("/"), Surface::Spa);
        assert_eq!(Surface::of("/set-password"), Surface::Spa);
        assert_eq!(Surface::of("/assets/index.js"), Surface::Spa);
        assert_eq!(Surface::of("/apiary"), Surface::Spa);
        assert_eq!(Surface::of("/api/docs"), Surface::Docs);
        assert_eq!(Surface::of("/api/docs/swagger-initializer.js"), Surface::Docs);
        assert_eq!(Surface::of("/api/docsx"), Surface::Api);
        assert_eq!(Surface::of("/api/openapi.json"), Surface::Api);
        assert_eq!(Surface::of("/api/v1/me"), Surface::Api);
    }

    #[test]
    fn credentials_or_the_auth_resource_mean_no_store() {
        let mut signed_in = HeaderMap::new();
        signed_in.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer x"));
        assert!(must_not_be_stored("/api/v1/calls", &signed_in));
        assert!(must_not_be_stored("/api/v1/auth/login", &HeaderMap::new()));
        assert!(must_not_be_stored("/api/v1/auth/set-password", &HeaderMap::new()));
        assert!(!must_not_be_stored("/api/v1/calls", &HeaderMap::new()));
        assert!(!must_not_be_stored("/api/v1/authors", &HeaderMap::new()));
    }

    #[test]
    fn hsts_only_when_the_request_came_over_https() {
        let mut headers = HeaderMap::new();
        apply(&mut headers, Surface::Api, false, false);
        assert!(!headers.contains_key(header::STRICT_TRANSPORT_SECURITY));
        assert!(!headers.contains_key(header::CACHE_CONTROL));
        apply(&mut headers, Surface::Api, true, true);
        assert_eq!(
            headers
                .get(header::STRICT_TRANSPORT_SECURITY)
                .map(HeaderValue::as_bytes),
            Some(STRICT_TRANSPORT_SECURITY.as_bytes())
        );
        assert_eq!(
            headers.get(header::CACHE_CONTROL).map(HeaderValue::as_bytes),
            Some(NO_STORE.as_bytes())
        );
    }
}
