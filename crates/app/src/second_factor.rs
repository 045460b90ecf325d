//! The second factor: enrolling a TOTP authenticator, signing in with its code or a recovery code,
//! turning it off, new recovery codes, and an admin's reset for a lost phone. Random secrets and codes
//! are made on the HTTP side, as tokens are; these use cases take the secret's bytes and the codes'
//! SHA-256 hashes. Every change is in the account's history and the audit trail.

use chrono::{DateTime, Utc};
use db::events;
use domain::event::EventKind;
use domain::notice::{Notice, SecondFactorChange};
use domain::second_factor::{Code, TotpKey, hash_of_shown, read_code, recovery_code_hash};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::accounts::{Session, SignIn, User, account_event, ensure_admin, open_session, privileged};
use crate::{Actor, Db, Error, ErrorCode, Result};

/// Whether the account has a second factor in force, and how many recovery codes it has left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub enabled_at: Option<DateTime<Utc>>,
    pub recovery_codes_left: u64,
}

pub async fn status(db: &Db, actor: &Actor) -> Result<Status> {
    let user = account(db, actor.user_id).await?;
    Ok(Status {
        enabled_at: user.totp_enabled_at,
        recovery_codes_left: db::second_factor::recovery_codes_left(db, user.id).await?,
    })
}

/// Every change of the factor is told to the owner: if it was not them, they learn it at once.
async fn tell(db: &impl ConnectionTrait, user_id: Uuid, change: SecondFactorChange, now: DateTime<Utc>) -> Result<()> {
    crate::notices::notify(db, user_id, Notice::SecondFactorChanged { change }, None, now).await
}

async fn account(db: &impl ConnectionTrait, user_id: Uuid) -> Result<User> {
    db::users::find_by_id(db, user_id).await?.ok_or_else(Error::not_found)
}

fn key_of(user: &User) -> Result<Option<TotpKey>> {
    user.totp_secret
        .as_deref()
        .map(|secret| TotpKey::from_base32(secret, &user.email))
        .transpose()
        .map_err(|err| Error::internal(err.to_string()))
}

fn not_enabled() -> Error {
    Error::new(
        ErrorCode::SecondFactorNotEnabled,
        "This account has no second factor set up.",
    )
}

fn wrong_code() -> Error {
    Error::field("/code", "wrong_code", "the code is wrong or was used already")
}

/// Begins enrolment with a new secret made of these random bytes (again, if one was begun): 409
/// `second_factor_enabled` when one is in force already. The key is shown to the owner to scan.
pub async fn begin_enrolment(db: &Db, actor: &Actor, secret: Vec<u8>) -> Result<TotpKey> {
    let txn = db::begin_write(db).await?;
    let user = account(&txn, actor.user_id).await?;
    if user.totp_enabled_at.is_some() {
        return Err(Error::new(
            ErrorCode::SecondFactorEnabled,
            "A second factor is set up already; turn it off first to set up another.",
        ));
    }
    let key = TotpKey::new(secret, &user.email).map_err(|err| Error::internal(err.to_string()))?;
    db::second_factor::begin(&txn, user.id, key.base32()).await?;
    txn.commit().await?;
    Ok(key)
}

/// Confirms enrolment with a code from the authenticator: the factor is in force from now, with these
/// recovery codes (as shown to the owner; only their hashes are kept). 409 `no_enrolment` when none was begun, 422 at /code when it is wrong.
pub async fn confirm_enrolment(
    db: &Db,
    actor: &Actor,
    code: &str,
    recovery_codes: &[String],
    now: DateTime<Utc>,
) -> Result<()> {
    let hashes = hashes_of(recovery_codes)?;
    let txn = db::begin_write(db).await?;
    let user = account(&txn, actor.user_id).await?;
    db::users::lock(&txn, user.id).await?;
    if user.totp_enabled_at.is_some() {
        return Err(Error::new(
            ErrorCode::SecondFactorEnabled,
            "The second factor is set up already.",
        ));
    }
    let key = key_of(&user)?.ok_or_else(|| {
        Error::new(
            ErrorCode::NoEnrolment,
            "Start setting up a second factor first: POST /api/v1/me/second-factor.",
        )
    })?;
    let step = match read_code(code) {
        Some(Code::Totp(code)) => key.accepts(&code, now, None),
        _ => None,
    }
    .ok_or_else(wrong_code)?;
    db::second_factor::enable(&txn, user.id, step, now).await?;
    db::second_factor::replace_recovery_codes(&txn, user.id, hashes, now).await?;
    let event = privileged(account_event(user.id, EventKind::SecondFactorEnrolled), actor);
    events::record(&txn, event, now).await?;
    tell(&txn, user.id, SecondFactorChange::Enabled, now).await?;
    txn.commit().await?;
    Ok(())
}

