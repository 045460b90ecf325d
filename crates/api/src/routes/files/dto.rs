use app::files::{Link, Shown};
use chrono::{DateTime, Utc};
use domain::file::{FileAction, FileKind, FileOwnerKind};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A file as you may see it, with links that open it for a few minutes.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StoredFileView {
    pub id: Uuid,
    pub owner_kind: FileOwnerKind,
    pub owner_id: Uuid,
    pub kind: FileKind,
    /// The uploader's name for it (sanitised), or `proposal-<n>.<ext>` for a blind call's reviewers.
    pub name: String,
    /// The type read from the file's bytes.
    pub content_type: String,
    /// In bytes.
    pub size: u64,
    pub description: Option<String>,
    /// An idea's file that names its submitter: never shown to a blind call's reviewers.
    pub identifying: bool,
    /// A partnership's or activity's file seen by staff only.
    pub internal: bool,
    /// Opens the file (as an attachment) until `linkExpiresAt`, without a bearer header.
    pub url: String,
    /// Opens the image preview made at upload, for images.
    pub preview_url: Option<String>,
    pub link_expires_at: DateTime<Utc>,
    /// The author the document's metadata names (shown to the uploader and staff only): in a blind
    /// call, remove the file or mark it identifying if it names you.
    pub author_field: Option<String>,
    /// Whether an antivirus scanned it before it was kept.
    pub scanned: bool,
    pub uploaded_at: DateTime<Utc>,
    /// What you may do with it now.
    pub allowed_actions: Vec<FileAction>,
}

/// Where a link points: our own signed path, or the store's pre-signed URL.
pub fn link_url(link: &Link) -> String {
    match link {
        Link::Presigned(url) => url.clone(),
        Link::Signed(signed) => {
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair("variant", signed.variant.as_str())
                .append_pair("expires", &signed.expires.to_string())
                .append_pair("name", &signed.name)
                .append_pair("signature", &signed.signature)
                .finish();
            format!("/api/v1/files/{}/signed?{query}", signed.file_id)
        }
    }
}

impl From<Shown> for StoredFileView {
    fn from(shown: Shown) -> Self {
        let file = shown.file;
        StoredFileView {
            id: file.id,
            owner_kind: *file.owner_kind,
            owner_id: file.owner_id,
            kind: *file.kind,
            name: shown.name,
            content_type: file.content_type,
            size: u64::try_from(file.size).unwrap_or(0),
            description: file.description,
            identifying: file.identifying,
            internal: file.internal,
            url: link_url(&shown.link),
            preview_url: shown.preview_link.as_ref().map(link_url),
            link_expires_at: shown.links_expire_at,
            author_field: shown.author_field,
            scanned: file.scanned,
            uploaded_at: file.uploaded_at,
            allowed_actions: shown.allowed_actions,
        }
    }
}

/// An owner's files that you may see, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct FileList {
    pub items: Vec<StoredFileView>,
    pub total: u64,
}

impl FileList {
    pub fn of(files: Vec<Shown>) -> Self {
        let items: Vec<StoredFileView> = files.into_iter().map(StoredFileView::from).collect();
        FileList {
            total: items.len() as u64,
            items,
        }
    }
}

/// The multipart/form-data body of an upload.
#[derive(Debug, ToSchema)]
#[allow(dead_code)] // Read part by part as it streams in (see `multipart`); this documents the parts.
pub struct UploadForm {
    /// The file: PDF, PNG, JPEG, WebP, ODT or DOCX, decided from its bytes. Its filename is kept,
    /// sanitised, for display only.
    #[schema(value_type = String, format = Binary, content_media_type = "application/octet-stream")]
    pub file: Vec<u8>,
    /// A short description in Persian or English (at most 300 characters).
    #[schema(max_length = 300, required = false)]
    pub description: String,
    /// An idea's file: `proposal` (default) or `evidence` of the tie abroad. A tie's file is always
    /// `evidence`, a partnership's or activity's `record`.
    #[schema(required = false)]
    pub kind: FileKind,
    /// An idea's file that names its submitter, hidden from a blind call's reviewers (default false).
    #[schema(required = false)]
    pub identifying: bool,
    /// A partnership's or activity's file that only staff see (default false).
    #[schema(required = false)]
    pub internal: bool,
}

/// A change of a file's description or marks; what is left out stays.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EditFileRequest {
    /// The new description (at most 300 characters); null removes it.
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[schema(value_type = Option<String>, max_length = 300)]
    pub description: Option<Option<String>>,
    /// An idea's file: `proposal` or `evidence`. May not be null.
    #[serde(default, deserialize_with = "crate::routes::patch::not_null")]
    pub kind: Option<FileKind>,
    /// An idea's file only. May not be null.
    #[serde(default, deserialize_with = "crate::routes::patch::not_null")]
    pub identifying: Option<bool>,
    /// A partnership's or activity's file only. May not be null.
    #[serde(default, deserialize_with = "crate::routes::patch::not_null")]
    pub internal: Option<bool>,
}
