use std::collections::BTreeMap;

use domain::review::Recommendation;
use sea_orm::entity::prelude::*;

use crate::stored::{Json, Named};

/// One reviewer's review of one idea: a draft until `submitted_at` is set.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reviews")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub assignment_id: Uuid,
    pub call_id: Uuid,
    pub idea_id: Uuid,
    pub reviewer_id: Uuid,
    /// Each criterion's key with its integer score (a JSON object).
    pub scores: Json<BTreeMap<String, i32>>,
    pub comment_to_staff: Option<String>,
    pub comment_to_submitter: Option<String>,
    pub recommendation: Option<Named<Recommendation>>,
    pub submitted_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::idea::Entity",
        from = "Column::IdeaId",
        to = "super::idea::Column::Id"
    )]
    Idea,
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::ReviewerId",
        to = "super::user::Column::Id"
    )]
    Reviewer,
}

impl ActiveModelBehavior for ActiveModel {}
