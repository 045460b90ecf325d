use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::m20261127_000008_create_calls::Calls;
use crate::m20261127_000009_create_ideas::Ideas;
use crate::{index, references};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Events::Table)
                    .col(pk_uuid(Events::Id))
                    .col(uuid(Events::CallId))
                    // Null for an event of the call itself.
                    .col(uuid_null(Events::IdeaId))
                    // Null for the system's own changes.
                    .col(uuid_null(Events::ActorId))
                    .col(string_len(Events::Kind, 32))
                    .col(string_null(Events::FromValue))
                    .col(string_null(Events::ToValue))
                    .col(string_len_null(Events::Reason, 32))
                    .col(text_null(Events::Note))
                    .col(timestamp_with_time_zone(Events::CreatedAt))
                    .foreign_key(&mut references(
                        (Events::Table, Events::CallId),
                        (Calls::Table, Calls::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Events::Table, Events::IdeaId),
                        (Ideas::Table, Ideas::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Events::Table, Events::ActorId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_events_idea_created_at",
            Events::Table,
            &[Events::IdeaId, Events::CreatedAt],
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

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Events::Table).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Events {
    Table,
    Id,
    CallId,
    IdeaId,
    ActorId,
    Kind,
    FromValue,
    ToValue,
    Reason,
    Note,
    CreatedAt,
}
