//! HTTP resources, one folder each and one file per use case. `configure` is the single list of
//! routes: the server and the OpenAPI document are both built from it.

pub mod activities;
pub mod api_keys;
pub mod assignments;
pub mod audit;
pub mod auth;
pub mod calls;
pub mod cities;
pub mod conflicts;
pub mod day;
pub mod decisions;
pub mod files;
pub mod health;
pub mod ideas;
pub mod me;
pub mod networks;
pub mod notifications;
pub mod outbox;
pub mod page;
pub mod partnerships;
pub mod patch;
pub mod ranking;
pub mod reviewers;
pub mod reviews;
pub mod rubrics;
pub mod rules;
pub mod schemas;
pub mod sort;
pub mod spreadsheet;
pub mod text;
pub mod users;
pub mod webhooks;

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Everything under /api.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(scope::scope("/api/health").configure(health::configure))
        .service(
            scope::scope("/api/v1")
                .configure(auth::configure)
                .configure(me::configure)
                .configure(users::configure)
                .configure(cities::configure)
                .configure(calls::configure)
                .configure(ideas::configure)
                .configure(partnerships::configure)
                .configure(activities::configure)
                .configure(files::configure)
                .configure(networks::configure)
                .configure(reviewers::configure)
                .configure(conflicts::configure)
                .configure(rubrics::configure)
                .configure(assignments::configure)
                .configure(reviews::configure)
                .configure(ranking::configure)
                .configure(decisions::configure)
                .configure(audit::configure)
                .configure(notifications::configure)
                .configure(outbox::configure)
                .configure(webhooks::configure)
                .configure(api_keys::configure),
        );
}
