use domain::profile::OccupationCategory;
use sea_orm::entity::prelude::*;

use crate::stored::{Json, Named};

/// What a citizen tells about themselves; one row per account that filled it in. Its ties abroad are
/// rows of their own (`citizen_tie`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "citizen_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub occupation_category: Option<Named<OccupationCategory>>,
    /// ISO 639 language codes, as a JSON array.
    pub languages: Json<Vec<String>>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::citizen_tie::Entity")]
    Ties,
}

impl Related<super::citizen_tie::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Ties.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
