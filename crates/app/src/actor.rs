//! Who acts: a signed-in account and its roles as they are now in the database, and the address the
//! request came from (kept with the privileged actions it does).

use std::net::IpAddr;

use domain::roles::Roles;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Uuid,
    pub roles: Roles,
    pub address: Option<IpAddr>,
}

impl Actor {
    /// An actor whose address is not known (the command line, tests).
    pub fn new(user_id: Uuid, roles: Roles) -> Self {
        Actor {
            user_id,
            roles,
            address: None,
        }
    }

    pub fn is_staff(&self) -> bool {
        self.roles.is_staff()
    }

    pub fn is_reviewer(&self) -> bool {
        self.roles.is_reviewer()
    }

    pub fn is_admin(&self) -> bool {
        self.roles.is_admin()
    }
}
