use actix_web::{get, web};

use super::dto::{MeView, ProfileView};
use crate::error::ApiResult;
use crate::extract::Enrolling;
use crate::routes::auth::dto::UserView;
use crate::state::AppState;

/// Your account and citizen profile.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses((status = 200, description = "The signed-in account and its profile.", body = MeView)),
)]
#[get("/me")]
pub async fn show_me(state: web::Data<AppState>, Enrolling(caller): Enrolling) -> ApiResult<web::Json<MeView>> {
    let actor = caller.actor();
    let profile = app::profiles::show(&state.db, &actor).await?;
    let unread_notifications = app::notices::unread(&state.db, &actor).await?;
    Ok(web::Json(MeView {
        profile: ProfileView::from(profile),
        account: UserView::from(caller.user),
        unread_notifications,
    }))
}
