//! What the auth endpoints read and answer.

use chrono::{DateTime, Utc};
use domain::account::Locale;
use domain::roles::Role;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::routes::rules;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegisterRequest {
    /// The e-mail address to sign in with; unique whatever its case.
    #[validate(custom(function = "rules::email"))]
    #[schema(format = "email", example = "sara@example.org")]
    pub email: String,
    /// 12 to 128 characters; not one of the most common passwords (`too_common`), nor built from the
    /// account's e-mail address or name (`contains_personal_data`).
    #[validate(custom(function = "rules::password"))]
    #[schema(min_length = 12, max_length = 128, format = "password")]
    pub password: String,
    /// The name shown to others; defaults to the part of the e-mail before `@`.
    #[validate(custom(function = "rules::display_name"))]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S", example = "سارا احمدی")]
    pub display_name: Option<String>,
    /// The preferred language; Persian when left out.
    pub locale: Option<Locale>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoginRequest {
    #[validate(length(min = 1, max = 320, code = "required", message = "this field is required"))]
    #[schema(min_length = 1, max_length = 320, example = "sara@example.org")]
    pub email: String,
    #[validate(length(min = 1, max = 1024, code = "required", message = "this field is required"))]
    #[schema(min_length = 1, max_length = 1024, format = "password")]
    pub password: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefreshRequest {
    /// The refresh token from the last login or refresh.
    #[validate(length(min = 1, max = 200, code = "required", message = "this field is required"))]
    #[schema(min_length = 1, max_length = 200)]
    pub refresh_token: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChangePasswordRequest {
    #[validate(length(min = 1, max = 1024, code = "required", message = "this field is required"))]
    #[schema(min_length = 1, max_length = 1024, format = "password")]
    pub current_password: String,
    /// 12 to 128 characters; not one of the most common passwords (`too_common`), nor built from the
    /// account's e-mail address or name (`contains_personal_data`).
    #[validate(custom(function = "rules::password"))]
    #[schema(min_length = 12, max_length = 128, format = "password")]
    pub new_password: String,
}

/// Whose password to reset.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PasswordResetRequest {
    #[validate(custom(function = "rules::email"))]
    #[schema(format = "email", example = "sara@example.org")]
    pub email: String,
}

/// The token of a mailed verification link.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VerifyEmailRequest {
    #[validate(length(min = 1, max = 200, code = "required", message = "this field is required"))]
    #[schema(min_length = 1, max_length = 200)]
    pub token: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetPasswordRequest {
    /// The one-time token an admin or staff member handed over.
    #[validate(length(min = 1, max = 200, code = "required", message = "this field is required"))]
    #[schema(min_length = 1, max_length = 200)]
    pub token: String,
    /// 12 to 128 characters; not one of the most common passwords (`too_common`), nor built from the
    /// account's e-mail address or name (`contains_personal_data`).
    #[validate(custom(function = "rules::password"))]
    #[schema(min_length = 12, max_length = 128, format = "password")]
    pub password: String,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub enum TokenType {
    Bearer,
}

/// Tokens of a session and the account they belong to.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenView {
    /// A JWT to send as `Authorization: Bearer <token>`.
    pub access_token: String,
    /// Single use: exchange it at /api/v1/auth/refresh for new tokens before it expires (30 days).
    pub refresh_token: String,
    pub token_type: TokenType,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// The session may only set up a second factor (`/api/v1/me/second-factor`): the account is staff or
    /// admin, has none, and the office requires one. Everything else answers 403 `second_factor_required`.
    pub enrol_only: bool,
    pub user: UserView,
}

/// The password was right and the account has a second factor: finish at
/// /api/v1/auth/login/second-factor with this challenge and a code.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SecondFactorChallenge {
    /// Single use; send it with the code.
    pub challenge: String,
    /// Seconds the challenge waits for its code.
    pub expires_in: i64,
}

/// What a sign-in with a right password answers: tokens, or a challenge waiting for the second factor.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum LoginAnswer {
    Tokens(TokenView),
    Challenge(SecondFactorChallenge),
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SecondFactorLoginRequest {
    /// The challenge the login answered.
    #[validate(length(min = 1, max = 200, code = "required", message = "this field is required"))]
    #[schema(min_length = 1, max_length = 200)]
    pub challenge: String,
    /// The six digits the authenticator shows, or one of the recovery codes (`abcd-efgh-jk`).
    #[validate(length(min = 1, max = 64, code = "required", message = "this field is required"))]
    #[schema(min_length = 1, max_length = 64, example = "123456")]
    pub code: String,
}

/// An account as its owner and admins see it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserView {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    /// Roles beyond citizen, which every account has.
    pub roles: Vec<Role>,
    /// A deactivated account cannot sign in or use its tokens.
    pub active: bool,
    /// Signing in asks for a code from an authenticator too.
    pub second_factor_enabled: bool,
    /// The owner confirmed the address through a mailed link (a citizen must, to submit ideas).
    pub email_verified: bool,
    pub locale: Locale,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<app::accounts::User> for UserView {
    fn from(user: app::accounts::User) -> Self {
        UserView {
            id: user.id,
            email: user.email,
            display_name: user.display_name,
            roles: user.roles.as_slice().to_vec(),
            active: user.active,
            second_factor_enabled: user.totp_enabled_at.is_some(),
            email_verified: user.email_verified_at.is_some(),
            locale: *user.locale,
            created_at: user.created_at,
            updated_at: user.updated_at,
        }
    }
}
