use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::review::ConflictSource;

use super::dto::{ConflictView, CreateConflictRequest};
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError, Problem};
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Enter a conflict of interest between a reviewer and an idea (staff).
///
/// The reviewer will not be assigned the idea; if they hold it now, their assignment is declined
/// (a submitted review stops counting) and the idea's state follows its remaining assignments.
#[utoipa::path(
    tag = "conflicts",
    request_body = CreateConflictRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The conflict, recorded.", body = ConflictView),
        (status = 409, description = "`conflict_exists`: it is recorded already, or the reviewer \
            submitted the idea (a conflict that always holds).",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a field is missing or invalid, the account \
            is not a reviewer (`not_reviewer`) or the idea does not exist (`unknown_idea`).",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/conflicts")]
pub async fn create_conflict(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    body: ValidJson<CreateConflictRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let mut errors = Vec::new();
    if db::reviewers::find(&txn, request.reviewer_id).await?.is_none() {
        errors.push(FieldError::new(
            "/reviewerId",
            "not_reviewer",
            "no reviewer has this id; see /api/v1/reviewers",
        ));
    }
    let idea = db::ideas::find_by_id(&txn, request.idea_id).await?;
    if idea.is_none() {
        errors.push(FieldError::new("/ideaId", "unknown_idea", "no idea has this id"));
    }
    let Some(idea) = idea.filter(|_| errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    if idea.submitter_id == request.reviewer_id {
        return Err(ApiError::new(
            ErrorCode::ConflictExists,
            "The reviewer submitted this idea: a submitter is always in conflict with their own idea, \
             and is never assigned it. There is nothing to record.",
        ));
    }
    let reason = request.reason.trim().to_owned();
    let conflict = super::record(
        &txn,
        &idea,
        request.reviewer_id,
        ConflictSource::Staff,
        reason,
        staff.user.id,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(conflict))
}
