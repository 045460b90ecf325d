use actix_web::{get, put, web};
use chrono::Utc;

use super::dto::{NotificationPreferences, NotificationPreferencesChange};
use crate::error::ApiResult;
use crate::extract::{Enrolling, ValidJson};
use crate::state::AppState;

/// Which kinds of notice you receive by e-mail.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses((status = 200, description = "Every kind, and whether it is mailed to you.", body = NotificationPreferences)),
)]
#[get("/me/notification-preferences")]
pub async fn show_notification_preferences(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
) -> ApiResult<web::Json<NotificationPreferences>> {
    let preferences = app::notices::preferences(&state.db, caller.user.id).await?;
    Ok(web::Json(NotificationPreferences::new(preferences)))
}

/// Turn e-mail of some kinds off (and every other kind on). Account and security messages always go.
#[utoipa::path(
    tag = "notifications",
    request_body = NotificationPreferencesChange,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Your preferences now.", body = NotificationPreferences),
        (status = 422, description = "`validation_failed`: an essential kind (at /emailOff/{i}) cannot be turned off."),
    ),
)]
#[put("/me/notification-preferences")]
pub async fn change_notification_preferences(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
    body: ValidJson<NotificationPreferencesChange>,
) -> ApiResult<web::Json<NotificationPreferences>> {
    let change = body.into_inner()?;
    let preferences = app::notices::set_preferences(&state.db, &caller.actor(), &change.email_off, Utc::now()).await?;
    Ok(web::Json(NotificationPreferences::new(preferences)))
}
