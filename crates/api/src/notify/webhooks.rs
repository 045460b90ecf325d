//! The webhook dispatcher: takes due deliveries under a lease, signs and POSTs each to its endpoint, and
//! records how each attempt went. It runs beside the e-mail dispatcher in every API process.

use std::sync::Arc;
use std::time::Duration;

use actix_web::web;
use app::webhooks::{AttemptOutcome, Delivery, DisableRule, Endpoint};
use chrono::{TimeDelta, Utc};
use futures_util::StreamExt;
use webhook::{Outgoing, SendError, Sender};

use crate::state::AppState;

#[derive(Clone)]
pub struct WebhookDispatcher {
    pub state: web::Data<AppState>,
    pub sender: Arc<Sender>,
    pub batch: u64,
    pub lease: TimeDelta,
    pub poll: Duration,
    /// Deliveries of a batch in flight at once: receivers answer slowly, each on its own.
    pub concurrency: usize,
    pub disable: DisableRule,
}

/// The id a receiver sees in webhook-id: the delivery's, with the prefix the convention suggests.
pub fn message_id(delivery: &Delivery) -> String {
    format!("msg_{}", delivery.id.simple())
}

impl WebhookDispatcher {
    /// Delivers until the task is dropped: a full batch is followed at once by the next.
    pub async fn run(self) {
        loop {
            match self.deliver_due().await {
                Ok(taken) if taken as u64 >= self.batch => continue,
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "the webhook deliveries could not be read or updated"),
            }
            tokio::time::sleep(self.poll).await;
        }
    }

    /// One pass: takes up to a batch of due deliveries, sends them, records the outcomes. Returns how
    /// many it took.
    pub async fn deliver_due(&self) -> app::Result<usize> {
        let claimed = app::webhooks::claim(&self.state.db, self.batch, self.lease, Utc::now()).await?;
        let taken = claimed.len();
        let outcomes: Vec<_> = futures_util::stream::iter(claimed)
            .map(|(delivery, endpoint)| async move {
                let outcome = self.attempt(&delivery, &endpoint).await;
                if let Some(error) = &outcome.error {
                    tracing::warn!(delivery = %delivery.id, endpoint = %endpoint.id, error, "a webhook was not delivered");
                }
                (delivery, outcome)
            })
            .buffer_unordered(self.concurrency.max(1))
            .collect()
            .await;
        for (delivery, outcome) in outcomes {
            app::webhooks::record(&self.state.db, &delivery, outcome, rand::random::<f64>(), self.disable).await?;
        }
        Ok(taken)
    }

    async fn attempt(&self, delivery: &Delivery, endpoint: &Endpoint) -> AttemptOutcome {
        let now = Utc::now();
        let id = message_id(delivery);
        let secrets = app::webhooks::signing_secrets(endpoint, now);
        let outgoing = Outgoing {
            url: &endpoint.url,
            id: &id,
            timestamp: now.timestamp(),
            body: &delivery.payload,
            secrets: &secrets,
        };
        let started = std::time::Instant::now();
        let result = self.sender.send(&outgoing).await;
        let duration_ms = i32::try_from(started.elapsed().as_millis()).unwrap_or(i32::MAX);
        match result {
            Ok(answer) => {
                let error = (!answer.is_success()).then(|| format!("the receiver answered {}", answer.status));
                AttemptOutcome {
                    attempted_at: now,
                    status: Some(answer.status),
                    response_body: Some(answer.body).filter(|body| !body.is_empty()),
                    error,
                    permanent: false,
                    duration_ms: i32::try_from(answer.duration.as_millis()).unwrap_or(duration_ms),
                }
            }
            Err(err) => AttemptOutcome {
                attempted_at: now,
                status: None,
                response_body: None,
                // A refused address stays refused until an admin changes the URL: no point retrying.
                permanent: matches!(err, SendError::Target(webhook::TargetError::RefusedAddress { .. })),
                error: Some(err.to_string()),
                duration_ms,
            },
        }
    }
}
