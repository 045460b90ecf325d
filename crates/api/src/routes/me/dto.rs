//! What the /me endpoints read and answer: the account and the citizen's profile.

use domain::account::Locale;
use domain::profile::{OccupationCategory, TieKind};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::routes::auth::dto::UserView;
use crate::routes::rules;

/// A tie to a city abroad, as you send it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TieRequest {
    /// The id of one of your ties, to keep it (and what is attached to it); leave it out for a new tie.
    pub id: Option<Uuid>,
    /// The city's name, as you write it.
    #[validate(custom(function = "rules::required_text"), length(max = 200, code = "too_long"))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S", example = "Saint Petersburg")]
    pub city: String,
    /// ISO 3166-1 alpha-2.
    #[validate(custom(function = "rules::country"))]
    #[schema(schema_with = crate::routes::schemas::country)]
    pub country: String,
    pub nature: TieKind,
    /// The year the tie began.
    #[validate(range(min = 1900, max = 2100))]
    #[schema(minimum = 1900, maximum = 2100, example = 2015)]
    pub since: i32,
}

/// A tie to a city abroad.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TieView {
    /// The tie's own id: send it back with the tie to keep it.
    pub id: Uuid,
    /// The city's name, as you wrote it.
    pub city: String,
    /// ISO 3166-1 alpha-2, upper-case.
    pub country: String,
    pub nature: TieKind,
    /// The year the tie began.
    pub since: i32,
}

fn language_codes(codes: &[String]) -> Result<(), ValidationError> {
    if codes.iter().all(|c| domain::profile::is_language_code(c)) {
        Ok(())
    } else {
        Err(ValidationError::new("invalid_language")
            .with_message("languages are ISO 639 codes of 2 or 3 lower-case letters, such as fa, en, ru".into()))
    }
}

/// What a citizen tells about themselves, for staff and for the call's statistics.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub occupation_category: Option<OccupationCategory>,
    pub ties: Vec<TieView>,
    /// ISO 639 language codes.
    pub languages: Vec<String>,
}

/// A change to your profile; leave out what stays. Lists replace the stored ones whole: a tie sent
/// with its id is kept, one without is new, one left out is removed.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProfileChangeRequest {
    /// null clears it.
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[schema(value_type = Option<OccupationCategory>)]
    pub occupation_category: Option<Option<OccupationCategory>>,
    /// Up to 20 ties.
    #[validate(length(max = 20, code = "too_many"), nested)]
    #[schema(max_items = 20)]
    pub ties: Option<Vec<TieRequest>>,
    /// Up to 20 ISO 639 codes.
    #[validate(length(max = 20, code = "too_many"), custom(function = "language_codes"))]
    #[schema(max_items = 20)]
    pub languages: Option<Vec<String>>,
}

/// Your account and your citizen profile.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeView {
    #[serde(flatten)]
    pub account: UserView,
    pub profile: ProfileView,
    /// How many of your notices in the app are unread.
    pub unread_notifications: u64,
}

/// The fields of your account you may change; leave out what stays.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateMeRequest {
    #[validate(custom(function = "rules::display_name"))]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S", example = "سارا احمدی")]
    pub display_name: Option<String>,
    pub locale: Option<Locale>,
    #[validate(nested)]
    pub profile: Option<ProfileChangeRequest>,
}

impl From<app::profiles::ProfileRecord> for ProfileView {
    fn from(record: app::profiles::ProfileRecord) -> Self {
        ProfileView {
            occupation_category: record.occupation_category(),
            languages: record.languages().to_vec(),
            ties: record
                .ties
                .into_iter()
                .map(|t| TieView {
                    id: t.id,
                    city: t.city,
                    country: t.country,
                    nature: *t.nature,
                    since: t.since,
                })
                .collect(),
        }
    }
}

impl MeView {
    pub fn new(me: app::profiles::Me, unread_notifications: u64) -> Self {
        MeView {
            account: UserView::from(me.account),
            profile: ProfileView::from(me.profile),
            unread_notifications,
        }
    }
}

impl UpdateMeRequest {
    /// The use case's input.
    pub fn into_change(self) -> app::profiles::MeChange {
        app::profiles::MeChange {
            display_name: self.display_name,
            locale: self.locale,
            profile: self.profile.map(|p| app::profiles::ProfileChange {
                occupation_category: p.occupation_category,
                languages: p.languages,
                ties: p.ties.map(|ties| {
                    ties.into_iter()
                        .map(|t| app::profiles::TieInput {
                            id: t.id,
                            city: t.city,
                            country: t.country,
                            nature: t.nature,
                            since: t.since,
                        })
                        .collect()
                }),
            }),
        }
    }
}

/// Your second factor.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SecondFactorStatusView {
    /// Signing in asks for a code from your authenticator.
    pub enabled: bool,
    pub enabled_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Unused recovery codes.
    pub recovery_codes_left: u64,
    /// Your account must have one (staff and admins, when the office requires it).
    pub required: bool,
}

/// The key to put in an authenticator app: scan `otpauthUri` as a QR code, or type `secret`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SecondFactorEnrolmentView {
    /// The key, base32.
    pub secret: String,
    /// `otpauth://totp/…`, what authenticator apps read from a QR code.
    pub otpauth_uri: String,
    /// Always SHA1, six digits and 30 seconds: what every phone authenticator uses.
    pub algorithm: TotpAlgorithm,
    pub digits: u8,
    /// Seconds each code lasts.
    pub period: u64,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub enum TotpAlgorithm {
    #[serde(rename = "SHA1")]
    Sha1,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SecondFactorCodeRequest {
    /// The six digits your authenticator shows (or, where accepted, a recovery code).
    #[validate(length(min = 1, max = 64, code = "required", message = "this field is required"))]
    #[schema(min_length = 1, max_length = 64, example = "123456")]
    pub code: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DisableSecondFactorRequest {
    /// Your current password.
    #[validate(length(min = 1, max = 1024, code = "required", message = "this field is required"))]
    #[schema(min_length = 1, max_length = 1024, format = "password")]
    pub password: String,
    /// A code from your authenticator, or a recovery code.
    #[validate(length(min = 1, max = 64, code = "required", message = "this field is required"))]
    #[schema(min_length = 1, max_length = 64, example = "123456")]
    pub code: String,
}

/// Your recovery codes, shown this once: each signs you in once instead of a code, if you lose your phone.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryCodesView {
    #[schema(example = json!(["k7m2-q9xd-4h"]))]
    pub recovery_codes: Vec<String>,
}

/// A signed-in session.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub id: Uuid,
    pub started_at: chrono::DateTime<chrono::Utc>,
    /// The last time its tokens were refreshed (not each request); null if never.
    pub last_refreshed_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The program it signed in or last refreshed with, as it names itself (User-Agent).
    pub client: Option<String>,
    /// The address it signed in or last refreshed from.
    pub address: Option<String>,
    /// The session this request belongs to.
    pub current: bool,
}

impl SessionView {
    pub fn of(session: app::accounts::Session, current: Option<Uuid>) -> Self {
        SessionView {
            current: Some(session.id) == current,
            id: session.id,
            started_at: session.created_at,
            last_refreshed_at: session.last_refreshed_at,
            client: session.client,
            address: session.client_address,
        }
    }
}