fn hashes_of(codes: &[String]) -> Result<Vec<String>> {
    codes
        .iter()
        .map(|code| hash_of_shown(code).ok_or_else(|| Error::internal(format!("`{code}` is not a recovery code"))))
        .collect()
}

/// Which kind of code was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepted {
    Totp,
    /// A recovery code, now used up; this many are left.
    Recovery {
        left: u64,
    },
}

/// Checks a typed code against the account's factor and uses it up: a TOTP code's step is recorded (so
/// it is never accepted again), a recovery code is spent. None when it is wrong or used.
async fn use_code(
    db: &impl ConnectionTrait,
    user: &User,
    key: &TotpKey,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Option<Accepted>> {
    match read_code(typed) {
        Some(Code::Totp(code)) => match key.accepts(&code, now, user.totp_last_step) {
            // A concurrent request may have accepted the same step meanwhile: only one wins.
            Some(step) if db::second_factor::accept_step(db, user.id, step).await? => Ok(Some(Accepted::Totp)),
            _ => Ok(None),
        },
        Some(Code::Recovery(code)) => {
            if db::second_factor::use_recovery_code(db, user.id, &recovery_code_hash(&code), now).await? {
                let left = db::second_factor::recovery_codes_left(db, user.id).await?;
                Ok(Some(Accepted::Recovery { left }))
            } else {
                Ok(None)
            }
        }
        None => Ok(None),
    }
}

/// The account and key of an owner whose factor is in force (409 otherwise), its row locked.
async fn enabled_factor(db: &impl ConnectionTrait, actor: &Actor) -> Result<(User, TotpKey)> {
    db::users::lock(db, actor.user_id).await?;
    let user = account(db, actor.user_id).await?;
    match (user.totp_enabled_at, key_of(&user)?) {
        (Some(_), Some(key)) => Ok((user, key)),
        _ => Err(not_enabled()),
    }
}

/// A code given while signed in, to turn the factor off or renew the recovery codes: a wrong one counts as a
/// failed sign-in of the account (a stolen session must not guess codes at leisure) and is 422 at /code.
async fn use_code_or_count(
    txn: sea_orm::DatabaseTransaction,
    user: &User,
    key: &TotpKey,
    code: &str,
    attempt: &SignIn,
    now: DateTime<Utc>,
) -> Result<sea_orm::DatabaseTransaction> {
    if use_code(&txn, user, key, code, now).await?.is_some() {
        return Ok(txn);
    }
    attempt.count_failure(&txn, now).await?;
    txn.commit().await?;
    Err(wrong_code())
}

/// Turns the owner's second factor off: the password must have matched (422 at /password) and the code be
/// right (422 at /code); either failure counts as a failed sign-in. Staff and admins who must have one are
/// then asked to enrol again.
pub async fn disable(
    db: &Db,
    actor: &Actor,
    attempt: &SignIn,
    password_ok: bool,
    code: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let txn = db::begin_write(db).await?;
    let (user, key) = enabled_factor(&txn, actor).await?;
    if !password_ok {
        attempt.count_failure(&txn, now).await?;
        txn.commit().await?;
        return Err(Error::field("/password", "wrong_password", "the password is wrong"));
    }
    let txn = use_code_or_count(txn, &user, &key, code, attempt, now).await?;
    db::second_factor::remove(&txn, user.id).await?;
    let event = privileged(account_event(user.id, EventKind::SecondFactorDisabled), actor);
    events::record(&txn, event, now).await?;
    tell(&txn, user.id, SecondFactorChange::Disabled, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Replaces the owner's recovery codes with these, after a right code (422 at /code, counted as a failed
/// sign-in).
pub async fn renew_recovery_codes(
    db: &Db,
    actor: &Actor,
    attempt: &SignIn,
    code: &str,
    recovery_codes: &[String],
    now: DateTime<Utc>,
) -> Result<()> {
    let hashes = hashes_of(recovery_codes)?;
    let txn = db::begin_write(db).await?;
    let (user, key) = enabled_factor(&txn, actor).await?;
    let txn = use_code_or_count(txn, &user, &key, code, attempt, now).await?;
    db::second_factor::replace_recovery_codes(&txn, user.id, hashes, now).await?;
    let event = privileged(account_event(user.id, EventKind::RecoveryCodesRenewed), actor);
    events::record(&txn, event, now).await?;
    tell(&txn, user.id, SecondFactorChange::RecoveryCodesRenewed, now).await?;
    txn.commit().await?;
    Ok(())
}

/// An admin removes an account's second factor (its owner lost the phone and the codes): every session
/// of the account ends, and the owner signs in with the password alone and enrols again.
pub async fn reset(db: &Db, actor: &Actor, user_id: Uuid, now: DateTime<Utc>) -> Result<()> {
    ensure_admin(actor)?;
    let txn = db::begin_write(db).await?;
    db::users::lock(&txn, user_id).await?;
    let user = account(&txn, user_id).await?;
    if user.totp_enabled_at.is_none() {
        return Err(not_enabled());
    }
    db::second_factor::remove(&txn, user.id).await?;
    db::sessions::revoke_all_for_user(&txn, user.id, None, now).await?;
    let event = privileged(account_event(user.id, EventKind::SecondFactorReset), actor);
    events::record(&txn, event, now).await?;
    tell(&txn, user.id, SecondFactorChange::Reset, now).await?;
    txn.commit().await?;
    Ok(())
}

fn invalid_challenge() -> Error {
    Error::new(
        ErrorCode::InvalidChallenge,
        "This sign-in is unknown, finished or expired; sign in with your password again.",
    )
}

/// The account a sign-in waiting for its code belongs to (401 `invalid_challenge` when there is none),
/// so the caller can check its failure counters before the code is tried.
pub async fn awaiting_code(db: &Db, challenge_hash: &str, now: DateTime<Utc>) -> Result<User> {
    let challenge = db::login_challenges::find_usable(db, challenge_hash, now)
        .await?
        .ok_or_else(invalid_challenge)?;
    db::users::find_by_id(db, challenge.user_id)
        .await?
        .ok_or_else(invalid_challenge)
}

/// Finishes a sign-in with the second factor's code or a recovery code: a session begins (its first
/// refresh token has the hash given) and the account's failures are cleared. A wrong or replayed code
/// counts as a failed sign-in of the account and the client (401 `invalid_code`), as a wrong password does.
pub async fn finish_sign_in(
    db: &Db,
    attempt: &SignIn,
    challenge_hash: &str,
    typed: &str,
    refresh_token_hash: String,
    now: DateTime<Utc>,
) -> Result<(User, Session)> {
    let txn = db::begin_write(db).await?;
    let challenge = db::login_challenges::find_usable(&txn, challenge_hash, now)
        .await?
        .ok_or_else(invalid_challenge)?;
    db::users::lock(&txn, challenge.user_id).await?;
    // A store failure stays a 500; only an account gone meanwhile voids the challenge.
    let user = db::users::find_by_id(&txn, challenge.user_id)
        .await?
        .ok_or_else(invalid_challenge)?;
    if !user.active {
        return Err(Error::new(ErrorCode::AccountInactive, "This account is deactivated."));
    }
    let accepted = match (user.totp_enabled_at, key_of(&user)?) {
        (Some(_), Some(key)) => use_code(&txn, &user, &key, typed, now).await?,
        // Reset by an admin since the password was checked: the challenge is void.
        _ => return Err(invalid_challenge()),
    };
    let Some(accepted) = accepted else {
        attempt.count_failure(&txn, now).await?;
        txn.commit().await?;
        return Err(Error::new(
            ErrorCode::InvalidCode,
            "The code is wrong or was used already.",
        ));
    };
    db::login_challenges::mark_used(&txn, challenge.id, now).await?;
    attempt.clear_failures(&txn).await?;
    let session = open_session(&txn, user.id, attempt.origin.clone(), refresh_token_hash, now).await?;
    if let Accepted::Recovery { left } = accepted {
        let event = account_event(user.id, EventKind::RecoveryCodeUsed)
            .by(user.id)
            .from_address(attempt.address)
            .to(left);
        events::record(&txn, event, now).await?;
        tell(&txn, user.id, SecondFactorChange::RecoveryCodeUsed, now).await?;
    }
    txn.commit().await?;
    Ok((user, session))
}
