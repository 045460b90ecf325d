//! Rules for accounts: how e-mail addresses compare, what makes a password acceptable, display names.

use zxcvbn::matching::patterns::MatchPattern;

use crate::roles::Roles;

crate::wire_enum! {
    /// The language an account prefers: Persian first, English second.
    #[derive(Default)]
    pub enum Locale ("locale") {
        #[default]
        Fa => "fa",
        En => "en",
    }
}

/// The shortest password we accept, counted in characters (not bytes), so Persian passwords are not favoured.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Long enough for any passphrase (ASVS asks for at least 64), short enough to keep checking and
/// hashing cheap. Existing longer passwords still sign in: only new passwords are checked.
pub const PASSWORD_MAX_CHARS: usize = 128;
pub const DISPLAY_NAME_MAX_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountRuleError {
    #[error("the password must have at least {PASSWORD_MIN_CHARS} characters")]
    PasswordTooShort,
    #[error("the password must have at most {PASSWORD_MAX_CHARS} characters")]
    PasswordTooLong,
    #[error("this password is among the most common ones, or follows a pattern guessed at once; choose another")]
    PasswordTooCommon,
    #[error("the password must not be built from your e-mail address or name")]
    PasswordContainsPersonalData,
    #[error("the display name must not be empty")]
    DisplayNameEmpty,
    #[error("the display name must have at most {DISPLAY_NAME_MAX_CHARS} characters")]
    DisplayNameTooLong,
}

impl AccountRuleError {
    /// The stable snake_case code a refused field answers with.
    pub fn code(&self) -> &'static str {
        match self {
            AccountRuleError::PasswordTooShort => "too_short",
            AccountRuleError::PasswordTooLong => "too_long",
            AccountRuleError::PasswordTooCommon => "too_common",
            AccountRuleError::PasswordContainsPersonalData => "contains_personal_data",
            AccountRuleError::DisplayNameEmpty => "required",
            AccountRuleError::DisplayNameTooLong => "too_long",
        }
    }
}

/// Whether an admin's change of an account would lock themselves out: taking their own admin role
/// away or deactivating themselves (another admin must do that, so the system never loses its last
/// way in by accident).
pub fn locks_out_self(
    acting_admin: uuid::Uuid,
    account: uuid::Uuid,
    roles: Option<&Roles>,
    active: Option<bool>,
) -> bool {
    let demotes = roles.is_some_and(|r| !r.is_admin());
    let deactivates = active == Some(false);
    acting_admin == account && (demotes || deactivates)
}

/// E-mail addresses are unique whatever their case: we store and compare them trimmed and lower-cased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A new password: 12 to 128 characters, not one of the most common breached passwords nor built on
/// one (zxcvbn's list of 30,000, with its l33t, reversed, keyboard and repetition variants), and not
/// built from `personal` — the account's e-mail address and name.
///
/// The judge is zxcvbn's estimate of the guesses an attacker needs: below 10^8 (its score 3) the
/// password is refused, as personal when a piece of it came from `personal`, else as common. No
/// composition rules (ASVS 6.2.5): a long passphrase of ordinary words passes.
pub fn check_password(password: &str, personal: &[&str]) -> Result<(), AccountRuleError> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(AccountRuleError::PasswordTooShort);
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(AccountRuleError::PasswordTooLong);
    }
    let words = personal_words(personal);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let estimate = zxcvbn::zxcvbn(password, &words);
    if estimate.score() >= zxcvbn::Score::Three {
        return Ok(());
    }
    let personal_piece = estimate
        .sequence()
        .iter()
        .any(|piece| matches!(&piece.pattern, MatchPattern::Dictionary(d) if words.contains(&d.matched_word.as_str())));
    Err(if personal_piece {
        AccountRuleError::PasswordContainsPersonalData
    } else {
        AccountRuleError::PasswordTooCommon
    })
}

