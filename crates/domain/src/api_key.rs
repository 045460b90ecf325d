//! API keys: what each scope opens. A key acts for another system (an open-data portal, a mobile app's back
//! end) through a service account of its own; for each request it acts either as the public or as staff,
//! and only where one of its scopes covers the operation. Accounts, sessions, keys, webhooks, the jury's
//! own work and citizens' own ideas are never open to a key: those act for a person.

use chrono::{DateTime, TimeDelta, Utc};

use crate::wire_enum;

wire_enum! {
    /// What a key may do.
    pub enum ApiScope ("API key scope") {
        /// Read what the public may read.
        PublicRead => "public_read",
        /// Read what staff may read (ideas, screening, the jury's results, exports).
        StaffRead => "staff_read",
        /// Change the register: cities, partnerships, activities, networks.
        RegisterWrite => "register_write",
        /// Create and change calls and their rubrics.
        CallsWrite => "calls_write",
    }
}

/// Every key starts with this, so a bearer credential is told from an access token at a glance.
pub const TOKEN_PREFIX: &str = "cdk_";

/// How many characters of a key are kept in the clear, for admins to tell keys apart.
pub const SHOWN_PREFIX_LEN: usize = 12;

/// Requests a key may make per minute unless its admin chose otherwise.
pub const DEFAULT_RATE_LIMIT: i32 = 600;
pub const MAX_RATE_LIMIT: i32 = 100_000;

/// How long a key lives unless its admin chose otherwise, and the longest it may.
pub const DEFAULT_LIFETIME: TimeDelta = TimeDelta::days(365);
pub const MAX_LIFETIME: TimeDelta = TimeDelta::days(2 * 365);

/// The length of a rate-limit window.
pub const WINDOW: TimeDelta = TimeDelta::minutes(1);

pub fn is_api_key(token: &str) -> bool {
    token.starts_with(TOKEN_PREFIX)
}

/// Whom a key acts as for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// As the public: it sees what anyone may see.
    Public,
    /// As staff, for reading or for the writes its scopes name.
    Staff,
}

/// Why a key may not make a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No scope opens this operation to keys.
    NotForKeys,
    /// One of these scopes would open it.
    Needs(Vec<ApiScope>),
}

/// Paths that act for a person or administer the platform: never open to a key.
const PERSONAL: &[&str] = &[
    "/api/v1/auth",
    "/api/v1/me",
    "/api/v1/users",
    "/api/v1/audit",
    "/api/v1/admin",
    "/api/v1/unsubscribe",
];

/// Writes of the register.
const REGISTER: &[&str] = &[
    "/api/v1/cities",
    "/api/v1/partnerships",
    "/api/v1/activities",
    "/api/v1/networks",
];

/// Writes of calls and rubrics (not assignments or decisions, which are the jury's business).
const CALLS: &[&str] = &[
    "/api/v1/calls",
    "/api/v1/calls/{id}",
    "/api/v1/calls/{id}/close",
    "/api/v1/calls/{id}/rubric",
    "/api/v1/calls/{id}/rubric/reopen",
];

fn under(route: &str, prefix: &str) -> bool {
    route == prefix || route.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/'))
}

fn is_read(method: &str) -> bool {
    matches!(method, "GET" | "HEAD")
}

/// The scopes any one of which opens `method route` (`route` is the matched template, such as
/// `/api/v1/calls/{id}`); empty when no scope does.
pub fn opening_scopes(method: &str, route: &str) -> Vec<ApiScope> {
    if PERSONAL.iter().any(|prefix| under(route, prefix)) {
        return Vec::new();
    }
    if is_read(method) {
        return vec![ApiScope::PublicRead, ApiScope::StaffRead];
    }
    if REGISTER.iter().any(|prefix| under(route, prefix)) {
        return vec![ApiScope::RegisterWrite];
    }
    if CALLS.contains(&route) {
        return vec![ApiScope::CallsWrite];
    }
    Vec::new()
}

