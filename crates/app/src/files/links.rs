//! Short-lived links to a file's bytes, so that a browser's `<img>` and `<a>` open them without a bearer
//! header. On S3 the store pre-signs them; on the local disk we sign our own: an HMAC over the file, the
//! variant, the name it is served under and the expiry, so a link opens that and nothing else.

use chrono::{DateTime, TimeDelta, Utc};
use domain::file::FileVariant;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

use crate::error::{Error, ErrorCode, Result};

/// Where a reader fetches a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// Served by this server at its signed path.
    Signed(SignedLink),
    /// A URL the object store pre-signed.
    Presigned(String),
}

/// The parts of a link this server signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedLink {
    pub file_id: Uuid,
    pub variant: FileVariant,
    /// The name the bytes are served under (what the reader may see of it).
    pub name: String,
    /// Unix seconds.
    pub expires: i64,
    /// Lowercase hex HMAC-SHA256.
    pub signature: String,
}

/// Signs and checks our links with a key of their own, derived from the server's secret.
pub struct LinkSigner {
    key: Vec<u8>,
    ttl: TimeDelta,
}

impl LinkSigner {
    pub fn new(server_secret: &[u8], ttl: TimeDelta) -> LinkSigner {
        // A key of its own, so that a file link can never stand for a token signed with the secret.
        let key = mac(server_secret, b"citizen-diplomat file links")
            .finalize()
            .into_bytes()
            .to_vec();
        LinkSigner { key, ttl }
    }

    /// How long a link opens its file.
    pub fn ttl(&self) -> TimeDelta {
        self.ttl
    }

    fn signature(&self, file_id: Uuid, variant: FileVariant, name: &str, expires: i64) -> String {
        let mut mac = mac(&self.key, b"");
        // Lengths first, so no two different tuples make the same message.
        for part in [
            file_id.as_bytes().as_slice(),
            variant.as_str().as_bytes(),
            name.as_bytes(),
            expires.to_string().as_bytes(),
        ] {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        hex(&mac.finalize().into_bytes())
    }

    pub fn sign(&self, file_id: Uuid, variant: FileVariant, name: &str, expires_at: DateTime<Utc>) -> SignedLink {
        let expires = expires_at.timestamp();
        SignedLink {
            file_id,
            variant,
            name: name.to_owned(),
            expires,
            signature: self.signature(file_id, variant, name, expires),
        }
    }

    /// When the link stops opening its file; 403 when it was not signed here for exactly these parts or
    /// its time is over.
    pub fn verify(&self, link: &SignedLink, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
        let expected = self.signature(link.file_id, link.variant, &link.name, link.expires);
        let matches = mac(&self.key, expected.as_bytes())
            .verify_slice(&mac(&self.key, link.signature.as_bytes()).finalize().into_bytes())
            .is_ok();
        if !matches {
            return Err(Error::new(ErrorCode::LinkInvalid, "This file link is not valid."));
        }
        let expires_at = DateTime::from_timestamp(link.expires, 0)
            .ok_or_else(|| Error::new(ErrorCode::LinkInvalid, "This file link is not valid."))?;
        if expires_at <= now {
            return Err(Error::new(
                ErrorCode::LinkExpired,
                "This file link has expired; open the file again from its page.",
            ));
        }
        Ok(expires_at)
    }
}

fn mac(key: &[u8], message: &[u8]) -> Hmac<Sha256> {
    // HMAC takes a key of any length.
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(message);
    mac
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer() -> LinkSigner {
        LinkSigner::new(b"a server secret of some length", TimeDelta::minutes(5))
    }

    #[test]
    fn a_link_opens_its_own_file_variant_and_name_until_it_expires() {
        let now = Utc::now();
        let id = Uuid::now_v7();
        let link = signer().sign(id, FileVariant::Original, "طرح.pdf", now + TimeDelta::minutes(5));
        assert!(signer().verify(&link, now).is_ok());
        let other_file = SignedLink {
            file_id: Uuid::now_v7(),
            ..link.clone()
        };
        assert_eq!(
            signer().verify(&other_file, now).map_err(|e| e.code()),
            Err(ErrorCode::LinkInvalid)
        );
        let preview = SignedLink {
            variant: FileVariant::Preview,
            ..link.clone()
        };
        assert_eq!(
            signer().verify(&preview, now).map_err(|e| e.code()),
            Err(ErrorCode::LinkInvalid)
        );
        let renamed = SignedLink {
            name: "another.pdf".into(),
            ..link.clone()
        };
        assert_eq!(
            signer().verify(&renamed, now).map_err(|e| e.code()),
            Err(ErrorCode::LinkInvalid)
        );
        let later = now + TimeDelta::minutes(6);
        assert_eq!(
            signer().verify(&link, later).map_err(|e| e.code()),
            Err(ErrorCode::LinkExpired)
        );
        let other_server = LinkSigner::new(b"another secret", TimeDelta::minutes(5));
        assert_eq!(
            other_server.verify(&link, now).map_err(|e| e.code()),
            Err(ErrorCode::LinkInvalid)
        );
    }
}
