//! Readiness: whether the service can do its work: its database answers, and so do its file store and
//! the antivirus when one is set.

use crate::error::{Error, ErrorCode, Result};

/// Ok while the database answers; 503 `not_ready` (the cause logged) while it does not.
pub async fn ready(db: &db::Db) -> Result<()> {
    db::ping(db).await.map_err(|err| {
        tracing::warn!(%err, "readiness check failed");
        Error::new(ErrorCode::NotReady, "The database does not answer.")
    })
}

/// Ok while the file store (and the antivirus, when set) answers; 503 `not_ready` otherwise.
pub async fn files_ready(store: &crate::files::FileStore) -> Result<()> {
    store.check().await.map_err(|cause| {
        tracing::warn!(%cause, "readiness check failed");
        Error::new(ErrorCode::NotReady, format!("{cause} does not answer."))
    })
}
