//! Accounts: registering, signing in and out, refreshing a session, passwords (set through a one-time
//! link or changed by their owner) and the access admins grant. Hashing passwords and signing tokens stay
//! on the HTTP side: these use cases take a finished password hash, and the hashes of the random tokens
//! they store. Every change of an account is recorded in its history; no password, hash or token is.

use std::net::IpAddr;

use chrono::{DateTime, TimeDelta, Utc};
use db::events::{self, NewEvent};
use domain::account::{self, AccountRuleError, Locale};
use domain::event::{EventKind, SubjectKind};
use domain::notice::Notice;
use domain::roles::{Role, Roles};
use domain::session::{
    PASSWORD_RESET_TOKEN_TTL, REFRESH_TOKEN_TTL, RefreshDecision, RefreshTokenState, SET_PASSWORD_TOKEN_TTL,
    VERIFY_EMAIL_TOKEN_TTL, decide_refresh,
};
use domain::throttle::{FailureRecord, ThrottlePolicy};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::{Actor, Db, Error, ErrorCode, Result};

pub type User = db::users::Model;
pub type Session = db::sessions::Session;
pub type PasswordToken = db::password_tokens::PasswordToken;
pub use db::sessions::Origin;
pub use db::users::{UserFilter, UserSortField};

/// 422 at `pointer` unless `password` is acceptable as a new password of the account with this e-mail
/// address and name (long enough, not common, not built from them).
pub fn check_new_password(pointer: &str, password: &str, email: &str, display_name: &str) -> Result<()> {
    account::check_password(password, &[email, display_name])
        .map_err(|err| Error::field(pointer, err.code(), err.to_string()))
}

/// A display name as stored (trimmed), or 422 at /displayName.
pub fn display_name(name: &str) -> Result<String> {
    account::normalize_display_name(name)
        .map_err(|err: AccountRuleError| Error::field("/displayName", "invalid", err.to_string()))
}

/// A link mailed to an account's owner: its token travels in the message (kept in the outbox until it is
/// sent), only its hash is stored with what it opens. The caller makes both, as with every token.
#[derive(Debug, Clone)]
pub struct MailedLink {
    pub token: String,
    pub hash: String,
}

pub(crate) fn ensure_admin(actor: &Actor) -> Result<()> {
    Error::forbidden_unless(actor.is_admin(), "Only an admin may do this.")
}

pub(crate) fn account_event(user_id: Uuid, kind: EventKind) -> NewEvent {
    NewEvent::new(SubjectKind::Account, user_id, kind)
}

// ---------------------------------------------------------------------------------------------------
// Registering

/// What someone registering sends, besides the password.
#[derive(Debug, Clone)]
pub struct Registration {
    pub email: String,
    pub display_name: Option<String>,
    pub locale: Option<Locale>,
}

/// An account about to be registered: its e-mail normalised, its name trimmed or taken from the e-mail.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: String,
    pub display_name: String,
    pub locale: Locale,
}

/// Checks a registration before its password is hashed: the name, then the password against the
/// account's own words.
pub fn prepare_registration(input: Registration, password: &str) -> Result<NewAccount> {
    let email = account::normalize_email(&input.email);
    let display_name = match input.display_name.as_deref() {
        Some(name) => display_name(name)?,
        None => account::default_display_name(&email),
    };
    check_new_password("/password", password, &email, &display_name)?;
    Ok(NewAccount {
        email,
        display_name,
        locale: input.locale.unwrap_or_default(),
    })
}

/// Creates a citizen's account with this password hash and signs it in, and mails `verification` to
/// confirm its address (None: the server does not ask for that, and the address counts as confirmed): a new session whose first
/// refresh token has this hash. 409 `email_taken` when the address is registered already.
pub async fn register(
    db: &Db,
    account: NewAccount,
    password_hash: String,
    refresh_token_hash: String,
    verification: Option<MailedLink>,
    origin: Origin,
    now: DateTime<Utc>,
) -> Result<(User, Session)> {
    let new_user = db::users::NewUser {
        email: account.email,
        display_name: account.display_name,
        password_hash: Some(password_hash),
        roles: Roles::default(),
        locale: account.locale,
        // Without a link to follow, the server trusts the address as given.
        email_verified_at: verification.is_none().then_some(now),
    };
    let txn = db::begin_write(db).await?;
    let user = db::users::insert(&txn, new_user, now).await.map_err(|err| {
        if db::is_unique_violation(&err) {
            Error::new(
                ErrorCode::EmailTaken,
                "An account with this e-mail address exists already.",
            )
        } else {
            err.into()
        }
    })?;
    events::record(&txn, account_event(user.id, EventKind::AccountCreated).by(user.id), now).await?;
    let session = open_session(&txn, user.id, origin, refresh_token_hash, now).await?;
    if let Some(link) = verification {
        mail_verification_link(&txn, &user, link, now).await?;
    }
    txn.commit().await?;
    Ok((user, session))
}

