use domain::activity::{ActivityDirection, ActivityKind, ActivityStatus};
use sea_orm::entity::prelude::*;

use crate::stored::Named;

/// Something done with a foreign city, formal partner or not.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub city_id: Uuid,
    pub occurred_on: Date,
    pub kind: Named<ActivityKind>,
    pub direction: Named<ActivityDirection>,
    pub status: Named<ActivityStatus>,
    pub title_fa: String,
    pub title_en: Option<String>,
    pub description_fa: String,
    pub description_en: Option<String>,
    pub outcomes_fa: Option<String>,
    pub outcomes_en: Option<String>,
    pub idea_id: Option<Uuid>,
    /// `domain::text::fold` of the titles, descriptions and outcomes.
    pub search_text: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::city::Entity",
        from = "Column::CityId",
        to = "super::city::Column::Id"
    )]
    City,
    #[sea_orm(
        belongs_to = "super::idea::Entity",
        from = "Column::IdeaId",
        to = "super::idea::Column::Id"
    )]
    Idea,
}

impl ActiveModelBehavior for ActiveModel {}
