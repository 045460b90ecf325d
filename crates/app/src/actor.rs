//! Who acts: a signed-in account and its roles as they are now in the database.

use domain::roles::Roles;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Uuid,
    pub roles: Roles,
}

impl Actor {
    pub fn is_staff(&self) -> bool {
        self.roles.is_staff()
    }

    pub fn is_reviewer(&self) -> bool {
        self.roles.is_reviewer()
    }
}
