use domain::partnership::{FocalPoint, PartnershipKind, PartnershipState};
use sea_orm::entity::prelude::*;

use crate::stored::{Json, Named};

/// The city's formal tie to one foreign city (at most one per city).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partnerships")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub city_id: Uuid,
    pub kind: Named<PartnershipKind>,
    pub state: Named<PartnershipState>,
    pub signed_on: Option<Date>,
    pub next_review_on: Option<Date>,
    /// A JSON array of focal points; staff only.
    pub focal_points: Json<Vec<FocalPoint>>,
    pub notes_fa: Option<String>,
    pub notes_en: Option<String>,
    pub recorded_on: Date,
    pub version: i32,
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
}

impl ActiveModelBehavior for ActiveModel {}
