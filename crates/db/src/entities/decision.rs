use domain::review::DecisionOutcome;
use sea_orm::entity::prelude::*;

use crate::stored::Named;

/// Staff's decision on an idea, pending until the call's decisions are published.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "decisions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub idea_id: Uuid,
    pub call_id: Uuid,
    pub outcome: Named<DecisionOutcome>,
    pub note: Option<String>,
    pub decided_by: Option<Uuid>,
    pub decided_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::idea::Entity",
        from = "Column::IdeaId",
        to = "super::idea::Column::Id"
    )]
    Idea,
}

impl ActiveModelBehavior for ActiveModel {}