/// Whom a key with `scopes` acts as for `method route`, or why it may not. A read acts as staff only
/// with `staff_read`: a key that may write the register does not thereby read what staff read.
pub fn access(scopes: &[ApiScope], method: &str, route: &str) -> Result<Access, Refusal> {
    let opening = opening_scopes(method, route);
    if opening.is_empty() {
        return Err(Refusal::NotForKeys);
    }
    if is_read(method) {
        return if scopes.contains(&ApiScope::StaffRead) {
            Ok(Access::Staff)
        } else if scopes.contains(&ApiScope::PublicRead) {
            Ok(Access::Public)
        } else {
            Err(Refusal::Needs(opening))
        };
    }
    if opening.iter().any(|scope| scopes.contains(scope)) {
        Ok(Access::Staff)
    } else {
        Err(Refusal::Needs(opening))
    }
}

/// The start of the rate-limit window `now` falls in.
pub fn window_start(now: DateTime<Utc>) -> DateTime<Utc> {
    let seconds = WINDOW.num_seconds();
    let start = now.timestamp().div_euclid(seconds) * seconds;
    DateTime::from_timestamp(start, 0).unwrap_or(now)
}

/// Seconds until the window `now` falls in ends (at least 1), for Retry-After.
pub fn retry_after(now: DateTime<Utc>) -> u64 {
    let end = window_start(now) + WINDOW;
    u64::try_from((end - now).num_seconds()).unwrap_or(0).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    use ApiScope::*;

    #[test]
    fn a_public_key_reads_as_the_public_and_writes_nothing() {
        assert_eq!(access(&[PublicRead], "GET", "/api/v1/calls/{id}"), Ok(Access::Public));
        assert_eq!(access(&[PublicRead], "GET", "/api/v1/ideas"), Ok(Access::Public));
        assert_eq!(
            access(&[PublicRead], "PATCH", "/api/v1/cities/{id}"),
            Err(Refusal::Needs(vec![RegisterWrite]))
        );
    }

    #[test]
    fn a_write_scope_does_not_read_as_staff() {
        assert_eq!(
            access(&[RegisterWrite], "POST", "/api/v1/partnerships/{id}/state"),
            Ok(Access::Staff)
        );
        assert_eq!(
            access(&[RegisterWrite], "GET", "/api/v1/partnerships"),
            Err(Refusal::Needs(vec![PublicRead, StaffRead]))
        );
        assert_eq!(
            access(&[RegisterWrite, PublicRead], "GET", "/api/v1/partnerships"),
            Ok(Access::Public)
        );
        assert_eq!(
            access(&[StaffRead], "GET", "/api/v1/calls/{callId}/ranking"),
            Ok(Access::Staff)
        );
    }

    #[test]
    fn calls_write_covers_calls_and_rubrics_but_not_the_jury() {
        assert_eq!(access(&[CallsWrite], "POST", "/api/v1/calls"), Ok(Access::Staff));
        assert_eq!(
            access(&[CallsWrite], "PUT", "/api/v1/calls/{id}/rubric"),
            Ok(Access::Staff)
        );
        assert_eq!(
            access(&[CallsWrite], "POST", "/api/v1/calls/{callId}/decisions/publish"),
            Err(Refusal::NotForKeys)
        );
        assert_eq!(
            access(&[CallsWrite], "POST", "/api/v1/calls/{id}/assignments/auto"),
            Err(Refusal::NotForKeys)
        );
    }

    #[test]
    fn what_acts_for_a_person_is_never_open_to_a_key() {
        let all = ApiScope::ALL;
        for (method, route) in [
            ("GET", "/api/v1/me"),
            ("GET", "/api/v1/me/notifications"),
            ("GET", "/api/v1/users"),
            ("GET", "/api/v1/audit"),
            ("GET", "/api/v1/admin/api-keys"),
            ("POST", "/api/v1/admin/webhooks"),
            ("POST", "/api/v1/auth/login"),
            ("POST", "/api/v1/ideas"),
            ("PUT", "/api/v1/ideas/{id}/review"),
            ("POST", "/api/v1/reviewers"),
        ] {
            assert_eq!(access(all, method, route), Err(Refusal::NotForKeys), "{method} {route}");
        }
        // A prefix is a path segment, not a string prefix.
        assert_eq!(access(all, "GET", "/api/v1/meetings"), Ok(Access::Staff));
    }

    #[test]
    fn the_window_is_the_minute_and_retry_after_its_rest() {
        let now = DateTime::from_timestamp(1_700_000_042, 0).unwrap_or_default();
        assert_eq!(window_start(now).timestamp(), 1_700_000_040);
        assert_eq!(retry_after(now), 58);
    }
}
