use actix_web::{get, web};

use super::dto::{MeView, ProfileView};
use crate::error::ApiResult;
use crate::extract::SignedIn;
use crate::routes::auth::dto::UserView;
use crate::state::AppState;

/// Your account and citizen profile.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses((status = 200, description = "The signed-in account and its profile.", body = MeView)),
)]
#[get("/me")]
pub async fn show_me(state: web::Data<AppState>, caller: SignedIn) -> ApiResult<web::Json<MeView>> {
    let profile = db::profiles::find(&state.db, caller.user.id).await?;
    Ok(web::Json(MeView {
        profile: ProfileView::from_model(profile)?,
        account: UserView::from_model(caller.user)?,
    }))
}
