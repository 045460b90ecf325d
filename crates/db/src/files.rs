//! Files and the blobs they show. A blob row is claimed (committed on its own) before its bytes are
//! written; a file row is committed only after; the sweep deletes a blob only when no live file names it
//! and no upload claimed it lately, holding the blob's row while it deletes the bytes.

use chrono::{DateTime, Utc};
use domain::file::{FileKind, FileOwnerKind};
use sea_orm::sea_query::{Expr, OnConflict, Order, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::blob::{self, Entity as Blobs};
use crate::entities::file::{self, Column, Entity as Files};
use crate::stored::Named;

pub use file::Model as StoredFile;

/// What a new file row holds; its bytes (and its preview's) are stored already.
#[derive(Debug, Clone)]
pub struct NewFile {
    pub owner_kind: FileOwnerKind,
    pub owner_id: Uuid,
    pub kind: FileKind,
    pub identifying: bool,
    pub internal: bool,
    pub sha256: String,
    pub size: u64,
    pub content_type: String,
    pub name: String,
    pub description: Option<String>,
    pub author_field: Option<String>,
    pub preview: Option<(String, String)>,
    pub scanned: bool,
    pub uploaded_by: Option<Uuid>,
}

/// The marks a file's uploader may change later.
#[derive(Debug, Clone, Default)]
pub struct FileEdit {
    pub description: Option<Option<String>>,
    pub kind: Option<FileKind>,
    pub identifying: Option<bool>,
    pub internal: Option<bool>,
}

fn size_column(size: u64) -> i64 {
    i64::try_from(size).unwrap_or(i64::MAX)
}

/// Claims the bytes `sha256` for an upload about to write them: the sweep leaves them alone until the
/// grace after `now` has passed. Commit it before writing the bytes.
pub async fn claim_blob(db: &impl ConnectionTrait, sha256: &str, size: u64, now: DateTime<Utc>) -> Result<(), DbErr> {
    let row = blob::ActiveModel {
        sha256: Set(sha256.to_owned()),
        size: Set(size_column(size)),
        claimed_at: Set(now),
    };
    Blobs::insert(row)
        .on_conflict(
            OnConflict::column(blob::Column::Sha256)
                .update_column(blob::Column::ClaimedAt)
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn insert(db: &impl ConnectionTrait, new: NewFile, now: DateTime<Utc>) -> Result<StoredFile, DbErr> {
    let (preview_sha256, preview_content_type) = new.preview.unzip();
    file::ActiveModel {
        id: Set(Uuid::now_v7()),
        owner_kind: Set(Named(new.owner_kind)),
        owner_id: Set(new.owner_id),
        kind: Set(Named(new.kind)),
        identifying: Set(new.identifying),
        internal: Set(new.internal),
        sha256: Set(new.sha256),
        size: Set(size_column(new.size)),
        content_type: Set(new.content_type),
        name: Set(new.name),
        description: Set(new.description),
        author_field: Set(new.author_field),
        preview_sha256: Set(preview_sha256),
        preview_content_type: Set(preview_content_type),
        scanned: Set(new.scanned),
        uploaded_by: Set(new.uploaded_by),
        uploaded_at: Set(now),
        removed_at: Set(None),
        removed_by: Set(None),
    }
    .insert(db)
    .await
}

/// A file that is not removed.
pub async fn find_live(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<StoredFile>, DbErr> {
    Files::find_by_id(id).filter(Column::RemovedAt.is_null()).one(db).await
}

fn of_owner(kind: FileOwnerKind, owner_id: Uuid) -> Condition {
    Condition::all()
        .add(Column::OwnerKind.eq(Named(kind)))
        .add(Column::OwnerId.eq(owner_id))
        .add(Column::RemovedAt.is_null())
}

/// An owner's live files, oldest first.
pub async fn list_live(
    db: &impl ConnectionTrait,
    kind: FileOwnerKind,
    owner_id: Uuid,
) -> Result<Vec<StoredFile>, DbErr> {
    Files::find()
        .filter(of_owner(kind, owner_id))
        .order_by(Column::UploadedAt, Order::Asc)
        .order_by(Column::Id, Order::Asc)
        .all(db)
        .await
}

/// The live files of many owners of one kind, oldest first (for exports).
pub async fn list_live_of_owners(
    db: &impl ConnectionTrait,
    kind: FileOwnerKind,
    owner_ids: Vec<Uuid>,
) -> Result<Vec<StoredFile>, DbErr> {
    if owner_ids.is_empty() {
        return Ok(Vec::new());
    }
    Files::find()
        .filter(Column::OwnerKind.eq(Named(kind)))
        .filter(Column::OwnerId.is_in(owner_ids))
        .filter(Column::RemovedAt.is_null())
        .order_by(Column::UploadedAt, Order::Asc)
        .order_by(Column::Id, Order::Asc)
        .all(db)
        .await
}

/// How many bytes an owner's live files take.
pub async fn live_bytes(db: &impl ConnectionTrait, kind: FileOwnerKind, owner_id: Uuid) -> Result<u64, DbErr> {
    let sizes: Vec<i64> = Files::find()
        .select_only()
        .column(Column::Size)
        .filter(of_owner(kind, owner_id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(sizes.into_iter().map(|size| u64::try_from(size).unwrap_or(0)).sum())
}

/// Marks a live file removed; false when it was removed already (by a request that came first).
pub async fn mark_removed(
    db: &impl ConnectionTrait,
    id: Uuid,
    by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = Files::update_many()
        .col_expr(Column::RemovedAt, Expr::value(now))
        .col_expr(Column::RemovedBy, Expr::value(by))
        .filter(Column::Id.eq(id))
        .filter(Column::RemovedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Marks every live file of these owners removed (ties a citizen took off their profile); the files.
pub async fn remove_all_of(
    db: &impl ConnectionTrait,
    kind: FileOwnerKind,
    owner_ids: Vec<Uuid>,
    by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Vec<StoredFile>, DbErr> {
    let files = list_live_of_owners(db, kind, owner_ids).await?;
    for file in &files {
        mark_removed(db, file.id, by, now).await?;
    }
    Ok(files)
}

/// Writes the changed marks of a live file.
pub async fn edit(db: &impl ConnectionTrait, file: StoredFile, edit: FileEdit) -> Result<StoredFile, DbErr> {
    let mut active: file::ActiveModel = file.into();
    if let Some(description) = edit.description {
        active.description = Set(description);
    }
    if let Some(kind) = edit.kind {
        active.kind = Set(Named(kind));
    }
    if let Some(identifying) = edit.identifying {
        active.identifying = Set(identifying);
    }
    if let Some(internal) = edit.internal {
        active.internal = Set(internal);
    }
    active.update(db).await
}

/// Whether a live file names these bytes, as its own or as its preview.
fn referenced(sha256: &str) -> Condition {
    Condition::all().add(Column::RemovedAt.is_null()).add(
        Condition::any()
            .add(Column::Sha256.eq(sha256))
            .add(Column::PreviewSha256.eq(sha256)),
    )
}

/// The blobs the sweep may take: no live file names them and no upload claimed them since `claimed_before`.
pub async fn sweepable(db: &impl ConnectionTrait, claimed_before: DateTime<Utc>) -> Result<Vec<String>, DbErr> {
    let live_originals = Query::select()
        .column(Column::Sha256)
        .from(Files)
        .and_where(Column::RemovedAt.is_null())
        .to_owned();
    let live_previews = Query::select()
        .column(Column::PreviewSha256)
        .from(Files)
        .and_where(Column::RemovedAt.is_null())
        .and_where(Column::PreviewSha256.is_not_null())
        .to_owned();
    Blobs::find()
        .select_only()
        .column(blob::Column::Sha256)
        .filter(blob::Column::ClaimedAt.lt(claimed_before))
        .filter(blob::Column::Sha256.not_in_subquery(live_originals))
        .filter(blob::Column::Sha256.not_in_subquery(live_previews))
        .order_by(blob::Column::Sha256, Order::Asc)
        .into_tuple()
        .all(db)
        .await
}

/// Inside the sweep's transaction: locks the blob's row and says whether it may still go (nobody claimed
/// or named it since it was listed). An upload claiming it waits for the transaction to end.
pub async fn lock_if_sweepable(
    db: &impl ConnectionTrait,
    sha256: &str,
    claimed_before: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let Some(row) = Blobs::find_by_id(sha256.to_owned()).lock_exclusive().one(db).await? else {
        return Ok(false);
    };
    if row.claimed_at >= claimed_before {
        return Ok(false);
    }
    let named = Files::find().filter(referenced(sha256)).count(db).await?;
    Ok(named == 0)
}

/// Forgets a blob whose bytes are deleted.
pub async fn delete_blob(db: &impl ConnectionTrait, sha256: &str) -> Result<(), DbErr> {
    Blobs::delete_by_id(sha256.to_owned()).exec(db).await?;
    Ok(())
}

/// Every blob the database knows (to find bytes in the store that no row claims).
pub async fn known_blobs(db: &impl ConnectionTrait) -> Result<Vec<String>, DbErr> {
    Blobs::find()
        .select_only()
        .column(blob::Column::Sha256)
        .into_tuple()
        .all(db)
        .await
}

/// Every blob a live file names (a check that none of them is missing from the store).
pub async fn live_blobs(db: &impl ConnectionTrait) -> Result<Vec<String>, DbErr> {
    let files = Files::find().filter(Column::RemovedAt.is_null()).all(db).await?;
    let mut names: Vec<String> = files
        .into_iter()
        .flat_map(|file| std::iter::once(file.sha256).chain(file.preview_sha256))
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}
