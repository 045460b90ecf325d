//! `Sort<F>`: a list's order on the wire, a field's name with `-` in front for descending, read into
//! the store's sort field and direction. Each list names its fields once (`SortField`); the contract
//! lists every value, ascending then descending, field by field.

use app::Order;
use serde::{Deserialize, Deserializer};
use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{RefOr, Schema};

/// The fields a list sorts by, with their names on the wire.
pub trait SortField: Copy + 'static {
    const NAMES: &'static [(&'static str, Self)];
    /// What the order is, for the contract.
    const DESCRIPTION: &'static str;
}

/// A field and a direction.
#[derive(Debug, Clone, PartialEq)]
pub struct Sort<F>(pub F, pub Order);

impl<F> Sort<F> {
    pub fn key(self) -> (F, Order) {
        (self.0, self.1)
    }
}

/// Every value, `name` then `-name`, in the order of the fields.
fn values<F: SortField>() -> Vec<String> {
    F::NAMES
        .iter()
        .flat_map(|(name, _)| [(*name).to_owned(), format!("-{name}")])
        .collect()
}

impl<'de, F: SortField> Deserialize<'de> for Sort<F> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let (name, order) = match text.strip_prefix('-') {
            Some(name) => (name, Order::Desc),
            None => (text.as_str(), Order::Asc),
        };
        match F::NAMES.iter().find(|(known, _)| *known == name) {
            Some((_, field)) => Ok(Sort(*field, order)),
            None => {
                let expected = values::<F>().iter().map(|v| format!("`{v}`")).collect::<Vec<_>>();
                Err(serde::de::Error::custom(format!(
                    "unknown variant `{text}`, expected one of {}",
                    expected.join(", ")
                )))
            }
        }
    }
}

impl<F: SortField> utoipa::PartialSchema for Sort<F> {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::String))
            .description(Some(F::DESCRIPTION))
            .enum_values(Some(values::<F>()))
            .into()
    }
}

impl<F: SortField> utoipa::ToSchema for Sort<F> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Field {
        Name,
        JoinedOn,
    }

    impl SortField for Field {
        const NAMES: &'static [(&'static str, Self)] = &[("name", Field::Name), ("joinedOn", Field::JoinedOn)];
        const DESCRIPTION: &'static str = "The order.";
    }

    fn parse(text: &str) -> Result<Sort<Field>, String> {
        serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| e.to_string())
    }

    #[test]
    fn a_name_sorts_ascending_and_a_dash_in_front_descending() {
        assert_eq!(parse("name"), Ok(Sort(Field::Name, Order::Asc)));
        assert_eq!(parse("-joinedOn"), Ok(Sort(Field::JoinedOn, Order::Desc)));
        assert_eq!(values::<Field>(), ["name", "-name", "joinedOn", "-joinedOn"]);
    }

    #[test]
    fn anything_else_is_refused_naming_what_is_expected() {
        for text in ["Name", "--name", "-", "", "password"] {
            let error = parse(text).expect_err(text);
            assert!(error.starts_with("unknown variant"), "{error}");
            assert!(error.contains("`-joinedOn`"), "{error}");
        }
    }
}
