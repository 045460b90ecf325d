//! What the conflict-of-interest endpoints read and answer.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use domain::review::ConflictSource;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::routes::page::{Limit, Offset};

/// The longest reason accepted, in characters, after trimming.
pub const REASON_MAX: usize = 1000;

/// Why there is a conflict: 1 to 1000 characters once surrounding spaces are trimmed.
fn reason(text: &str) -> Result<(), ValidationError> {
    let length = text.trim().chars().count();
    if length == 0 {
        Err(ValidationError::new("required").with_message(Cow::Borrowed("this field is required")))
    } else if length > REASON_MAX {
        Err(ValidationError::new("too_long").with_message(Cow::Borrowed("at most 1000 characters")))
    } else {
        Ok(())
    }
}

/// Staff enter a conflict of interest.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateConflictRequest {
    /// The reviewer's account id.
    pub reviewer_id: Uuid,
    /// The idea the reviewer may not review.
    pub idea_id: Uuid,
    /// Why, for the record: 1 to 1000 characters (surrounding spaces are trimmed).
    #[validate(custom(function = "reason"))]
    #[schema(
        min_length = 1,
        max_length = 1000,
        pattern = r"\S",
        example = "همکار پیشنهاددهنده در دانشگاه"
    )]
    pub reason: String,
}

/// An assigned reviewer declares a conflict of interest with the idea.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclareConflictRequest {
    /// Why, for staff: 1 to 1000 characters (surrounding spaces are trimmed).
    #[validate(custom(function = "reason"))]
    #[schema(
        min_length = 1,
        max_length = 1000,
        pattern = r"\S",
        example = "پیشنهاددهنده از بستگان من است"
    )]
    pub reason: String,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListConflictsQuery {
    /// Only conflicts with ideas of this call.
    pub call_id: Option<Uuid>,
    /// Only this reviewer's conflicts.
    pub reviewer_id: Option<Uuid>,
    /// Only conflicts with this idea.
    pub idea_id: Option<Uuid>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// The reviewer of a conflict.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConflictReviewerView {
    /// The reviewer's account id.
    pub id: Uuid,
    /// The reviewer's display name.
    pub display_name: String,
}

/// The idea of a conflict.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConflictIdeaView {
    /// The idea's id.
    pub id: Uuid,
    /// The idea's title.
    pub title: String,
}

/// A conflict of interest: the reviewer never reviews the idea.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConflictView {
    /// The conflict's id.
    pub id: Uuid,
    /// Who may not review the idea.
    pub reviewer: ConflictReviewerView,
    /// The idea they may not review.
    pub idea: ConflictIdeaView,
    /// The idea's call.
    pub call_id: Uuid,
    /// Whether the reviewer declared it or staff entered it.
    pub source: ConflictSource,
    /// Why.
    pub reason: String,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
}

impl ConflictView {
    pub fn from_row(row: app::conflicts::ConflictRow) -> Self {
        let conflict = row.conflict;
        ConflictView {
            id: conflict.id,
            reviewer: ConflictReviewerView {
                id: conflict.reviewer_id,
                display_name: row.reviewer_name,
            },
            idea: ConflictIdeaView {
                id: conflict.idea_id,
                title: row.idea_title,
            },
            call_id: conflict.call_id,
            source: *conflict.source,
            reason: conflict.reason,
            created_at: conflict.created_at,
        }
    }
}
