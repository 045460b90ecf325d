//! Hand-written schemas for wire values whose rules a derive cannot state: a moment that is a
//! date-time or a bare date, and a country code.

use utoipa::openapi::schema::{AnyOfBuilder, ObjectBuilder, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{KnownFormat, RefOr, Schema};

/// An RFC 3339 date-time, or a date (YYYY-MM-DD) read as a day in the office's time zone.
pub fn moment() -> RefOr<Schema> {
    let of = |format| {
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::String))
            .format(Some(SchemaFormat::KnownFormat(format)))
    };
    AnyOfBuilder::new()
        .item(of(KnownFormat::DateTime))
        .item(of(KnownFormat::Date))
        .description(Some(
            "An RFC 3339 date-time, or a date (YYYY-MM-DD) meaning a day in the office's time zone.",
        ))
        .into()
}

/// An ISO 3166-1 alpha-2 country code; case does not matter on input, answers are upper case.
pub fn country() -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::Type(Type::String))
        .pattern(Some("^[A-Za-z]{2}$"))
        .description(Some(
            "An ISO 3166-1 alpha-2 country code of a real country (IT, MY…); unknown codes are refused.",
        ))
        .examples(["IT"])
        .into()
}
