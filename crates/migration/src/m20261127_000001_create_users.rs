use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_uuid(Users::Id))
                    // Stored lower-cased: the unique index makes e-mails unique whatever their case.
                    .col(string_uniq(Users::Email))
                    .col(string(Users::DisplayName))
                    // Null until the account's owner sets a password (invited accounts).
                    .col(string_null(Users::PasswordHash))
                    .col(string(Users::Roles).default(""))
                    .col(boolean(Users::Active).default(true))
                    .col(string_len(Users::Locale, 8).default("fa"))
                    .col(string(Users::SearchText))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_users_created_at")
                    .table(Users::Table)
                    .col(Users::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Users::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    Roles,
    Active,
    Locale,
    SearchText,
    CreatedAt,
    UpdatedAt,
}
