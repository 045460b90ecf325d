use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::m20261127_000008_create_calls::Calls;
use crate::{index, references};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One history for every subject (issue 14): an event names its subject by kind and id — a call, an idea,
/// an account, a partnership… — instead of always belonging to a call. The call stays as context where
/// there is one. SQLite cannot make a column nullable in place, so the table is rebuilt and its rows
/// copied: an event with an idea becomes the idea's, the others their call's.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(NewEvents::Table)
                    .col(pk_uuid(Events::Id))
                    .col(string_len(Events::SubjectType, 32))
                    .col(uuid(Events::SubjectId))
                    // The call the subject belongs to, if any: a call's own events and its ideas'.
                    .col(uuid_null(Events::CallId))
                    // Null for the system's own changes.
                    .col(uuid_null(Events::ActorId))
                    .col(string_len(Events::Kind, 40))
                    .col(string_null(Events::FromValue))
                    .col(string_null(Events::ToValue))
                    .col(string_len_null(Events::Reason, 32))
                    .col(text_null(Events::Note))
                    .col(timestamp_with_time_zone(Events::CreatedAt))
                    .foreign_key(&mut references(
                        (NewEvents::Table, Events::CallId),
                        (Calls::Table, Calls::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (NewEvents::Table, Events::ActorId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(
                "INSERT INTO events_new (id, subject_type, subject_id, call_id, actor_id, kind, from_value, \
                 to_value, reason, note, created_at) \
                 SELECT id, CASE WHEN idea_id IS NULL THEN 'call' ELSE 'idea' END, COALESCE(idea_id, call_id), \
                 call_id, actor_id, kind, from_value, to_value, reason, note, created_at FROM events",
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Events::Table).to_owned())
            .await?;
        manager
            .rename_table(Table::rename().table(NewEvents::Table, Events::Table).to_owned())
            .await?;
        index(
            manager,
            "idx_events_subject_created_at",
            Events::Table,
            &[Events::SubjectType, Events::SubjectId, Events::CreatedAt],
        )
        .await?;
        index(
            manager,
            "idx_events_call_created_at",
            Events::Table,
            &[Events::CallId, Events::CreatedAt],
        )
        .await
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // Events of accounts, partnerships and the rest have no place in the old table: going back
        // would lose history, so this migration is not reversed.
        Err(DbErr::Migration(
            "the generalised events table is not migrated back".to_owned(),
        ))
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum NewEvents {
    #[sea_orm(iden = "events_new")]
    Table,
}

#[derive(DeriveIden, Clone, Copy)]
enum Events {
    Table,
    Id,
    SubjectType,
    SubjectId,
    CallId,
    ActorId,
    Kind,
    FromValue,
    ToValue,
    Reason,
    Note,
    CreatedAt,
}
