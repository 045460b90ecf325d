//! Files of ideas, ties abroad, partnerships and activities: uploaded as multipart/form-data, listed
//! with short-lived signed links, opened through those links (served here when the store is the local
//! disk, pre-signed by the store on S3), changed and removed.

mod content;
pub mod dto;
mod item;
mod list;
mod multipart;
mod upload;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload::upload_idea_file)
        .service(upload::upload_tie_file)
        .service(upload::upload_partnership_file)
        .service(upload::upload_activity_file)
        .service(list::list_idea_files)
        .service(list::list_tie_files)
        .service(list::list_partnership_files)
        .service(list::list_activity_files)
        .service(item::show_file)
        .service(item::edit_file)
        .service(item::remove_file)
        .service(content::open_file)
        .service(content::open_preview)
        .service(content::signed_file);
}
