//! The domain's account rules as validator functions, so they answer 422 with a field pointer.

use std::borrow::Cow;

use domain::account::{self, AccountRuleError};
use validator::ValidationError;

fn to_validation_error(err: AccountRuleError) -> ValidationError {
    ValidationError::new(err.code()).with_message(Cow::Owned(err.to_string()))
}

/// An e-mail address, as typed: surrounding spaces are forgiven (they are trimmed before storing).
pub fn email(email: &str) -> Result<(), ValidationError> {
    if validator::ValidateEmail::validate_email(&email.trim()) {
        Ok(())
    } else {
        Err(ValidationError::new("invalid_email").with_message(Cow::Borrowed("not a valid e-mail address")))
    }
}

/// A new password on its own: its length, and not a common one. The use case checks it again with the
/// account's words (`app::accounts::check_new_password`) once it knows whose it is.
pub fn password(password: &str) -> Result<(), ValidationError> {
    account::check_password(password, &[]).map_err(to_validation_error)
}

pub fn display_name(name: &str) -> Result<(), ValidationError> {
    account::normalize_display_name(name)
        .map(|_| ())
        .map_err(to_validation_error)
}

/// Text that must say something: not empty, not only spaces.
pub fn required_text(text: &str) -> Result<(), ValidationError> {
    if text.trim().is_empty() {
        Err(ValidationError::new("required").with_message(Cow::Borrowed("this field is required")))
    } else {
        Ok(())
    }
}

/// An ISO 3166-1 alpha-2 country code.
pub fn country(code: &str) -> Result<(), ValidationError> {
    match domain::country::parse(code) {
        Some(_) => Ok(()),
        None => Err(ValidationError::new("invalid_country").with_message(Cow::Borrowed(
            "not an ISO 3166-1 alpha-2 country code (such as IT or MY)",
        ))),
    }
}

/// A date-time (RFC 3339) or a date (YYYY-MM-DD) in the office's calendar.
pub fn moment(text: &str) -> Result<(), ValidationError> {
    domain::call::Moment::parse(text)
        .map(|_| ())
        .map_err(|e| ValidationError::new("invalid_date").with_message(Cow::Owned(e.to_string())))
}
