//! Citizen Diplomat's HTTP API: settings and start-up, extractors, errors, the OpenAPI document and
//! one folder per resource under `routes`.

pub mod auth;
pub mod cli;
pub mod error;
pub mod extract;
pub mod fallback;
pub mod middleware;
pub mod notify;
pub mod openapi;
pub mod routes;
pub mod security_headers;
pub mod settings;
pub mod startup;
pub mod state;
