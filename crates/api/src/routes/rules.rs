//! The domain's account rules as validator functions, so they answer 422 with a field pointer.

use std::borrow::Cow;

use domain::account::{self, AccountRuleError};
use validator::ValidationError;

use crate::error::ApiError;

fn to_validation_error(err: AccountRuleError) -> ValidationError {
    let code = match err {
        AccountRuleError::PasswordTooShort => "too_short",
        AccountRuleError::PasswordTooLong => "too_long",
        AccountRuleError::PasswordTooCommon => "too_common",
        AccountRuleError::PasswordContainsPersonalData => "contains_personal_data",
        AccountRuleError::DisplayNameEmpty => "required",
        AccountRuleError::DisplayNameTooLong => "too_long",
    };
    ValidationError::new(code).with_message(Cow::Owned(err.to_string()))
}

/// An e-mail address, as typed: surrounding spaces are forgiven (they are trimmed before storing).
pub fn email(email: &str) -> Result<(), ValidationError> {
    if validator::ValidateEmail::validate_email(&email.trim()) {
        Ok(())
    } else {
        Err(ValidationError::new("invalid_email").with_message(Cow::Borrowed("not a valid e-mail address")))
    }
}

/// A new password on its own: its length, and not a common one. Handlers check it again with the
/// account's words (`new_password`) once they know whose it is.
pub fn password(password: &str) -> Result<(), ValidationError> {
    account::check_password(password, &[]).map_err(to_validation_error)
}

/// A new password for the account with this e-mail address and name: also not built from them.
/// Answers 422 at `pointer`.
pub fn new_password(pointer: &str, password: &str, email: &str, display_name: &str) -> Result<(), ApiError> {
    account::check_password(password, &[email, display_name]).map_err(|err| {
        let error = to_validation_error(err);
        let message = error.message.as_deref().unwrap_or_default().to_owned();
        ApiError::field(pointer, &error.code, message)
    })
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
