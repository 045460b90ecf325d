use domain::rubric::Criterion;
use sea_orm::entity::prelude::*;

use crate::stored::Json;

/// A call's rubric.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rubrics")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub call_id: Uuid,
    /// The criteria in order, stored as a JSON array.
    pub criteria: Json<Vec<Criterion>>,
    /// Set by the first submitted review; cleared only by staff's recorded reopening.
    pub locked: bool,
    pub version: i32,
    pub updated_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
