//! The black-box suite: the real server over HTTP, on SQLite (default) or PostgreSQL (TEST_DATABASE_URL).

mod fixtures;
mod helpers;
mod histories;
mod jury_fixtures;

mod account_sessions;
mod accounts;
mod activities;
mod architecture;
mod assignments;
mod audit;
mod calls;
mod cities;
mod conflicts;
mod crash;
mod decisions;
mod demo;
mod errors;
mod headers;
mod idea_lists;
mod ideas;
mod networks;
mod operations;
mod partnerships;
mod passwords;
mod profiles;
mod ranking;
mod reviewers;
mod reviews;
mod role_matrix;
mod rubrics;
mod screening;
mod second_factor;
mod sessions;
mod throttling;
mod users;
