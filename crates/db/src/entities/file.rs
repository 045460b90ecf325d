use domain::file::{FileKind, FileOwnerKind};
use sea_orm::entity::prelude::*;

use crate::stored::Named;

/// A file kept with an idea, a tie, a partnership or an activity; its bytes are the blob `sha256`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "files")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub owner_kind: Named<FileOwnerKind>,
    pub owner_id: Uuid,
    pub kind: Named<FileKind>,
    pub identifying: bool,
    pub internal: bool,
    pub sha256: String,
    pub size: i64,
    pub content_type: String,
    /// The uploader's name for it, sanitised: for display only, never a path.
    pub name: String,
    pub description: Option<String>,
    pub author_field: Option<String>,
    pub preview_sha256: Option<String>,
    pub preview_content_type: Option<String>,
    pub scanned: bool,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_at: DateTimeUtc,
    pub removed_at: Option<DateTimeUtc>,
    pub removed_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
