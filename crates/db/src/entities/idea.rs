use sea_orm::entity::prelude::*;

/// A citizen's idea in one call.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ideas")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub call_id: Uuid,
    pub submitter_id: Uuid,
    /// A `domain::idea::IdeaState` name.
    pub state: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub domain: String,
    pub target_city_id: Uuid,
    pub channel_kind: Option<String>,
    pub channel_description: String,
    pub channel_years: Option<i32>,
    /// JSON array of partners abroad.
    pub partners: String,
    pub expected_outcomes: String,
    pub submitter_category: Option<String>,
    /// `domain::text::fold` of the idea's texts, indexed for `?q=`.
    pub search_text: String,
    /// `domain::similarity::Fingerprint` bytes of `search_text`.
    pub fingerprint: Vec<u8>,
    pub best_match_id: Option<Uuid>,
    pub best_match_score: Option<f64>,
    pub version: i32,
    pub submitted_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::city::Entity",
        from = "Column::TargetCityId",
        to = "super::city::Column::Id"
    )]
    TargetCity,
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::SubmitterId",
        to = "super::user::Column::Id"
    )]
    Submitter,
    #[sea_orm(belongs_to = "Entity", from = "Column::BestMatchId", to = "Column::Id")]
    BestMatch,
}

impl ActiveModelBehavior for ActiveModel {}
