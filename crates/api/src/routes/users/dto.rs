//! What the user-management endpoints read and answer.

use app::accounts::UserSortField;
use chrono::{DateTime, Utc};
use domain::roles::Role;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::routes::page::{Limit, Offset};
use crate::routes::sort::{Sort, SortField};

/// The order of the list, by the store's sort fields.
pub type UserSort = Sort<UserSortField>;

impl SortField for UserSortField {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("createdAt", UserSortField::CreatedAt),
        ("email", UserSortField::Email),
        ("displayName", UserSortField::DisplayName),
    ];
    const DESCRIPTION: &'static str = "The order of a list of accounts; `-` in front sorts descending.";
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListUsersQuery {
    /// Text search in e-mail and display name; Persian and Arabic letter forms and digits match alike.
    #[validate(length(max = 200))]
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only accounts holding this role.
    pub role: Option<Role>,
    /// Only active (true) or deactivated (false) accounts.
    pub active: Option<bool>,
    /// Default `-createdAt`, newest first.
    #[param(inline)]
    pub sort: Option<UserSort>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// What an admin may change of an account; leave out what stays.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateUserRequest {
    /// The complete new list of roles beyond citizen (an empty list leaves a citizen).
    pub roles: Option<Vec<Role>>,
    /// false deactivates the account at once: its sessions end and its tokens stop working.
    pub active: Option<bool>,
}

/// A one-time token to hand to the account's owner, who sets a password with it at
/// POST /api/v1/auth/set-password.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PasswordTokenView {
    pub user_id: Uuid,
    /// Shown once; only its hash is stored. Null when the server mailed the link to the owner: then
    /// nobody else ever sees it.
    pub token: Option<String>,
    pub expires_at: DateTime<Utc>,
    /// Whether the link was mailed to the account's address.
    pub mailed: bool,
}

impl PasswordTokenView {
    /// The issued link's view: the token itself only when the server mails nothing, for the caller to
    /// hand over.
    pub fn new(user_id: Uuid, expires_at: DateTime<Utc>, link: app::accounts::MailedLink, mailed: bool) -> Self {
        PasswordTokenView {
            user_id,
            token: (!mailed).then_some(link.token),
            expires_at,
            mailed,
        }
    }
}
