//! Adding a file: its type is read from its bytes, location metadata is taken out of images, the
//! antivirus (when there is one) looks at it, and only then are the bytes stored — claimed first, so the
//! sweep leaves them alone — and the row committed with its event.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use domain::event::EventKind;
use domain::file::{DESCRIPTION_MAX, FileKind, FileOwnerKind};

use super::{FileStore, Owner, Shown, access, record_event, show_one};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::{Actor, Db};

/// An upload received into a temporary file, with what was sent beside it.
pub struct Upload {
    pub received: files::Received,
    /// The name the uploader's system gave it (kept, sanitised, for display only).
    pub name: String,
    pub description: Option<String>,
    pub kind: Option<FileKind>,
    pub identifying: Option<bool>,
    pub internal: Option<bool>,
}

/// The marks a file gets, checked against what its owner takes.
pub(super) struct Marks {
    pub kind: FileKind,
    pub identifying: bool,
    pub internal: bool,
    pub description: Option<String>,
}

/// 422 for a mark the owner does not take or a description too long; the marks otherwise.
pub(super) fn checked_marks(
    owner: FileOwnerKind,
    kind: Option<FileKind>,
    identifying: Option<bool>,
    internal: Option<bool>,
    description: Option<String>,
) -> Result<Marks> {
    let mut errors = Vec::new();
    let checked_kind = owner.kind_of(kind);
    if checked_kind.is_none() {
        let allowed: Vec<&str> = owner.kinds().iter().map(|k| k.as_str()).collect();
        errors.push(FieldError::new(
            "/kind",
            "invalid",
            format!("a file of a {owner} is one of: {}", allowed.join(", ")),
        ));
    }
    if identifying == Some(true) && !owner.takes_identifying() {
        errors.push(FieldError::new(
            "/identifying",
            "invalid",
            "only an idea's files are marked identifying",
        ));
    }
    if internal == Some(true) && !owner.takes_internal() {
        errors.push(FieldError::new(
            "/internal",
            "invalid",
            "only a partnership's or an activity's files are marked internal",
        ));
    }
    let description = description.map(|d| d.trim().to_owned()).filter(|d| !d.is_empty());
    if let Some(text) = &description {
        if text.chars().count() > DESCRIPTION_MAX {
            errors.push(FieldError::new(
                "/description",
                "too_long",
                format!("at most {DESCRIPTION_MAX} characters"),
            ));
        }
        if text.chars().any(|c| c.is_control() && c != '\n') {
            errors.push(FieldError::new(
                "/description",
                "control_character",
                "no control characters",
            ));
        }
    }
    match (errors.is_empty(), checked_kind) {
        (true, Some(kind)) => Ok(Marks {
            kind,
            identifying: identifying.unwrap_or(false),
            internal: internal.unwrap_or(false),
            description,
        }),
        _ => Err(Error::validation(errors)),
    }
}

/// Whether `actor` may add a file to `owner` now: asked before the bytes are read, so that a refused
/// upload is not stored anywhere.
pub async fn check_may_add(db: &Db, actor: &Actor, owner: Owner, now: DateTime<Utc>) -> Result<()> {
    access(db, Some(actor), owner, now).await?.ensure_may_change()
}

/// What the bytes turned out to be, after location metadata was taken out of images.
struct Inspected {
    file_type: files::FileType,
    sha256: String,
    size: u64,
    author: Option<String>,
    preview: Option<files::Preview>,
    /// Whether location metadata was taken out: then the bytes, and so their hash, changed.
    stripped: bool,
}

/// Reads the file's type from its bytes (415 otherwise), strips location from images and makes their
/// preview. Blocking file work, on a thread of the blocking pool.
async fn inspect(path: PathBuf, sha256: String, size: u64) -> Result<Inspected> {
    tokio::task::spawn_blocking(move || -> Result<Inspected> {
        let file_type = files::sniff(&path).map_err(Error::internal)?.ok_or_else(|| {
            Error::new(
                ErrorCode::UnsupportedFileType,
                "The file is not a PDF, PNG, JPEG, WebP, ODT or DOCX document, whatever its name says.",
            )
        })?;
        let stripped = files::strip_location(&path, file_type).map_err(Error::internal)?;
        let author = files::author_field(&path, file_type).map_err(Error::internal)?;
        let preview = files::preview(&path, file_type);
        Ok(Inspected {
            file_type,
            sha256,
            size,
            author,
            preview,
            stripped,
        })
    })
    .await
    .map_err(Error::internal)?
}

