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
                    .table(Calls::Table)
                    .col(pk_uuid(Calls::Id))
                    .col(string(Calls::TitleFa))
                    .col(string_null(Calls::TitleEn))
                    .col(text(Calls::DescriptionFa))
                    .col(text_null(Calls::DescriptionEn))
                    .col(timestamp_with_time_zone(Calls::OpensAt))
                    .col(timestamp_with_time_zone(Calls::ClosesAt))
                    .col(timestamp_with_time_zone(Calls::ReviewOpensAt))
                    .col(timestamp_with_time_zone(Calls::ReviewClosesAt))
                    // Comma-separated domain names, in the order staff gave them.
                    .col(string(Calls::Domains))
                    .col(integer(Calls::IdeasPerCitizen))
                    .col(boolean(Calls::BlindReview))
                    .col(integer(Calls::ReviewersPerIdea))
                    .col(timestamp_with_time_zone_null(Calls::DecisionsPublishedAt))
                    .col(integer(Calls::Version).default(1))
                    .col(uuid_null(Calls::CreatedBy))
                    .col(timestamp_with_time_zone(Calls::CreatedAt))
                    .col(timestamp_with_time_zone(Calls::UpdatedAt))
                    .foreign_key(&mut references(
                        (Calls::Table, Calls::CreatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_calls_opens_at", Calls::Table, &[Calls::OpensAt]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Calls::Table).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Calls {
    Table,
    Id,
    TitleFa,
    TitleEn,
    DescriptionFa,
    DescriptionEn,
    OpensAt,
    ClosesAt,
    ReviewOpensAt,
    ReviewClosesAt,
    Domains,
    IdeasPerCitizen,
    BlindReview,
    ReviewersPerIdea,
    DecisionsPublishedAt,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}
