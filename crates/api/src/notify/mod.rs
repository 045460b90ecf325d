//! Delivery and the clock, inside the server: the dispatcher sends what the outbox holds, the scheduler
//! writes the notices days bring. Both run in every API process; the database makes sure each message is
//! sent by one process at a time and each notice of the clock is written once.

pub mod dispatcher;
pub mod scheduler;

pub use dispatcher::Dispatcher;
pub use scheduler::Scheduler;
