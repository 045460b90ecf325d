//! The rules of Citizen Diplomat as plain Rust: no HTTP, no SQL, only values and the functions on them.

pub mod account;
pub mod roles;
pub mod session;
pub mod text;
pub mod throttle;
