use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::m20261127_000007_create_cities::Cities;
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
                    .table(Activities::Table)
                    .col(pk_uuid(Activities::Id))
                    .col(uuid(Activities::CityId))
                    .col(date(Activities::OccurredOn))
                    .col(string_len(Activities::Kind, 32))
                    .col(string_len(Activities::Direction, 16))
                    .col(string_len(Activities::Status, 16))
                    .col(string(Activities::TitleFa))
                    .col(string_null(Activities::TitleEn))
                    .col(text(Activities::DescriptionFa).default(""))
                    .col(text_null(Activities::DescriptionEn))
                    .col(text_null(Activities::OutcomesFa))
                    .col(text_null(Activities::OutcomesEn))
                    // The citizen's idea it grew from, if any.
                    .col(uuid_null(Activities::IdeaId))
                    .col(text(Activities::SearchText))
                    .col(uuid_null(Activities::CreatedBy))
                    .col(timestamp_with_time_zone(Activities::CreatedAt))
                    .col(timestamp_with_time_zone(Activities::UpdatedAt))
                    .foreign_key(&mut references(
                        (Activities::Table, Activities::CityId),
                        (Cities::Table, Cities::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Activities::Table, Activities::IdeaId),
                        (Ideas::Table, Ideas::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Activities::Table, Activities::CreatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        let t = Activities::Table;
        // The health of a partnership reads its city's latest activities.
        index(
            manager,
            "idx_activities_city_date",
            t,
            &[Activities::CityId, Activities::OccurredOn],
        )
        .await?;
        index(
            manager,
            "idx_activities_date",
            t,
            &[Activities::OccurredOn, Activities::Id],
        )
        .await?;
        index(manager, "idx_activities_idea", t, &[Activities::IdeaId]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Activities::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Activities {
    Table,
    Id,
    CityId,
    OccurredOn,
    Kind,
    Direction,
    Status,
    TitleFa,
    TitleEn,
    DescriptionFa,
    DescriptionEn,
    OutcomesFa,
    OutcomesEn,
    IdeaId,
    SearchText,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}
