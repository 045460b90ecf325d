use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::m20261127_000008_create_calls::Calls;
use crate::references;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Rubrics::Table)
                    // One rubric per call.
                    .col(pk_uuid(Rubrics::CallId))
                    // A JSON array of criteria in their order, read and written whole.
                    .col(text(Rubrics::Criteria))
                    // Set by the first submitted review; only staff's recorded reopening clears it.
                    .col(boolean(Rubrics::Locked).default(false))
                    .col(integer(Rubrics::Version))
                    .col(uuid_null(Rubrics::UpdatedBy))
                    .col(timestamp_with_time_zone(Rubrics::CreatedAt))
                    .col(timestamp_with_time_zone(Rubrics::UpdatedAt))
                    .foreign_key(&mut references(
                        (Rubrics::Table, Rubrics::CallId),
                        (Calls::Table, Calls::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Rubrics::Table, Rubrics::UpdatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Rubrics::Table).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Rubrics {
    Table,
    CallId,
    Criteria,
    Locked,
    Version,
    UpdatedBy,
    CreatedAt,
    UpdatedAt,
}
