use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::{index, references};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Notifications (issue 17): verified e-mail addresses and their links, the in-app notices, the outbox the
/// dispatcher delivers e-mail from, the kinds each reader turned off, and the ledger that lets a notice of
/// the clock be written once.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(timestamp_with_time_zone_null(Added::EmailVerifiedAt))
                    .to_owned(),
            )
            .await?;
        // Accounts made before verification existed count as verified: their owners have used them.
        manager
            .get_connection()
            .execute_unprepared("UPDATE users SET email_verified_at = created_at")
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EmailTokens::Table)
                    .col(pk_uuid(EmailTokens::Id))
                    .col(uuid(EmailTokens::UserId))
                    // SHA-256 of the token mailed; the token itself is in the outbox until it is sent.
                    .col(string_uniq(EmailTokens::TokenHash))
                    // The address the token confirms: a token mailed before the address changed confirms nothing.
                    .col(string(EmailTokens::Email))
                    .col(timestamp_with_time_zone(EmailTokens::CreatedAt))
                    .col(timestamp_with_time_zone(EmailTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(EmailTokens::UsedAt))
                    .foreign_key(&mut references(
                        (EmailTokens::Table, EmailTokens::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_email_tokens_user_id",
            EmailTokens::Table,
            &[EmailTokens::UserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Notices::Table)
                    .col(pk_uuid(Notices::Id))
                    .col(uuid(Notices::UserId))
                    .col(string_len(Notices::Kind, 40))
                    // The notice as JSON: exactly what its reader may know.
                    .col(text(Notices::Payload))
                    .col(timestamp_with_time_zone(Notices::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notices::ReadAt))
                    .foreign_key(&mut references(
                        (Notices::Table, Notices::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_notices_user_id_created_at",
            Notices::Table,
            &[Notices::UserId, Notices::CreatedAt],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(pk_uuid(Outbox::Id))
                    .col(uuid(Outbox::UserId))
                    .col(string_len(Outbox::Kind, 40))
                    .col(text(Outbox::Payload))
                    // The one-time token of a link message, kept only until the message is sent.
                    .col(string_len_null(Outbox::Secret, 128))
                    // pending, sent or dead.
                    .col(string_len(Outbox::State, 16))
                    .col(integer(Outbox::Attempts).default(0))
                    .col(timestamp_with_time_zone(Outbox::NextAttemptAt))
                    // A dispatcher holds the message until then; past it, another may take it (a crash's lease expires).
                    .col(timestamp_with_time_zone_null(Outbox::LockedUntil))
                    .col(text_null(Outbox::LastError))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .foreign_key(&mut references(
                        (Outbox::Table, Outbox::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_outbox_state_next_attempt_at",
            Outbox::Table,
            &[Outbox::State, Outbox::NextAttemptAt],
        )
        .await?;
        index(manager, "idx_outbox_created_at", Outbox::Table, &[Outbox::CreatedAt]).await?;

        manager
            .create_table(
                Table::create()
                    .table(NoticeOptOuts::Table)
                    .col(uuid(NoticeOptOuts::UserId))
                    .col(string_len(NoticeOptOuts::Kind, 40))
                    .col(timestamp_with_time_zone(NoticeOptOuts::CreatedAt))
                    .primary_key(Index::create().col(NoticeOptOuts::UserId).col(NoticeOptOuts::Kind))
                    .foreign_key(&mut references(
                        (NoticeOptOuts::Table, NoticeOptOuts::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ScheduledNotices::Table)
                    // kind:subject:day — the primary key is what makes a second write fail.
                    .col(string_len(ScheduledNotices::Key, 200).primary_key())
                    .col(timestamp_with_time_zone(ScheduledNotices::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ScheduledNotices::Table.into_iden(),
            NoticeOptOuts::Table.into_iden(),
            Outbox::Table.into_iden(),
            Notices::Table.into_iden(),
            EmailTokens::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Added::EmailVerifiedAt)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Added {
    EmailVerifiedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum EmailTokens {
    Table,
    Id,
    UserId,
    TokenHash,
    Email,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Notices {
    Table,
    Id,
    UserId,
    Kind,
    Payload,
    CreatedAt,
    ReadAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Outbox {
    Table,
    Id,
    UserId,
    Kind,
    Payload,
    Secret,
    State,
    Attempts,
    NextAttemptAt,
    LockedUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum NoticeOptOuts {
    Table,
    UserId,
    Kind,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ScheduledNotices {
    Table,
    Key,
    CreatedAt,
}
