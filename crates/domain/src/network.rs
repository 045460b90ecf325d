//! City networks the municipality belongs to: a membership is dated, and left no earlier than joined.

use chrono::NaiveDate;

/// The membership would end before it began.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("leftOn ({left_on}) is before joinedOn ({joined_on})")]
pub struct LeftBeforeJoined {
    pub joined_on: NaiveDate,
    pub left_on: NaiveDate,
}

/// Checks a membership's dates: when both are known, it is not left before it was joined (the same
/// day is allowed).
pub fn check_membership(joined_on: Option<NaiveDate>, left_on: Option<NaiveDate>) -> Result<(), LeftBeforeJoined> {
    match (joined_on, left_on) {
        (Some(joined_on), Some(left_on)) if left_on < joined_on => Err(LeftBeforeJoined { joined_on, left_on }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_membership_is_not_left_before_it_was_joined() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap_or(NaiveDate::MIN);
        assert!(check_membership(Some(day(2)), Some(day(2))).is_ok());
        assert!(check_membership(Some(day(2)), Some(day(3))).is_ok());
        assert!(check_membership(None, Some(day(1))).is_ok());
        assert!(check_membership(Some(day(2)), None).is_ok());
        let refused = check_membership(Some(day(2)), Some(day(1)));
        assert_eq!(
            refused.map_err(|e| e.to_string()),
            Err("leftOn (2026-01-01) is before joinedOn (2026-01-02)".to_owned())
        );
    }
}
