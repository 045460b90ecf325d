use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Networks::Table)
                    .col(pk_uuid(Networks::Id))
                    .col(string(Networks::NameFa))
                    .col(string_null(Networks::NameEn))
                    .col(string_null(Networks::Website))
                    .col(date_null(Networks::JoinedOn))
                    .col(date_null(Networks::LeftOn))
                    .col(string_null(Networks::RoleFa))
                    .col(string_null(Networks::RoleEn))
                    .col(text_null(Networks::NotesFa))
                    .col(text_null(Networks::NotesEn))
                    // `domain::text::fold` of both names, for search.
                    .col(string(Networks::SearchText))
                    .col(timestamp_with_time_zone(Networks::CreatedAt))
                    .col(timestamp_with_time_zone(Networks::UpdatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Networks::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Networks {
    Table,
    Id,
    NameFa,
    NameEn,
    Website,
    JoinedOn,
    LeftOn,
    RoleFa,
    RoleEn,
    NotesFa,
    NotesEn,
    SearchText,
    CreatedAt,
    UpdatedAt,
}
