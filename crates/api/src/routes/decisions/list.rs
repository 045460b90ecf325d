use actix_web::{get, web};
use uuid::Uuid;

use super::dto::DecisionListView;
use crate::error::ApiResult;
use crate::extract::Staff;
use crate::state::AppState;

/// A call's decisions (staff), pending or published, with the tally and how many ideas with the jury still
/// wait for one.
#[utoipa::path(
    tag = "decisions",
    params(("callId" = Uuid, Path, description = "The call's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The call's decisions.", body = DecisionListView),
    ),
)]
#[get("/calls/{callId}/decisions")]
pub async fn list_decisions(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    call_id: web::Path<Uuid>,
) -> ApiResult<web::Json<DecisionListView>> {
    let decisions = app::decisions::list(&state.db, &staff.actor(), call_id.into_inner()).await?;
    Ok(web::Json(DecisionListView::new(decisions)))
}
