//! Sign-in sessions: lifetimes of the tokens and what a presented refresh token leads to.
//!
//! A session is a chain of single-use refresh tokens. Presenting a token that was already used means it
//! was copied — unless it comes back within a few seconds of its rotation, which is two tabs refreshing
//! together, and then the client gets the same successor again instead of being logged out.

use chrono::{DateTime, TimeDelta, Utc};

pub const ACCESS_TOKEN_TTL: TimeDelta = TimeDelta::minutes(15);
pub const REFRESH_TOKEN_TTL: TimeDelta = TimeDelta::days(30);
pub const REUSE_GRACE: TimeDelta = TimeDelta::seconds(10);
pub const SET_PASSWORD_TOKEN_TTL: TimeDelta = TimeDelta::days(7);
/// How long a mailed link that confirms an e-mail address works.
pub const VERIFY_EMAIL_TOKEN_TTL: TimeDelta = TimeDelta::hours(48);
/// How long a forgotten-password link works: asked for by whoever knows the address, so briefly.
pub const PASSWORD_RESET_TOKEN_TTL: TimeDelta = TimeDelta::hours(1);

/// What the store knows of a presented refresh token.
#[derive(Debug, Clone, Copy)]
pub struct RefreshTokenState {
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub session_revoked: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefreshDecision {
    /// First use: issue a successor and mark this one used.
    Rotate,
    /// Used moments ago: answer again with the successor it already has.
    ReturnSameSuccessor,
    /// Used before, outside the grace window: the token leaked; end the whole session.
    RevokeSession,
    /// Expired, or its session has ended.
    Refuse,
}

pub fn decide_refresh(token: RefreshTokenState, now: DateTime<Utc>) -> RefreshDecision {
    if token.session_revoked || token.expires_at <= now {
        return RefreshDecision::Refuse;
    }
    match token.used_at {
        None => RefreshDecision::Rotate,
        Some(used_at) if now - used_at <= REUSE_GRACE => RefreshDecision::ReturnSameSuccessor,
        Some(_) => RefreshDecision::RevokeSession,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap_or_default()
    }

    fn state(used_at: Option<i64>) -> RefreshTokenState {
        RefreshTokenState {
            expires_at: at(1_000),
            used_at: used_at.map(at),
            session_revoked: false,
        }
    }

    #[test]
    fn an_unused_token_rotates() {
        assert_eq!(decide_refresh(state(None), at(0)), RefreshDecision::Rotate);
    }

    #[test]
    fn a_replay_within_the_grace_window_gets_the_same_successor() {
        assert_eq!(
            decide_refresh(state(Some(0)), at(10)),
            RefreshDecision::ReturnSameSuccessor
        );
    }

    #[test]
    fn a_replay_after_the_grace_window_revokes_the_session() {
        assert_eq!(decide_refresh(state(Some(0)), at(11)), RefreshDecision::RevokeSession);
    }

    #[test]
    fn expired_or_revoked_tokens_are_refused() {
        assert_eq!(decide_refresh(state(None), at(1_000)), RefreshDecision::Refuse);
        let revoked = RefreshTokenState {
            session_revoked: true,
            ..state(None)
        };
        assert_eq!(decide_refresh(revoked, at(0)), RefreshDecision::Refuse);
    }
}
