use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The roles the account held when a set-password token was issued: a token never opens an account
/// that has gained a role since (issue 13). Tokens issued before this column are NULL.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(PasswordTokens::Table)
                    .add_column(string_null(PasswordTokens::GrantedRoles))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(PasswordTokens::Table)
                    .drop_column(PasswordTokens::GrantedRoles)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum PasswordTokens {
    Table,
    GrantedRoles,
}
