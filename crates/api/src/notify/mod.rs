//! Delivery and the clock, inside the server: the dispatchers send what the outbox holds (e-mail) and the
//! webhook deliveries, the scheduler
//! writes the notices days bring. Both run in every API process; the database makes sure each message is
//! sent by one process at a time and each notice of the clock is written once.

pub mod dispatcher;
pub mod scheduler;
pub mod webhooks;

pub use dispatcher::Dispatcher;
pub use scheduler::Scheduler;
pub use webhooks::WebhookDispatcher;
