//! The dispatcher: takes due messages from the outbox under a lease, renders and sends each in its
//! reader's language, and records how each attempt ended (sent, retry later with backoff, or dead).

use std::sync::Arc;
use std::time::Duration;

use actix_web::web;
use app::outbox::{Attempt, Claimed};
use chrono::{TimeDelta, Utc};
use futures_util::StreamExt;
use mail::{Mailer, Outgoing, Recipient};

use crate::state::AppState;

#[derive(Clone)]
pub struct Dispatcher {
    pub state: web::Data<AppState>,
    pub mailer: Arc<Mailer>,
    /// Messages taken at once.
    pub batch: u64,
    /// How long this process holds what it took.
    pub lease: TimeDelta,
    /// The pause after a pass that found less than a full batch.
    pub poll: Duration,
    /// Messages of a batch in flight at once: a mail server answers each message after a round trip or
    /// more, so sending one after another would leave the line idle most of the time.
    pub concurrency: usize,
}

impl Dispatcher {
    /// Delivers until the task is dropped: a full batch is followed at once by the next.
    pub async fn run(self) {
        loop {
            match self.deliver_due().await {
                Ok(taken) if taken as u64 >= self.batch => continue,
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "the outbox could not be read or updated"),
            }
            tokio::time::sleep(self.poll).await;
        }
    }

    /// One pass: takes up to a batch of due messages, sends them, records the outcomes. Returns how many
    /// it took.
    pub async fn deliver_due(&self) -> app::Result<usize> {
        let claimed = app::outbox::claim(&self.state.db, self.batch, self.lease, Utc::now()).await?;
        let taken = claimed.len();
        if taken == 0 {
            return Ok(0);
        }
        let attempts: Vec<_> = futures_util::stream::iter(claimed)
            .map(|message| async move {
                let attempt = self.attempt(&message).await;
                if let Attempt::Failed { error, permanent } = &attempt {
                    tracing::warn!(message = %message.message.id, kind = %*message.message.kind, error, permanent, "a message was not sent");
                }
                (message.message, attempt)
            })
            .buffer_unordered(self.concurrency.max(1))
            .collect()
            .await;
        app::outbox::record(&self.state.db, attempts, rand::random::<f64>, Utc::now()).await?;
        Ok(taken)
    }

    async fn attempt(&self, claimed: &Claimed) -> Attempt {
        let message = &claimed.message;
        let Some(user) = claimed.recipient.as_ref().filter(|user| user.active) else {
            return Attempt::Failed {
                error: "the recipient's account is deactivated or gone".to_owned(),
                permanent: true,
            };
        };
        let recipient = Recipient {
            email: user.email.clone(),
            name: user.display_name.clone(),
            locale: *user.locale,
        };
        let kind = *message.kind;
        let unsubscribe = (!kind.essential()).then(|| self.state.keys.unsubscribe_token(user.id, kind));
        let outgoing = Outgoing {
            id: message.id,
            recipient: &recipient,
            notice: &message.payload,
            secret: message.secret.as_deref(),
            unsubscribe_token: unsubscribe.as_deref(),
            created_at: message.created_at,
        };
        match self.mailer.send(&outgoing).await {
            Ok(()) => Attempt::Sent,
            Err(err) => Attempt::Failed {
                error: err.to_string(),
                permanent: err.is_permanent(),
            },
        }
    }
}
