//! The domain's account rules as validator functions, so they answer 422 with a field pointer.

use std::borrow::Cow;

use domain::account::{self, AccountRuleError};
use validator::ValidationError;

fn to_validation_error(err: AccountRuleError) -> ValidationError {
    let code = match err {
        AccountRuleError::PasswordTooShort => "too_short",
        AccountRuleError::PasswordTooLong => "too_long",
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

pub fn password(password: &str) -> Result<(), ValidationError> {
    account::check_password(password).map_err(to_validation_error)
}

pub fn display_name(name: &str) -> Result<(), ValidationError> {
    account::normalize_display_name(name)
        .map(|_| ())
        .map_err(to_validation_error)
}
