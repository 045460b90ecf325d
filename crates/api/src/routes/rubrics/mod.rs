//! Rubrics: a call's scoring criteria. Anyone reads them; staff set them until the first review is
//! submitted, which locks them; staff may reopen a locked rubric with a reason. The use cases are
//! `app::rubrics`; the rules themselves (keys, weights, scales, a review's total) are `domain::rubric`.

pub mod dto;
mod reopen;
mod replace;
mod show;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show_rubric)
        .service(replace::replace_rubric)
        .service(reopen::reopen_rubric);
}
