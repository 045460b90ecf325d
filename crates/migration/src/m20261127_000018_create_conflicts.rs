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
                    .table(Conflicts::Table)
                    .col(pk_uuid(Conflicts::Id))
                    .col(uuid(Conflicts::ReviewerId))
                    .col(uuid(Conflicts::IdeaId))
                    .col(uuid(Conflicts::CallId))
                    // Who entered it: the reviewer or staff.
                    .col(string_len(Conflicts::Source, 16))
                    .col(text(Conflicts::Reason))
                    .col(uuid_null(Conflicts::EnteredBy))
                    .col(timestamp_with_time_zone(Conflicts::CreatedAt))
                    .foreign_key(&mut references(
                        (Conflicts::Table, Conflicts::ReviewerId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Conflicts::Table, Conflicts::IdeaId),
                        (Ideas::Table, Ideas::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Conflicts::Table, Conflicts::CallId),
                        (Calls::Table, Calls::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Conflicts::Table, Conflicts::EnteredBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_conflicts_reviewer_idea")
                    .table(Conflicts::Table)
                    .col(Conflicts::ReviewerId)
                    .col(Conflicts::IdeaId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_conflicts_call", Conflicts::Table, &[Conflicts::CallId]).await?;
        index(manager, "idx_conflicts_idea", Conflicts::Table, &[Conflicts::IdeaId]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Conflicts::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Conflicts {
    Table,
    Id,
    ReviewerId,
    IdeaId,
    CallId,
    Source,
    Reason,
    EnteredBy,
    CreatedAt,
}
