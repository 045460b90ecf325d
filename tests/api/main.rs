//! The black-box suite: the real server over HTTP, on SQLite (default) or PostgreSQL (TEST_DATABASE_URL).

mod fixtures;
mod helpers;

mod accounts;
mod activities;
mod calls;
mod cities;
mod demo;
mod errors;
mod idea_lists;
mod ideas;
mod networks;
mod operations;
mod partnerships;
mod profiles;
mod screening;
mod sessions;
mod throttling;
mod users;
