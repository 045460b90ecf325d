//! The second factor: time-based one-time passwords (RFC 6238) as every phone authenticator makes them —
//! HMAC-SHA1, six digits, 30-second steps — and one-time recovery codes for a lost phone.
//!
//! A code is accepted one step either side of now (clocks drift), and never twice: the step of the last
//! accepted code is kept, and only a later step is accepted (RFC 6238, 5.2).

use chrono::{DateTime, TimeDelta, Utc};
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::roles::Roles;
use crate::text::fold;

/// The name the authenticator shows above the code.
pub const ISSUER: &str = "Citizen Diplomat";
pub const DIGITS: u8 = 6;
pub const PERIOD_SECONDS: u64 = 30;
/// 160 bits, as RFC 4226 recommends.
pub const SECRET_BYTES: usize = 20;
pub const RECOVERY_CODE_COUNT: usize = 10;
/// Characters of a recovery code: no 0/o, 1/l/i to misread.
pub const RECOVERY_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
pub const RECOVERY_CODE_LENGTH: usize = 10;
/// How long a sign-in waits for its code after the password was right.
pub const CHALLENGE_TTL: TimeDelta = TimeDelta::minutes(5);

/// Whether an account holding these roles must have a second factor when the office requires one:
/// staff and admins, who can change who represents the city.
pub fn required_for(roles: &Roles) -> bool {
    roles.is_staff()
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecondFactorError {
    #[error("the stored second-factor secret is unreadable")]
    UnreadableSecret,
    #[error("the second-factor secret is not valid: {0}")]
    InvalidSecret(String),
}

/// An account's TOTP key.
#[derive(Debug, Clone)]
pub struct TotpKey(Totp);

impl TotpKey {
    /// A key from fresh random bytes (at least 16), labelled with the account's e-mail address.
    pub fn new(secret: Vec<u8>, account: &str) -> Result<Self, SecondFactorError> {
        Builder::new()
            .with_algorithm(Algorithm::SHA1)
            .with_digits(DIGITS)
            .with_skew(1)
            .with_step_duration(PERIOD_SECONDS)
            .with_secret(Secret::from(secret))
            // The label's `issuer:account` form forbids a colon in either part.
            .with_account_name(account.replace(':', " "))
            .with_issuer(Some(ISSUER))
            .build()
            .map(TotpKey)
            .map_err(|err| SecondFactorError::InvalidSecret(err.to_string()))
    }

    /// The key stored as base32.
    pub fn from_base32(secret: &str, account: &str) -> Result<Self, SecondFactorError> {
        let secret = Secret::try_from_base32(secret).map_err(|_| SecondFactorError::UnreadableSecret)?;
        TotpKey::new(secret.as_ref().to_vec(), account)
    }

    /// The secret as base32, for storing and for typing into an authenticator by hand.
    pub fn base32(&self) -> String {
        self.0.secret().to_base32()
    }

    /// The `otpauth://totp/…` URI an authenticator reads from a QR code.
    pub fn otpauth_uri(&self) -> String {
        self.0.to_url().unwrap_or_default()
    }

    /// The code an authenticator shows at `at`.
    pub fn code_at(&self, at: DateTime<Utc>) -> String {
        self.0.generate(seconds(at)).to_string()
    }

    /// The time step of `code` when it is right at `now` (one step either side) and later than
    /// `last_accepted`, the step of the account's last accepted code; None otherwise.
    pub fn accepts(&self, code: &str, now: DateTime<Utc>, last_accepted: Option<i64>) -> Option<i64> {
        let step = i64::try_from(self.0.check(code, seconds(now))?).ok()?;
        last_accepted.is_none_or(|last| step > last).then_some(step)
    }
}

fn seconds(at: DateTime<Utc>) -> u64 {
    u64::try_from(at.timestamp()).unwrap_or(0)
}

/// What someone typed in the code field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    /// Six digits from the authenticator (Persian and Arabic-Indic digits read as Latin).
    Totp(String),
    /// A recovery code, as stored before hashing: lower case, without spaces or dashes.
    Recovery(String),
}

/// Reads a typed code, or None when it can be neither kind.
pub fn read_code(typed: &str) -> Option<Code> {
    let plain: String = fold(typed).chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    if plain.len() == usize::from(DIGITS) && plain.bytes().all(|b| b.is_ascii_digit()) {
        Some(Code::Totp(plain))
    } else if plain.len() == RECOVERY_CODE_LENGTH && plain.bytes().all(|b| RECOVERY_ALPHABET.contains(&b)) {
        Some(Code::Recovery(plain))
    } else {
        None
    }
}

