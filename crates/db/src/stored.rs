//! Typed columns: a domain enum stored by its name (`Named<T>`) and a value stored as JSON text
//! (`Json<T>`). The store turns them into text and back, so no query, use case or handler parses a
//! stored string; a value the domain does not know is a decoding error of the store.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;
use std::sync::Arc;

use sea_orm::sea_query::{ArrayType, ColumnType, Nullable, StringLen, ValueType, ValueTypeErr};
use sea_orm::{ColIdx, DbErr, QueryResult, TryGetError, TryGetable, Value};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A domain enum (`wire_enum!`), stored as its snake_case name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Named<T>(pub T);

/// A list of domain enums stored as their names joined by commas (`a,b`; empty for none), the format the
/// first migrations chose; the order is kept as given.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Listed<T>(pub Vec<T>);

/// A value stored as JSON text (TEXT on both databases, so SQLite and PostgreSQL read it alike).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Json<T>(pub T);

impl<T> Deref for Named<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Deref for Listed<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T> From<Vec<T>> for Listed<T> {
    fn from(values: Vec<T>) -> Self {
        Listed(values)
    }
}

impl<T> From<T> for Named<T> {
    fn from(value: T) -> Self {
        Named(value)
    }
}

impl<T> From<T> for Json<T> {
    fn from(value: T) -> Self {
        Json(value)
    }
}

impl<T: PartialEq> PartialEq<T> for Named<T> {
    fn eq(&self, other: &T) -> bool {
        self.0 == *other
    }
}

impl<T: fmt::Display> fmt::Display for Named<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

fn decoding_error<E: std::error::Error + Send + Sync + 'static>(err: E, into: &'static str) -> TryGetError {
    TryGetError::DbErr(DbErr::TryIntoErr {
        from: "String",
        into,
        source: Arc::new(err),
    })
}

impl<T> From<Named<T>> for Value
where
    T: fmt::Display,
{
    fn from(value: Named<T>) -> Value {
        Value::String(Some(value.0.to_string()))
    }
}

impl<T> TryGetable for Named<T>
where
    T: FromStr,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    fn try_get_by<I: ColIdx>(res: &QueryResult, index: I) -> Result<Self, TryGetError> {
        let text = String::try_get_by(res, index)?;
        text.parse()
            .map(Named)
            .map_err(|err| decoding_error(err, std::any::type_name::<T>()))
    }
}

impl<T> ValueType for Named<T>
where
    T: FromStr,
{
    fn try_from(value: Value) -> Result<Self, ValueTypeErr> {
        let text = <String as ValueType>::try_from(value)?;
        text.parse().map(Named).map_err(|_| ValueTypeErr)
    }

    fn type_name() -> String {
        format!("Named<{}>", std::any::type_name::<T>())
    }

    fn array_type() -> ArrayType {
        ArrayType::String
    }

    fn column_type() -> ColumnType {
        ColumnType::String(StringLen::None)
    }
}

impl<T> Nullable for Named<T> {
    fn null() -> Value {
        Value::String(None)
    }
}

impl<T: fmt::Display> Listed<T> {
    fn to_text(&self) -> String {
        self.0.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(",")
    }
}

impl<T: FromStr> Listed<T> {
    fn from_text(text: &str) -> Result<Self, T::Err> {
        text.split(',')
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect::<Result<Vec<T>, _>>()
            .map(Listed)
    }
}

impl<T: fmt::Display> From<Listed<T>> for Value {
    fn from(value: Listed<T>) -> Value {
        Value::String(Some(value.to_text()))
    }
}

impl<T> TryGetable for Listed<T>
where
    T: FromStr,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    fn try_get_by<I: ColIdx>(res: &QueryResult, index: I) -> Result<Self, TryGetError> {
        let text = String::try_get_by(res, index)?;
        Listed::from_text(&text).map_err(|err| decoding_error(err, std::any::type_name::<T>()))
    }
}

