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
                    .table(Assignments::Table)
                    .col(pk_uuid(Assignments::Id))
                    // The idea's call, kept here so a reviewer's load in a call is one indexed count.
                    .col(uuid(Assignments::CallId))
                    .col(uuid(Assignments::IdeaId))
                    .col(uuid(Assignments::ReviewerId))
                    .col(string_len(Assignments::State, 16))
                    .col(date_null(Assignments::DueOn))
                    .col(uuid_null(Assignments::AssignedBy))
                    .col(timestamp_with_time_zone(Assignments::CreatedAt))
                    .col(timestamp_with_time_zone(Assignments::UpdatedAt))
                    .foreign_key(&mut references(
                        (Assignments::Table, Assignments::CallId),
                        (Calls::Table, Calls::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Assignments::Table, Assignments::IdeaId),
                        (Ideas::Table, Ideas::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Assignments::Table, Assignments::ReviewerId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Assignments::Table, Assignments::AssignedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_assignments_idea_reviewer")
                    .table(Assignments::Table)
                    .col(Assignments::IdeaId)
                    .col(Assignments::ReviewerId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_assignments_reviewer_call",
            Assignments::Table,
            &[Assignments::ReviewerId, Assignments::CallId],
        )
        .await?;
        index(
            manager,
            "idx_assignments_call",
            Assignments::Table,
            &[Assignments::CallId],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Assignments::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Assignments {
    Table,
    Id,
    CallId,
    IdeaId,
    ReviewerId,
    State,
    DueOn,
    AssignedBy,
    CreatedAt,
    UpdatedAt,
}
