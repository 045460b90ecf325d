//! Turning deserialisation and validator errors into field errors with JSON pointers.

use serde_path_to_error::{Path, Segment};
use validator::{ValidationErrors, ValidationErrorsKind};

use crate::error::{ApiError, FieldError};

/// `display_name` → `displayName`: validator reports Rust field names, the wire speaks camelCase.
fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A JSON pointer's reference token (RFC 6901): `~` and `/` escaped.
pub fn pointer_token(segment: &str) -> String {
    app::error::pointer_token(segment)
}

fn pointer_of(path: &Path) -> String {
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(pointer_token(key)),
            Segment::Enum { variant } => Some(pointer_token(variant)),
            Segment::Unknown => None,
        })
        .map(|s| format!("/{s}"))
        .collect()
}

/// The name between the first pair of backticks in a serde message: "missing field `email`".
fn quoted_name(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let end = start + message[start..].find('`')?;
    Some(&message[start..end])
}

/// A data error found while deserialising (a syntax error is the caller's to handle).
pub fn deserialize_error(path: &Path, message: &str) -> ApiError {
    let mut pointer = pointer_of(path);
    let (code, message) = if message.starts_with("missing field") {
        if let Some(name) = quoted_name(message) {
            pointer.push_str(&format!("/{}", pointer_token(name)));
        }
        ("required", "this field is required".to_owned())
    } else if message.starts_with("unknown field") {
        // The path already ends at the unknown key.
        ("unknown_field", message.to_owned())
    } else if message.starts_with(crate::routes::day::INVALID_DATE) {
        ("invalid_date", message.to_owned())
    } else if message.starts_with(crate::routes::page::OUT_OF_RANGE) {
        ("range", message.to_owned())
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        ("invalid_type", message.to_owned())
    } else {
        ("invalid", message.to_owned())
    };
    let pointer = if pointer.is_empty() { "/".to_owned() } else { pointer };
    ApiError::field(&pointer, code, message)
}

/// All of validator's errors, flattened into pointers.
pub fn validation_errors(errors: &ValidationErrors) -> ApiError {
    let mut out = Vec::new();
    collect(errors, "", &mut out);
    out.sort_by(|a, b| a.pointer.cmp(&b.pointer));
    ApiError::validation(out)
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (field, kind) in errors.errors() {
        let pointer = format!("{prefix}/{}", camel_case(field));
        match kind {
            ValidationErrorsKind::Field(field_errors) => {
                for error in field_errors {
                    let message = error
                        .message
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| format!("fails the `{}` rule", error.code));
                    out.push(FieldError::new(pointer.clone(), error.code.to_string(), message));
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &pointer, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{pointer}/{index}"), out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_fields_become_camel_case() {
        assert_eq!(camel_case("display_name"), "displayName");
        assert_eq!(camel_case("email"), "email");
    }
}
