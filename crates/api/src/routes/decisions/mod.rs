//! Decisions: staff decide selected or not selected per idea (pending, seen by staff only), publish a
//! call's decisions once, and the submitter then reads the result with the reviewers' comments for them.

pub mod dto;
mod list;
mod publish;
mod record;
mod result;

use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::{ApiError, ApiResult, ErrorCode};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(record::decide_idea)
        .service(record::decide_many)
        .service(list::list_decisions)
        .service(publish::publish_decisions)
        .service(result::idea_result);
}

/// 409 `decisions_published` once the call's decisions are out: they are final.
fn ensure_unpublished(call: &db::calls::Model) -> ApiResult<()> {
    match call.decisions_published_at {
        Some(at) => Err(ApiError::new(
            ErrorCode::DecisionsPublished,
            format!(
                "The call's decisions were published at {}; they are final.",
                at.to_rfc3339()
            ),
        )),
        None => Ok(()),
    }
}
