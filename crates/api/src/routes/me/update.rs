use actix_web::{patch, web};
use chrono::Utc;
use domain::account::normalize_display_name;

use super::dto::{MeView, ProfileView, UpdateMeRequest};
use crate::error::{ApiError, ApiResult};
use crate::extract::{SignedIn, ValidJson};
use crate::routes::auth::dto::UserView;
use crate::state::AppState;

/// Change your display name, preferred language or citizen profile (occupation, ties abroad, languages).
#[utoipa::path(
    tag = "me",
    request_body = UpdateMeRequest,
    security(("bearer" = [])),
    responses((status = 200, description = "The account and profile as changed.", body = MeView)),
)]
#[patch("/me")]
pub async fn update_me(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: ValidJson<UpdateMeRequest>,
) -> ApiResult<web::Json<MeView>> {
    let request = body.into_inner()?;
    let display_name = request
        .display_name
        .as_deref()
        .map(normalize_display_name)
        .transpose()
        .map_err(|e| ApiError::field("/displayName", "invalid", e.to_string()))?;
    let change = db::users::ProfileChange {
        display_name,
        locale: request.locale.map(|l| l.as_str().to_owned()),
    };
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let user = db::users::update_profile(&txn, caller.user, change, now).await?;
    let mut profile = ProfileView::from_model(db::profiles::find(&txn, user.id).await?)?;
    if let Some(profile_change) = request.profile {
        profile = profile.changed(profile_change);
        let (occupation, ties, languages) = profile.to_stored()?;
        let saved = db::profiles::save(&txn, user.id, occupation, ties, languages, now).await?;
        profile = ProfileView::from_model(Some(saved))?;
    }
    txn.commit().await?;
    Ok(web::Json(MeView {
        account: UserView::from_model(user)?,
        profile,
    }))
}
