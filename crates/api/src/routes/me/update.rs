use actix_web::{patch, web};
use chrono::Utc;
use domain::account::{Locale, normalize_display_name};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::error::{ApiError, ApiResult};
use crate::extract::{SignedIn, ValidJson};
use crate::routes::auth::dto::UserView;
use crate::routes::rules;
use crate::state::AppState;

/// The fields of your account you may change; leave out what stays.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateMeRequest {
    #[validate(custom(function = "rules::display_name"))]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S", example = "سارا احمدی")]
    pub display_name: Option<String>,
    pub locale: Option<Locale>,
}

/// Change your display name or preferred language.
#[utoipa::path(
    tag = "me",
    request_body = UpdateMeRequest,
    security(("bearer" = [])),
    responses((status = 200, description = "The account as changed.", body = UserView)),
)]
#[patch("/me")]
pub async fn update_me(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: ValidJson<UpdateMeRequest>,
) -> ApiResult<web::Json<UserView>> {
    let ValidJson(request) = body;
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
    let txn = db::begin_write(&state.db).await?;
    let user = db::users::update_profile(&txn, caller.user, change, Utc::now()).await?;
    txn.commit().await?;
    UserView::from_model(user).map(web::Json)
}
