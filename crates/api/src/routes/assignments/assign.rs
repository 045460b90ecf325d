use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{AssignRequest, AssignmentView};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Give one idea to one reviewer (staff).
///
/// The idea must be with the jury (shortlisted, in review or reviewed); its first reviewer puts it in review.
/// Never a reviewer with a conflict of interest (their own idea included), nor one at their maximum load.
#[utoipa::path(
    tag = "assignments",
    params(("id" = Uuid, Path, description = "The call's id")),
    request_body = AssignRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The assignment.", body = AssignmentView,
            headers(("Location" = String, description = "The call's assignments of this idea"))),
        (status = 409, description = "`conflict_of_interest`, `already_assigned`, `reviewer_at_capacity`, \
            `not_under_review` (the idea is not with the jury) or `decisions_published`."),
        (status = 422, description = "`validation_failed`: the idea is not in this call (`unknown_idea`) or the \
            reviewer is not an active reviewer (`not_a_reviewer`, `inactive_reviewer`)."),
    ),
)]
#[post("/calls/{id}/assignments")]
pub async fn assign(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    body: ValidJson<AssignRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let input = app::assignments::AssignInput {
        idea_id: request.idea_id,
        reviewer_id: request.reviewer_id,
        due_on: request.due_on.map(Into::into),
        time_zone: state.time_zone,
    };
    let assigned = app::assignments::assign(&state.db, &staff.actor(), id.into_inner(), input, Utc::now()).await?;
    let assignment = &assigned.row.assignment;
    let location = format!(
        "/api/v1/calls/{}/assignments?ideaId={}",
        assignment.call_id, assignment.idea_id
    );
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(AssignmentView::new(assigned)))
}
