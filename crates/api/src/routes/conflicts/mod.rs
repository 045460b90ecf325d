//! Conflicts of interest: staff enter them and assigned reviewers declare them. The use cases and the
//! rule of who is in conflict with an idea are `app::conflicts`.

mod create;
mod declare;
pub mod dto;
mod list;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_conflicts)
        .service(create::create_conflict)
        .service(declare::declare_conflict);
}
