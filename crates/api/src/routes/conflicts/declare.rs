use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{ConflictView, DeclareConflictRequest};
use crate::error::ApiResult;
use crate::extract::{SignedIn, ValidJson};
use crate::state::AppState;

/// Declare a conflict of interest with an idea you are assigned (reviewer).
///
/// Your assignment is declined at once and the idea leaves your list: you no longer see it. Staff
/// see the reason; the submitter does not.
#[utoipa::path(
    tag = "conflicts",
    params(("id" = Uuid, Path, description = "The idea's id")),
    request_body = DeclareConflictRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The conflict, recorded.", body = ConflictView),
        (status = 404, description = "`not_found`: no such idea, or you do not review it."),
        (status = 409, description = "`conflict_exists`: it is recorded already."),
        (status = 422, description = "`validation_failed`: the reason is missing or too long."),
    ),
)]
#[post("/ideas/{id}/conflict")]
pub async fn declare_conflict(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: ValidJson<DeclareConflictRequest>,
) -> ApiResult<HttpResponse> {
    let (id, actor) = (id.into_inner(), caller.actor());
    // Who does not review the idea learns nothing from the body: the refusal comes first.
    if let Err(err) = app::conflicts::ensure_declarable(&state.db, &actor, id).await {
        return Err(app::conflicts::refusal(&state.db, &actor, id, err).await.into());
    }
    let request = body.into_inner()?;
    match app::conflicts::declare(&state.db, &actor, id, request.reason, Utc::now()).await {
        Ok(row) => Ok(HttpResponse::Created().json(ConflictView::from_row(row))),
        Err(err) => Err(app::conflicts::refusal(&state.db, &actor, id, err).await.into()),
    }
}
