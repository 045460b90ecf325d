//! Assignments: staff give an idea with the jury to a reviewer, one by one or all at once with the
//! planner, and take it back. The use cases and their rules are `app::assignments`.

use utoipa_actix_web::service_config::ServiceConfig;

mod assign;
mod auto;
pub mod dto;
mod list;
mod unassign;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_assignments)
        .service(auto::auto_assign)
        .service(assign::assign)
        .service(unassign::unassign);
}
