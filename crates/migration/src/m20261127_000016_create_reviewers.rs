use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::references;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Reviewers::Table)
                    // A reviewer is an account with the reviewer role and this jury profile.
                    .col(pk_uuid(Reviewers::UserId))
                    .col(string_len(Reviewers::Organisation, 32))
                    // Domain names, comma-separated, as a call's domains are.
                    .col(text(Reviewers::Expertise).default(""))
                    // The most ideas they may be given in one call.
                    .col(integer(Reviewers::MaxLoad))
                    .col(boolean(Reviewers::Active).default(true))
                    .col(timestamp_with_time_zone(Reviewers::CreatedAt))
                    .col(timestamp_with_time_zone(Reviewers::UpdatedAt))
                    .foreign_key(&mut references(
                        (Reviewers::Table, Reviewers::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Reviewers::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Reviewers {
    Table,
    UserId,
    Organisation,
    Expertise,
    MaxLoad,
    Active,
    CreatedAt,
    UpdatedAt,
}
