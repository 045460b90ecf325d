//! What the /me endpoints read and answer: the account and the citizen's profile.

use domain::account::Locale;
use domain::profile::{OccupationCategory, Tie, TieKind};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

use crate::error::{ApiError, ApiResult};
use crate::routes::auth::dto::UserView;
use crate::routes::rules;

/// A tie to a city abroad.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TieView {
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

/// A change to your profile; leave out what stays. Lists replace the stored ones whole.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProfileChange {
    /// null clears it.
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[schema(value_type = Option<OccupationCategory>)]
    pub occupation_category: Option<Option<OccupationCategory>>,
    /// Up to 20 ties.
    #[validate(length(max = 20, code = "too_many"), nested)]
    #[schema(max_items = 20)]
    pub ties: Option<Vec<TieView>>,
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
    pub profile: Option<ProfileChange>,
}

impl ProfileView {
    pub fn from_model(profile: Option<db::profiles::Model>) -> ApiResult<Self> {
        let Some(profile) = profile else {
            return Ok(ProfileView::default());
        };
        let ties: Vec<Tie> = serde_json::from_str(&profile.ties).map_err(ApiError::internal)?;
        Ok(ProfileView {
            occupation_category: profile
                .occupation_category
                .as_deref()
                .map(str::parse)
                .transpose()
                .map_err(ApiError::internal)?,
            ties: ties
                .into_iter()
                .map(|t| TieView {
                    city: t.city,
                    country: t.country,
                    nature: t.nature,
                    since: t.since,
                })
                .collect(),
            languages: serde_json::from_str(&profile.languages).map_err(ApiError::internal)?,
        })
    }

    pub fn changed(self, change: ProfileChange) -> Self {
        ProfileView {
            occupation_category: change.occupation_category.unwrap_or(self.occupation_category),
            ties: change.ties.unwrap_or(self.ties),
            languages: change.languages.unwrap_or(self.languages),
        }
    }

    /// The stored form: (occupation, ties JSON, languages JSON).
    pub fn to_stored(&self) -> ApiResult<(Option<String>, String, String)> {
        let ties: Vec<Tie> = self
            .ties
            .iter()
            .map(|t| Tie {
                city: t.city.trim().to_owned(),
                country: crate::routes::cities::dto::canonical_country(&t.country),
                nature: t.nature,
                since: t.since,
            })
            .collect();
        let mut languages: Vec<String> = Vec::with_capacity(self.languages.len());
        for language in &self.languages {
            if !languages.contains(language) {
                languages.push(language.clone());
            }
        }
        Ok((
            self.occupation_category.map(|c| c.as_str().to_owned()),
            serde_json::to_string(&ties).map_err(ApiError::internal)?,
            serde_json::to_string(&languages).map_err(ApiError::internal)?,
        ))
    }
}
