//! Decisions: staff decide selected or not selected per idea (pending, seen by staff only), publish a
//! call's decisions once, and the submitter then reads the result with the reviewers' comments for them.

pub mod dto;
mod list;
mod publish;
mod record;
mod result;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(record::decide_idea)
        .service(record::decide_many)
        .service(list::list_decisions)
        .service(publish::publish_decisions)
        .service(result::idea_result);
}
