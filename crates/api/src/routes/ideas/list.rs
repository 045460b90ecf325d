use actix_web::{get, web};
use app::Order;
use chrono::Utc;
use domain::call::Moment;
use uuid::Uuid;

use super::dto::{IdeaView, ListIdeasQuery};
use crate::error::ApiResult;
use crate::extract::{ValidQuery, Viewer};
use crate::routes::cities::dto::canonical_country;
use crate::routes::page::{self, Page};
use crate::routes::sort::Sort;
use crate::state::AppState;
use db::ideas::{Audience, IdeaFilter, IdeaSortField};

async fn list(
    state: &AppState,
    viewer: &Viewer,
    query: ListIdeasQuery,
    call_id: Option<Uuid>,
) -> ApiResult<Page<IdeaView>> {
    let (limit, offset) = page::bounds(query.limit, query.offset);
    let moment = |text: Option<String>, end: bool| {
        text.and_then(|t| Moment::parse(&t).ok()).map(|m| {
            if end {
                m.end(state.time_zone)
            } else {
                m.start(state.time_zone)
            }
        })
    };
    let sort = query.sort.map_or((IdeaSortField::SubmittedAt, Order::Desc), Sort::key);
    let mine = query.mine == Some(true);
    let filter = IdeaFilter {
        // Set by the use case from who asks.
        audience: Audience::Public,
        mine_of: None,
        call_id: call_id.or(query.call_id),
        state: query.state,
        domain: query.domain,
        target_city_id: query.target_city_id,
        target_country: query.target_country.as_deref().map(canonical_country),
        submitter_category: query.submitter_category,
        submitted_from: moment(query.submitted_from, false),
        submitted_to: moment(query.submitted_to, true),
        q: query.q,
        sort,
        limit: limit.into(),
        offset: offset.into(),
    };
    let (rows, total) = app::ideas::list(&state.db, viewer.actor().as_ref(), mine, filter, Utc::now()).await?;
    let items = rows.into_iter().map(IdeaView::of).collect();
    Ok(Page::new(items, total, (limit, offset)))
}

/// List the ideas you may see, across calls.
///
/// Staff see every idea, with each one's best near-duplicate match; a signed-in account its own
/// ideas and the published selected ones; the public the published selected ones.
#[utoipa::path(
    tag = "ideas",
    params(ListIdeasQuery),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "One page of ideas.", body = Page<IdeaView>),
    ),
)]
#[get("/ideas")]
pub async fn list_ideas(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: ValidQuery<ListIdeasQuery>,
) -> ApiResult<web::Json<Page<IdeaView>>> {
    list(&state, &viewer, query.0, None).await.map(web::Json)
}

/// List the ideas of one call that you may see (as GET /api/v1/ideas?callId=…).
#[utoipa::path(
    tag = "ideas",
    params(("callId" = Uuid, Path, description = "The call's id"), ListIdeasQuery),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "One page of the call's ideas.", body = Page<IdeaView>),
    ),
)]
#[get("/calls/{callId}/ideas")]
pub async fn list_call_ideas(
    state: web::Data<AppState>,
    viewer: Viewer,
    call_id: web::Path<Uuid>,
    query: ValidQuery<ListIdeasQuery>,
) -> ApiResult<web::Json<Page<IdeaView>>> {
    let call = app::calls::find(&state.db, call_id.into_inner()).await?;
    list(&state, &viewer, query.0, Some(call.id)).await.map(web::Json)
}
