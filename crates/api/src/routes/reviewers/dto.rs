//! What the reviewer endpoints read and answer.

use chrono::{DateTime, Utc};
use domain::account::Locale;
use domain::idea::Domain;
use domain::reviewer::{MAX_LOAD_LIMIT, Organisation};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::routes::page::{Limit, Offset};
use crate::routes::rules;
use crate::routes::users::dto::PasswordTokenView;

/// Each domain of expertise once.
fn unique_domains(domains: &[Domain]) -> Result<(), ValidationError> {
    let mut sorted = domains.to_vec();
    sorted.sort();
    sorted.dedup();
    if sorted.len() == domains.len() {
        Ok(())
    } else {
        Err(ValidationError::new("duplicate").with_message("each domain may appear once".into()))
    }
}

/// A field that may be left out but, when sent, may not be null.
fn not_null<'de, T: Deserialize<'de>, D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// Staff enrol someone on the jury.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateReviewerRequest {
    /// The reviewer's e-mail address. If an account has it, that account joins the jury and keeps its
    /// roles, name and password; otherwise an account is made for it.
    #[validate(custom(function = "rules::email"))]
    #[schema(format = "email", example = "m.karimi@example.org")]
    pub email: String,
    /// The name of a new account; an existing account keeps its own.
    #[validate(custom(function = "rules::display_name"))]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S", example = "مریم کریمی")]
    pub display_name: String,
    /// The organisation the reviewer sits on the jury for.
    pub organisation: Organisation,
    /// The domains the reviewer knows well, each once; the planner prefers them for ideas of these domains.
    #[validate(custom(function = "unique_domains"))]
    pub expertise: Vec<Domain>,
    /// The most ideas the reviewer may be given in one call, 1 to 500.
    #[validate(range(min = 1, max = MAX_LOAD_LIMIT))]
    #[schema(minimum = 1, maximum = 500, example = 10)]
    pub max_load: i32,
    /// The language of a new account; Persian when left out. An existing account keeps its own.
    pub locale: Option<Locale>,
}

/// What staff may change of a reviewer; leave out what stays (none may be null).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateReviewerRequest {
    /// The organisation the reviewer sits on the jury for.
    #[serde(default, deserialize_with = "not_null")]
    #[schema(value_type = Organisation)]
    pub organisation: Option<Organisation>,
    /// The complete new list of domains of expertise, each once.
    #[serde(default, deserialize_with = "not_null")]
    #[validate(custom(function = "unique_domains"))]
    #[schema(value_type = Vec<Domain>)]
    pub expertise: Option<Vec<Domain>>,
    /// The most ideas the reviewer may be given in one call, 1 to 500. Lowering it takes nothing away
    /// from them: it only limits new assignments.
    #[serde(default, deserialize_with = "not_null")]
    #[validate(range(min = 1, max = MAX_LOAD_LIMIT))]
    #[schema(value_type = i32, minimum = 1, maximum = 500)]
    pub max_load: Option<i32>,
    /// false takes the reviewer off the roster for new assignments; what they hold stays theirs.
    #[serde(default, deserialize_with = "not_null")]
    #[schema(value_type = bool)]
    pub active: Option<bool>,
}

impl UpdateReviewerRequest {
    pub fn into_change(self) -> app::reviewers::ReviewerChange {
        app::reviewers::ReviewerChange {
            organisation: self.organisation,
            expertise: self.expertise,
            max_load: self.max_load,
            active: self.active,
        }
    }
}

impl CreateReviewerRequest {
    /// The use case's input, with the hash of the set-password link it issues to a new account.
    pub fn into_input(self, link: app::accounts::MailedLink) -> app::reviewers::NewReviewer {
        app::reviewers::NewReviewer {
            account: app::accounts::Registration {
                email: self.email,
                display_name: Some(self.display_name),
                locale: self.locale,
            },
            organisation: self.organisation,
            expertise: self.expertise,
            max_load: self.max_load,
            link,
        }
    }
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListReviewersQuery {
    /// Text search in name and e-mail; Persian and Arabic letter forms and digits match alike.
    #[validate(length(max = 200))]
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only reviewers of this organisation.
    pub organisation: Option<Organisation>,
    /// Only reviewers with this domain among their expertise.
    pub expertise: Option<Domain>,
    /// Only reviewers on the roster (true) or taken off it (false).
    pub active: Option<bool>,
    /// Count `assigned` and `submitted` in this call only (default: in all calls).
    pub call_id: Option<Uuid>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ShowReviewerQuery {
    /// Count `assigned` and `submitted` in this call only (default: in all calls).
    pub call_id: Option<Uuid>,
}

/// A member of the jury.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReviewerView {
    /// The reviewer's account id.
    pub id: Uuid,
    /// The account's display name.
    pub display_name: String,
    /// The account's e-mail address.
    pub email: String,
    /// The organisation the reviewer sits on the jury for.
    pub organisation: Organisation,
    /// The domains the reviewer knows well.
    pub expertise: Vec<Domain>,
    /// The most ideas the reviewer may be given in one call.
    pub max_load: i32,
    /// Whether the reviewer is on the roster for new assignments.
    pub active: bool,
    /// Whether the reviewer's account may sign in.
    pub account_active: bool,
    /// Assignments that count (pending or submitted), in the call asked about or in all.
    pub assigned: i64,
    /// Of those, the ones with a submitted review.
    pub submitted: i64,
    /// When the reviewer joined the jury.
    pub created_at: DateTime<Utc>,
    /// When the reviewer's jury profile last changed.
    pub updated_at: DateTime<Utc>,
}

impl ReviewerView {
    pub fn from_row(row: app::reviewers::ReviewerRow) -> Self {
        let reviewer = row.reviewer;
        ReviewerView {
            id: reviewer.user_id,
            display_name: row.display_name,
            email: row.email,
            organisation: *reviewer.organisation,
            expertise: reviewer.expertise.0,
            max_load: reviewer.max_load,
            active: reviewer.active,
            account_active: row.account_active,
            assigned: row.assigned,
            submitted: row.submitted,
            created_at: reviewer.created_at,
            updated_at: reviewer.updated_at,
        }
    }
}

/// A reviewer just enrolled.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EnrolmentView {
    pub reviewer: ReviewerView,
    /// For a new account: a one-time token to hand to the reviewer, who sets their password with it at
    /// POST /api/v1/auth/set-password. null when the account existed (it has a password already).
    pub password_token: Option<PasswordTokenView>,
}
