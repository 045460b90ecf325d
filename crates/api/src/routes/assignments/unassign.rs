use actix_web::{HttpResponse, delete, web};
use chrono::Utc;
use domain::event::EventKind;
use domain::review::AssignmentState;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::Staff;
use crate::state::AppState;

/// Take an idea back from a reviewer who has not submitted their review (staff).
///
/// A draft they saved goes with it. The idea's history records the change; with no reviewer left the idea is
/// shortlisted again. A submitted review stays: to keep it out of the ranking, record a conflict of interest.
#[utoipa::path(
    tag = "assignments",
    params(("id" = Uuid, Path, description = "The assignment's id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Unassigned."),
        (status = 404, description = "`not_found`: no such assignment.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`review_submitted`: the review is in; `conflict_of_interest`: it was \
            declined for a conflict and stays as its record; `decisions_published`.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/assignments/{id}")]
pub async fn unassign(state: web::Data<AppState>, Staff(staff): Staff, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let assignment = db::assignments::find_by_id(&txn, id.into_inner())
        .await?
        .ok_or_else(ApiError::not_found)?;
    super::open_call(&txn, assignment.call_id).await?;
    match assignment.state.parse().map_err(ApiError::internal)? {
        AssignmentState::Pending => {}
        AssignmentState::Submitted => {
            return Err(ApiError::new(
                ErrorCode::ReviewSubmitted,
                "The review is submitted and counts; record a conflict of interest if it must not.",
            ));
        }
        AssignmentState::Declined => {
            return Err(ApiError::new(
                ErrorCode::ConflictOfInterest,
                "This assignment was declined for a conflict of interest; it stays as the record of it.",
            ));
        }
    }
    let idea = db::ideas::find_by_id(&txn, assignment.idea_id)
        .await?
        .ok_or_else(|| ApiError::internal("an assignment's idea is missing"))?;
    db::reviews::delete_of_assignment(&txn, assignment.id).await?;
    db::assignments::delete(&txn, assignment.id).await?;
    let reviewer_id = Some(assignment.reviewer_id.to_string());
    super::record(
        &txn,
        &idea,
        EventKind::Unassigned,
        Some(staff.user.id),
        reviewer_id,
        None,
        None,
        now,
    )
    .await?;
    super::settle(&txn, idea.id, Some(staff.user.id), now).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
