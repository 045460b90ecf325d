use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::m20261127_000012_create_partnerships::Partnerships;
use crate::{index, references};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PartnershipStateChanges::Table)
                    .col(pk_uuid(PartnershipStateChanges::Id))
                    .col(uuid(PartnershipStateChanges::PartnershipId))
                    // Null for the state the partnership was entered with.
                    .col(string_len_null(PartnershipStateChanges::FromState, 32))
                    .col(string_len(PartnershipStateChanges::ToState, 32))
                    // When it happened, which may be long before it was entered.
                    .col(date(PartnershipStateChanges::EffectiveOn))
                    .col(text_null(PartnershipStateChanges::Reason))
                    .col(uuid_null(PartnershipStateChanges::ActorId))
                    .col(timestamp_with_time_zone(PartnershipStateChanges::RecordedAt))
                    .foreign_key(&mut references(
                        (PartnershipStateChanges::Table, PartnershipStateChanges::PartnershipId),
                        (Partnerships::Table, Partnerships::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (PartnershipStateChanges::Table, PartnershipStateChanges::ActorId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_partnership_state_changes_partnership",
            PartnershipStateChanges::Table,
            &[
                PartnershipStateChanges::PartnershipId,
                PartnershipStateChanges::EffectiveOn,
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PartnershipStateChanges::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum PartnershipStateChanges {
    Table,
    Id,
    PartnershipId,
    FromState,
    ToState,
    EffectiveOn,
    Reason,
    ActorId,
    RecordedAt,
}
