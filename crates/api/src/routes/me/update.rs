use actix_web::{patch, web};
use chrono::Utc;

use super::dto::{MeView, UpdateMeRequest};
use crate::error::ApiResult;
use crate::extract::{SignedIn, ValidJson};
use crate::state::AppState;

/// Change your display name, preferred language or citizen profile (occupation, ties abroad, languages).
///
/// A tie sent with its `id` is kept (an id that is not one of your ties is refused with 422 at its
/// pointer); a tie without one is new; ties left out are removed.
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
    let change = body.into_inner()?.into_change();
    let actor = caller.actor();
    let me = app::profiles::update(&state.db, &actor, change, Utc::now()).await?;
    let unread = app::notices::unread(&state.db, &actor).await?;
    Ok(web::Json(MeView::new(me, unread)))
}
