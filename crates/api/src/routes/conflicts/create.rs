use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::{ConflictView, CreateConflictRequest};
use crate::error::ApiResult;
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
            submitted the idea (a conflict that always holds)."),
        (status = 422, description = "`validation_failed`: a field is missing or invalid, the account \
            is not a reviewer (`not_reviewer`) or the idea does not exist (`unknown_idea`)."),
    ),
)]
#[post("/conflicts")]
pub async fn create_conflict(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    body: ValidJson<CreateConflictRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let input = app::conflicts::NewConflictInput {
        reviewer_id: request.reviewer_id,
        idea_id: request.idea_id,
        reason: request.reason,
    };
    let row = app::conflicts::create(&state.db, &staff.actor(), input, Utc::now()).await?;
    Ok(HttpResponse::Created().json(ConflictView::from_row(row)))
}
