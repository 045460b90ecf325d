use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000001_create_users::Users;
use crate::m20261127_000008_create_calls::Calls;
use crate::m20261127_000009_create_ideas::Ideas;
use crate::m20261127_000019_create_assignments::Assignments;
use crate::{index, references};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Reviews::Table)
                    .col(pk_uuid(Reviews::Id))
                    // One review per assignment, so one per reviewer and idea: concurrent saves meet here.
                    .col(uuid_uniq(Reviews::AssignmentId))
                    .col(uuid(Reviews::CallId))
                    .col(uuid(Reviews::IdeaId))
                    .col(uuid(Reviews::ReviewerId))
                    // A JSON object of criterion key to integer score.
                    .col(text(Reviews::Scores).default("{}"))
                    .col(text_null(Reviews::CommentToStaff))
                    .col(text_null(Reviews::CommentToSubmitter))
                    .col(string_len_null(Reviews::Recommendation, 16))
                    // Null while a draft.
                    .col(timestamp_with_time_zone_null(Reviews::SubmittedAt))
                    .col(integer(Reviews::Version))
                    .col(timestamp_with_time_zone(Reviews::CreatedAt))
                    .col(timestamp_with_time_zone(Reviews::UpdatedAt))
                    .foreign_key(&mut references(
                        (Reviews::Table, Reviews::AssignmentId),
                        (Assignments::Table, Assignments::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Reviews::Table, Reviews::CallId),
                        (Calls::Table, Calls::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Reviews::Table, Reviews::IdeaId),
                        (Ideas::Table, Ideas::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        (Reviews::Table, Reviews::ReviewerId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_reviews_call", Reviews::Table, &[Reviews::CallId]).await?;
        index(manager, "idx_reviews_idea", Reviews::Table, &[Reviews::IdeaId]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Reviews::Table).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Reviews {
    Table,
    Id,
    AssignmentId,
    CallId,
    IdeaId,
    ReviewerId,
    Scores,
    CommentToStaff,
    CommentToSubmitter,
    Recommendation,
    SubmittedAt,
    Version,
    CreatedAt,
    UpdatedAt,
}
