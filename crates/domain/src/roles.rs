//! Roles an account may hold beside the citizen role every account has.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A role beyond "citizen". Admin includes everything staff may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Reviewer,
    Staff,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Reviewer, Role::Staff, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reviewer => "reviewer",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role `{0}`; expected one of reviewer, staff, admin")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

/// The set of roles of one account: sorted, without duplicates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roles(Vec<Role>);

impl Roles {
    pub fn new(roles: impl IntoIterator<Item = Role>) -> Self {
        let mut roles: Vec<Role> = roles.into_iter().collect();
        roles.sort();
        roles.dedup();
        Roles(roles)
    }

    pub fn has(&self, role: Role) -> bool {
        self.0.contains(&role)
    }

    pub fn is_admin(&self) -> bool {
        self.has(Role::Admin)
    }

    /// Staff work is open to staff and to admins, whose role includes staff's.
    pub fn is_staff(&self) -> bool {
        self.has(Role::Staff) || self.is_admin()
    }

    pub fn is_reviewer(&self) -> bool {
        self.has(Role::Reviewer)
    }

    /// True when every role held here was held in `granted` too: what a credential issued for
    /// `granted` may still open. Admin counts as including staff, never the other way round.
    pub fn within(&self, granted: &Roles) -> bool {
        self.0.iter().all(|role| match role {
            Role::Staff => granted.is_staff(),
            other => granted.has(*other),
        })
    }

    pub fn as_slice(&self) -> &[Role] {
        &self.0
    }

    /// The stored form: role names joined by commas, e.g. `reviewer,staff`.
    pub fn to_stored(&self) -> String {
        self.0.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")
    }

    pub fn from_stored(stored: &str) -> Result<Self, UnknownRole> {
        stored
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Role::from_str)
            .collect::<Result<Vec<_>, _>>()
            .map(Roles::new)
    }
}

/// The stored form (role names joined by commas): how the store reads and writes a set of roles.
impl FromStr for Roles {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Roles::from_stored(s)
    }
}

impl fmt::Display for Roles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_stored())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn roles_are_within_those_granted_only_when_no_role_was_added() {
        use super::{Role, Roles};
        let reviewer = Roles::new([Role::Reviewer]);
        let staff = Roles::new([Role::Staff]);
        let admin = Roles::new([Role::Admin]);
        assert!(Roles::default().within(&reviewer));
        assert!(reviewer.within(&reviewer));
        assert!(!staff.within(&reviewer));
        assert!(!admin.within(&staff));
        assert!(staff.within(&admin), "admin includes staff");
        assert!(!Roles::new([Role::Reviewer, Role::Staff]).within(&staff));
        assert!(!reviewer.within(&Roles::default()));
    }

    use super::*;

    #[test]
    fn admin_includes_staff() {
        let roles = Roles::new([Role::Admin]);
        assert!(roles.is_staff());
        assert!(roles.is_admin());
        assert!(!roles.is_reviewer());
    }

    #[test]
    fn a_citizen_has_no_extra_role() {
        let roles = Roles::default();
        assert!(!roles.is_staff());
        assert_eq!(roles.to_stored(), "");
        assert_eq!(Roles::from_stored("").unwrap_or_default(), roles);
    }

    #[test]
    fn stored_form_round_trips_sorted_and_deduplicated() {
        let roles = Roles::new([Role::Staff, Role::Reviewer, Role::Staff]);
        assert_eq!(roles.to_stored(), "reviewer,staff");
        assert_eq!(Roles::from_stored("reviewer,staff"), Ok(roles));
    }

    #[test]
    fn unknown_role_is_an_error() {
        assert_eq!(Roles::from_stored("staff,king"), Err(UnknownRole("king".into())));
    }
}
