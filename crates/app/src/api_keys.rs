//! API keys: admins issue them to other systems, each with scopes, an expiry and a rate limit, and revoke
//! them; every request signed with one is checked here — the key, its scopes for the operation, and its
//! requests this minute. A key acts through a service account of its own, so whatever it changes is in
//! the history under its name.

use chrono::{DateTime, TimeDelta, Utc};
use db::events::NewEvent;
use domain::api_key::{
    self, Access, ApiScope, DEFAULT_LIFETIME, DEFAULT_RATE_LIMIT, MAX_LIFETIME, MAX_RATE_LIMIT, Refusal,
};
use domain::event::{EventKind, SubjectKind};
use domain::roles::Roles;

use crate::accounts::{ensure_admin, privileged};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::{Actor, Db};

pub use db::api_keys::ApiKey;

/// What an admin asks for.
#[derive(Debug, Clone)]
pub struct KeyRequest {
    pub name: String,
    pub scopes: Vec<ApiScope>,
    pub expires_at: Option<DateTime<Utc>>,
    pub rate_limit: Option<i32>,
}

/// A new key: the token shown once and the hash that is stored.
#[derive(Debug, Clone)]
pub struct MintedKey {
    pub token: String,
    pub hash: String,
}

/// Where a key stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStatus {
    Active,
    Expired,
    Revoked,
}

pub fn status(key: &ApiKey, now: DateTime<Utc>) -> KeyStatus {
    if key.revoked_at.is_some() {
        KeyStatus::Revoked
    } else if key.expires_at <= now {
        KeyStatus::Expired
    } else {
        KeyStatus::Active
    }
}

const MAX_NAME: usize = 120;

fn checked(request: KeyRequest, now: DateTime<Utc>) -> Result<(String, Vec<ApiScope>, DateTime<Utc>, i32)> {
    let mut errors = Vec::new();
    let name = request.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        errors.push(FieldError::new(
            "/name",
            "length",
            format!("give a name of 1 to {MAX_NAME} characters"),
        ));
    }
    let mut scopes = request.scopes;
    scopes.sort();
    scopes.dedup();
    if scopes.is_empty() {
        errors.push(FieldError::new("/scopes", "required", "give at least one scope"));
    }
    let expires_at = request.expires_at.unwrap_or(now + DEFAULT_LIFETIME);
    if expires_at <= now || expires_at > now + MAX_LIFETIME {
        errors.push(FieldError::new(
            "/expiresAt",
            "range",
            "a key must expire in the future and within two years",
        ));
    }
    let rate_limit = request.rate_limit.unwrap_or(DEFAULT_RATE_LIMIT);
    if !(1..=MAX_RATE_LIMIT).contains(&rate_limit) {
        errors.push(FieldError::new(
            "/rateLimit",
            "range",
            format!("requests per minute: 1 to {MAX_RATE_LIMIT}"),
        ));
    }
    if errors.is_empty() {
        Ok((name, scopes, expires_at, rate_limit))
    } else {
        Err(Error::validation(errors))
    }
}

fn key_event(key: &ApiKey, kind: EventKind, actor: &Actor) -> NewEvent {
    privileged(NewEvent::new(SubjectKind::ApiKey, key.id, kind), actor)
}

fn scope_list(scopes: &[ApiScope]) -> String {
    scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
}

/// Issues a key (admin): its service account, named after it, and the key, with the event.
pub async fn issue(
    db: &Db,
    actor: &Actor,
    request: KeyRequest,
    minted: &MintedKey,
    now: DateTime<Utc>,
) -> Result<ApiKey> {
    ensure_admin(actor)?;
    let (name, scopes, expires_at, rate_limit) = checked(request, now)?;
    let txn = db::begin_write(db).await?;
    let account = db::users::insert_service(&txn, &format!("API key: {name}"), Roles::default(), now).await?;
    let key = db::api_keys::insert(
        &txn,
        db::api_keys::NewApiKey {
            user_id: account.id,
            name,
            prefix: minted.token.chars().take(api_key::SHOWN_PREFIX_LEN).collect(),
            token_hash: minted.hash.clone(),
            scopes,
            rate_limit,
            expires_at,
            created_by: Some(actor.user_id),
        },
        now,
    )
    .await?;
    let event = key_event(&key, EventKind::ApiKeyIssued, actor).change(None::<String>, Some(scope_list(&key.scopes)));
    db::events::record(&txn, event, now).await?;
    txn.commit().await?;
    Ok(key)
}

