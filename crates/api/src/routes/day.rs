//! `Day`: a calendar day on the wire, `YYYY-MM-DD` strictly, in the years 1900 to 2200. Anything
//! else is refused with `invalid_date` at the field's pointer.

use chrono::{DateTime, NaiveDate, Utc};
use domain::call::Moment;
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::openapi::schema::{ObjectBuilder, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{KnownFormat, RefOr, Schema};

use crate::error::{ApiError, ApiResult};

/// The start of the message `extract::validation` turns into the code `invalid_date`.
pub const INVALID_DATE: &str = "invalid date";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Day(pub NaiveDate);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        domain::call::parse_day(&text).map(Day).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{INVALID_DATE} `{text}`: expected YYYY-MM-DD (such as 2020-05-27) in the years 1900 to 2200"
            ))
        })
    }
}

impl From<Day> for NaiveDate {
    fn from(day: Day) -> NaiveDate {
        day.0
    }
}

impl utoipa::PartialSchema for Day {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::String))
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .description(Some("A calendar day, YYYY-MM-DD, in the years 1900 to 2200."))
            .examples(["2020-05-27"])
            .into()
    }
}

impl utoipa::ToSchema for Day {}

/// The instant of a moment on the wire (RFC 3339, or a bare day read in the office's time zone), or 422
/// `invalid_date` at `pointer`; `end` reads a bare day as the end of that day.
pub fn instant(text: &str, zone: chrono_tz::Tz, end: bool, pointer: &str) -> ApiResult<DateTime<Utc>> {
    let moment = Moment::parse(text).map_err(|e| ApiError::field(pointer, "invalid_date", e.to_string()))?;
    Ok(if end { moment.end(zone) } else { moment.start(zone) })
}

/// An optional moment's instant.
pub fn instant_if(
    text: Option<String>,
    zone: chrono_tz::Tz,
    end: bool,
    pointer: &str,
) -> ApiResult<Option<DateTime<Utc>>> {
    text.map(|text| instant(&text, zone, end, pointer)).transpose()
}

/// The day of an optional `Day`.
pub fn day(day: Option<Day>) -> Option<NaiveDate> {
    day.map(|d| d.0)
}
