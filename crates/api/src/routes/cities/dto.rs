//! What the city endpoints read and answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::routes::page::{Limit, Offset};
use crate::routes::rules;
use crate::routes::text::ShortText;

/// A point on the map, in degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Coordinates {
    /// -90 to 90.
    #[validate(range(min = -90.0, max = 90.0, code = "out_of_range"))]
    #[schema(minimum = -90.0, maximum = 90.0, example = 43.7696)]
    pub latitude: f64,
    /// -180 to 180.
    #[validate(range(min = -180.0, max = 180.0, code = "out_of_range"))]
    #[schema(minimum = -180.0, maximum = 180.0, example = 11.2558)]
    pub longitude: f64,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateCityRequest {
    /// The city's name in Persian (required) and English.
    #[validate(nested)]
    pub name: ShortText,
    /// ISO 3166-1 alpha-2 country code.
    #[validate(custom(function = "rules::country"))]
    #[schema(schema_with = crate::routes::schemas::country)]
    pub country: String,
    #[validate(nested)]
    pub coordinates: Option<Coordinates>,
}

/// What staff may change of a city; leave out what stays.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateCityRequest {
    #[validate(nested)]
    pub name: Option<ShortText>,
    #[validate(custom(function = "rules::country"))]
    #[schema(schema_with = crate::routes::schemas::country)]
    pub country: Option<String>,
    #[validate(nested)]
    pub coordinates: Option<Coordinates>,
    /// Staff have checked the entry.
    pub verified: Option<bool>,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListCitiesQuery {
    /// Text search in both names; Persian and Arabic letter forms and digits match alike.
    #[validate(length(max = 200))]
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only cities of this country (ISO 3166-1 alpha-2).
    #[validate(custom(function = "rules::country"))]
    #[param(schema_with = crate::routes::schemas::country)]
    pub country: Option<String>,
    /// Only verified (true) or unverified (false) entries.
    pub verified: Option<bool>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// A city abroad.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CityView {
    pub id: Uuid,
    pub name: ShortText,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub coordinates: Option<Coordinates>,
    /// Whether staff have checked the entry; cities added by citizens start unverified.
    pub verified: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<app::cities::City> for CityView {
    fn from(city: app::cities::City) -> Self {
        let coordinates = match (city.latitude, city.longitude) {
            (Some(latitude), Some(longitude)) => Some(Coordinates { latitude, longitude }),
            _ => None,
        };
        CityView {
            id: city.id,
            name: ShortText::from_parts(city.name_fa, city.name_en),
            country: city.country,
            coordinates,
            verified: city.verified,
            created_at: city.created_at,
            updated_at: city.updated_at,
        }
    }
}

/// A city as other resources name it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CityRef {
    pub id: Uuid,
    pub name: ShortText,
    pub country: String,
    pub verified: bool,
}

impl CityRef {
    /// From the city columns a list reads beside its rows.
    pub fn new(id: Uuid, name_fa: String, name_en: Option<String>, country: String, verified: bool) -> Self {
        CityRef {
            id,
            name: ShortText::from_parts(name_fa, name_en),
            country,
            verified,
        }
    }
}

/// The country code in canonical form (validated beforehand).
pub fn canonical_country(code: &str) -> String {
    domain::country::parse(code).map_or_else(|| code.to_uppercase(), str::to_owned)
}
