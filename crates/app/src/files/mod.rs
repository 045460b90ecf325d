//! Files kept with ideas, ties abroad, partnerships and activities. Who reads or changes an owner's files
//! is the owner's rule (`domain::file::sight`); the bytes live in the object store under their SHA-256,
//! and a reader gets short-lived signed links instead of the bytes.

mod links;
mod sweep;
mod upload;

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use db::files::StoredFile;
use domain::event::SubjectKind;
use domain::file::{FileAction, FileKind, FileMarks, FileOwnerKind, FileReader, FileVariant, Sight};
use domain::idea::IdeaAction;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

pub use links::{Link, LinkSigner, SignedLink};
pub use sweep::{SweepReport, sweep};
pub use upload::{Upload, add, check_may_add};

use crate::error::{Error, ErrorCode, Result};
use crate::ideas::Detail;
use crate::{Actor, Db};

/// Where files go and how uploads are checked: built once when the server starts.
pub struct FileStore {
    pub storage: files::Storage,
    /// ClamAV, when configured: each upload is scanned before it is kept.
    pub scanner: Option<files::Scanner>,
    pub limits: UploadLimits,
    pub links: LinkSigner,
    /// Where uploads are received before they are checked and stored.
    pub temp_dir: PathBuf,
}

/// How large uploads may be.
#[derive(Debug, Clone, Copy)]
pub struct UploadLimits {
    /// One file.
    pub file_bytes: u64,
    /// The live files of one idea, or of one tie.
    pub owner_bytes: u64,
}

/// What a file belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    pub kind: FileOwnerKind,
    pub id: Uuid,
}

/// One file as its reader sees it, with links that open it for a while.
#[derive(Debug, Clone)]
pub struct Shown {
    pub file: StoredFile,
    /// The original name, or `proposal-<n>.<ext>` where the reader may not see it.
    pub name: String,
    /// The author the document's metadata names, for the uploader and staff.
    pub author_field: Option<String>,
    pub link: Link,
    pub preview_link: Option<Link>,
    pub links_expire_at: DateTime<Utc>,
    pub allowed_actions: Vec<FileAction>,
}

/// How one reader stands to one owner's files.
struct Access {
    reader: FileReader,
    /// An idea's: selected, public and its submitter agreed that its files be shown.
    published_with_consent: bool,
    /// Why the reader may not add, change or remove files now; None when they may.
    refusal: Option<(ErrorCode, String)>,
    /// The owner's history, where uploads and removals are written.
    subject: (SubjectKind, Uuid),
    call_id: Option<Uuid>,
}

impl Access {
    fn sight(&self, owner: FileOwnerKind, file: &StoredFile) -> Sight {
        let marks = FileMarks {
            kind: *file.kind,
            identifying: file.identifying,
            internal: file.internal,
        };
        domain::file::sight(owner, self.reader, marks, self.published_with_consent)
    }

    fn ensure_may_change(&self) -> Result<()> {
        match &self.refusal {
            None => Ok(()),
            Some((code, detail)) => Err(Error::new(*code, detail.clone())),
        }
    }
}

/// A refusal to anyone but `who`.
fn only(detail: &str) -> Option<(ErrorCode, String)> {
    Some((ErrorCode::Forbidden, detail.to_owned()))
}

