use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::event::EventKind;
use domain::idea::IdeaState;
use domain::review::UNDER_REVIEW;
use uuid::Uuid;

use super::dto::{AssignRequest, AssignmentView};
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError, Problem};
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
        (status = 404, description = "`not_found`: no such call.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`conflict_of_interest`, `already_assigned`, `reviewer_at_capacity`, \
            `not_under_review` (the idea is not with the jury) or `decisions_published`.",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the idea is not in this call (`unknown_idea`) or the \
            reviewer is not an active reviewer (`not_a_reviewer`, `inactive_reviewer`).",
            body = Problem, content_type = "application/problem+json"),
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
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let call = super::open_call(&txn, id.into_inner()).await?;
    let idea = db::ideas::find_by_id(&txn, request.idea_id)
        .await?
        .filter(|idea| idea.call_id == call.id)
        .ok_or_else(|| {
            ApiError::validation(vec![FieldError::new(
                "/ideaId",
                "unknown_idea",
                "no idea with this id in this call",
            )])
        })?;
    let idea_state: IdeaState = *idea.state;
    if !UNDER_REVIEW.contains(&idea_state) {
        return Err(ApiError::new(
            ErrorCode::NotUnderReview,
            format!("The idea is {idea_state}; only shortlisted ideas and ideas in review get reviewers."),
        ));
    }
    let reviewer = db::reviewers::find_row(&txn, request.reviewer_id, Some(call.id))
        .await?
        .ok_or_else(|| {
            ApiError::validation(vec![FieldError::new(
                "/reviewerId",
                "not_a_reviewer",
                "this account is not on the jury; enrol it at /api/v1/reviewers",
            )])
        })?;
    if !reviewer.reviewer.active || !reviewer.account_active {
        return Err(ApiError::validation(vec![FieldError::new(
            "/reviewerId",
            "inactive_reviewer",
            "this reviewer is not active",
        )]));
    }
    if idea.submitter_id == reviewer.reviewer.user_id
        || db::conflicts::exists(&txn, reviewer.reviewer.user_id, idea.id).await?
    {
        return Err(ApiError::new(
            ErrorCode::ConflictOfInterest,
            "This reviewer has a conflict of interest with the idea and can never review it.",
        ));
    }
    if db::assignments::find(&txn, idea.id, reviewer.reviewer.user_id)
        .await?
        .is_some()
    {
        return Err(already_assigned());
    }
    if reviewer.assigned >= i64::from(reviewer.reviewer.max_load) {
        return Err(ApiError::new(
            ErrorCode::ReviewerAtCapacity,
            format!(
                "{} has {} ideas in this call, their maximum load.",
                reviewer.display_name, reviewer.assigned
            ),
        ));
    }
    let new = db::assignments::NewAssignment {
        call_id: call.id,
        idea_id: idea.id,
        reviewer_id: reviewer.reviewer.user_id,
        due_on: request.due_on.map(Into::into).or(Some(super::due_on(&state, &call))),
        assigned_by: Some(staff.user.id),
    };
    let assignment = match db::assignments::insert(&txn, new, now).await {
        Ok(assignment) => assignment,
        Err(err) if db::is_unique_violation(&err) => return Err(already_assigned()),
        Err(err) => return Err(err.into()),
    };
    let reviewer_id = Some(assignment.reviewer_id.to_string());
    super::record(
        &txn,
        &idea,
        EventKind::Assigned,
        Some(staff.user.id),
        None,
        reviewer_id,
        None,
        now,
    )
    .await?;
    super::settle(&txn, idea.id, Some(staff.user.id), now).await?;
    let row = db::assignments::find_row(&txn, assignment.id)
        .await?
        .ok_or_else(|| ApiError::internal("the assignment just made is missing"))?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/api/v1/calls/{}/assignments?ideaId={}", call.id, idea.id),
        ))
        .json(AssignmentView::new(row)?))
}

fn already_assigned() -> ApiError {
    ApiError::new(
        ErrorCode::AlreadyAssigned,
        "This reviewer is assigned to the idea already.",
    )
}
