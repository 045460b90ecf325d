//! The scheduler: every so often, writes the reminders and digests that have come due.

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
}

impl Scheduler {
    pub async fn run(self) {
        loop {
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
