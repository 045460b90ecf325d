use domain::idea::{Domain, IdeaState, Partner};
use domain::profile::{OccupationCategory, TieKind};
use sea_orm::entity::prelude::*;

use crate::stored::{Json, Named};

/// A citizen's idea in one call.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ideas")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub call_id: Uuid,
    pub submitter_id: Uuid,
    pub state: Named<IdeaState>,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub domain: Named<Domain>,
    pub target_city_id: Uuid,
    pub channel_kind: Option<Named<TieKind>>,
    pub channel_description: String,
    pub channel_years: Option<i32>,
    /// The partners abroad, a JSON array.
    pub partners: Json<Vec<Partner>>,
    pub expected_outcomes: String,
    /// The submitter agrees that, once selected, the idea's proposal documents are public.
    pub files_public: bool,
    pub submitter_category: Option<Named<OccupationCategory>>,
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
    #[sea_orm(
        belongs_to = "super::call::Entity",
        from = "Column::CallId",
        to = "super::call::Column::Id"
    )]
    Call,
}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// What the submitter wrote, as the domain reads it.
    pub fn content(&self) -> domain::idea::Content {
        let channel = match (&self.channel_kind, self.channel_years) {
            (Some(kind), Some(years)) => Some(domain::idea::Channel {
                kind: **kind,
                description: self.channel_description.clone(),
                years,
            }),
            _ => None,
        };
        domain::idea::Content {
            title: self.title.clone(),
            summary: self.summary.clone(),
            body: self.body.clone(),
            domain: *self.domain,
            target_city_id: self.target_city_id,
            channel,
            partners: self.partners.0.clone(),
            expected_outcomes: self.expected_outcomes.clone(),
            files_public: self.files_public,
        }
    }
}
