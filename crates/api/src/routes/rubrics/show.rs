use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use super::dto::RubricView;
use crate::error::ApiResult;
use crate::extract::etag_header;
use crate::state::AppState;

/// A call's rubric: the criteria reviewers score, with their weights and scales. Anyone may read it.
#[utoipa::path(
    tag = "rubrics",
    params(("id" = Uuid, Path, description = "The call's id")),
    responses(
        (status = 200, description = "The rubric.", body = RubricView,
            headers(("ETag" = String, description = "Send it as If-Match to change the rubric"))),
        (status = 404, description = "`not_found`: no such call, or it has no rubric yet."),
    ),
)]
#[get("/calls/{id}/rubric")]
pub async fn show_rubric(state: web::Data<AppState>, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let view = RubricView::new(app::rubrics::show(&state.db, id.into_inner()).await?);
    Ok(HttpResponse::Ok().insert_header(etag_header(view.version)).json(view))
}
