use domain::idea::Domain;
use domain::reviewer::Organisation;
use sea_orm::entity::prelude::*;

use crate::stored::{Listed, Named};

/// A jury member's profile: the account holds the reviewer role, this row the rest.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reviewers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub organisation: Named<Organisation>,
    /// The domains they know well, sorted, each once.
    pub expertise: Listed<Domain>,
    /// The most ideas they may be given in one call.
    pub max_load: i32,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::UserId",
        to = "super::user::Column::Id"
    )]
    User,
}

impl ActiveModelBehavior for ActiveModel {}
