use chrono::{DateTime, Utc};
use domain::api_key::ApiScope;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A key to issue.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IssueApiKeyRequest {
    /// Which system holds it, like "Open-data portal".
    pub name: String,
    /// What it may do; at least one.
    pub scopes: Vec<ApiScope>,
    /// When it stops working: in the future and within two years; default in a year.
    pub expires_at: Option<DateTime<Utc>>,
    /// Requests per minute, 1 to 100,000; default 600. Past it: 429 with Retry-After.
    pub rate_limit: Option<i32>,
}

/// Where a key stands.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApiKeyStatus {
    Active,
    Expired,
    Revoked,
}

/// An API key. The key itself is shown once, when it is issued; only its first characters after.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiKeyView {
    pub id: Uuid,
    pub name: String,
    /// The key's first characters, to tell keys apart.
    #[schema(example = "cdk_Zq3xT9aB")]
    pub prefix: String,
    pub scopes: Vec<ApiScope>,
    /// Requests per minute.
    pub rate_limit: i32,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub status: ApiKeyStatus,
    /// The service account it acts through: its changes are in the history under this account.
    pub account_id: Uuid,
}

impl ApiKeyView {
    pub fn new(key: app::api_keys::ApiKey, now: DateTime<Utc>) -> Self {
        let status = match app::api_keys::status(&key, now) {
            app::api_keys::KeyStatus::Active => ApiKeyStatus::Active,
            app::api_keys::KeyStatus::Expired => ApiKeyStatus::Expired,
            app::api_keys::KeyStatus::Revoked => ApiKeyStatus::Revoked,
        };
        ApiKeyView {
            id: key.id,
            name: key.name,
            prefix: key.prefix,
            scopes: key.scopes.0,
            rate_limit: key.rate_limit,
            expires_at: key.expires_at,
            revoked_at: key.revoked_at,
            last_used_at: key.last_used_at,
            created_at: key.created_at,
            status,
            account_id: key.user_id,
        }
    }
}

/// A key just issued, with the key itself: shown this once.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiKeyCreated {
    pub key: ApiKeyView,
    /// Send it as `Authorization: Bearer <token>`.
    pub token: String,
}
