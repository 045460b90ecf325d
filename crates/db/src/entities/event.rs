use domain::event::{EventKind, SubjectKind};
use sea_orm::entity::prelude::*;

use crate::stored::Named;

/// One entry of the history: what happened to a subject (a call, an idea, an account…), by whom, when,
/// from what to what and why.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub subject_type: Named<SubjectKind>,
    pub subject_id: Uuid,
    /// The call the subject belongs to, if any.
    pub call_id: Option<Uuid>,
    /// Null for the system's own changes.
    pub actor_id: Option<Uuid>,
    pub kind: Named<EventKind>,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub created_at: DateTimeUtc,
    /// The address the actor's request came from, where it matters (privileged actions).
    pub client_address: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
