//! Pagination: `?limit=` (default 20, at most 100) and `?offset=`, answered as a `Page`. The two
//! parameters are types of their own, so that each list's query names them in one line and a value
//! out of range is refused with `range` at its pointer, as the contract says.

use serde::{Deserialize, Deserializer, Serialize};
use utoipa::openapi::schema::{ObjectBuilder, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{KnownFormat, RefOr, Schema};
use utoipa::{IntoParams, ToSchema};

pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 100;
/// Offsets are 32-bit signed integers on the wire, as the contract says.
pub const MAX_OFFSET: u32 = i32::MAX as u32;

/// The start of the message `extract::validation` turns into the code `range`.
pub const OUT_OF_RANGE: &str = "out of range";

/// The query of a list that takes nothing but the page.
#[derive(Debug, Deserialize, validator::Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Page<T: ToSchema> {
    pub items: Vec<T>,
    /// How many items match, over all pages.
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
}

impl<T: ToSchema> Page<T> {
    /// `items` out of `total`, at the limit and offset they were asked for with.
    pub fn new(items: Vec<T>, total: u64, (limit, offset): (u32, u32)) -> Self {
        Page {
            items,
            total,
            limit,
            offset,
        }
    }
}

/// A page size, 1 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit(u32);

/// How many items to skip, 0 to 2³¹ − 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offset(u32);

/// A whole number within `min..=max`, else an error whose message starts with `OUT_OF_RANGE`.
fn within<'de, D: Deserializer<'de>>(deserializer: D, min: u32, max: u32) -> Result<u32, D::Error> {
    let value = u32::deserialize(deserializer)?;
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(serde::de::Error::custom(format!(
            "{OUT_OF_RANGE}: {value} is not from {min} to {max}"
        )))
    }
}

fn integer_schema(description: &str, min: u32, max: u32) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::Type(Type::Integer))
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .minimum(Some(min))
        .maximum(Some(max))
        .description(Some(description))
        .into()
}

impl<'de> Deserialize<'de> for Limit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        within(deserializer, 1, MAX_LIMIT).map(Limit)
    }
}

impl<'de> Deserialize<'de> for Offset {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        within(deserializer, 0, MAX_OFFSET).map(Offset)
    }
}

impl utoipa::PartialSchema for Limit {
    fn schema() -> RefOr<Schema> {
        integer_schema("A page size, 1 to 100; default 20.", 1, MAX_LIMIT)
    }
}

impl utoipa::PartialSchema for Offset {
    fn schema() -> RefOr<Schema> {
        integer_schema("How many items to skip; default 0.", 0, MAX_OFFSET)
    }
}

impl ToSchema for Limit {}
impl ToSchema for Offset {}

/// The limit and offset to use, from the query's optional ones.
pub fn bounds(limit: Option<Limit>, offset: Option<Offset>) -> (u32, u32) {
    (limit.map_or(DEFAULT_LIMIT, |l| l.0), offset.map_or(0, |o| o.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    #[test]
    fn a_limit_is_from_1_to_100_and_an_offset_from_0_to_the_largest_i32() {
        assert_eq!(parse::<Limit>("1"), Ok(Limit(1)));
        assert_eq!(parse::<Limit>("100"), Ok(Limit(100)));
        assert!(parse::<Limit>("0").is_err_and(|e| e.starts_with(OUT_OF_RANGE)));
        assert!(parse::<Limit>("101").is_err_and(|e| e.starts_with(OUT_OF_RANGE)));
        assert_eq!(parse::<Offset>("0"), Ok(Offset(0)));
        assert_eq!(parse::<Offset>("2147483647"), Ok(Offset(MAX_OFFSET)));
        assert!(parse::<Offset>("2147483648").is_err_and(|e| e.starts_with(OUT_OF_RANGE)));
        assert!(parse::<Offset>("-1").is_err_and(|e| !e.starts_with(OUT_OF_RANGE)));
    }

    #[test]
    fn missing_bounds_are_the_first_page_of_twenty() {
        assert_eq!(bounds(None, None), (DEFAULT_LIMIT, 0));
        assert_eq!(bounds(Some(Limit(5)), Some(Offset(10))), (5, 10));
    }
}
