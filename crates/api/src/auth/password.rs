//! Argon2id password hashing, off the async threads: a hash takes tens of milliseconds of CPU.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use crate::error::ApiError;

pub async fn hash(password: String) -> Result<String, ApiError> {
    run_blocking(move || hash_now(&password)).await?
}

fn hash_now(password: &str) -> Result<String, ApiError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|err| ApiError::internal(format!("password hashing: {err}")))
}

/// Checks `password` against `stored`. Without a stored hash (unknown account, or no password set
/// yet) it checks against a dummy hash, so the answer takes as long either way.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, ApiError> {
    run_blocking(move || {
        let dummy = dummy_hash();
        let (hash, real) = match stored.as_deref() {
            Some(hash) => (hash, true),
            None => (dummy, false),
        };
        let matches = Argon2::default().verify_password(password.as_bytes(), hash).is_ok();
        matches && real
    })
    .await
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_now("a password nobody has, to spend the same time").unwrap_or_default())
}

async fn run_blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
    actix_web::web::block(work).await.map_err(ApiError::internal)
}
