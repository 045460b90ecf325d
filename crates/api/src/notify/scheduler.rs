//! The scheduler: every so often, writes the reminders and digests that have come due; every hour, sweeps
//! the file store of bytes no file shows.

use std::time::Duration;

use actix_web::web;
use app::reminders::Schedule;
use chrono::Utc;

use crate::state::AppState;

#[derive(Clone)]
pub struct Scheduler {
    pub state: web::Data<AppState>,
    pub schedule: Schedule,
    pub interval: Duration,
    /// How long the file sweep leaves bytes after an upload claimed them.
    pub sweep_grace: chrono::TimeDelta,
}

/// How often the file store is swept.
const SWEEP_EVERY: Duration = Duration::from_secs(3600);

impl Scheduler {
    pub async fn run(self) {
        let mut last_sweep: Option<std::time::Instant> = None;
        loop {
            if last_sweep.is_none_or(|at| at.elapsed() >= SWEEP_EVERY) {
                last_sweep = Some(std::time::Instant::now());
                let storage = &self.state.files.storage;
                if let Err(err) = app::files::sweep(&self.state.db, storage, self.sweep_grace, Utc::now()).await {
                    tracing::warn!(error = %err, "the file sweep failed");
                }
            }
            match app::reminders::write_due(&self.state.db, &self.schedule, Utc::now()).await {
                Ok(written) if written != Default::default() => {
                    tracing::info!(?written, "notices of the clock written")
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "the clock's notices could not be written"),
            }
            tokio::time::sleep(self.interval).await;
        }
    }
}