// ---------------------------------------------------------------------------------------------------
// Confirming the e-mail address

/// Mails the owner a link that confirms the account's address as it is now.
async fn mail_verification_link(
    db: &impl ConnectionTrait,
    user: &User,
    link: MailedLink,
    now: DateTime<Utc>,
) -> Result<()> {
    db::email_tokens::create(db, user.id, &user.email, link.hash, now, now + VERIFY_EMAIL_TOKEN_TTL).await?;
    crate::notices::notify(db, user.id, Notice::VerifyEmail, Some(link.token), now).await
}

/// How often a signed-in owner may ask for the verification link again.
fn verification_requests() -> ThrottlePolicy {
    ThrottlePolicy {
        max_failures: 5,
        window: TimeDelta::hours(1),
        lockout: TimeDelta::hours(1),
    }
}

/// Mails your account a new verification link: 409 `email_verified` when the address is confirmed
/// already, 429 after five asks within an hour.
pub async fn resend_verification(db: &Db, actor: &Actor, link: MailedLink, now: DateTime<Utc>) -> Result<()> {
    let txn = db::begin_write(db).await?;
    let user = db::users::find_by_id(&txn, actor.user_id)
        .await?
        .ok_or_else(Error::not_found)?;
    if user.email_verified_at.is_some() {
        return Err(Error::new(
            ErrorCode::EmailVerified,
            "Your e-mail address is confirmed already.",
        ));
    }
    count_request(&txn, &format!("verification:{}", user.id), verification_requests(), now).await?;
    mail_verification_link(&txn, &user, link, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Counts one request against `key`; 429 (nothing counted) while the key is locked out.
async fn count_request(db: &impl ConnectionTrait, key: &str, policy: ThrottlePolicy, now: DateTime<Utc>) -> Result<()> {
    let previous = db::throttle::lock_for_update(db, key, now).await?;
    if let Some(wait) = previous.locked_for(now) {
        return Err(Error::too_many_requests(
            format!(
                "Asked too often; try again in {} minutes.",
                (wait.num_seconds() + 59) / 60
            ),
            wait,
        ));
    }
    db::throttle::save(db, key, FailureRecord::after_failure(Some(previous), now, policy)).await?;
    Ok(())
}

/// Confirms the address the link with this token hash was mailed to (the account's address still),
/// and uses up the account's other verification links. 422 at /token for an unknown, used or expired
/// token, or one mailed to an address the account no longer has.
pub async fn verify_email(db: &Db, token_hash: &str, now: DateTime<Utc>) -> Result<()> {
    let invalid = || {
        Error::field(
            "/token",
            "invalid_verification_token",
            "the link is unknown, used or expired",
        )
    };
    let txn = db::begin_write(db).await?;
    let token = db::email_tokens::find_usable(&txn, token_hash, now)
        .await?
        .ok_or_else(invalid)?;
    let user = db::users::find_by_id(&txn, token.user_id)
        .await?
        .filter(|user| user.active && user.email == token.email)
        .ok_or_else(invalid)?;
    db::users::mark_verified(&txn, user.id, now).await?;
    events::record(&txn, account_event(user.id, EventKind::EmailVerified).by(user.id), now).await?;
    txn.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------------
// A forgotten password

/// Someone asks for a new password for the account with this address, from this client address.
#[derive(Debug, Clone)]
pub struct PasswordResetRequest {
    pub email: String,
    pub address: Option<IpAddr>,
}

/// How often a password reset may be asked for one address, and from one client.
fn reset_requests_per_address() -> ThrottlePolicy {
    ThrottlePolicy {
        max_failures: 3,
        window: TimeDelta::hours(1),
        lockout: TimeDelta::hours(1),
    }
}

fn reset_requests_per_client() -> ThrottlePolicy {
    ThrottlePolicy {
        max_failures: 20,
        window: TimeDelta::hours(1),
        lockout: TimeDelta::hours(1),
    }
}

/// Mails a set-password link, valid one hour, when an active account has the address; answers alike
/// whether or not one does, so the answer tells nobody which addresses are registered. Three asks per
/// address and twenty per client address within an hour; then 429 for an hour, whatever the address.
pub async fn request_password_reset(
    db: &Db,
    request: PasswordResetRequest,
    link: MailedLink,
    now: DateTime<Utc>,
) -> Result<()> {
    let email = account::normalize_email(&request.email);
    let txn = db::begin_write(db).await?;
    count_request(&txn, &format!("reset:{email}"), reset_requests_per_address(), now).await?;
    if let Some(ip) = request.address {
        count_request(&txn, &format!("reset-client:{ip}"), reset_requests_per_client(), now).await?;
    }
    if let Some(user) = db::users::find_by_email(&txn, &email).await?.filter(|user| user.active) {
        let expires_at = now + PASSWORD_RESET_TOKEN_TTL;
        db::password_tokens::create(&txn, user.id, &user.roles, link.hash, None, now, expires_at).await?;
        let event = account_event(user.id, EventKind::PasswordLinkIssued).from_address(request.address);
        events::record(&txn, event, now).await?;
        crate::notices::notify(&txn, user.id, Notice::PasswordReset, Some(link.token), now).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// A new session of the account, with its first refresh token.
pub(crate) async fn open_session(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    origin: Origin,
    refresh_token_hash: String,
    now: DateTime<Utc>,
) -> Result<Session> {
    let session = db::sessions::create(db, user_id, origin, now).await?;
    db::sessions::add_refresh_token(db, session.id, refresh_token_hash, now, now + REFRESH_TOKEN_TTL).await?;
    Ok(session)
}

// ---------------------------------------------------------------------------------------------------
// Signing in and out

/// One sign-in attempt: the account it names, the failure counters it answers to (the account's first,
/// then the client address's, each with its policy), and where the session it opens is used from.
#[derive(Debug, Clone)]
pub struct SignIn {
    pub email: String,
    keys: Vec<(String, ThrottlePolicy)>,
    pub address: Option<IpAddr>,
    pub origin: Origin,
}

/// The failure policies of sign-ins: per account and per client address.
#[derive(Debug, Clone, Copy)]
pub struct Throttles {
    pub account: ThrottlePolicy,
    pub client: ThrottlePolicy,
}

impl SignIn {
    pub fn new(email: &str, address: Option<IpAddr>, client: Option<String>, throttles: Throttles) -> Self {
        let email = account::normalize_email(email);
        let mut keys = vec![(format!("account:{email}"), throttles.account)];
        if let Some(ip) = address {
            keys.push((format!("client:{ip}"), throttles.client));
        }
        SignIn {
            email,
            keys,
            address,
            origin: Origin::new(client, address),
        }
    }

    /// Counts one failure against the account and the client address.
    pub(crate) async fn count_failure(&self, db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<()> {
        for (key, policy) in &self.keys {
            let previous = db::throttle::lock_for_update(db, key, now).await?;
            db::throttle::save(db, key, FailureRecord::after_failure(Some(previous), now, *policy)).await?;
        }
        Ok(())
    }

    /// Clears the account's failures, after a complete sign-in.
    pub(crate) async fn clear_failures(&self, db: &impl ConnectionTrait) -> Result<()> {
        if let Some((account_key, _)) = self.keys.first() {
            db::throttle::clear(db, account_key).await?;
        }
        Ok(())
    }
}

/// How long the attempt's account or client is still locked out after too many failures, if it is.
pub async fn sign_in_locked_for(db: &Db, attempt: &SignIn, now: DateTime<Utc>) -> Result<Option<TimeDelta>> {
    let mut wait = None;
    for (key, _) in &attempt.keys {
        if let Some(locked_for) = db::throttle::find(db, key).await?.and_then(|r| r.locked_for(now)) {
            wait = wait.max(Some(locked_for));
        }
    }
    Ok(wait)
}

/// The account the attempt names, if there is one; the caller checks the password against its hash
/// (against a dummy one when there is none, so both take as long).
pub async fn account_signing_in(db: &Db, attempt: &SignIn) -> Result<Option<User>> {
    Ok(db::users::find_by_email(db, &attempt.email).await?)
}

/// After the password check: a wrong e-mail or password counts as a failure of the account and of the
/// client (401 `invalid_credentials`, the same for both); a deactivated account is refused (403).
pub async fn admit(
    db: &Db,
    attempt: &SignIn,
    account: Option<User>,
    password_ok: bool,
    now: DateTime<Utc>,
) -> Result<User> {
    let Some(user) = account.filter(|_| password_ok) else {
        let txn = db::begin_write(db).await?;
        attempt.count_failure(&txn, now).await?;
        txn.commit().await?;
        return Err(Error::new(
            ErrorCode::InvalidCredentials,
            "The e-mail address or the password is wrong.",
        ));
    };
    ensure_active(&user)?;
    Ok(user)
}

fn ensure_active(user: &User) -> Result<()> {
    if user.active {
        Ok(())
    } else {
        Err(Error::new(ErrorCode::AccountInactive, "This account is deactivated."))
    }
}

/// Replaces a hash of the same password made with older settings (a password changed meanwhile is
/// left alone).
pub async fn upgrade_password_hash(db: &Db, user_id: Uuid, old_hash: &str, new_hash: String) -> Result<()> {
    Ok(db::users::replace_password_hash(db, user_id, old_hash, new_hash).await?)
}

/// The hashes of the two tokens a sign-in may hand out: the session's first refresh token, or the
/// challenge that waits for the second factor's code.
#[derive(Debug, Clone)]
pub struct SignInTokens {
    pub refresh_token_hash: String,
    pub challenge_hash: String,
}

/// What a right password leads to.
#[derive(Debug, Clone)]
pub enum SignedIn {
    /// A session, whose first refresh token has the hash given.
    Session(Session),
    /// The account has a second factor: the challenge with the hash given waits for its code until then.
    AwaitingCode { expires_at: DateTime<Utc> },
}

/// Signs the admitted account in. Without a second factor its failure count is cleared and a session
/// begins; with one, a challenge waits for the code, and the failures stay counted until the code is
/// right (so that guessing codes and signing in again never resets the count).
pub async fn start_sign_in(
    db: &Db,
    attempt: &SignIn,
    user: &User,
    tokens: SignInTokens,
    now: DateTime<Utc>,
) -> Result<SignedIn> {
    let txn = db::begin_write(db).await?;
    let signed_in = if user.totp_enabled_at.is_some() {
        let expires_at = now + domain::second_factor::CHALLENGE_TTL;
        db::login_challenges::create(&txn, user.id, tokens.challenge_hash, now, expires_at).await?;
        SignedIn::AwaitingCode { expires_at }
    } else {
        attempt.clear_failures(&txn).await?;
        let session = open_session(&txn, user.id, attempt.origin.clone(), tokens.refresh_token_hash, now).await?;
        SignedIn::Session(session)
    };
    txn.commit().await?;
    Ok(signed_in)
}

fn invalid_refresh_token() -> Error {
    Error::new(
        ErrorCode::InvalidRefreshToken,
        "The refresh token is unknown, expired or revoked; sign in again.",
    )
}

/// Exchanges the refresh token with hash `presented` for its successor (hash `successor`): each works
/// once; presented again within the grace window it answers with the same successor, later it ends the
/// whole session (401 `refresh_token_reused`).
pub async fn refresh(
    db: &Db,
    presented: &str,
    successor: String,
    origin: Origin,
    now: DateTime<Utc>,
) -> Result<(User, Session)> {
    let txn = db::begin_write(db).await?;
    let (token, session) = db::sessions::find_refresh_token(&txn, presented)
        .await?
        .ok_or_else(invalid_refresh_token)?;
    let user = db::users::find_by_id(&txn, session.user_id)
        .await?
        .ok_or_else(invalid_refresh_token)?;
    let decision = decide_refresh(
        RefreshTokenState {
            expires_at: token.expires_at,
            used_at: token.used_at,
            session_revoked: session.revoked_at.is_some(),
        },
        now,
    );
    match decision {
        RefreshDecision::Refuse => return Err(invalid_refresh_token()),
        RefreshDecision::RevokeSession => {
            db::sessions::revoke(&txn, session.id, now).await?;
            txn.commit().await?;
            tracing::warn!(session = %session.id, user = %user.id, "a used refresh token came back; session revoked");
            return Err(Error::new(
                ErrorCode::RefreshTokenReused,
                "This refresh token was used before, so the session has been ended; sign in again.",
            ));
        }
        _ if !user.active => return Err(Error::new(ErrorCode::AccountInactive, "This account is deactivated.")),
        RefreshDecision::Rotate => {
            db::sessions::mark_used(&txn, token.id, now).await?;
            db::sessions::add_refresh_token(&txn, session.id, successor, now, now + REFRESH_TOKEN_TTL).await?;
            db::sessions::refreshed(&txn, session.id, origin, now).await?;
        }
        RefreshDecision::ReturnSameSuccessor => {}
    }
    txn.commit().await?;
    Ok((user, session))
}

/// Ends the session the refresh token with this hash belongs to.
pub async fn sign_out(db: &Db, presented: &str, now: DateTime<Utc>) -> Result<()> {
    let txn = db::begin_write(db).await?;
    let (_, session) = db::sessions::find_refresh_token(&txn, presented)
        .await?
        .ok_or_else(invalid_refresh_token)?;
    db::sessions::revoke(&txn, session.id, now).await?;
    txn.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------------
// Passwords

/// Before the new password is hashed: the current one must have matched (422 at /currentPassword), and
/// the new one must not be built from the account's words (422 at /newPassword).
pub fn check_password_change(user: &User, current_ok: bool, new_password: &str) -> Result<()> {
    if !current_ok {
        return Err(Error::field(
            "/currentPassword",
            "wrong_password",
            "the current password is wrong",
        ));
    }
    check_new_password("/newPassword", new_password, &user.email, &user.display_name)
}

/// The owner changed their password: every other session ends (`keep_session` stays signed in).
pub async fn change_password(
    db: &Db,
    actor: &Actor,
    keep_session: Uuid,
    new_hash: String,
    now: DateTime<Utc>,
) -> Result<()> {
    let txn = db::begin_write(db).await?;
    db::users::set_password_hash(&txn, actor.user_id, new_hash, now).await?;
    db::sessions::revoke_all_for_user(&txn, actor.user_id, Some(keep_session), now).await?;
    events::record(
        &txn,
        privileged(account_event(actor.user_id, EventKind::PasswordSet), actor),
        now,
    )
    .await?;
    crate::notices::notify(&txn, actor.user_id, Notice::PasswordChanged, None, now).await?;
    txn.commit().await?;
    Ok(())
}

/// The account whose password the link with this token hash may still set: the token unused and not
/// expired, the account active and holding no role it did not hold when the token was issued (a token
/// from before roles were recorded never opens a staff or admin account). 422 at /token otherwise.
pub async fn password_link_account(db: &impl ConnectionTrait, token_hash: &str, now: DateTime<Utc>) -> Result<User> {
    usable_link(db, token_hash, now).await.map(|(_, user)| user)
}

async fn usable_link(db: &impl ConnectionTrait, token_hash: &str, now: DateTime<Utc>) -> Result<(PasswordToken, User)> {
    let unusable = || {
        Error::field(
            "/token",
            "invalid_password_token",
            "the token is unknown, used or expired",
        )
    };
    let token = db::password_tokens::find_by_hash(db, token_hash)
        .await?
        .filter(|t| t.used_at.is_none() && t.expires_at > now)
        .ok_or_else(unusable)?;
    let user = db::users::find_by_id(db, token.user_id).await?.ok_or_else(unusable)?;
    if !user.active || !link_opens(&token, &user.roles) {
        return Err(unusable());
    }
    Ok((token, user))
}

/// Whether a link may still open an account holding `held`.
fn link_opens(token: &PasswordToken, held: &Roles) -> bool {
    match &token.granted_roles {
        Some(granted) => held.within(granted),
        None => !held.is_staff(),
    }
}

/// Sets the password through a link (checked again here: it may have been used or ended meanwhile).
/// Every session of the account ends; the link and any other outstanding one are used up.
pub async fn set_password(db: &Db, token_hash: &str, new_hash: String, now: DateTime<Utc>) -> Result<()> {
    let txn = db::begin_write(db).await?;
    let (_, user) = usable_link(&txn, token_hash, now).await?;
    db::users::set_password_hash(&txn, user.id, new_hash, now).await?;
    db::sessions::revoke_all_for_user(&txn, user.id, None, now).await?;
    events::record(&txn, account_event(user.id, EventKind::PasswordSet).by(user.id), now).await?;
    // The link reached its owner's mailbox: that proves the address as well as a verification link.
    db::users::mark_verified(&txn, user.id, now).await?;
    if user.password_hash.is_some() {
        // A first password (an invitation's) changes nothing its owner had to be warned of.
        crate::notices::notify(&txn, user.id, Notice::PasswordChanged, None, now).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// An admin issues a set-password link for an account (404 if there is none). Only the token's hash is
/// stored, with the roles the account holds now.
pub async fn issue_password_link(
    db: &Db,
    actor: &Actor,
    user_id: Uuid,
    link: MailedLink,
    now: DateTime<Utc>,
) -> Result<PasswordToken> {
    ensure_admin(actor)?;
    let txn = db::begin_write(db).await?;
    let user = db::users::find_by_id(&txn, user_id)
        .await?
        .ok_or_else(Error::not_found)?;
    let token = issue_password_link_in(&txn, &user, actor, link.hash, now).await?;
    // Mailed to the owner as a reset link; the admin sees it too when the server mails nothing.
    crate::notices::notify(&txn, user.id, Notice::PasswordReset, Some(link.token), now).await?;
    txn.commit().await?;
    Ok(token)
}

/// The link itself, inside the caller's transaction (also how staff invite a juror): the token's hash
/// with the roles the account holds now, so the link never opens it once it holds more; and its event.
pub async fn issue_password_link_in(
    db: &impl ConnectionTrait,
    user: &User,
    by: &Actor,
    token_hash: String,
    now: DateTime<Utc>,
) -> Result<PasswordToken> {
    let expires_at = now + SET_PASSWORD_TOKEN_TTL;
    let token =
        db::password_tokens::create(db, user.id, &user.roles, token_hash, Some(by.user_id), now, expires_at).await?;
    events::record(
        db,
        privileged(account_event(user.id, EventKind::PasswordLinkIssued), by),
        now,
    )
    .await?;
    Ok(token)
}

// ---------------------------------------------------------------------------------------------------
// Access

/// One page of accounts and how many match.
pub async fn list(db: &Db, actor: &Actor, filter: &UserFilter) -> Result<(Vec<User>, u64)> {
    ensure_admin(actor)?;
    Ok(db::users::list(db, filter).await?)
}

/// What an admin changes of an account; None keeps it.
#[derive(Debug, Clone, Default)]
pub struct AccessChange {
    /// The complete new set of roles beyond citizen.
    pub roles: Option<Roles>,
    pub active: Option<bool>,
}

/// An admin changes an account's roles or active flag, at once: its set-password links end, and
/// deactivating ends its sessions. 409 `self_lockout` for an admin demoting or deactivating themselves.
pub async fn change_access(
    db: &Db,
    actor: &Actor,
    user_id: Uuid,
    change: AccessChange,
    now: DateTime<Utc>,
) -> Result<User> {
    ensure_admin(actor)?;
    if account::locks_out_self(actor.user_id, user_id, change.roles.as_ref(), change.active) {
        return Err(Error::new(
            ErrorCode::SelfLockout,
            "You cannot remove your own admin role or deactivate yourself; ask another admin.",
        ));
    }
    let txn = db::begin_write(db).await?;
    let before = db::users::find_by_id(&txn, user_id)
        .await?
        .ok_or_else(Error::not_found)?;
    let mut changes = Vec::new();
    if let Some(roles) = change.roles.as_ref().filter(|roles| **roles != *before.roles) {
        changes.push(access_event(
            user_id,
            actor,
            before.roles.to_string(),
            roles.to_string(),
        ));
    }
    if let Some(active) = change.active.filter(|active| *active != before.active) {
        changes.push(access_event(user_id, actor, activity(before.active), activity(active)));
    }
    let user = db::users::update_access(
        &txn,
        before,
        db::users::AccessChange {
            roles: change.roles,
            active: change.active,
        },
        now,
    )
    .await?;
    if !user.active {
        db::sessions::revoke_all_for_user(&txn, user.id, None, now).await?;
    }
    events::record_many(&txn, changes, now).await?;
    txn.commit().await?;
    Ok(user)
}

/// Inside another use case's transaction (staff enrolling a juror): an account made for someone by
/// `actor_id`, with its event. The store's error is returned as it is, so the caller can tell a unique
/// violation (the address registered meanwhile).
pub async fn create_account_in(
    db: &impl ConnectionTrait,
    actor: &Actor,
    new_user: db::users::NewUser,
    now: DateTime<Utc>,
) -> std::result::Result<User, db::Error> {
    let user = db::users::insert(db, new_user, now).await?;
    events::record(
        db,
        privileged(account_event(user.id, EventKind::AccountCreated), actor),
        now,
    )
    .await?;
    Ok(user)
}

/// Inside another use case's transaction: `actor_id` gives the account one more role (its set-password
/// links end, as with any change of roles), with its `access_changed` event.
pub async fn grant_role_in(
    db: &impl ConnectionTrait,
    actor: &Actor,
    user: User,
    role: Role,
    now: DateTime<Utc>,
) -> std::result::Result<User, db::Error> {
    if user.roles.has(role) {
        return Ok(user);
    }
    let before = user.roles.to_string();
    let roles = Roles::new(user.roles.as_slice().iter().copied().chain([role]));
    let after = roles.to_string();
    let change = db::users::AccessChange {
        roles: Some(roles),
        active: None,
    };
    let user = db::users::update_access(db, user, change, now).await?;
    let event = access_event(user.id, actor, before, after);
    events::record(db, event, now).await?;
    Ok(user)
}

fn access_event(user_id: Uuid, actor: &Actor, from: impl ToString, to: impl ToString) -> NewEvent {
    privileged(account_event(user_id, EventKind::AccessChanged), actor).change(Some(from), Some(to))
}

/// An event of the audit trail: by the actor, from the address their request came from.
pub(crate) fn privileged(event: NewEvent, actor: &Actor) -> NewEvent {
    event.by(actor.user_id).from_address(actor.address)
}

fn activity(active: bool) -> &'static str {
    if active { "active" } else { "inactive" }
}

#[cfg(test)]
mod tests {
    use domain::profile::TieKind;

    use super::*;
    use crate::profiles::{MeChange, ProfileChange, TieInput};

    async fn database(dir: &tempfile::TempDir) -> Db {
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("app.sqlite3").display());
        let db = db::connect(&url).await.expect("connect");
        db::migrate(&db).await.expect("migrate");
        db
    }

    async fn history(
        db: &Db,
        subject: SubjectKind,
        id: Uuid,
    ) -> Vec<(EventKind, Option<Uuid>, Option<String>, Option<String>)> {
        db::events::of_subject(db, subject, id)
            .await
            .expect("events")
            .into_iter()
            .map(|e| (*e.kind, e.actor_id, e.from_value, e.to_value))
            .collect()
    }

    #[tokio::test]
    async fn every_change_of_an_account_is_in_its_history_without_secrets() {
        let dir = tempfile::tempdir().expect("dir");
        let db = database(&dir).await;
        let now = Utc::now();
        let registration = Registration {
            email: " Sara@Example.org ".to_owned(),
            display_name: None,
            locale: None,
        };
        let account = prepare_registration(registration, "a long passphrase of mine").expect("acceptable");
        let (sara, _) = register(
            &db,
            account,
            "hash-1".to_owned(),
            "refresh-hash".to_owned(),
            None,
            Origin::default(),
            now,
        )
        .await
        .expect("registered");
        assert_eq!(sara.email, "sara@example.org");
        let registration = Registration {
            email: "admin@example.org".to_owned(),
            display_name: Some("Admin".to_owned()),
            locale: Some(Locale::En),
        };
        let account = prepare_registration(registration, "another long passphrase").expect("acceptable");
        let (admin, _) = register(
            &db,
            account,
            "hash-a".to_owned(),
            "refresh-a".to_owned(),
            None,
            Origin::default(),
            now,
        )
        .await
        .expect("registered");
        let admin = Actor::new(admin.id, Roles::new([Role::Admin]));

        let change = AccessChange {
            roles: Some(Roles::new([Role::Staff])),
            active: Some(false),
        };
        change_access(&db, &admin, sara.id, change, now).await.expect("changed");
        // The same values again change nothing and record nothing.
        let same = AccessChange {
            roles: Some(Roles::new([Role::Staff])),
            active: Some(false),
        };
        change_access(&db, &admin, sara.id, same, now).await.expect("unchanged");
        let reactivate = AccessChange {
            roles: None,
            active: Some(true),
        };
        change_access(&db, &admin, sara.id, reactivate, now)
            .await
            .expect("active");
        let link = MailedLink {
            token: "link-token".to_owned(),
            hash: "link-hash".to_owned(),
        };
        issue_password_link(&db, &admin, sara.id, link, now)
            .await
            .expect("link");
        set_password(&db, "link-hash", "hash-2".to_owned(), now)
            .await
            .expect("set");

        let me = Actor::new(sara.id, Roles::new([Role::Staff]));
        let tie = TieInput {
            id: None,
            city: " Kazan ".to_owned(),
            country: "ru".to_owned(),
            nature: TieKind::Study,
            since: 2015,
        };
        let change = MeChange {
            profile: Some(ProfileChange {
                ties: Some(vec![tie]),
                ..ProfileChange::default()
            }),
            ..MeChange::default()
        };
        let updated = crate::profiles::update(&db, &me, change, now).await.expect("profile");
        assert_eq!(updated.profile.ties[0].city, "Kazan");
        assert_eq!(updated.profile.ties[0].country, "RU");

        let admin_id = Some(admin.user_id);
        let own = Some(sara.id);
        let text = |s: &str| Some(s.to_owned());
        assert_eq!(
            history(&db, SubjectKind::Account, sara.id).await,
            [
                (EventKind::AccountCreated, own, None, None),
                (EventKind::AccessChanged, admin_id, text(""), text("staff")),
                (EventKind::AccessChanged, admin_id, text("active"), text("inactive")),
                (EventKind::AccessChanged, admin_id, text("inactive"), text("active")),
                (EventKind::PasswordLinkIssued, admin_id, None, None),
                (EventKind::PasswordSet, own, None, None),
            ]
        );
        assert_eq!(
            history(&db, SubjectKind::Profile, sara.id).await,
            [(EventKind::ProfileUpdated, own, None, None)]
        );
    }

    #[tokio::test]
    async fn accounts_made_or_promoted_inside_another_use_case_are_in_their_history() {
        let dir = tempfile::tempdir().expect("dir");
        let db = database(&dir).await;
        let now = Utc::now();
        let new_user = |email: &str| db::users::NewUser {
            email: email.to_owned(),
            display_name: email.to_owned(),
            password_hash: None,
            roles: Roles::default(),
            locale: Locale::Fa,
            email_verified_at: None,
        };
        let txn = db::begin_write(&db).await.expect("txn");
        let staff = db::users::insert(&txn, new_user("staff@example.org"), now)
            .await
            .expect("staff");
        let by = Actor::new(staff.id, Roles::new([Role::Staff]));
        let juror = create_account_in(&txn, &by, new_user("juror@example.org"), now)
            .await
            .expect("made");
        let juror = grant_role_in(&txn, &by, juror, Role::Reviewer, now)
            .await
            .expect("granted");
        let juror = grant_role_in(&txn, &by, juror, Role::Reviewer, now)
            .await
            .expect("held already");
        txn.commit().await.expect("commit");
        assert!(juror.roles.is_reviewer());
        let by = Some(staff.id);
        assert_eq!(
            history(&db, SubjectKind::Account, juror.id).await,
            [
                (EventKind::AccountCreated, by, None, None),
                (
                    EventKind::AccessChanged,
                    by,
                    Some(String::new()),
                    Some("reviewer".to_owned())
                ),
            ]
        );
    }

    #[tokio::test]
    async fn an_admin_cannot_lock_themselves_out() {
        let dir = tempfile::tempdir().expect("dir");
        let db = database(&dir).await;
        let admin = Actor::new(Uuid::now_v7(), Roles::new([Role::Admin]));
        let change = AccessChange {
            roles: None,
            active: Some(false),
        };
        let refused = change_access(&db, &admin, admin.user_id, change, Utc::now()).await;
        assert_eq!(refused.err().map(|e| e.code()), Some(ErrorCode::SelfLockout));
    }
}
