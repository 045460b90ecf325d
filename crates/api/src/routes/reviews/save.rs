use actix_web::{HttpResponse, post, put, web};
use chrono::Utc;
use domain::event::EventKind;
use domain::review::AssignmentState;
use uuid::Uuid;

use super::dto::{ReviewRequest, ReviewView};
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError, Problem};
use crate::extract::pointer_token;
use crate::extract::{Reviewer, ValidJson, etag_header};
use crate::state::AppState;

/// Save my review of an idea as a draft (reviewers).
///
/// Scores may be left out; those given must be the rubric's criteria and within their scales. A draft can be
/// saved from assignment until the review window closes. Once submitted, a review changes only by submitting
/// it again.
#[utoipa::path(
    tag = "reviews",
    params(("id" = Uuid, Path, description = "The idea's id")),
    request_body = ReviewRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The draft, saved.", body = ReviewView, headers(("ETag" = String))),
        (status = 404, description = "`not_found`: I am not assigned to this idea.",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`review_submitted`: submit again to change it; `review_closed`; \
            `rubric_missing`; `decisions_published`.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a score is for an `unknown_criterion` or `out_of_scale`, \
            at `/scores/<key>`.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[put("/ideas/{id}/review")]
pub async fn save_review(
    state: web::Data<AppState>,
    Reviewer(me): Reviewer,
    id: web::Path<Uuid>,
    body: ValidJson<ReviewRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let (assigned, rubric) = checked(&txn, id.into_inner(), me.user.id, &request, now, false).await?;
    let saved = db::reviews::save(&txn, &assigned.assignment, content(request), false, now)
        .await?
        .ok_or_else(already_submitted)?;
    txn.commit().await?;
    let view = ReviewView::new(saved, Some(&rubric))?;
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}

/// Submit my review of an idea, or submit it again with changes while the review window is open (reviewers).
///
/// Every criterion must be scored within its scale, and a recommendation given. The first review submitted in
/// a call locks its rubric. When every reviewer of the idea has submitted, the idea is reviewed. There is only
/// ever one review per reviewer and idea, however many times it is saved or submitted, even at once.
#[utoipa::path(
    tag = "reviews",
    params(("id" = Uuid, Path, description = "The idea's id")),
    request_body = ReviewRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The review, submitted.", body = ReviewView, headers(("ETag" = String))),
        (status = 404, description = "`not_found`: I am not assigned to this idea.",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`review_not_open`, `review_closed`, `rubric_missing` or `decisions_published`.",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a criterion is not scored (`required` at \
            `/scores/<key>`), a score is `out_of_scale` or for an `unknown_criterion`, or the recommendation is missing.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/ideas/{id}/review/submit")]
pub async fn submit_review(
    state: web::Data<AppState>,
    Reviewer(me): Reviewer,
    id: web::Path<Uuid>,
    body: ValidJson<ReviewRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let (assigned, rubric) = checked(&txn, id.into_inner(), me.user.id, &request, now, true).await?;
    let saved = db::reviews::save(&txn, &assigned.assignment, content(request), true, now)
        .await?
        .ok_or_else(|| ApiError::internal("a submission saved nothing"))?;
    db::assignments::set_state(
        &txn,
        assigned.assignment.id,
        &[AssignmentState::Pending],
        AssignmentState::Submitted,
        now,
    )
    .await?;
    db::rubrics::lock(&txn, assigned.call.id, now).await?;
    let me_id = Some(me.user.id.to_string());
    crate::routes::assignments::record(
        &txn,
        &assigned.idea,
        EventKind::ReviewSubmitted,
        Some(me.user.id),
        None,
        me_id,
        None,
        now,
    )
    .await?;
    crate::routes::assignments::settle(&txn, assigned.idea.id, Some(me.user.id), now).await?;
    txn.commit().await?;
    let view = ReviewView::new(saved, Some(&rubric))?;
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}

/// What saving or submitting checks first: the reviewer's assignment to the idea (404 otherwise), the review
/// window, the call's rubric and the scores under it.
async fn checked(
    db: &impl sea_orm::ConnectionTrait,
    idea_id: Uuid,
    reviewer_id: Uuid,
    request: &ReviewRequest,
    now: chrono::DateTime<Utc>,
    submitting: bool,
) -> ApiResult<(super::Assigned, domain::rubric::Rubric)> {
    let assigned = super::assigned(db, idea_id, reviewer_id).await?;
    super::ensure_review_window(&assigned.call, now, submitting)?;
    let (_, rubric) = crate::routes::rubrics::of_call(db, assigned.call.id).await?;
    check_scores(&rubric, request, submitting)?;
    Ok((assigned, rubric))
}

/// The rubric's rules on the scores (all of them, when `complete`) and, to submit, the recommendation.
fn check_scores(rubric: &domain::rubric::Rubric, request: &ReviewRequest, complete: bool) -> ApiResult<()> {
    let mut errors: Vec<FieldError> = match rubric.check_scores(&request.scores, complete) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| FieldError::new(format!("/scores/{}", pointer_token(&e.key)), e.code, e.message))
            .collect(),
    };
    if complete && request.recommendation.is_none() {
        errors.push(FieldError::new(
            "/recommendation",
            "required",
            "a submitted review recommends",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

fn content(request: ReviewRequest) -> db::reviews::ReviewContent {
    let text = |t: Option<String>| t.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    db::reviews::ReviewContent {
        scores: request.scores,
        comment_to_staff: text(request.comment_to_staff),
        comment_to_submitter: text(request.comment_to_submitter),
        recommendation: request.recommendation,
    }
}

fn already_submitted() -> ApiError {
    ApiError::new(
        ErrorCode::ReviewSubmitted,
        "This review is submitted; to change it, submit it again (POST /ideas/{id}/review/submit).",
    )
}
