use domain::review::ConflictSource;
use sea_orm::entity::prelude::*;

use crate::stored::Named;

/// A conflict of interest between a reviewer and an idea.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "conflicts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub reviewer_id: Uuid,
    pub idea_id: Uuid,
    pub call_id: Uuid,
    pub source: Named<ConflictSource>,
    pub reason: String,
    pub entered_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
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
