use sea_orm_migration::{prelude::*, schema::*};

use crate::index;
use crate::m20261127_000009_create_ideas::Ideas;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Files (issue 19): the bytes, addressed by their SHA-256, live in the object store; a `blobs` row claims
/// them before they are written, and each `files` row names the bytes it shows and what it belongs to.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Ideas::Table)
                    // The submitter's consent that a selected idea's proposal documents be public.
                    .add_column(boolean(Added::FilesPublic).default(false))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Blobs::Table)
                    .col(string_len(Blobs::Sha256, 64).primary_key())
                    .col(big_integer(Blobs::Size))
                    // When an upload last claimed these bytes: the sweep leaves younger ones alone, so that
                    // bytes being written for a row not yet committed are never taken away.
                    .col(timestamp_with_time_zone(Blobs::ClaimedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Files::Table)
                    .col(pk_uuid(Files::Id))
                    // idea, tie, partnership or activity; no foreign key, as the owner's table varies.
                    .col(string_len(Files::OwnerKind, 16))
                    .col(uuid(Files::OwnerId))
                    // proposal, evidence or record.
                    .col(string_len(Files::Kind, 16))
                    .col(boolean(Files::Identifying).default(false))
                    .col(boolean(Files::Internal).default(false))
                    .col(string_len(Files::Sha256, 64))
                    .col(big_integer(Files::Size))
                    // Decided from the bytes, never from the name or the uploader's header.
                    .col(string_len(Files::ContentType, 100))
                    // The uploader's name for it, sanitised, for display only.
                    .col(string_len(Files::Name, 200))
                    .col(string_len_null(Files::Description, 1200))
                    // The author the document's metadata names, shown to the uploader and staff as a warning.
                    .col(string_len_null(Files::AuthorField, 400))
                    .col(string_len_null(Files::PreviewSha256, 64))
                    .col(string_len_null(Files::PreviewContentType, 100))
                    // Whether an antivirus scanned the bytes before they were kept.
                    .col(boolean(Files::Scanned).default(false))
                    .col(uuid_null(Files::UploadedBy))
                    .col(timestamp_with_time_zone(Files::UploadedAt))
                    .col(timestamp_with_time_zone_null(Files::RemovedAt))
                    .col(uuid_null(Files::RemovedBy))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_files_owner",
            Files::Table,
            &[Files::OwnerKind, Files::OwnerId, Files::UploadedAt],
        )
        .await?;
        index(manager, "idx_files_sha256", Files::Table, &[Files::Sha256]).await?;
        index(
            manager,
            "idx_files_preview_sha256",
            Files::Table,
            &[Files::PreviewSha256],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Files::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Blobs::Table).to_owned()).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Ideas::Table)
                    .drop_column(Added::FilesPublic)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Added {
    FilesPublic,
}

#[derive(DeriveIden)]
pub enum Blobs {
    Table,
    Sha256,
    Size,
    ClaimedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub enum Files {
    Table,
    Id,
    OwnerKind,
    OwnerId,
    Kind,
    Identifying,
    Internal,
    Sha256,
    Size,
    ContentType,
    Name,
    Description,
    AuthorField,
    PreviewSha256,
    PreviewContentType,
    Scanned,
    UploadedBy,
    UploadedAt,
    RemovedAt,
    RemovedBy,
}
