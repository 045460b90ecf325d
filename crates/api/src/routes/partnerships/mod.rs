//! Partnerships with foreign cities: everyone reads them (without focal points), staff record them,
//! edit them and change their state, each change kept in their history with when, who and why.

mod change_state;
mod create;
pub mod dto;
mod list;
mod show;
mod update;

use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use dto::{PartnershipView, StateChangeView};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_partnerships)
        .service(create::create_partnership)
        .service(show::show_partnership)
        .service(update::update_partnership)
        .service(change_state::change_partnership_state);
}

/// One partnership as `staff` or another caller sees it, with its history; 404 when there is none.
pub async fn detail(db: &impl ConnectionTrait, state: &AppState, id: Uuid, staff: bool) -> ApiResult<PartnershipView> {
    let dates = state.health_dates();
    let row = db::partnerships::find_row(db, id, dates)
        .await?
        .ok_or_else(ApiError::not_found)?;
    with_history(db, row, staff, state.dormancy, dates.today).await
}

/// The view of a partnership read with its health, and its history.
pub async fn with_history(
    db: &impl ConnectionTrait,
    row: db::partnerships::PartnershipRow,
    staff: bool,
    rule: domain::partnership::DormancyRule,
    today: chrono::NaiveDate,
) -> ApiResult<PartnershipView> {
    let id = row.partnership.id;
    let mut view = PartnershipView::new(row, staff, rule, today)?;
    let history = db::partnerships::history(db, id)
        .await?
        .into_iter()
        .map(|change| StateChangeView::new(change, staff))
        .collect::<ApiResult<Vec<_>>>()?;
    view.history = Some(history);
    Ok(view)
}
