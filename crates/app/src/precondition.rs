//! Optimistic concurrency: an edit names the version it read, and is refused when the item has
//! changed since (412 `stale_version`), so no one overwrites a change they have not seen.

use crate::error::{Error, ErrorCode, Result};

/// The versions an edit accepts: any (`*`), or those it read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Precondition {
    Any,
    Versions(Vec<i32>),
}

impl Precondition {
    pub fn matches(&self, version: i32) -> bool {
        match self {
            Precondition::Any => true,
            Precondition::Versions(versions) => versions.contains(&version),
        }
    }

    /// The current version if it is one the edit accepts; 412 otherwise.
    pub fn expected(&self, current: i32) -> Result<i32> {
        if self.matches(current) {
            Ok(current)
        } else {
            Err(stale())
        }
    }
}

/// 412: the item changed since it was read.
pub fn stale() -> Error {
    Error::new(
        ErrorCode::StaleVersion,
        "It was changed since you read it: read it again (its ETag) and reapply your change.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_matches_any_version() {
        assert!(Precondition::Any.matches(9));
        assert!(Precondition::Versions(vec![2]).matches(2));
        assert!(!Precondition::Versions(vec![2]).matches(3));
        assert_eq!(
            Precondition::Versions(vec![2]).expected(3).err().map(|e| e.code()),
            Some(ErrorCode::StaleVersion)
        );
    }
}
