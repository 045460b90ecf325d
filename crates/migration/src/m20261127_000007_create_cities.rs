use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::{index, references};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Cities::Table)
                    .col(pk_uuid(Cities::Id))
                    .col(string(Cities::NameFa))
                    .col(string_null(Cities::NameEn))
                    .col(string_len(Cities::Country, 2))
                    .col(double_null(Cities::Latitude))
                    .col(double_null(Cities::Longitude))
                    // Citizens may add a missing city; it stays unverified until staff check it.
                    .col(boolean(Cities::Verified).default(false))
                    .col(uuid_null(Cities::CreatedBy))
                    .col(string(Cities::SearchText))
                    .col(timestamp_with_time_zone(Cities::CreatedAt))
                    .col(timestamp_with_time_zone(Cities::UpdatedAt))
                    .foreign_key(&mut references(
                        (Cities::Table, Cities::CreatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_cities_country", Cities::Table, &[Cities::Country]).await?;
        index(manager, "idx_cities_name_fa", Cities::Table, &[Cities::NameFa]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Cities::Table).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Cities {
    Table,
    Id,
    NameFa,
    NameEn,
    Country,
    Latitude,
    Longitude,
    Verified,
    CreatedBy,
    SearchText,
    CreatedAt,
    UpdatedAt,
}
