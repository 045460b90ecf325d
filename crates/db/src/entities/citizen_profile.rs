use sea_orm::entity::prelude::*;

/// What a citizen tells about themselves; one row per account that filled it in.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "citizen_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub occupation_category: Option<String>,
    /// JSON array of `domain::profile::Tie`.
    pub ties: String,
    /// JSON array of language codes.
    pub languages: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
