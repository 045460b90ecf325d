use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::m20261127_000007_create_cities::Cities;
use crate::{index, references};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Partnerships::Table)
                    .col(pk_uuid(Partnerships::Id))
                    // At most one partnership per foreign city.
                    .col(uuid_uniq(Partnerships::CityId))
                    .col(string_len(Partnerships::Kind, 32))
                    .col(string_len(Partnerships::State, 32))
                    .col(date_null(Partnerships::SignedOn))
                    .col(date_null(Partnerships::NextReviewOn))
                    // A JSON array of { name, role, contact }, read and written whole; staff only.
                    .col(text(Partnerships::FocalPoints).default("[]"))
                    .col(text_null(Partnerships::NotesFa))
                    .col(text_null(Partnerships::NotesEn))
                    // The office day it was entered: dormancy is reckoned from it when nothing else dates the tie.
                    .col(date(Partnerships::RecordedOn))
                    .col(integer(Partnerships::Version))
                    .col(uuid_null(Partnerships::CreatedBy))
                    .col(timestamp_with_time_zone(Partnerships::CreatedAt))
                    .col(timestamp_with_time_zone(Partnerships::UpdatedAt))
                    .foreign_key(&mut references(
                        (Partnerships::Table, Partnerships::CityId),
                        (Cities::Table, Cities::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Partnerships::Table, Partnerships::CreatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_partnerships_state",
            Partnerships::Table,
            &[Partnerships::State],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Partnerships::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Partnerships {
    Table,
    Id,
    CityId,
    Kind,
    State,
    SignedOn,
    NextReviewOn,
    FocalPoints,
    NotesFa,
    NotesEn,
    RecordedOn,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}
