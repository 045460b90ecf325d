use actix_web::{get, web};
use domain::review::DecisionOutcome;
use uuid::Uuid;

use super::dto::{DecisionCounts, DecisionList, DecisionView};
use crate::error::{ApiResult, Problem};
use crate::extract::Staff;
use crate::state::AppState;

/// A call's decisions (staff), pending or published, with the tally and how many ideas with the jury still
/// wait for one.
#[utoipa::path(
    tag = "decisions",
    params(("callId" = Uuid, Path, description = "The call's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The call's decisions.", body = DecisionList),
        (status = 401, description = "`not_signed_in`: sign in first.",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`forbidden`: staff only.",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such call.",
            body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/calls/{callId}/decisions")]
pub async fn list_decisions(
    state: web::Data<AppState>,
    _staff: Staff,
    call_id: web::Path<Uuid>,
) -> ApiResult<web::Json<DecisionList>> {
    let call = crate::routes::calls::find(&state.db, call_id.into_inner()).await?;
    let published = call.decisions_published_at.is_some();
    let items = db::decisions::rows(&state.db, call.id, None)
        .await?
        .into_iter()
        .map(|row| DecisionView::new(row, published))
        .collect::<ApiResult<Vec<_>>>()?;
    let undecided = db::decisions::count_undecided(&state.db, call.id).await?;
    let count = |outcome: DecisionOutcome| items.iter().filter(|d| d.outcome == outcome).count() as u64;
    let counts = DecisionCounts {
        selected: count(DecisionOutcome::Selected),
        not_selected: count(DecisionOutcome::NotSelected),
        undecided,
    };
    Ok(web::Json(DecisionList { items, counts }))
}
