//! Credentials: password hashing, access tokens (JWT) and the opaque refresh and set-password tokens.

pub mod api_keys;
pub mod password;
pub mod tokens;
