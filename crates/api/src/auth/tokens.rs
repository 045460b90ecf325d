//! Access tokens are short-lived HS256 JWTs naming the account and its session. Refresh and
//! set-password tokens are 256-bit random strings, stored only as SHA-256 hashes.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use domain::roles::Roles;
use domain::session::ACCESS_TOKEN_TTL;

use crate::error::{ApiError, ErrorCode};

pub const ISSUER: &str = "citizen-diplomat";

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: Uuid,
    /// The session (the refresh-token chain) this token belongs to; ending it ends the token too.
    pub sid: Uuid,
    pub roles: Vec<String>,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
}

/// The server's signing secret, in the forms it is used.
pub struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    secret: Vec<u8>,
}

impl Keys {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "sub", "iss", "iat"]);
        validation.leeway = 5;
        Keys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            secret: secret.to_vec(),
        }
    }

    /// A signed access token and its lifetime in seconds.
    pub fn access_token(
        &self,
        user_id: Uuid,
        session_id: Uuid,
        roles: &Roles,
        now: DateTime<Utc>,
    ) -> Result<(String, i64), ApiError> {
        let claims = Claims {
            sub: user_id,
            sid: session_id,
            roles: roles.as_slice().iter().map(|r| r.as_str().to_owned()).collect(),
            iat: now.timestamp(),
            exp: (now + ACCESS_TOKEN_TTL).timestamp(),
            iss: ISSUER.to_owned(),
        };
        let token = encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|err| ApiError::internal(format!("signing a token: {err}")))?;
        Ok((token, ACCESS_TOKEN_TTL.num_seconds()))
    }

    pub fn decode_access_token(&self, token: &str) -> Result<Claims, ApiError> {
        decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|err| {
                ApiError::new(
                    ErrorCode::InvalidToken,
                    format!("The access token is not valid: {err}."),
                )
            })
    }

    /// The successor of a refresh token, derived rather than random so that a client presenting the
    /// same token twice within the grace window gets the same successor without the server keeping it.
    pub fn refresh_successor(&self, token: &str) -> Result<String, ApiError> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.secret)
            .map_err(|err| ApiError::internal(format!("refresh key: {err}")))?;
        mac.update(b"refresh-successor:");
        mac.update(token.as_bytes());
        Ok(URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
    }
}

impl Keys {
    /// A one-click unsubscribe token: it names an account and a kind of notice and can do nothing but turn
    /// that kind's e-mail off for that account. It is signed, not stored, and does not expire: an old
    /// message's link keeps working, as RFC 8058 expects.
    pub fn unsubscribe_token(&self, user_id: Uuid, kind: domain::notice::NoticeKind) -> String {
        let claim = format!("{}.{kind}", user_id.simple());
        format!("{claim}.{}", self.unsubscribe_mac(&claim))
    }

    /// The account and kind an unsubscribe token names, if its signature is ours.
    pub fn read_unsubscribe_token(&self, token: &str) -> Option<(Uuid, domain::notice::NoticeKind)> {
        let (claim, mac) = token.rsplit_once('.')?;
        let expected = self.unsubscribe_mac(claim);
        // Compared in constant time: the signature is the only secret here.
        let same = !expected.is_empty()
            && expected.len() == mac.len()
            && expected.bytes().zip(mac.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
        if !same {
            return None;
        }
        let (user, kind) = claim.split_once('.')?;
        Some((Uuid::parse_str(user).ok()?, kind.parse().ok()?))
    }

    fn unsubscribe_mac(&self, claim: &str) -> String {
        // A MAC takes a key of any length, so this cannot fail; an empty string would only fail to verify.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.secret) else {
            return String::new();
        };
        mac.update(b"unsubscribe:");
        mac.update(claim.as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }
}

/// A new opaque token: 32 random bytes, URL-safe base64.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A new link to mail: its token for the message, the token's hash for the store.
pub fn mailed_link() -> app::accounts::MailedLink {
    let token = random_token();
    app::accounts::MailedLink {
        hash: token_hash(&token),
        token,
    }
}

/// A new API key: `cdk_` and 32 random bytes, and its hash for the store.
pub fn api_key() -> app::api_keys::MintedKey {
    let token = format!("{}{}", domain::api_key::TOKEN_PREFIX, random_token());
    app::api_keys::MintedKey {
        hash: token_hash(&token),
        token,
    }
}

/// A new TOTP key's secret: 160 random bits.
pub fn totp_secret() -> Vec<u8> {
    let mut bytes = vec![0u8; domain::second_factor::SECRET_BYTES];
    rand::rng().fill_bytes(&mut bytes);
    bytes
}

/// Ten new recovery codes, like `k7m2-q9xd-4h`.
pub fn recovery_codes() -> Vec<String> {
    let mut rng = rand::rng();
    let mut bytes = std::iter::repeat_with(move || rng.next_u32().to_le_bytes()).flatten();
    (0..domain::second_factor::RECOVERY_CODE_COUNT)
        .filter_map(|_| domain::second_factor::recovery_code(&mut bytes))
        .collect()
}

/// How opaque tokens are stored: the hex SHA-256 of the token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use domain::roles::Role;

    use super::*;

    #[test]
    fn an_access_token_round_trips() {
        let keys = Keys::new(&[7u8; 32]);
        let (user, session) = (Uuid::now_v7(), Uuid::now_v7());
        let (token, ttl) = keys
            .access_token(user, session, &Roles::new([Role::Staff]), Utc::now())
            .unwrap_or_default();
        assert_eq!(ttl, 900);
        let claims = keys.decode_access_token(&token).ok();
        assert_eq!(claims.as_ref().map(|c| c.sub), Some(user));
        assert_eq!(claims.map(|c| c.roles), Some(vec!["staff".to_owned()]));
    }

    #[test]
    fn a_token_signed_with_another_secret_is_refused() {
        let (token, _) = Keys::new(&[1u8; 32])
            .access_token(Uuid::now_v7(), Uuid::now_v7(), &Roles::default(), Utc::now())
            .unwrap_or_default();
        assert!(Keys::new(&[2u8; 32]).decode_access_token(&token).is_err());
    }

    #[test]
    fn successors_are_stable_and_distinct() {
        let keys = Keys::new(&[3u8; 32]);
        let token = random_token();
        assert_eq!(keys.refresh_successor(&token).ok(), keys.refresh_successor(&token).ok());
        assert_ne!(keys.refresh_successor(&token).ok(), Some(token.clone()));
        assert_eq!(token_hash(&token).len(), 64);
    }

    #[test]
    fn recovery_codes_are_ten_distinct_codes() {
        let codes = recovery_codes();
        assert_eq!(codes.len(), 10);
        let distinct: std::collections::BTreeSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), 10);
        assert!(codes.iter().all(|c| domain::second_factor::hash_of_shown(c).is_some()));
        assert_eq!(totp_secret().len(), 20);
    }
}