/// One page of keys, newest first (admin).
pub async fn list(db: &Db, actor: &Actor, limit: u64, offset: u64) -> Result<(Vec<ApiKey>, u64)> {
    ensure_admin(actor)?;
    Ok(db::api_keys::list(db, limit, offset).await?)
}

pub async fn find(db: &Db, actor: &Actor, id: uuid::Uuid) -> Result<ApiKey> {
    ensure_admin(actor)?;
    db::api_keys::find(db, id).await?.ok_or_else(Error::not_found)
}

/// Revokes a key (admin) at once: its next request is refused. Its service account is deactivated and
/// kept, so the history still names who did what.
pub async fn revoke(db: &Db, actor: &Actor, id: uuid::Uuid, now: DateTime<Utc>) -> Result<ApiKey> {
    ensure_admin(actor)?;
    let txn = db::begin_write(db).await?;
    let key = db::api_keys::find(&txn, id).await?.ok_or_else(Error::not_found)?;
    if !db::api_keys::revoke(&txn, id, now).await? {
        return Err(Error::new(ErrorCode::KeyRevoked, "This key is revoked already."));
    }
    if let Some(account) = db::users::find_by_id(&txn, key.user_id).await? {
        let change = db::users::AccessChange {
            roles: None,
            active: Some(false),
        };
        db::users::update_access(&txn, account, change, now).await?;
    }
    db::events::record(&txn, key_event(&key, EventKind::ApiKeyRevoked, actor), now).await?;
    let key = db::api_keys::find(&txn, id).await?.ok_or_else(Error::not_found)?;
    txn.commit().await?;
    Ok(key)
}

/// A request signed with a key that may make it: the key, its service account, and whom it acts as.
#[derive(Debug, Clone)]
pub struct KeyUse {
    pub key: ApiKey,
    pub account: db::users::Model,
    pub access: Access,
}

impl KeyUse {
    /// Who acts, for the use cases: the service account, with staff's role only where the key acts as staff.
    pub fn actor(&self, address: Option<std::net::IpAddr>) -> Actor {
        let roles = match self.access {
            Access::Staff => Roles::new([domain::roles::Role::Staff]),
            Access::Public => Roles::default(),
        };
        Actor {
            user_id: self.account.id,
            roles,
            address,
        }
    }
}

/// Checks one request signed with the key whose hash is `token_hash`: the key must be known, unrevoked,
/// unexpired and within its rate limit (every request counts, refused ones too), and one of its scopes
/// must open `method route` (the matched route template).
pub async fn authenticate(db: &Db, token_hash: &str, method: &str, route: &str, now: DateTime<Utc>) -> Result<KeyUse> {
    let invalid = |why: &str| Error::new(ErrorCode::InvalidToken, format!("This API key {why}."));
    let (key, account) = db::api_keys::find_by_hash(db, token_hash)
        .await?
        .ok_or_else(|| invalid("is not known"))?;
    match status(&key, now) {
        KeyStatus::Revoked => return Err(invalid("was revoked")),
        KeyStatus::Expired => return Err(invalid("has expired")),
        KeyStatus::Active if !account.active => return Err(invalid("was revoked")),
        KeyStatus::Active => {}
    }
    let used = db::api_keys::count_use(db, key.id, api_key::window_start(now), now).await?;
    if used > key.rate_limit {
        let wait = TimeDelta::seconds(i64::try_from(api_key::retry_after(now)).unwrap_or(60));
        return Err(Error::new(
            ErrorCode::RateLimited,
            format!(
                "This key may make {} requests a minute; wait for the next minute.",
                key.rate_limit
            ),
        )
        .retry_in(wait));
    }
    let access = api_key::access(&key.scopes, method, route).map_err(|refusal| match refusal {
        Refusal::NotForKeys => Error::new(
            ErrorCode::InsufficientScope,
            "API keys may not do this: it acts for a person or administers the platform.",
        ),
        Refusal::Needs(scopes) => Error::new(
            ErrorCode::InsufficientScope,
            format!(
                "This operation needs a key with one of the scopes {}.",
                scope_list(&scopes)
            ),
        ),
    })?;
    Ok(KeyUse { key, account, access })
}
