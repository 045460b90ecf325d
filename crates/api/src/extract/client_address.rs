//! The client's address, for throttling, sessions and the audit trail: the peer, or — only when the peer is a trusted proxy — the
//! nearest untrusted address in X-Forwarded-For, read from the right so a client cannot forge it. Whether
//! the request came over HTTPS (for HSTS) is believed on the same terms.

use std::net::IpAddr;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::{Ready, ready};
use ipnet::IpNet;

use crate::error::ApiError;
use crate::state::AppState;

fn is_trusted(ip: &IpAddr, trusted: &[IpNet]) -> bool {
    trusted.iter().any(|net| net.contains(ip))
}

pub fn client_address(peer: Option<IpAddr>, forwarded_for: Option<&str>, trusted: &[IpNet]) -> Option<IpAddr> {
    let peer = peer?;
    if !is_trusted(&peer, trusted) {
        return Some(peer);
    }
    let Some(forwarded_for) = forwarded_for else {
        return Some(peer);
    };
    let mut nearest = peer;
    for hop in forwarded_for.rsplit(',') {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) if is_trusted(&ip, trusted) => nearest = ip,
            Ok(ip) => return Some(ip),
            // An unparsable hop ends what we can trust: use the last address we could.
            Err(_) => return Some(nearest),
        }
    }
    Some(nearest)
}

/// Whether the client reached us over HTTPS: the server speaks plain HTTP, so only a trusted proxy can say so,
/// in X-Forwarded-Proto. Anyone else's header is ignored, and so is a list of several protocols (a chain of
/// proxies appending to it), since which hop saw the client is then unclear: without HSTS nothing breaks.
pub fn forwarded_over_https(peer: Option<IpAddr>, forwarded_proto: Option<&str>, trusted: &[IpNet]) -> bool {
    peer.is_some_and(|peer| is_trusted(&peer, trusted))
        && forwarded_proto.is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

/// The client's address as this request tells it (see `client_address`).
pub(crate) fn client_of(req: &HttpRequest) -> Option<IpAddr> {
    let trusted = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.trusted_proxies.as_slice())
        .unwrap_or_default();
    let forwarded_for = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok());
    let peer = req.peer_addr().map(|addr| addr.ip());
    client_address(peer, forwarded_for, trusted)
}

/// The longest User-Agent kept with a session.
const MAX_CLIENT_LENGTH: usize = 300;

/// Who signs in or refreshes: the address, and the client program as its User-Agent names it (shortened,
/// control characters dropped), so the owner can tell their sessions apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    pub address: Option<IpAddr>,
    pub agent: Option<String>,
}

impl Client {
    /// Where a sign-in's session is used from, and the failure counters of this e-mail and address.
    pub fn signing_in(&self, email: &str, throttles: app::accounts::Throttles) -> app::accounts::SignIn {
        app::accounts::SignIn::new(email, self.address, self.agent.clone(), throttles)
    }

    pub fn origin(&self) -> app::accounts::Origin {
        app::accounts::Origin::new(self.agent.clone(), self.address)
    }
}

impl FromRequest for Client {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let agent = req
            .headers()
            .get(actix_web::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|agent| {
                agent
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(MAX_CLIENT_LENGTH)
                    .collect::<String>()
            })
            .filter(|agent| !agent.trim().is_empty());
        ready(Ok(Client {
            address: client_of(req),
            agent,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().filter_map(|s| s.parse().ok()).collect()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let client = client_address(ip("203.0.113.9"), Some("198.51.100.1"), &nets(&["10.0.0.0/8"]));
        assert_eq!(client, ip("203.0.113.9"));
    }

    #[test]
    fn a_trusted_proxy_forwards_the_nearest_untrusted_hop() {
        let trusted = nets(&["10.0.0.0/8"]);
        let client = client_address(ip("10.0.0.2"), Some("1.2.3.4, 198.51.100.7, 10.0.0.3"), &trusted);
        assert_eq!(client, ip("198.51.100.7"));
    }

    #[test]
    fn https_is_believed_only_from_a_trusted_proxy() {
        let trusted = nets(&["10.0.0.0/8"]);
        assert!(forwarded_over_https(ip("10.0.0.2"), Some("https"), &trusted));
        assert!(forwarded_over_https(ip("10.0.0.2"), Some(" HTTPS "), &trusted));
        assert!(!forwarded_over_https(ip("203.0.113.9"), Some("https"), &trusted));
        assert!(!forwarded_over_https(ip("10.0.0.2"), Some("http"), &trusted));
        assert!(!forwarded_over_https(ip("10.0.0.2"), Some("https, http"), &trusted));
        assert!(!forwarded_over_https(ip("10.0.0.2"), None, &trusted));
        assert!(!forwarded_over_https(None, Some("https"), &trusted));
    }

    #[test]
    fn without_forwarding_the_proxy_itself_is_the_client() {
        let client = client_address(ip("10.0.0.2"), None, &nets(&["10.0.0.0/8"]));
        assert_eq!(client, ip("10.0.0.2"));
    }
}