impl<T: FromStr> ValueType for Listed<T> {
    fn try_from(value: Value) -> Result<Self, ValueTypeErr> {
        let text = <String as ValueType>::try_from(value)?;
        Listed::from_text(&text).map_err(|_| ValueTypeErr)
    }

    fn type_name() -> String {
        format!("Listed<{}>", std::any::type_name::<T>())
    }

    fn array_type() -> ArrayType {
        ArrayType::String
    }

    fn column_type() -> ColumnType {
        ColumnType::String(StringLen::None)
    }
}

impl<T> Nullable for Listed<T> {
    fn null() -> Value {
        Value::String(None)
    }
}

impl<T: Serialize> From<Json<T>> for Value {
    fn from(value: Json<T>) -> Value {
        // Serialising our own plain data types (structs of strings, numbers and enums) cannot fail.
        Value::String(Some(serde_json::to_string(&value.0).unwrap_or_default()))
    }
}

impl<T: DeserializeOwned> TryGetable for Json<T> {
    fn try_get_by<I: ColIdx>(res: &QueryResult, index: I) -> Result<Self, TryGetError> {
        let text = String::try_get_by(res, index)?;
        serde_json::from_str(&text)
            .map(Json)
            .map_err(|err| decoding_error(err, std::any::type_name::<T>()))
    }
}

impl<T: DeserializeOwned> ValueType for Json<T> {
    fn try_from(value: Value) -> Result<Self, ValueTypeErr> {
        let text = <String as ValueType>::try_from(value)?;
        serde_json::from_str(&text).map(Json).map_err(|_| ValueTypeErr)
    }

    fn type_name() -> String {
        format!("Json<{}>", std::any::type_name::<T>())
    }

    fn array_type() -> ArrayType {
        ArrayType::String
    }

    fn column_type() -> ColumnType {
        ColumnType::Text
    }
}

impl<T> Nullable for Json<T> {
    fn null() -> Value {
        Value::String(None)
    }
}

#[cfg(test)]
mod tests {
    use domain::idea::IdeaState;

    use super::*;

    #[test]
    fn a_named_value_is_stored_as_its_name_and_read_back() {
        let value: Value = Named(IdeaState::InReview).into();
        assert_eq!(value, Value::String(Some("in_review".to_owned())));
        assert_eq!(
            <Named<IdeaState> as ValueType>::try_from(value).ok(),
            Some(Named(IdeaState::InReview))
        );
        assert!(<Named<IdeaState> as ValueType>::try_from(Value::String(Some("lost".to_owned()))).is_err());
    }

    #[test]
    fn a_listed_value_is_stored_as_names_joined_by_commas() {
        use domain::idea::Domain;
        let value: Value = Listed(vec![Domain::Cultural, Domain::Economic]).into();
        assert_eq!(value, Value::String(Some("cultural,economic".to_owned())));
        assert_eq!(
            <Listed<Domain> as ValueType>::try_from(value).ok(),
            Some(Listed(vec![Domain::Cultural, Domain::Economic]))
        );
        let empty: Value = Listed::<Domain>(vec![]).into();
        assert_eq!(empty, Value::String(Some(String::new())));
        assert_eq!(
            <Listed<Domain> as ValueType>::try_from(empty).ok(),
            Some(Listed(vec![]))
        );
        assert!(<Listed<Domain> as ValueType>::try_from(Value::String(Some("cultural,lost".to_owned()))).is_err());
    }

    #[test]
    fn a_json_value_round_trips_as_text() {
        let value: Value = Json(vec!["a".to_owned(), "b".to_owned()]).into();
        assert_eq!(value, Value::String(Some(r#"["a","b"]"#.to_owned())));
        assert_eq!(
            <Json<Vec<String>> as ValueType>::try_from(value).ok(),
            Some(Json(vec!["a".to_owned(), "b".to_owned()]))
        );
    }
}
