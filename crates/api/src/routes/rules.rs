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

pub fn password(password: &str) -> Result<(), ValidationError> {
    account::check_password(password).map_err(to_validation_error)
}

pub fn display_name(name: &str) -> Result<(), ValidationError> {
    account::normalize_display_name(name).map(|_| ()).map_err(to_validation_error)
}
