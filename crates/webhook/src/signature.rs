//! Standard Webhooks signatures (<https://www.standardwebhooks.com/>): an HMAC-SHA256 of
//! `{id}.{timestamp}.{body}`, so the id and time are signed with the body and a captured request cannot be
//! replayed later or under another id.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What marks a Standard Webhooks secret; receivers' libraries expect it.
const PREFIX: &str = "whsec_";

/// Why a message cannot be signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// The stored secret is not `whsec_` followed by standard base64 of a non-empty key.
    #[error("a webhook secret is `whsec_` followed by standard base64")]
    Malformed,
    /// A delivery was given no secret at all: an unsigned webhook is never sent.
    #[error("there is no secret to sign the webhook with")]
    Missing,
}

/// A new signing secret in the Standard Webhooks format: "whsec_" + standard base64 of 32 random bytes.
pub fn new_secret() -> String {
    // rand's default generator is a CSPRNG seeded from the operating system.
    let key: [u8; 32] = rand::random();
    format!("{PREFIX}{}", STANDARD.encode(key))
}

/// The Standard Webhooks signature of one message with one secret: "v1," + base64(HMAC-SHA256(key,
/// "{id}.{timestamp}.{body}")) where key is the base64-decoded part after "whsec_". Err if the secret is
/// not in that form.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &str) -> Result<String, SecretError> {
    let key = secret
        .strip_prefix(PREFIX)
        .and_then(|encoded| STANDARD.decode(encoded).ok())
        .filter(|key| !key.is_empty())
        .ok_or(SecretError::Malformed)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).map_err(|_| SecretError::Malformed)?;
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body.as_bytes());
    Ok(format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes())))
}

/// The webhook-signature header: one signature per secret, separated by spaces, so a receiver still
/// holding the previous secret during a rotation accepts the message too.
pub(crate) fn signature_header(
    secrets: &[String],
    id: &str,
    timestamp: i64,
    body: &str,
) -> Result<String, SecretError> {
    if secrets.is_empty() {
        return Err(SecretError::Missing);
    }
    let signatures = secrets
        .iter()
        .map(|secret| sign(secret, id, timestamp, body))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(signatures.join(" "))
}
