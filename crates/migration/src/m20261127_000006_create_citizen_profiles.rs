use sea_orm_migration::{prelude::*, schema::*};

use crate::references;

use crate::m20261127_000001_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CitizenProfiles::Table)
                    .col(pk_uuid(CitizenProfiles::UserId))
                    .col(string_null(CitizenProfiles::OccupationCategory))
                    // JSON arrays, read and written whole: the profile is small and never queried inside.
                    .col(text(CitizenProfiles::Ties).default("[]"))
                    .col(text(CitizenProfiles::Languages).default("[]"))
                    .col(timestamp_with_time_zone(CitizenProfiles::UpdatedAt))
                    .foreign_key(&mut references(
                        (CitizenProfiles::Table, CitizenProfiles::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CitizenProfiles::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum CitizenProfiles {
    Table,
    UserId,
    OccupationCategory,
    Ties,
    Languages,
    UpdatedAt,
}
