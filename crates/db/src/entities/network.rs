use sea_orm::entity::prelude::*;

/// A city network the municipality belongs to.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "networks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name_fa: String,
    pub name_en: Option<String>,
    pub website: Option<String>,
    pub joined_on: Option<Date>,
    pub left_on: Option<Date>,
    pub role_fa: Option<String>,
    pub role_en: Option<String>,
    pub notes_fa: Option<String>,
    pub notes_en: Option<String>,
    /// `domain::text::fold` of both names.
    pub search_text: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
