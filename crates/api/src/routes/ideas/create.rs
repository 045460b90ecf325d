use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::event::EventKind;
use domain::idea::IdeaState;

use super::dto::{Content, CreateIdeaRequest, Detail};
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{SignedIn, ValidJson, etag_header};
use crate::state::AppState;

/// Propose an idea: it starts as a draft in an open call.
///
/// Only the title, domain and target city are needed for a draft; submitting checks the rest.
#[utoipa::path(
    tag = "ideas",
    request_body = CreateIdeaRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The draft.", body = super::dto::IdeaView,
            headers(("Location" = String, description = "The idea's URL"), ("ETag" = String))),
        (status = 409, description = "`call_not_open`, `call_closed`, or `idea_limit_reached`.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/ideas")]
pub async fn create_idea(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: ValidJson<CreateIdeaRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let call_id = request.call_id;
    let content = Content::from_create(request);
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let call = db::calls::find_by_id(&txn, call_id)
        .await?
        .ok_or_else(|| ApiError::field("/callId", "unknown_call", "no such call"))?;
    super::ensure_call_open(&call, now)?;
    super::check_references(&txn, &call, &content).await?;
    // On PostgreSQL, two concurrent creations by one citizen queue on their account's row, so that
    // both cannot slip under the cap; SQLite's write transaction serialises them anyway.
    db::users::lock(&txn, caller.user.id).await?;
    let active = db::ideas::count_active_of_submitter(&txn, call.id, caller.user.id).await?;
    if active >= u64::try_from(call.ideas_per_citizen).unwrap_or(0) {
        return Err(ApiError::new(
            ErrorCode::IdeaLimitReached,
            format!(
                "This call takes at most {} ideas per citizen; withdraw one to propose another.",
                call.ideas_per_citizen
            ),
        ));
    }
    let category = super::submitter_category(&txn, caller.user.id).await?;
    let idea = db::ideas::insert(&txn, call.id, caller.user.id, category, content.into_stored()?, now).await?;
    let event = db::events::NewEvent {
        to: Some(IdeaState::Draft.as_str().to_owned()),
        ..db::events::NewEvent::of_idea(idea.id, call.id, EventKind::Created).by(caller.user.id)
    };
    db::events::record(&txn, event, now).await?;
    let view = super::view(&txn, idea.id, Detail::Submitter).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/ideas/{}", idea.id)))
        .insert_header(etag_header(idea.version))
        .json(view))
}
