//! Citizen Diplomat's webhooks: one stored delivery becomes one HTTP POST, signed the Standard Webhooks
//! way (`webhook-id`, `webhook-timestamp`, `webhook-signature`) so a receiver can check it came from us
//! and was not replayed. An admin types the URL, so it is untrusted: [`TargetPolicy`] refuses anything
//! but public https targets, and [`Sender`] checks every address a name resolves to before it connects,
//! so a webhook cannot be pointed at the server's own network or a cloud metadata service. No database:
//! the dispatcher that reads the delivery queue calls [`Sender::send`] and logs the [`Answer`].

mod send;
mod signature;
mod target;

pub use send::{Answer, Outgoing, SendError, Sender};
pub use signature::{SecretError, new_secret, sign};
pub use target::{AddressClass, TargetError, TargetPolicy};

#[cfg(test)]
mod tests;
