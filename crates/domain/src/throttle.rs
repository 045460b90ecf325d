//! Sign-in throttling: after too many failed logins for one account or from one client address, further
//! attempts are refused for a while. The counters live in the database so that every API process shares them.

use chrono::{DateTime, TimeDelta, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures within `window` that lock the key.
    pub max_failures: u32,
    pub window: TimeDelta,
    pub lockout: TimeDelta,
}

/// The failures counted for one key (an account or a client address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureRecord {
    pub failures: u32,
    pub window_started_at: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
}

impl FailureRecord {
    /// How long the key stays locked, if it is locked at `now`.
    pub fn locked_for(&self, now: DateTime<Utc>) -> Option<TimeDelta> {
        self.locked_until.filter(|until| *until > now).map(|until| until - now)
    }

    /// The record after one more failure at `now`. Failures older than the window are forgotten.
    pub fn after_failure(previous: Option<Self>, now: DateTime<Utc>, policy: ThrottlePolicy) -> Self {
        let mut record = match previous {
            Some(record) if now - record.window_started_at < policy.window => record,
            _ => FailureRecord {
                failures: 0,
                window_started_at: now,
                locked_until: None,
            },
        };
        record.failures = record.failures.saturating_add(1);
        if record.failures >= policy.max_failures {
            record.locked_until = Some(now + policy.lockout);
        }
        record
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: ThrottlePolicy = ThrottlePolicy {
        max_failures: 3,
        window: TimeDelta::minutes(15),
        lockout: TimeDelta::minutes(5),
    };

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + minutes * 60, 0).unwrap_or_default()
    }

    #[test]
    fn locks_after_the_maximum_number_of_failures() {
        let mut record = None;
        for minute in 0..2 {
            let next = FailureRecord::after_failure(record, at(minute), POLICY);
            assert_eq!(next.locked_for(at(minute)), None);
            record = Some(next);
        }
        let locked = FailureRecord::after_failure(record, at(2), POLICY);
        assert_eq!(locked.locked_for(at(2)), Some(TimeDelta::minutes(5)));
        assert_eq!(locked.locked_for(at(4)), Some(TimeDelta::minutes(3)));
        assert_eq!(locked.locked_for(at(7)), None);
    }

    #[test]
    fn failures_outside_the_window_are_forgotten() {
        let first = FailureRecord::after_failure(None, at(0), POLICY);
        let second = FailureRecord::after_failure(Some(first), at(1), POLICY);
        let much_later = FailureRecord::after_failure(Some(second), at(30), POLICY);
        assert_eq!(much_later.failures, 1);
        assert_eq!(much_later.window_started_at, at(30));
        assert_eq!(much_later.locked_for(at(30)), None);
    }
}
