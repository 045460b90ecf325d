use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::m20261127_000007_create_cities::Cities;
use crate::m20261127_000008_create_calls::Calls;
use crate::{index, references};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Ideas::Table)
                    .col(pk_uuid(Ideas::Id))
                    .col(uuid(Ideas::CallId))
                    .col(uuid(Ideas::SubmitterId))
                    .col(string_len(Ideas::State, 16))
                    .col(string(Ideas::Title))
                    // A draft may be incomplete; submitting checks that these are filled in.
                    .col(text(Ideas::Summary).default(""))
                    .col(text(Ideas::Body).default(""))
                    .col(string_len(Ideas::Domain, 32))
                    .col(uuid(Ideas::TargetCityId))
                    .col(string_len_null(Ideas::ChannelKind, 32))
                    .col(text(Ideas::ChannelDescription).default(""))
                    .col(integer_null(Ideas::ChannelYears))
                    // A JSON array of partners abroad, read and written whole.
                    .col(text(Ideas::Partners).default("[]"))
                    .col(text(Ideas::ExpectedOutcomes).default(""))
                    // The submitter's occupation when they last saved the idea, for filters and statistics.
                    .col(string_len_null(Ideas::SubmitterCategory, 32))
                    .col(text(Ideas::SearchText))
                    .col(blob(Ideas::Fingerprint))
                    .col(uuid_null(Ideas::BestMatchId))
                    .col(double_null(Ideas::BestMatchScore))
                    .col(integer(Ideas::Version).default(1))
                    .col(timestamp_with_time_zone_null(Ideas::SubmittedAt))
                    .col(timestamp_with_time_zone(Ideas::CreatedAt))
                    .col(timestamp_with_time_zone(Ideas::UpdatedAt))
                    .foreign_key(&mut references(
                        (Ideas::Table, Ideas::CallId),
                        (Calls::Table, Calls::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Ideas::Table, Ideas::SubmitterId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Ideas::Table, Ideas::TargetCityId),
                        (Cities::Table, Cities::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        // One index per filter and sort of the idea lists, so that they stay fast at 100,000 ideas.
        let t = Ideas::Table;
        index(
            manager,
            "idx_ideas_call_submitted_at",
            t,
            &[Ideas::CallId, Ideas::SubmittedAt],
        )
        .await?;
        index(manager, "idx_ideas_call_state", t, &[Ideas::CallId, Ideas::State]).await?;
        index(manager, "idx_ideas_state", t, &[Ideas::State]).await?;
        index(manager, "idx_ideas_domain", t, &[Ideas::Domain]).await?;
        index(manager, "idx_ideas_target_city_id", t, &[Ideas::TargetCityId]).await?;
        index(
            manager,
            "idx_ideas_submitter_call",
            t,
            &[Ideas::SubmitterId, Ideas::CallId],
        )
        .await?;
        index(manager, "idx_ideas_submitter_category", t, &[Ideas::SubmitterCategory]).await?;
        index(manager, "idx_ideas_submitted_at", t, &[Ideas::SubmittedAt]).await?;
        index(manager, "idx_ideas_title", t, &[Ideas::Title]).await?;
        index(manager, "idx_ideas_created_at", t, &[Ideas::CreatedAt]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Ideas::Table).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Ideas {
    Table,
    Id,
    CallId,
    SubmitterId,
    State,
    Title,
    Summary,
    Body,
    Domain,
    TargetCityId,
    ChannelKind,
    ChannelDescription,
    ChannelYears,
    Partners,
    ExpectedOutcomes,
    SubmitterCategory,
    SearchText,
    Fingerprint,
    BestMatchId,
    BestMatchScore,
    Version,
    SubmittedAt,
    CreatedAt,
    UpdatedAt,
}
