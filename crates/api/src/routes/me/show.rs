use actix_web::{get, web};

use crate::error::ApiResult;
use crate::extract::SignedIn;
use crate::routes::auth::dto::UserView;

/// Your account.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses((status = 200, description = "The signed-in account.", body = UserView)),
)]
#[get("/me")]
pub async fn show_me(caller: SignedIn) -> ApiResult<web::Json<UserView>> {
    UserView::from_model(caller.user).map(web::Json)
}
