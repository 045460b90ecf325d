use sea_orm_migration::sea_orm::DatabaseBackend;
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::{index, references};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Accounts worthy of a city hall (issue 15): a second factor (TOTP) with one-time recovery codes, a
/// sign-in that waits for its code, sessions that tell where and what they run on, events that tell the
/// address they came from — and a history nobody can change, enforced by the database itself.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        let added = [
            (Alias::new("users"), string_len_null(Added::TotpSecret, 64)),
            (Alias::new("users"), timestamp_with_time_zone_null(Added::TotpEnabledAt)),
            (Alias::new("users"), big_integer_null(Added::TotpLastStep)),
            (
                Alias::new("sessions"),
                timestamp_with_time_zone_null(Added::LastRefreshedAt),
            ),
            (Alias::new("sessions"), string_len_null(Added::Client, 300)),
            (Alias::new("sessions"), string_len_null(Added::ClientAddress, 45)),
            (Alias::new("events"), string_len_null(Added::ClientAddress, 45)),
        ];
        for (table, mut column) in added {
            manager
                .alter_table(Table::alter().table(table).add_column(&mut column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(RecoveryCodes::Table)
                    .col(pk_uuid(RecoveryCodes::Id))
                    .col(uuid(RecoveryCodes::UserId))
                    // SHA-256 of the code: the code itself is shown once and never stored.
                    .col(string_len(RecoveryCodes::CodeHash, 64))
                    .col(timestamp_with_time_zone(RecoveryCodes::CreatedAt))
                    .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                    .foreign_key(&mut references(
                        (RecoveryCodes::Table, RecoveryCodes::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_recovery_codes_user_id",
            RecoveryCodes::Table,
            &[RecoveryCodes::UserId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(LoginChallenges::Table)
                    .col(pk_uuid(LoginChallenges::Id))
                    .col(uuid(LoginChallenges::UserId))
                    // SHA-256 of the challenge handed to the client.
                    .col(string_uniq(LoginChallenges::TokenHash))
                    .col(timestamp_with_time_zone(LoginChallenges::CreatedAt))
                    .col(timestamp_with_time_zone(LoginChallenges::ExpiresAt))
                    .col(timestamp_with_time_zone_null(LoginChallenges::UsedAt))
                    .foreign_key(&mut references(
                        (LoginChallenges::Table, LoginChallenges::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_events_kind_created_at",
            Events::Table,
            &[Events::Kind, Events::CreatedAt],
        )
        .await?;
        let connection = manager.get_connection();
        for statement in append_only_events(manager.get_database_backend()) {
            connection.execute_unprepared(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let connection = manager.get_connection();
        let drops: &[&str] = match manager.get_database_backend() {
            DatabaseBackend::Postgres => &[
                "DROP TRIGGER IF EXISTS events_append_only ON events",
                "DROP FUNCTION IF EXISTS events_append_only()",
            ],
            _ => &[
                "DROP TRIGGER IF EXISTS events_no_update",
                "DROP TRIGGER IF EXISTS events_no_delete",
            ],
        };
        for statement in drops {
            connection.execute_unprepared(statement).await?;
        }
        manager
            .drop_table(Table::drop().table(LoginChallenges::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(RecoveryCodes::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_events_kind_created_at")
                    .table(Alias::new("events"))
                    .to_owned(),
            )
            .await?;
        let dropped = [
            ("events", Added::ClientAddress),
            ("sessions", Added::ClientAddress),
            ("sessions", Added::Client),
            ("sessions", Added::LastRefreshedAt),
            ("users", Added::TotpLastStep),
            ("users", Added::TotpEnabledAt),
            ("users", Added::TotpSecret),
        ];
        for (table, column) in dropped {
            manager
                .alter_table(Table::alter().table(Alias::new(table)).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Triggers that refuse to change or delete an event: the history is only ever added to, whoever writes.
fn append_only_events(backend: DatabaseBackend) -> &'static [&'static str] {
    match backend {
        DatabaseBackend::Postgres => &[
            "CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN RAISE EXCEPTION 'the history is append-only: events cannot be changed or deleted'; END $$",
            "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events \
             FOR EACH ROW EXECUTE FUNCTION events_append_only()",
        ],
        _ => &[
            "CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN \
             SELECT RAISE(ABORT, 'the history is append-only: events cannot be changed'); END",
            "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN \
             SELECT RAISE(ABORT, 'the history is append-only: events cannot be deleted'); END",
        ],
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Added {
    /// The base32 TOTP secret: set when enrolment begins, confirmed by `TotpEnabledAt`.
    TotpSecret,
    TotpEnabledAt,
    /// The last time step whose code was accepted: no code of it or before is accepted again.
    TotpLastStep,
    LastRefreshedAt,
    /// The User-Agent the session was last used with.
    Client,
    ClientAddress,
}

#[derive(DeriveIden, Clone, Copy)]
enum Events {
    Table,
    Kind,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum LoginChallenges {
    Table,
    Id,
    UserId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}
