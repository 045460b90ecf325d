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
    let mut ids: Vec<Uuid> = events
        .iter()
        .flat_map(|e| {
            let account = (*e.subject_type == SubjectKind::Account).then_some(e.subject_id);
            e.actor_id.into_iter().chain(account)
        })
        .collect();
    ids.sort();
    ids.dedup();
    let names = db::users::display_names(db, &ids).await?;
    let name_of = |id: Uuid| names.iter().find(|(user, _)| *user == id).map(|(_, name)| name.clone());
    let entries = events
        .into_iter()
        .map(|event| Entry {
            actor_name: event.actor_id.and_then(name_of),
            subject_name: (*event.subject_type == SubjectKind::Account)
                .then(|| name_of(event.subject_id))
                .flatten(),
            event,
        })
        .collect();
    Ok((entries, total))
}
