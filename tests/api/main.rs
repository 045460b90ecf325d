//! The black-box suite: the real server over HTTP, on SQLite (default) or PostgreSQL (TEST_DATABASE_URL).

mod helpers;

mod accounts;
mod errors;
mod operations;
mod sessions;
mod throttling;
mod users;