/// How `actor` stands to `owner`'s files: 404 when they may not see the owner at all.
async fn access(db: &impl ConnectionTrait, actor: Option<&Actor>, owner: Owner, now: DateTime<Utc>) -> Result<Access> {
    let staff = actor.is_some_and(Actor::is_staff);
    match owner.kind {
        FileOwnerKind::Idea => {
            let (record, detail) = crate::ideas::find_visible(db, owner.id, actor).await?;
            let reader = match detail {
                Detail::Staff => FileReader::Staff,
                Detail::Submitter => FileReader::Owner,
                Detail::Reviewer { blind } => FileReader::Reviewer { blind },
                Detail::Public => FileReader::Public,
            };
            let refusal = if detail == Detail::Submitter {
                crate::ideas::submitter_may(&record, IdeaAction::Edit, now)
                    .err()
                    .map(|err| (err.code(), err.detail().to_owned()))
            } else {
                only("Only the idea's submitter adds, changes and removes its files.")
            };
            Ok(Access {
                reader,
                published_with_consent: crate::ideas::is_public(&record.idea) && record.idea.files_public,
                refusal,
                subject: (SubjectKind::Idea, record.idea.id),
                call_id: Some(record.idea.call_id),
            })
        }
        FileOwnerKind::Tie => {
            let tie = db::profiles::find_tie(db, owner.id)
                .await?
                .ok_or_else(Error::not_found)?;
            let own = actor.is_some_and(|a| a.user_id == tie.user_id);
            let reader = match (own, staff) {
                (true, _) => FileReader::Owner,
                (false, true) => FileReader::Staff,
                (false, false) => return Err(Error::not_found()),
            };
            Ok(Access {
                reader,
                published_with_consent: false,
                refusal: if own {
                    None
                } else {
                    only("Only the citizen adds and removes the evidence of their ties.")
                },
                subject: (SubjectKind::Profile, tie.user_id),
                call_id: None,
            })
        }
        FileOwnerKind::Partnership | FileOwnerKind::Activity => {
            let (exists, subject) = if owner.kind == FileOwnerKind::Partnership {
                let found = db::partnerships::find_by_id(db, owner.id).await?.is_some();
                (found, SubjectKind::Partnership)
            } else {
                let found = db::activities::find_by_id(db, owner.id).await?.is_some();
                (found, SubjectKind::Activity)
            };
            if !exists {
                return Err(Error::not_found());
            }
            Ok(Access {
                reader: if staff { FileReader::Staff } else { FileReader::Public },
                published_with_consent: false,
                refusal: if staff {
                    None
                } else {
                    only("Only staff add and remove the register's files.")
                },
                subject: (subject, owner.id),
                call_id: None,
            })
        }
    }
}

fn owner_of(file: &StoredFile) -> Owner {
    Owner {
        kind: *file.owner_kind,
        id: file.owner_id,
    }
}

/// The files of `owner` that `actor` may see, oldest first, with their links.
pub async fn list(
    db: &Db,
    store: &FileStore,
    actor: Option<&Actor>,
    owner: Owner,
    now: DateTime<Utc>,
) -> Result<Vec<Shown>> {
    let access = access(db, actor, owner, now).await?;
    let stored = db::files::list_live(db, owner.kind, owner.id).await?;
    shown_files(store, &access, owner.kind, stored, now).await
}

/// The files `access` shows, in order; names hidden from a blind call's reviewers are numbered by kind.
async fn shown_files(
    store: &FileStore,
    access: &Access,
    owner: FileOwnerKind,
    stored: Vec<StoredFile>,
    now: DateTime<Utc>,
) -> Result<Vec<Shown>> {
    let mut shown = Vec::new();
    let mut anonymous_count = std::collections::HashMap::<FileKind, usize>::new();
    for file in stored {
        let Sight::Shown { name, author } = access.sight(owner, &file) else {
            continue;
        };
        let display_name = if name {
            file.name.clone()
        } else {
            let position = anonymous_count.entry(*file.kind).or_default();
            let extension = extension_of(&file.content_type);
            let anonymous = domain::file::anonymous_name(*file.kind, *position, extension);
            *position += 1;
            anonymous
        };
        shown.push(show(store, access, file, display_name, author, now).await?);
    }
    Ok(shown)
}

fn whole_second_after(at: DateTime<Utc>) -> DateTime<Utc> {
    let seconds = at.timestamp() + i64::from(at.timestamp_subsec_nanos() > 0);
    DateTime::from_timestamp(seconds, 0).unwrap_or(at)
}

fn extension_of(content_type: &str) -> &'static str {
    files::FileType::from_content_type(content_type).map_or("bin", files::FileType::extension)
}

async fn show(
    store: &FileStore,
    access: &Access,
    file: StoredFile,
    name: String,
    author: bool,
    now: DateTime<Utc>,
) -> Result<Shown> {
    // Whole seconds, rounded up: a link's expiry travels as Unix seconds and must not end before it says.
    let expires_at = whole_second_after(now + store.links.ttl());
    let link = store.link(&file, FileVariant::Original, &name, expires_at).await?;
    let preview_link = match file.preview_sha256 {
        Some(_) => Some(store.link(&file, FileVariant::Preview, &name, expires_at).await?),
        None => None,
    };
    let allowed_actions = if access.refusal.is_none() {
        vec![FileAction::Edit, FileAction::Remove]
    } else {
        Vec::new()
    };
    Ok(Shown {
        author_field: file.author_field.clone().filter(|_| author),
        file,
        name,
        link,
        preview_link,
        links_expire_at: expires_at,
        allowed_actions,
    })
}

