//! The rules of Citizen Diplomat as plain Rust: no HTTP, no SQL, only values and the functions on them.

pub mod account;
pub mod activity;
pub mod api_key;
pub mod assignment;
pub mod call;
pub mod country;
pub mod event;
pub mod file;
pub mod history;
pub mod idea;
pub mod network;
pub mod notice;
pub mod partnership;
pub mod profile;
pub mod ranking;
pub mod review;
pub mod reviewer;
pub mod roles;
pub mod rubric;
pub mod second_factor;
pub mod session;
pub mod similarity;
pub mod text;
pub mod throttle;
pub mod webhook;
pub mod wire_enum;
