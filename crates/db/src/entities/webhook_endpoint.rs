use domain::webhook::{WebhookDisabledBy, WebhookEventType, WebhookScope};
use sea_orm::entity::prelude::*;

use crate::stored::{Listed, Named};

/// Where an integrator receives the events it subscribed to.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_endpoints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub url: String,
    pub description: String,
    pub event_types: Listed<WebhookEventType>,
    pub scope: Named<WebhookScope>,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_expires_at: Option<DateTimeUtc>,
    pub enabled: bool,
    pub disabled_at: Option<DateTimeUtc>,
    pub disabled_by: Option<Named<WebhookDisabledBy>>,
    pub failing_since: Option<DateTimeUtc>,
    pub consecutive_failures: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