/// One live file, as `actor` sees it; 404 when they may not see it.
pub async fn show_one(
    db: &Db,
    store: &FileStore,
    actor: Option<&Actor>,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Shown> {
    let file = db::files::find_live(db, id).await?.ok_or_else(Error::not_found)?;
    let owner = owner_of(&file);
    let access = access(db, actor, owner, now).await?;
    // Its place among what the reader sees decides its anonymous name, so the owner's list is read.
    let stored = db::files::list_live(db, owner.kind, owner.id).await?;
    shown_files(store, &access, owner.kind, stored, now)
        .await?
        .into_iter()
        .find(|shown| shown.file.id == id)
        .ok_or_else(Error::not_found)
}

/// The link that opens one variant of a file `actor` may see; 404 for a preview the file has not.
pub async fn open(
    db: &Db,
    store: &FileStore,
    actor: Option<&Actor>,
    id: Uuid,
    variant: FileVariant,
    now: DateTime<Utc>,
) -> Result<Link> {
    let shown = show_one(db, store, actor, id, now).await?;
    match variant {
        FileVariant::Original => Ok(shown.link),
        FileVariant::Preview => shown.preview_link.ok_or_else(Error::not_found),
    }
}

/// A change of a file's description or marks.
#[derive(Debug, Clone, Default)]
pub struct FileChange {
    pub description: Option<Option<String>>,
    pub kind: Option<FileKind>,
    pub identifying: Option<bool>,
    pub internal: Option<bool>,
}

/// Changes a file's description or marks: whoever may add files to its owner now.
pub async fn edit(
    db: &Db,
    store: &FileStore,
    actor: &Actor,
    id: Uuid,
    change: FileChange,
    now: DateTime<Utc>,
) -> Result<Shown> {
    let txn = db::begin_write(db).await?;
    let file = db::files::find_live(&txn, id).await?.ok_or_else(Error::not_found)?;
    let owner = owner_of(&file);
    let access = access(&txn, Some(actor), owner, now).await?;
    if access.sight(owner.kind, &file) == Sight::Hidden {
        return Err(Error::not_found());
    }
    access.ensure_may_change()?;
    let marks = upload::checked_marks(
        owner.kind,
        change.kind,
        change.identifying,
        change.internal,
        change.description.clone().flatten(),
    )?;
    let edit = db::files::FileEdit {
        description: change.description.map(|_| marks.description),
        kind: change.kind,
        identifying: change.identifying,
        internal: change.internal,
    };
    db::files::edit(&txn, file, edit).await?;
    txn.commit().await?;
    show_one(db, store, Some(actor), id, now).await
}

/// Removes a file: its row is marked removed at once (no link opens it any more) and its bytes go with
/// the next sweep when no live file shows them.
pub async fn remove(db: &Db, actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<()> {
    let txn = db::begin_write(db).await?;
    let file = db::files::find_live(&txn, id).await?.ok_or_else(Error::not_found)?;
    let owner = owner_of(&file);
    let access = access(&txn, Some(actor), owner, now).await?;
    if access.sight(owner.kind, &file) == Sight::Hidden {
        return Err(Error::not_found());
    }
    access.ensure_may_change()?;
    if !db::files::mark_removed(&txn, id, Some(actor.user_id), now).await? {
        return Err(Error::not_found());
    }
    record_event(
        &txn,
        &access,
        domain::event::EventKind::FileRemoved,
        &file,
        Some(actor),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Writes a file's upload or removal in its owner's history.
async fn record_event(
    db: &impl ConnectionTrait,
    access: &Access,
    kind: domain::event::EventKind,
    file: &StoredFile,
    actor: Option<&Actor>,
    now: DateTime<Utc>,
) -> Result<()> {
    let (subject, subject_id) = access.subject;
    let mut event = db::events::NewEvent::new(subject, subject_id, kind);
    event.call_id = access.call_id;
    event.actor_id = actor.map(|a| a.user_id);
    let label = Some(format!("{}: {}", file.kind.as_str(), file.name));
    if kind == domain::event::EventKind::FileRemoved {
        event.from = label;
    } else {
        event.to = label;
    }
    db::events::record(db, event, now).await?;
    Ok(())
}

/// Files of ties a citizen took off their profile go with them (inside the profile's transaction).
pub async fn remove_with_ties(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tie_ids: Vec<Uuid>,
    now: DateTime<Utc>,
) -> Result<()> {
    let removed = db::files::remove_all_of(db, FileOwnerKind::Tie, tie_ids, Some(actor.user_id), now).await?;
    let access = Access {
        reader: FileReader::Owner,
        published_with_consent: false,
        refusal: None,
        subject: (SubjectKind::Profile, actor.user_id),
        call_id: None,
    };
    for file in &removed {
        record_event(
            db,
            &access,
            domain::event::EventKind::FileRemoved,
            file,
            Some(actor),
            now,
        )
        .await?;
    }
    Ok(())
}

/// Where the bytes a signed link opens are.
#[derive(Debug, Clone)]
pub enum OpenedBytes {
    /// A file on this server's disk (local storage): served with Range and ETag.
    Path(PathBuf),
    /// A preview read from the object store (S3), small enough to hold: served by us, so that the SPA's
    /// images come from its own origin as its content security policy wants.
    Memory { bytes: Vec<u8>, etag: String },
}

/// What a signed link opens.
#[derive(Debug, Clone)]
pub struct Opened {
    pub bytes: OpenedBytes,
    pub content_type: String,
    pub name: String,
    pub variant: FileVariant,
    pub expires_at: DateTime<Utc>,
}

/// Checks a signed link and finds the bytes it opens: 403 `link_invalid` when the signature does not
/// match (another file, another variant, another name), 403 `link_expired` after its time, 404 when the
/// file was removed or (an original on S3, which the store serves itself) the bytes are not ours to serve.
pub async fn open_signed(db: &Db, store: &FileStore, link: &SignedLink, now: DateTime<Utc>) -> Result<Opened> {
    let expires_at = store.links.verify(link, now)?;
    let file = db::files::find_live(db, link.file_id)
        .await?
        .ok_or_else(Error::not_found)?;
    let (sha256, content_type) = match link.variant {
        FileVariant::Original => (Some(file.sha256.clone()), Some(file.content_type.clone())),
        FileVariant::Preview => (file.preview_sha256.clone(), file.preview_content_type.clone()),
    };
    let (Some(sha256), Some(content_type)) = (sha256, content_type) else {
        return Err(Error::not_found());
    };
    let bytes = match store.storage.local_path(&sha256) {
        Some(path) => OpenedBytes::Path(path),
        None if link.variant == FileVariant::Preview => OpenedBytes::Memory {
            bytes: store.storage.get_bytes(&sha256).await.map_err(Error::internal)?,
            etag: sha256,
        },
        None => return Err(Error::not_found()),
    };
    Ok(Opened {
        bytes,
        content_type,
        name: link.name.clone(),
        variant: link.variant,
        expires_at,
    })
}

impl FileStore {
    /// A link to one variant of a file under `name`: pre-signed by the object store when it can,
    /// otherwise signed by us for this server to serve.
    async fn link(
        &self,
        file: &StoredFile,
        variant: FileVariant,
        name: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<Link> {
        let (sha256, content_type, disposition) = match variant {
            FileVariant::Original => (
                file.sha256.as_str(),
                file.content_type.as_str(),
                files::DispositionKind::Attachment,
            ),
            FileVariant::Preview => (
                file.preview_sha256.as_deref().unwrap_or_default(),
                file.preview_content_type.as_deref().unwrap_or_default(),
                files::DispositionKind::Inline,
            ),
        };
        let lifetime = Duration::from_secs(u64::try_from((expires_at - Utc::now()).num_seconds().max(1)).unwrap_or(1));
        let header = files::content_disposition(disposition, name);
        // Previews are always ours to serve: an <img> of the SPA may only load from its own origin.
        let presigned = match variant {
            FileVariant::Original => self
                .storage
                .presigned_get(sha256, content_type, &header, lifetime)
                .await
                .map_err(Error::internal)?,
            FileVariant::Preview => None,
        };
        Ok(match presigned {
            Some(url) => Link::Presigned(url),
            None => Link::Signed(self.links.sign(file.id, variant, name, expires_at)),
        })
    }

    /// Whether the object store (and the antivirus, when one is configured) answers.
    pub async fn check(&self) -> std::result::Result<(), String> {
        self.storage
            .check()
            .await
            .map_err(|err| format!("the file store: {err}"))?;
        if let Some(scanner) = &self.scanner {
            scanner.ping().await.map_err(|err| format!("the antivirus: {err}"))?;
        }
        Ok(())
    }
}
