//! sea-orm entities: the tables as Rust types. They never leave the server: the API maps them to views.

pub mod activity;
pub mod assignment;
pub mod call;
pub mod citizen_profile;
pub mod citizen_tie;
pub mod city;
pub mod conflict;
pub mod decision;
pub mod event;
pub mod idea;
pub mod login_challenge;
pub mod login_throttle;
pub mod network;
pub mod partnership;
pub mod partnership_state_change;
pub mod password_token;
pub mod recovery_code;
pub mod refresh_token;
pub mod review;
pub mod reviewer;
pub mod rubric;
pub mod session;
pub mod user;
