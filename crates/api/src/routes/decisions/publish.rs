use actix_web::{post, web};
use chrono::{SubsecRound, Utc};
use uuid::Uuid;

use super::dto::PublishedDecisionsView;
use crate::error::ApiResult;
use crate::extract::Staff;
use crate::state::AppState;

/// Publish a call's decisions (staff), once.
///
/// The call must be closed for ideas, and every idea still with the jury must have a decision. In one transaction, each decided idea becomes
/// `selected` or `not_selected` (its submitter sees the result and the reviewers' comments meant for them,
/// the public sees the selected ones), each change with its event, and the call's phase becomes `decided`.
#[utoipa::path(
    tag = "decisions",
    params(("callId" = Uuid, Path, description = "The call's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The decisions are out.", body = PublishedDecisionsView),
        (status = 409, description = "`decisions_published`: they are out already; `decisions_incomplete`: some \
            ideas with the jury have no decision yet (the detail says how many), or the call still takes ideas."),
    ),
)]
#[post("/calls/{callId}/decisions/publish")]
pub async fn publish_decisions(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    call_id: web::Path<Uuid>,
) -> ApiResult<web::Json<PublishedDecisionsView>> {
    // To the microsecond, as both databases keep it: the answer then equals the call's decisionsPublishedAt.
    let now = Utc::now().trunc_subsecs(6);
    let published = app::decisions::publish(&state.db, &staff.actor(), call_id.into_inner(), now).await?;
    Ok(web::Json(PublishedDecisionsView {
        published_at: published.at,
        selected: published.selected,
        not_selected: published.not_selected,
    }))
}