/// How a recovery code is stored: the hex SHA-256 of its plain form (the codes are random, so a slow
/// hash would add nothing).
pub fn recovery_code_hash(plain: &str) -> String {
    Sha256::digest(plain.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The stored hash of a recovery code as shown (`abcd-efgh-jk`), or None if it is not one.
pub fn hash_of_shown(code: &str) -> Option<String> {
    match read_code(code)? {
        Code::Recovery(plain) => Some(recovery_code_hash(&plain)),
        Code::Totp(_) => None,
    }
}

/// A recovery code made from random bytes (one character per byte, the rest of the byte discarded by
/// rejection so every character is equally likely), shown as `abcd-efgh-jk`; None when the bytes ran out.
pub fn recovery_code(random: &mut impl Iterator<Item = u8>) -> Option<String> {
    // 31 characters: accept bytes below 248 (8 × 31) so `byte % 31` is uniform.
    let limit = (256 / RECOVERY_ALPHABET.len() * RECOVERY_ALPHABET.len()) as u16;
    let mut code = String::with_capacity(RECOVERY_CODE_LENGTH + 2);
    let mut taken = 0;
    while taken < RECOVERY_CODE_LENGTH {
        let byte = random.next()?;
        if u16::from(byte) >= limit {
            continue;
        }
        if taken == 4 || taken == 8 {
            code.push('-');
        }
        code.push(char::from(
            RECOVERY_ALPHABET[usize::from(byte) % RECOVERY_ALPHABET.len()],
        ));
        taken += 1;
    }
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::Role;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).unwrap_or_default()
    }

    /// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890", eight digits there, six here.
    fn rfc_key() -> TotpKey {
        TotpKey::new(b"12345678901234567890".to_vec(), "sara@example.org").expect("a key")
    }

    #[test]
    fn codes_match_the_rfc_test_vectors() {
        // The eight-digit vectors 94287082, 07081804, 14050471 and 89005924: their last six digits.
        assert_eq!(rfc_key().code_at(at(59)), "287082");
        assert_eq!(rfc_key().code_at(at(1_111_111_109)), "081804");
        assert_eq!(rfc_key().code_at(at(1_111_111_111)), "050471");
        assert_eq!(rfc_key().code_at(at(1_234_567_890)), "005924");
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_only_once() {
        let key = rfc_key();
        let now = at(1_234_567_890);
        let step = 1_234_567_890 / 30;
        let code = key.code_at(now);
        assert_eq!(key.accepts(&code, now, None), Some(step));
        assert_eq!(key.accepts(&code, now + TimeDelta::seconds(30), None), Some(step));
        assert_eq!(key.accepts(&code, now - TimeDelta::seconds(30), None), Some(step));
        assert_eq!(key.accepts(&code, now + TimeDelta::seconds(90), None), None);
        // Replayed: the same step was accepted already, or a later one.
        assert_eq!(key.accepts(&code, now, Some(step)), None);
        assert_eq!(key.accepts(&code, now, Some(step + 1)), None);
        assert_eq!(key.accepts(&code, now, Some(step - 1)), Some(step));
        assert_eq!(key.accepts("000000", now, None).filter(|_| code != "000000"), None);
    }

    #[test]
    fn the_uri_is_what_a_phone_authenticator_reads() {
        let uri = rfc_key().otpauth_uri();
        assert!(
            uri.starts_with("otpauth://totp/Citizen%20Diplomat:sara%40example.org?"),
            "{uri}"
        );
        assert!(uri.contains("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), "{uri}");
        assert!(uri.contains("issuer=Citizen%20Diplomat"), "{uri}");
        let stored = TotpKey::from_base32(&rfc_key().base32(), "sara@example.org").expect("read back");
        assert_eq!(stored.code_at(at(59)), "287082");
        assert!(TotpKey::from_base32("not base32!", "x").is_err());
        assert!(TotpKey::new(vec![1; 8], "x").is_err(), "too short a secret");
        assert!(TotpKey::new(vec![1; 20], "a:b@example.org").is_ok());
    }

    #[test]
    fn typed_codes_are_read_whatever_the_keyboard() {
        assert_eq!(read_code(" 123 456 "), Some(Code::Totp("123456".to_owned())));
        assert_eq!(read_code("۱۲۳۴۵۶"), Some(Code::Totp("123456".to_owned())));
        assert_eq!(read_code("K7M2-Q9XD-4H"), Some(Code::Recovery("k7m2q9xd4h".to_owned())));
        assert_eq!(read_code("12345"), None);
        assert_eq!(read_code("k7m2-q9xd-4l"), None, "l is not in the alphabet");
        assert_eq!(read_code(""), None);
    }

    #[test]
    fn recovery_codes_use_the_alphabet_and_reject_biased_bytes() {
        let mut bytes = [0u8, 250, 30, 31, 1, 2, 3, 4, 5, 6, 7].into_iter();
        // 0 → '2', 250 rejected, 30 → 'z', 31 → '2' (31 mod 31), then 1… → '3'…
        assert_eq!(recovery_code(&mut bytes).as_deref(), Some("2z23-4567-89"));
        assert_eq!(recovery_code(&mut [1u8; 3].into_iter()), None);
        let code = recovery_code(&mut (0u8..=255).cycle()).unwrap_or_default();
        assert_eq!(read_code(&code).map(|c| matches!(c, Code::Recovery(_))), Some(true));
        assert_eq!(hash_of_shown("K7M2-Q9XD-4H"), Some(recovery_code_hash("k7m2q9xd4h")));
        assert_eq!(hash_of_shown("123456"), None);
    }

    #[test]
    fn staff_and_admins_need_a_second_factor() {
        assert!(required_for(&Roles::new([Role::Staff])));
        assert!(required_for(&Roles::new([Role::Admin])));
        assert!(!required_for(&Roles::new([Role::Reviewer])));
        assert!(!required_for(&Roles::default()));
    }
}
