use domain::idea::Domain;
use sea_orm::entity::prelude::*;

use crate::stored::Listed;

/// A call for ideas (فراخوان) with its window and review settings.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calls")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub title_fa: String,
    pub title_en: Option<String>,
    pub description_fa: String,
    pub description_en: Option<String>,
    pub opens_at: DateTimeUtc,
    pub closes_at: DateTimeUtc,
    pub review_opens_at: DateTimeUtc,
    pub review_closes_at: DateTimeUtc,
    /// The domains ideas may belong to, stored comma-separated.
    pub domains: Listed<Domain>,
    pub ideas_per_citizen: i32,
    pub blind_review: bool,
    pub reviewers_per_idea: i32,
    pub decisions_published_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
