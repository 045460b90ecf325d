//! The sweep: bytes that no live file shows go. A blob claimed by an upload within the grace time stays
//! (its row may be about to be committed); a blob is deleted while its row is locked, so an upload that
//! claims it again waits and then writes the bytes anew.

use chrono::{DateTime, TimeDelta, Utc};

use crate::Db;
use crate::error::{Error, Result};

/// What a sweep deleted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Blobs no live file showed any more.
    pub unreferenced: Vec<String>,
    /// Bytes in the store no upload ever claimed (left by a crash, or by hand).
    pub strays: Vec<String>,
}

pub async fn sweep(db: &Db, storage: &files::Storage, grace: TimeDelta, now: DateTime<Utc>) -> Result<SweepReport> {
    let claimed_before = now - grace;
    let mut report = SweepReport::default();
    for sha256 in db::files::sweepable(db, claimed_before).await? {
        let txn = db::begin_write(db).await?;
        if db::files::lock_if_sweepable(&txn, &sha256, claimed_before).await? {
            storage.delete(&sha256).await.map_err(Error::internal)?;
            db::files::delete_blob(&txn, &sha256).await?;
            report.unreferenced.push(sha256);
        }
        txn.commit().await?;
    }
    // Listed before the claims are read: bytes are written only after their claim is committed, so any
    // bytes listed here whose claim is not found were never claimed.
    let stored = storage.list().await.map_err(Error::internal)?;
    let known: std::collections::HashSet<String> = db::files::known_blobs(db).await?.into_iter().collect();
    for blob in stored {
        if !known.contains(&blob.sha256) && blob.last_modified < claimed_before {
            storage.delete(&blob.sha256).await.map_err(Error::internal)?;
            report.strays.push(blob.sha256);
        }
    }
    if !report.unreferenced.is_empty() || !report.strays.is_empty() {
        tracing::info!(
            unreferenced = report.unreferenced.len(),
            strays = report.strays.len(),
            "the file sweep deleted bytes no file shows"
        );
    }
    Ok(report)
}
