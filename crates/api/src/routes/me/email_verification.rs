use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use crate::auth::tokens::mailed_link;
use crate::error::ApiResult;
use crate::extract::Enrolling;
use crate::state::AppState;

/// Mail a new link that confirms your e-mail address (the one sent when you registered may be lost or
/// expired).
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 202, description = "A new link is on its way to your address."),
        (status = 409, description = "`email_verified`: your address is confirmed already."),
        (status = 429, description = "`too_many_attempts`: asked too often; wait as long as Retry-After says.",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
)]
#[post("/me/email-verification")]
pub async fn resend_email_verification(
    state: web::Data<AppState>,
    Enrolling(caller): Enrolling,
) -> ApiResult<HttpResponse> {
    app::accounts::resend_verification(&state.db, &caller.actor(), mailed_link(), Utc::now()).await?;
    Ok(HttpResponse::Accepted().finish())
}
