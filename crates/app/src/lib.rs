//! The application layer: one function per use case. Each takes who acts (`Actor`), what they sent and
//! the clock, owns its transaction, applies the domain's rules, writes the change and its events, and
//! returns a typed result or an `Error` that carries its stable code. It knows no HTTP; the API's
//! handlers only translate requests into these calls and their results into views.

pub mod accounts;
pub mod activities;
pub mod actor;
pub mod api_keys;
pub mod assignments;
pub mod audit;
pub mod calls;
pub mod cities;
pub mod conflicts;
pub mod decisions;
pub mod error;
pub mod files;
pub mod health;
pub mod history;
pub mod ideas;
pub mod networks;
pub mod notices;
pub mod outbox;
pub mod partnerships;
pub mod precondition;
pub mod profiles;
pub mod ranking;
pub mod reminders;
pub mod reviewers;
pub mod reviews;
pub mod rubrics;
pub mod second_factor;
pub mod sessions;
pub mod webhooks;

pub use actor::Actor;
pub use error::{Error, ErrorCode, FieldError, Result};

/// The database the use cases run on (a pool; each use case takes its own transaction).
pub use db::Db;

pub use domain::text::Text;

/// The direction of a list's sort.
pub use sea_orm::sea_query::Order;
