use actix_web::{post, web};
use chrono::Utc;
use uuid::Uuid;

use super::dto::{AutoAssignRequest, AutoAssignView};
use crate::error::ApiResult;
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Give every shortlisted idea of the call, and every idea in review still short of reviewers, the call's
/// number of reviewers (staff).
///
/// The plan's rules, in order of priority when they cannot all hold: never a conflict of interest; never above
/// a reviewer's maximum load in the call; existing assignments kept; every idea gets the call's number of
/// reviewers; each idea's reviewers come from at least two organisations; loads balanced (within one among
/// reviewers of equal maximum load); expertise matching the idea's domain; the jury connected (every reviewer
/// linked to every other through shared ideas, so that the ranking can calibrate reviewers against one another:
/// a few reviewers are exchanged between ideas of fields that expertise alone would keep apart, at the cost of a
/// few expertise matches; `connected` is reported when no exchange can link them). Only active reviewers are
/// planned.
/// The same call and roster always give the same plan. With `dryRun` the plan and its figures come back and
/// nothing is saved; otherwise the assignments are made, each with its event.
#[utoipa::path(
    tag = "assignments",
    params(("id" = Uuid, Path, description = "The call's id")),
    request_body = AutoAssignRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The plan, its figures and every rule it could not meet.", body = AutoAssignView),
        (status = 409, description = "`decisions_published`: the call is decided; `already_assigned`: another \
            assignment was made meanwhile — plan again."),
    ),
)]
#[post("/calls/{id}/assignments/auto")]
pub async fn auto_assign(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    body: ValidJson<AutoAssignRequest>,
) -> ApiResult<web::Json<AutoAssignView>> {
    let request = body.into_inner()?;
    let planned = app::assignments::auto_assign(
        &state.db,
        &staff.actor(),
        id.into_inner(),
        request.dry_run,
        state.time_zone,
        Utc::now(),
    )
    .await?;
    Ok(web::Json(AutoAssignView::new(planned)))
}
