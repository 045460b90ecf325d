//! What the /me endpoints read and answer: the account and the citizen's profile.

use domain::account::Locale;
use domain::profile::{OccupationCategory, TieKind};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::routes::auth::dto::UserView;
use crate::routes::rules;

/// A tie to a city abroad, as you send it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TieRequest {
    /// The id of one of your ties, to keep it (and what is attached to it); leave it out for a new tie.
    pub id: Option<Uuid>,
    /// The city's name, as you write it.
    #[validate(custom(function = "rules::required_text"), length(max = 200, code = "too_long"))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S", example = "Saint Petersburg")]
    pub city: String,
    /// ISO 3166-1 alpha-2.
    #[validate(custom(function = "rules::country"))]
    #[schema(schema_with = crate::routes::schemas::country)]
    pub country: String,
    pub nature: TieKind,
    /// The year the tie began.
    #[validate(range(min = 1900, max = 2100))]
    #[schema(minimum = 1900, maximum = 2100, example = 2015)]
    pub since: i32,
}

/// A tie to a city abroad.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TieView {
    /// The tie's own id: send it back with the tie to keep it.
    pub id: Uuid,
    /// The city's name, as you wrote it.
    pub city: String,
    /// ISO 3166-1 alpha-2, upper-case.
    pub country: String,
    pub nature: TieKind,
    /// The year the tie began.
    pub since: i32,
}

fn language_codes(codes: &[String]) -> Result<(), ValidationError> {
    if codes.iter().all(|c| domain::profile::is_language_code(c)) {
        Ok(())
    } else {
        Err(ValidationError::new("invalid_language")
            .with_message("languages are ISO 639 codes of 2 or 3 lower-case letters, such as fa, en, ru".into()))
    }
}

/// What a citizen tells about themselves, for staff and for the call's statistics.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub occupation_category: Option<OccupationCategory>,
    pub ties: Vec<TieView>,
    /// ISO 639 language codes.
    pub languages: Vec<String>,
}

/// A change to your profile; leave out what stays. Lists replace the stored ones whole: a tie sent
/// with its id is kept, one without is new, one left out is removed.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProfileChangeRequest {
    /// null clears it.
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[schema(value_type = Option<OccupationCategory>)]
    pub occupation_category: Option<Option<OccupationCategory>>,
    /// Up to 20 ties.
    #[validate(length(max = 20, code = "too_many"), nested)]
    #[schema(max_items = 20)]
    pub ties: Option<Vec<TieRequest>>,
    /// Up to 20 ISO 639 codes.
    #[validate(length(max = 20, code = "too_many"), custom(function = "language_codes"))]
    #[schema(max_items = 20)]
    pub languages: Option<Vec<String>>,
}

/// Your account and your citizen profile.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeView {
    #[serde(flatten)]
    pub account: UserView,
    pub profile: ProfileView,
}

/// The fields of your account you may change; leave out what stays.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateMeRequest {
    #[validate(custom(function = "rules::display_name"))]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S", example = "سارا احمدی")]
    pub display_name: Option<String>,
    pub locale: Option<Locale>,
    #[validate(nested)]
    pub profile: Option<ProfileChangeRequest>,
}

impl From<app::profiles::ProfileRecord> for ProfileView {
    fn from(record: app::profiles::ProfileRecord) -> Self {
        ProfileView {
            occupation_category: record.occupation_category(),
            languages: record.languages().to_vec(),
            ties: record
                .ties
                .into_iter()
                .map(|t| TieView {
                    id: t.id,
                    city: t.city,
                    country: t.country,
                    nature: *t.nature,
                    since: t.since,
                })
                .collect(),
        }
    }
}

impl From<app::profiles::Me> for MeView {
    fn from(me: app::profiles::Me) -> Self {
        MeView {
            account: UserView::from(me.account),
            profile: ProfileView::from(me.profile),
        }
    }
}

impl UpdateMeRequest {
    /// The use case's input.
    pub fn into_change(self) -> app::profiles::MeChange {
        app::profiles::MeChange {
            display_name: self.display_name,
            locale: self.locale,
            profile: self.profile.map(|p| app::profiles::ProfileChange {
                occupation_category: p.occupation_category,
                languages: p.languages,
                ties: p.ties.map(|ties| {
                    ties.into_iter()
                        .map(|t| app::profiles::TieInput {
                            id: t.id,
                            city: t.city,
                            country: t.country,
                            nature: t.nature,
                            since: t.since,
                        })
                        .collect()
                }),
            }),
        }
    }
}
