use domain::partnership::PartnershipState;
use sea_orm::entity::prelude::*;

use crate::stored::Named;

/// One entry of a partnership's history: its state changed, when, by whom and why.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partnership_state_changes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub from_state: Option<Named<PartnershipState>>,
    pub to_state: Named<PartnershipState>,
    pub effective_on: Date,
    pub reason: Option<String>,
    pub actor_id: Option<Uuid>,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::ActorId",
        to = "super::user::Column::Id"
    )]
    Actor,
}

impl ActiveModelBehavior for ActiveModel {}
