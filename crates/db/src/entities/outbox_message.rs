use domain::notice::{DeliveryState, Notice, NoticeKind};
use sea_orm::entity::prelude::*;

use crate::stored::{Json, Named};

/// An e-mail to deliver, written in the transaction of its cause.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub kind: Named<NoticeKind>,
    pub payload: Json<Notice>,
    /// The one-time token of a link message, until it is sent.
    pub secret: Option<String>,
    pub state: Named<DeliveryState>,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub locked_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
