//! Requests signed with an API key (`Authorization: Bearer cdk_…`): one check before any handler runs —
//! the key, its rate limit and whether one of its scopes opens the matched route — so that every
//! operation is covered whether or not its handler asks who is calling. A key that passes is left in the
//! request for the extractors (`extract::auth`), which act as its service account, as staff or as the
//! public as its scope decides.

use actix_web::HttpMessage;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{Error, ResponseError, web};
use app::api_keys::KeyUse;
use chrono::Utc;

use super::tokens::token_hash;
use crate::error::ApiError;
use crate::state::AppState;

/// A key that passed, for the extractors.
#[derive(Debug, Clone)]
pub struct KeyCaller(pub KeyUse);

fn api_key_of(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && domain::api_key::is_api_key(token)).then(|| token.to_owned())
}

pub async fn check_api_keys(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let Some(token) = api_key_of(&req) else {
        return next.call(req).await.map(ServiceResponse::map_into_left_body);
    };
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        let problem = ApiError::internal("application state missing").error_response();
        return Ok(req.into_response(problem).map_into_right_body());
    };
    // The route's template (`/api/v1/calls/{id}`); a path no route matches goes on to its 404 or 405.
    let route = req.match_pattern().unwrap_or_else(|| req.path().to_owned());
    let checked = app::api_keys::authenticate(
        &state.db,
        &token_hash(&token),
        req.method().as_str(),
        &route,
        Utc::now(),
    )
    .await;
    match checked {
        Ok(key_use) => {
            req.extensions_mut().insert(KeyCaller(key_use));
            next.call(req).await.map(ServiceResponse::map_into_left_body)
        }
        Err(err) => {
            let problem = ApiError::from(err).error_response();
            Ok(req.into_response(problem).map_into_right_body())
        }
    }
}
