//! Reviews: a reviewer's assignments, their draft and submitted review of each idea, and who reads the
//! reviews (staff all of them; a reviewer the others' only after submitting their own, without names in a
//! blind call). The use cases and their rules are `app::reviews`.

pub mod dto;
mod list;
mod my_assignments;
mod save;
mod show_mine;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(my_assignments::my_assignments)
        .service(show_mine::show_my_review)
        .service(save::save_review)
        .service(save::submit_review)
        .service(list::list_reviews);
}
