use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;

use super::dto::{CreateIdeaRequest, IdeaView};
use crate::error::ApiResult;
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
        (status = 201, description = "The draft.", body = IdeaView,
            headers(("Location" = String, description = "The idea's URL"), ("ETag" = String))),
        (status = 409, description = "`call_not_open`, `call_closed`, or `idea_limit_reached`."),
    ),
)]
#[post("/ideas")]
pub async fn create_idea(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: ValidJson<CreateIdeaRequest>,
) -> ApiResult<HttpResponse> {
    let (call_id, content) = body.into_inner()?.into_parts();
    let viewed = app::ideas::create(&state.db, &caller.actor(), call_id, content, Utc::now()).await?;
    let (id, version) = (viewed.record.idea.id, viewed.record.idea.version);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/ideas/{id}")))
        .insert_header(etag_header(version))
        .json(IdeaView::of(viewed)))
}
