use sea_orm::entity::prelude::*;

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
    /// A JSON object of criterion key to integer score.
    pub scores: String,
    pub comment_to_staff: Option<String>,
    pub comment_to_submitter: Option<String>,
    pub recommendation: Option<String>,
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
