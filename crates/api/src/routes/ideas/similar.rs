use actix_web::{get, web};
use uuid::Uuid;

use super::dto::{IdeaView, SimilarIdeaView, SimilarIdeasView};
use crate::error::ApiResult;
use crate::extract::Staff;
use crate::state::AppState;
use chrono::Utc;

/// The ideas of the same call most like this one, best first (staff).
///
/// The score (0 to 1) estimates the share of character trigrams the two folded texts have in
/// common, from fixed-size MinHash fingerprints; 0.6 and above usually means a near-duplicate.
#[utoipa::path(
    tag = "screening",
    params(("id" = Uuid, Path, description = "The idea's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "Up to 10 similar ideas.", body = SimilarIdeasView)),
)]
#[get("/ideas/{id}/similar")]
pub async fn similar_ideas(
    state: web::Data<AppState>,
    _staff: Staff,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<SimilarIdeasView>> {
    let similar = app::ideas::similar(&state.db, id.into_inner(), Utc::now()).await?;
    let items = similar
        .into_iter()
        .map(|(viewed, score)| SimilarIdeaView {
            idea: IdeaView::of(viewed),
            score,
        })
        .collect();
    Ok(web::Json(SimilarIdeasView { items }))
}
