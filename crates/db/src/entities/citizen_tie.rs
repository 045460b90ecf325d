use domain::profile::TieKind;
use sea_orm::entity::prelude::*;

use crate::stored::Named;

/// A citizen's tie to a city abroad, with an id of its own (evidence will be attached to it).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "citizen_ties")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// Where the tie stands in the citizen's list, from 0.
    pub position: i32,
    pub city: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub nature: Named<TieKind>,
    pub since: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::citizen_profile::Entity",
        from = "Column::UserId",
        to = "super::citizen_profile::Column::UserId",
        on_delete = "Cascade"
    )]
    Profile,
}

impl Related<super::citizen_profile::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Profile.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
