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
                    .table(Decisions::Table)
                    // One decision per idea; it takes effect when the call's decisions are published.
                    .col(pk_uuid(Decisions::IdeaId))
                    .col(uuid(Decisions::CallId))
                    .col(string_len(Decisions::Outcome, 16))
                    .col(text_null(Decisions::Note))
                    .col(uuid_null(Decisions::DecidedBy))
                    .col(timestamp_with_time_zone(Decisions::DecidedAt))
                    .foreign_key(&mut references(
                        (Decisions::Table, Decisions::IdeaId),
                        (Ideas::Table, Ideas::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Decisions::Table, Decisions::CallId),
                        (Calls::Table, Calls::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Decisions::Table, Decisions::DecidedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_decisions_call", Decisions::Table, &[Decisions::CallId]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Decisions::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Decisions {
    Table,
    IdeaId,
    CallId,
    Outcome,
    Note,
    DecidedBy,
    DecidedAt,
}
