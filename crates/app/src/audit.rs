//! The audit trail: the privileged actions and those on accounts' security, read by admins only, with who
//! acted, on what, when and from which address. It is read from the history, which nobody can change.

use domain::event::{EventKind, SubjectKind};
use uuid::Uuid;

use crate::accounts::ensure_admin;
use crate::{Actor, Db, Error, Result};

pub use db::events::AuditFilter;

/// One entry: the event, the name of who acted and, for an account, the account's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub event: db::events::Model,
    pub actor_name: Option<String>,
    pub subject_name: Option<String>,
}

/// One page of the trail, the latest first, and how many entries match. A kind the trail does not keep
/// is refused (422 at /kind) rather than answered with nothing.
pub async fn list(db: &Db, actor: &Actor, filter: &AuditFilter) -> Result<(Vec<Entry>, u64)> {
    ensure_admin(actor)?;
    if filter.kind.is_some_and(|kind| !EventKind::is_audited(kind)) {
        return Err(Error::field(
            "/kind",
            "not_audited",
            "the audit trail does not keep this kind of event",
        ));
    }
    let (events, total) = db::events::audit(db, filter).await?;
    let accounts = events.iter().filter_map(account_of);
    let names = crate::history::display_names(db, events.iter().filter_map(|e| e.actor_id).chain(accounts)).await?;
    let name_of = |id: Uuid| names.get(&id).cloned();
    let entries = events
        .into_iter()
        .map(|event| Entry {
            actor_name: event.actor_id.and_then(name_of),
            subject_name: account_of(&event).and_then(name_of),
            event,
        })
        .collect();
    Ok((entries, total))
}

/// The account an event is about, if it is about one.
fn account_of(event: &db::events::Model) -> Option<Uuid> {
    (*event.subject_type == SubjectKind::Account).then_some(event.subject_id)
}
