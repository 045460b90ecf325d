//! Extractors: how a handler gets validated input and the caller's identity. Each fails with a problem.

mod auth;
mod client_address;
mod if_match;
mod json;
mod query;
mod validation;

pub use auth::{Admin, Enrolling, Reviewer, SignedIn, Staff, Viewer};
pub use client_address::{Client, forwarded_over_https};
pub use if_match::{IfMatch, etag, etag_header, stale};
pub use json::{BodyLimit, ValidJson, control_character_error};
pub use query::ValidQuery;
pub use validation::pointer_token;
