use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::{CreateReviewerRequest, EnrolmentView, ReviewerView};
use crate::auth::tokens::mailed_link;
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson};
use crate::routes::users::dto::PasswordTokenView;
use crate::state::AppState;

/// Enrol a reviewer on the jury (staff).
///
/// With an e-mail address no account has, an account is made (roles: reviewer; no password) and the
/// answer carries a one-time token for its owner to set a password with at POST
/// /api/v1/auth/set-password. An existing account joins the jury keeping its roles, name and password:
/// no token then.
#[utoipa::path(
    tag = "reviewers",
    request_body = CreateReviewerRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The reviewer, enrolled; `passwordToken` is shown this once.",
            body = EnrolmentView,
            headers(("Location" = String, description = "The reviewer's URL"))),
        (status = 409, description = "`reviewer_exists`: the account is on the jury already."),
    ),
)]
#[post("/reviewers")]
pub async fn create_reviewer(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    body: ValidJson<CreateReviewerRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    // The link's secret never leaves this layer: the use case stores its hash, if it makes an account.
    let link = mailed_link();
    let input = request.into_input(link.clone());
    let enrolment = app::reviewers::enrol(&state.db, &staff.actor(), input, Utc::now()).await?;
    let reviewer = ReviewerView::from_row(enrolment.reviewer);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/reviewers/{}", reviewer.id)))
        .json(EnrolmentView {
            reviewer,
            password_token: enrolment
                .link
                .map(|issued| PasswordTokenView::new(issued.user_id, issued.expires_at, link, state.mail_delivers)),
        }))
}