/// The account's own words as someone guessing would try them: the whole address, its local part
/// with and without punctuation and each piece of it, the domain's name, the display name with and
/// without spaces and each of its words. Pieces shorter than three characters would match anything.
fn personal_words(personal: &[&str]) -> Vec<String> {
    let mut words = Vec::new();
    for text in personal {
        let text = text.trim().to_lowercase();
        let (local, domain) = text.split_once('@').unwrap_or((&text, ""));
        let split = |s: &str| -> Vec<String> { s.split(|c: char| !c.is_alphanumeric()).map(str::to_owned).collect() };
        words.push(text.clone());
        words.push(local.to_owned());
        words.push(local.chars().filter(|c| c.is_alphanumeric()).collect());
        words.extend(split(local));
        words.extend(domain.split('.').next().map(str::to_owned));
    }
    words.retain(|w| w.chars().count() >= 3);
    words.sort();
    words.dedup();
    words
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

    use crate::roles::Role;

    #[test]
    fn an_admin_cannot_demote_or_deactivate_themselves() {
        let me = uuid::Uuid::now_v7();
        let other = uuid::Uuid::now_v7();
        let staff = Roles::new([Role::Staff]);
        let admin = Roles::new([Role::Admin, Role::Reviewer]);
        assert!(locks_out_self(me, me, Some(&staff), None));
        assert!(locks_out_self(me, me, None, Some(false)));
        assert!(!locks_out_self(me, me, Some(&admin), Some(true)));
        assert!(!locks_out_self(me, other, Some(&staff), Some(false)));
    }

    #[test]
    fn locales_are_stored_by_name_and_default_to_persian() {
        assert_eq!(Locale::default(), Locale::Fa);
        assert_eq!("en".parse::<Locale>(), Ok(Locale::En));
        assert!("de".parse::<Locale>().is_err());
    }

    #[test]
    fn emails_compare_case_insensitively() {
        assert_eq!(normalize_email("  Sara.Ahmadi@Example.IR "), "sara.ahmadi@example.ir");
    }

    #[test]
    fn password_length_counts_characters_not_bytes() {
        // Eleven Persian letters are 22 bytes, still too short.
        assert_eq!(
            check_password("رمزعبورمنهس", &[]),
            Err(AccountRuleError::PasswordTooShort)
        );
        assert_eq!(check_password("رمزعبورمنه۱۲", &[]), Ok(()));
        assert_eq!(
            check_password("a7#kq2!mz9w", &[]),
            Err(AccountRuleError::PasswordTooShort)
        );
        assert_eq!(check_password("a7#kq2!mz9wx", &[]), Ok(()));
        let longest: String = "a7#kq2!mz9wx".chars().cycle().take(PASSWORD_MAX_CHARS).collect();
        assert_eq!(check_password(&longest, &[]), Ok(()));
        assert_eq!(
            check_password(&format!("{longest}x"), &[]),
            Err(AccountRuleError::PasswordTooLong)
        );
    }

    #[test]
    fn common_breached_passwords_and_their_patterns_are_refused() {
        for common in [
            "password1234",
            "Password123!",
            "1q2w3e4r5t6y",
            "qwertyuiop12",
            "qwertyuiopasdfgh",
            "iloveyou1234",
            "football1234",
            "123456789012",
            "aaaaaaaaaaaa",
            "abcdefghijkl",
            "letmeinletmein",
            "drowssap1234",
            "p@ssw0rd1234",
        ] {
            assert_eq!(
                check_password(common, &[]),
                Err(AccountRuleError::PasswordTooCommon),
                "{common}"
            );
        }
    }

    #[test]
    fn passphrases_and_persian_passwords_pass() {
        for good in [
            "correct horse battery",
            "a long passphrase",
            "demo-password-1405",
            "sara-loves-isfahan-1405",
            "رمزعبورمنه۱۲",
            "گذرواژهٔ بلند من",
        ] {
            assert_eq!(
                check_password(good, &["sara.ahmadi@example.org", "سارا احمدی"]),
                Ok(()),
                "{good}"
            );
        }
    }

    #[test]
    fn passwords_built_from_the_accounts_address_or_name_are_refused() {
        let account = ["Sara.Ahmadi@Example.org", "سارا احمدی"];
        for personal in [
            "sara.ahmadi@example.org",
            "sara.ahmadi1405",
            "saraahmadi12!",
            "ahmadi123456",
            "سارا احمدی ۱۴۰۵",
            "سارااحمدی۱۲۳",
        ] {
            assert_eq!(
                check_password(personal, &account),
                Err(AccountRuleError::PasswordContainsPersonalData),
                "{personal}"
            );
        }
        // Without the account's words the same passwords are judged on their own.
        assert_eq!(check_password("saraahmadi12!", &[]), Ok(()));
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
