use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::{index, references};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Integrations (issue 18): API keys, each acting as a service account of its own, and webhook endpoints
/// with their deliveries and the log of every attempt.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    // A service account acts for an API key: it never signs in and is never told anything.
                    .add_column(boolean(Added::Service).default(false))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ApiKeys::Table)
                    .col(pk_uuid(ApiKeys::Id))
                    // The key's service account: what it does is written in the history under this account.
                    .col(uuid(ApiKeys::UserId))
                    .col(string_len(ApiKeys::Name, 120))
                    // The first characters of the key, so that admins can tell keys apart without the secret.
                    .col(string_len(ApiKeys::Prefix, 16))
                    // SHA-256 of the key: the key itself is shown once and never stored.
                    .col(string_uniq(ApiKeys::TokenHash))
                    .col(string_len(ApiKeys::Scopes, 200))
                    .col(integer(ApiKeys::RateLimit))
                    // The current minute's window of the rate limit, shared by every API process.
                    .col(timestamp_with_time_zone_null(ApiKeys::WindowStartedAt))
                    .col(integer(ApiKeys::WindowCount).default(0))
                    .col(timestamp_with_time_zone(ApiKeys::ExpiresAt))
                    .col(timestamp_with_time_zone_null(ApiKeys::RevokedAt))
                    .col(timestamp_with_time_zone_null(ApiKeys::LastUsedAt))
                    .col(uuid_null(ApiKeys::CreatedBy))
                    .col(timestamp_with_time_zone(ApiKeys::CreatedAt))
                    .foreign_key(&mut references(
                        (ApiKeys::Table, ApiKeys::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_api_keys_created_at",
            ApiKeys::Table,
            &[ApiKeys::CreatedAt],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(WebhookEndpoints::Table)
                    .col(pk_uuid(WebhookEndpoints::Id))
                    .col(text(WebhookEndpoints::Url))
                    .col(string_len(WebhookEndpoints::Description, 500))
                    .col(string_len(WebhookEndpoints::EventTypes, 400))
                    // public or staff: what the payloads may carry.
                    .col(string_len(WebhookEndpoints::Scope, 16))
                    // The signing secret (whsec_…); it must be readable to sign, so it is kept as it is.
                    .col(string_len(WebhookEndpoints::Secret, 100))
                    // After a rotation the previous secret signs too, until the overlap ends.
                    .col(string_len_null(WebhookEndpoints::PreviousSecret, 100))
                    .col(timestamp_with_time_zone_null(WebhookEndpoints::PreviousSecretExpiresAt))
                    .col(boolean(WebhookEndpoints::Enabled))
                    .col(timestamp_with_time_zone_null(WebhookEndpoints::DisabledAt))
                    // admin or platform (after a long run of failures).
                    .col(string_len_null(WebhookEndpoints::DisabledBy, 16))
                    // The first failed attempt of the current run of failures, and how many in a row.
                    .col(timestamp_with_time_zone_null(WebhookEndpoints::FailingSince))
                    .col(integer(WebhookEndpoints::ConsecutiveFailures).default(0))
                    .col(uuid_null(WebhookEndpoints::CreatedBy))
                    .col(timestamp_with_time_zone(WebhookEndpoints::CreatedAt))
                    .col(timestamp_with_time_zone(WebhookEndpoints::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(WebhookDeliveries::Table)
                    // The message id (webhook-id): the same on every attempt and redelivery.
                    .col(pk_uuid(WebhookDeliveries::Id))
                    .col(uuid(WebhookDeliveries::EndpointId))
                    .col(string_len(WebhookDeliveries::EventType, 40))
                    // The body exactly as it is signed and sent: what the endpoint's scope may see.
                    .col(text(WebhookDeliveries::Payload))
                    // pending, delivered or failed.
                    .col(string_len(WebhookDeliveries::State, 16))
                    .col(integer(WebhookDeliveries::Attempts).default(0))
                    .col(timestamp_with_time_zone(WebhookDeliveries::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(WebhookDeliveries::LockedUntil))
                    .col(integer_null(WebhookDeliveries::LastStatus))
                    .col(text_null(WebhookDeliveries::LastError))
                    .col(timestamp_with_time_zone(WebhookDeliveries::CreatedAt))
                    .col(timestamp_with_time_zone_null(WebhookDeliveries::DeliveredAt))
                    .foreign_key(&mut references(
                        (WebhookDeliveries::Table, WebhookDeliveries::EndpointId),
                        (WebhookEndpoints::Table, WebhookEndpoints::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_webhook_deliveries_state_next_attempt_at",
            WebhookDeliveries::Table,
            &[WebhookDeliveries::State, WebhookDeliveries::NextAttemptAt],
        )
        .await?;
        index(
            manager,
            "idx_webhook_deliveries_endpoint_id_created_at",
            WebhookDeliveries::Table,
            &[WebhookDeliveries::EndpointId, WebhookDeliveries::CreatedAt],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(WebhookAttempts::Table)
                    .col(pk_uuid(WebhookAttempts::Id))
                    .col(uuid(WebhookAttempts::DeliveryId))
                    .col(timestamp_with_time_zone(WebhookAttempts::AttemptedAt))
                    // The receiver's status, or null when no answer came.
                    .col(integer_null(WebhookAttempts::Status))
                    .col(text_null(WebhookAttempts::Error))
                    // The start of the receiver's answer, for the delivery log.
                    .col(text_null(WebhookAttempts::ResponseBody))
                    .col(integer(WebhookAttempts::DurationMs))
                    .foreign_key(&mut references(
                        (WebhookAttempts::Table, WebhookAttempts::DeliveryId),
                        (WebhookDeliveries::Table, WebhookDeliveries::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_webhook_attempts_delivery_id",
            WebhookAttempts::Table,
            &[WebhookAttempts::DeliveryId, WebhookAttempts::AttemptedAt],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            WebhookAttempts::Table.into_iden(),
            WebhookDeliveries::Table.into_iden(),
            WebhookEndpoints::Table.into_iden(),
            ApiKeys::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Added::Service)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Added {
    Service,
}

#[derive(DeriveIden, Clone, Copy)]
enum ApiKeys {
    Table,
    Id,
    UserId,
    Name,
    Prefix,
    TokenHash,
    Scopes,
    RateLimit,
    WindowStartedAt,
    WindowCount,
    ExpiresAt,
    RevokedAt,
    LastUsedAt,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum WebhookEndpoints {
    Table,
    Id,
    Url,
    Description,
    EventTypes,
    Scope,
    Secret,
    PreviousSecret,
    PreviousSecretExpiresAt,
    Enabled,
    DisabledAt,
    DisabledBy,
    FailingSince,
    ConsecutiveFailures,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum WebhookDeliveries {
    Table,
    Id,
    EndpointId,
    EventType,
    Payload,
    State,
    Attempts,
    NextAttemptAt,
    LockedUntil,
    LastStatus,
    LastError,
    CreatedAt,
    DeliveredAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum WebhookAttempts {
    Table,
    Id,
    DeliveryId,
    AttemptedAt,
    Status,
    Error,
    ResponseBody,
    DurationMs,
}
