//! The application layer: one function per use case. Each takes who acts (`Actor`), what they sent and
//! the clock, owns its transaction, applies the domain's rules, writes the change and its events, and
//! returns a typed result or an `Error` that carries its stable code. It knows no HTTP; the API's
//! handlers only translate requests into these calls and their results into views.

pub mod accounts;
pub mod actor;
pub mod calls;
pub mod error;
pub mod profiles;

pub use actor::Actor;
pub use error::{Error, ErrorCode, FieldError, Result};

/// The database the use cases run on (a pool; each use case takes its own transaction).
pub use db::Db;