/// Adds a file to `owner`: checked, scanned, stored, then recorded with its event. The bytes are written
/// before the row is committed; if the process dies between the two, the sweep takes the bytes later.
pub async fn add(
    db: &Db,
    store: &FileStore,
    actor: &Actor,
    owner: Owner,
    upload: Upload,
    now: DateTime<Utc>,
) -> Result<Shown> {
    let marks = checked_marks(
        owner.kind,
        upload.kind,
        upload.identifying,
        upload.internal,
        upload.description,
    )?;
    check_may_add(db, actor, owner, now).await?;
    let received = upload.received;
    let path = received.file.to_path_buf();
    let mut inspected = inspect(path.clone(), received.sha256.clone(), received.size).await?;
    if inspected.stripped {
        (inspected.sha256, inspected.size) = files::hash_file(&path).await.map_err(Error::internal)?;
    }
    ensure_within_budget(db, store, owner, inspected.size).await?;
    let scanned = match &store.scanner {
        Some(scanner) => {
            let verdict = scanner.scan(&path).await.map_err(|err| {
                tracing::warn!(error = %err, "the antivirus could not scan an upload");
                Error::new(
                    ErrorCode::NotReady,
                    "The antivirus could not scan the file, so it was not kept; try again later.",
                )
            })?;
            match verdict {
                files::Verdict::Clean => {}
                files::Verdict::Infected(signature) => {
                    tracing::warn!(
                        user = %actor.user_id, owner = %owner.kind, owner_id = %owner.id, %signature,
                        "the antivirus refused an upload"
                    );
                    return Err(Error::new(
                        ErrorCode::InfectedFile,
                        format!("The antivirus found {signature} in the file; it was not kept."),
                    ));
                }
            }
            true
        }
        None => false,
    };

    // Claimed and committed first: from now on the sweep leaves these bytes alone for its grace time.
    let claim = db::begin_write(db).await?;
    db::files::claim_blob(&claim, &inspected.sha256, inspected.size, now).await?;
    let preview = inspected.preview.map(|p| (sha256_hex(&p.bytes), p));
    if let Some((sha256, preview)) = &preview {
        db::files::claim_blob(&claim, sha256, preview.bytes.len() as u64, now).await?;
    }
    claim.commit().await?;
    store
        .storage
        .put(&inspected.sha256, &path)
        .await
        .map_err(Error::internal)?;
    if let Some((sha256, preview)) = &preview {
        store
            .storage
            .put_bytes(sha256, preview.bytes.clone())
            .await
            .map_err(Error::internal)?;
    }

    let txn = db::begin_write(db).await?;
    // Checked again inside the transaction: the call may have closed, or other uploads filled the budget.
    let access = access(&txn, Some(actor), owner, now).await?;
    access.ensure_may_change()?;
    ensure_within_budget(&txn, store, owner, inspected.size).await?;
    let new = db::files::NewFile {
        owner_kind: owner.kind,
        owner_id: owner.id,
        kind: marks.kind,
        identifying: marks.identifying,
        internal: marks.internal,
        sha256: inspected.sha256,
        size: inspected.size,
        content_type: inspected.file_type.content_type().to_owned(),
        name: named_for_type(&files::sanitise_name(&upload.name), inspected.file_type),
        description: marks.description,
        author_field: inspected.author,
        preview: preview.map(|(sha256, p)| (sha256, p.content_type.to_owned())),
        scanned,
        uploaded_by: Some(actor.user_id),
    };
    let file = db::files::insert(&txn, new, now).await?;
    record_event(&txn, &access, EventKind::FileAdded, &file, Some(actor), now).await?;
    txn.commit().await?;
    drop(received.file);
    show_one(db, store, Some(actor), file.id, now).await
}

/// 413 when the owner's live files and this one would pass the owner's budget (ideas and ties).
async fn ensure_within_budget(
    db: &impl sea_orm::ConnectionTrait,
    store: &FileStore,
    owner: Owner,
    size: u64,
) -> Result<()> {
    if !owner.kind.has_budget() {
        return Ok(());
    }
    let kept = db::files::live_bytes(db, owner.kind, owner.id).await?;
    if kept.saturating_add(size) > store.limits.owner_bytes {
        return Err(Error::new(
            ErrorCode::OwnerFilesTooLarge,
            format!(
                "The files kept here take {kept} bytes; with this one they would pass the limit of {} bytes.",
                store.limits.owner_bytes
            ),
        ));
    }
    Ok(())
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The uploader's name with the extension of what the bytes are, so that a PDF named `.png` opens as
/// a PDF on the reader's machine.
fn named_for_type(name: &str, file_type: files::FileType) -> String {
    let extension = file_type.extension();
    let (stem, current) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, Some(ext.to_lowercase())),
        _ => (name, None),
    };
    let fits = current
        .as_deref()
        .is_some_and(|ext| ext == extension || (extension == "jpg" && ext == "jpeg"));
    if fits {
        name.to_owned()
    } else {
        format!("{stem}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_gets_the_extension_of_its_bytes() {
        assert_eq!(named_for_type("گزارش سفر.png", files::FileType::Pdf), "گزارش سفر.pdf");
        assert_eq!(named_for_type("photo.JPEG", files::FileType::Jpeg), "photo.JPEG");
        assert_eq!(named_for_type("letter", files::FileType::Docx), "letter.docx");
        assert_eq!(named_for_type(".hidden", files::FileType::Png), ".hidden.png");
    }
}
