//! `ValidQuery<T>`: query parameters deserialised with their names in errors, then validated (422).

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::{Ready, ready};
use serde::de::DeserializeOwned;
use validator::Validate;

use super::validation::{deserialize_error, validation_errors};
use crate::error::ApiError;

pub struct ValidQuery<T>(pub T);

pub fn parse<T: DeserializeOwned + Validate>(query: &str) -> Result<T, ApiError> {
    let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    let value: T = serde_path_to_error::deserialize(deserializer)
        .map_err(|err| deserialize_error(err.path(), &err.inner().to_string()))?;
    value.validate().map_err(|errors| validation_errors(&errors))?;
    Ok(value)
}

impl<T: DeserializeOwned + Validate> FromRequest for ValidQuery<T> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse(req.query_string()).map(ValidQuery))
    }
}
