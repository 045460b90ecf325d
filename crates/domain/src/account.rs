//! Rules for accounts: how e-mail addresses compare, what makes a password acceptable, display names.

use serde::{Deserialize, Serialize};

/// The language an account prefers: Persian first, English second.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    #[default]
    Fa,
    En,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Fa => "fa",
            Locale::En => "en",
        }
    }

    /// The stored form back; anything unknown falls back to Persian, the default.
    pub fn from_stored(stored: &str) -> Locale {
        match stored {
            "en" => Locale::En,
            _ => Locale::Fa,
        }
    }
}

/// The shortest password we accept, counted in characters (not bytes), so Persian passwords are not favoured.
pub const PASSWORD_MIN_CHARS: usize = 10;
/// A ceiling that keeps hashing cost bounded.
pub const PASSWORD_MAX_CHARS: usize = 1024;
pub const DISPLAY_NAME_MAX_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountRuleError {
    #[error("the password must have at least {PASSWORD_MIN_CHARS} characters")]
    PasswordTooShort,
    #[error("the password must have at most {PASSWORD_MAX_CHARS} characters")]
    PasswordTooLong,
    #[error("the display name must not be empty")]
    DisplayNameEmpty,
    #[error("the display name must have at most {DISPLAY_NAME_MAX_CHARS} characters")]
    DisplayNameTooLong,
}

/// E-mail addresses are unique whatever their case: we store and compare them trimmed and lower-cased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub fn check_password(password: &str) -> Result<(), AccountRuleError> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        Err(AccountRuleError::PasswordTooShort)
    } else if chars > PASSWORD_MAX_CHARS {
        Err(AccountRuleError::PasswordTooLong)
    } else {
        Ok(())
    }
}

/// A display name is trimmed; it must keep at least one character.
pub fn normalize_display_name(name: &str) -> Result<String, AccountRuleError> {
    let name = name.trim();
    if name.is_empty() {
        Err(AccountRuleError::DisplayNameEmpty)
    } else if name.chars().count() > DISPLAY_NAME_MAX_CHARS {
        Err(AccountRuleError::DisplayNameTooLong)
    } else {
        Ok(name.to_owned())
    }
}

/// Without a display name an account is shown by the part of its e-mail before the `@`.
pub fn default_display_name(email: &str) -> String {
    let local = email.split('@').next().unwrap_or(email);
    local.chars().take(DISPLAY_NAME_MAX_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_compare_case_insensitively() {
        assert_eq!(normalize_email("  Sara.Ahmadi@Example.IR "), "sara.ahmadi@example.ir");
    }

    #[test]
    fn password_length_counts_characters_not_bytes() {
        // Nine Persian letters are 18 bytes, still too short.
        assert_eq!(check_password("رمزعبورمن"), Err(AccountRuleError::PasswordTooShort));
        assert_eq!(check_password("رمزعبورمنه"), Ok(()));
        assert_eq!(check_password("123456789"), Err(AccountRuleError::PasswordTooShort));
        assert_eq!(check_password("1234567890"), Ok(()));
        assert_eq!(
            check_password(&"x".repeat(PASSWORD_MAX_CHARS + 1)),
            Err(AccountRuleError::PasswordTooLong)
        );
    }

    #[test]
    fn display_names_are_trimmed_and_bounded() {
        assert_eq!(normalize_display_name("  مریم  "), Ok("مریم".to_owned()));
        assert_eq!(normalize_display_name("   "), Err(AccountRuleError::DisplayNameEmpty));
        assert_eq!(
            normalize_display_name(&"م".repeat(DISPLAY_NAME_MAX_CHARS + 1)),
            Err(AccountRuleError::DisplayNameTooLong)
        );
        assert_eq!(default_display_name("reza@example.ir"), "reza");
    }
}
