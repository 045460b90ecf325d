//! Readiness: whether the service can do its work, which is whether its database answers.

use crate::error::{Error, ErrorCode, Result};

/// Ok while the database answers; 503 `not_ready` (the cause logged) while it does not.
pub async fn ready(db: &db::Db) -> Result<()> {
    db::ping(db).await.map_err(|err| {
        tracing::warn!(%err, "readiness check failed");
        Error::new(ErrorCode::NotReady, "The database does not answer.")
    })
}
