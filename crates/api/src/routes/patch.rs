//! Partial updates: a field left out stays as it is, a field sent as null is cleared.

use serde::Deserialize;

/// For `#[serde(default, deserialize_with = "present")]` on an `Option<Option<T>>`: left out is
/// `None`, null is `Some(None)`, a value is `Some(Some(value))`.
pub fn present<'de, T: Deserialize<'de>, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}

/// For `#[serde(default, deserialize_with = "not_null")]` on an `Option<T>`: a field that may be left out
/// but, when sent, may not be null.
pub fn not_null<'de, T: Deserialize<'de>, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}
