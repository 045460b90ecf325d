use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::account::{normalize_display_name, normalize_email};
use domain::roles::{Role, Roles};

use super::dto::{CreateReviewerRequest, EnrolmentView};
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

fn already_enrolled() -> ApiError {
    ApiError::new(
        ErrorCode::ReviewerExists,
        "This account is on the jury already; change it at PATCH /api/v1/reviewers/{id}.",
    )
}

/// Maps a unique violation (someone enrolled the same address at the same moment) to 409.
fn enrolled_meanwhile(err: sea_orm::DbErr) -> ApiError {
    if db::is_unique_violation(&err) {
        already_enrolled()
    } else {
        err.into()
    }
}

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
        (status = 409, description = "`reviewer_exists`: the account is on the jury already.",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a field is missing or invalid.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/reviewers")]
pub async fn create_reviewer(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    body: ValidJson<CreateReviewerRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let email = normalize_email(&request.email);
    let display_name = normalize_display_name(&request.display_name)
        .map_err(|e| ApiError::field("/displayName", "invalid", e.to_string()))?;
    let fields = db::reviewers::ReviewerFields {
        organisation: request.organisation,
        expertise: request.expertise,
        max_load: request.max_load,
        active: true,
    };

    let txn = db::begin_write(&state.db).await?;
    let (user_id, password_token) = match db::users::find_by_email(&txn, &email).await? {
        Some(user) => {
            db::users::lock(&txn, user.id).await?;
            if db::reviewers::find(&txn, user.id).await?.is_some() {
                return Err(already_enrolled());
            }
            let roles = user.roles.0.clone();
            let roles = Roles::new(roles.as_slice().iter().copied().chain([Role::Reviewer]));
            let user = db::users::update_access(
                &txn,
                user,
                db::users::AccessChange {
                    roles: Some(roles),
                    active: None,
                },
                now,
            )
            .await?;
            (user.id, None)
        }
        None => {
            let new_user = db::users::NewUser {
                email,
                display_name,
                password_hash: None,
                roles: Roles::new([Role::Reviewer]),
                locale: request.locale.unwrap_or_default(),
            };
            let user = db::users::insert(&txn, new_user, now)
                .await
                .map_err(enrolled_meanwhile)?;
            let token = crate::routes::users::issue_password_token(&txn, &user, staff.user.id, now).await?;
            (user.id, Some(token))
        }
    };
    db::reviewers::insert(&txn, user_id, fields, now)
        .await
        .map_err(enrolled_meanwhile)?;
    let reviewer = super::view(&txn, user_id, None).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/reviewers/{user_id}")))
        .json(EnrolmentView {
            reviewer,
            password_token,
        }))
}
