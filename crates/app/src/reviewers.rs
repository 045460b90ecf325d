//! The jury's roster: staff enrol reviewers (making their account when there is none), read and filter the
//! roster with each reviewer's load, change a reviewer's organisation, expertise, maximum load or place on the
//! roster, and hand a reviewer a one-time set-password link. Each change is recorded in the reviewer's (and,
//! where the account changes, the account's) history.

use chrono::{DateTime, Utc};
use db::events::NewEvent;
use domain::account::{normalize_display_name, normalize_email};
use domain::event::{EventKind, SubjectKind};
use domain::idea::Domain;
use domain::reviewer::Organisation;
use domain::roles::{Role, Roles};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

pub use db::reviewers::{ReviewerFilter, ReviewerRow};

use crate::accounts::{MailedLink, Registration};
use crate::error::{Error, ErrorCode, Result};
use crate::{Actor, Db};
use domain::notice::Notice;

/// One page of the roster by name, each reviewer with their load (staff).
pub async fn list(db: &Db, filter: &ReviewerFilter) -> Result<(Vec<ReviewerRow>, u64)> {
    Ok(db::reviewers::list(db, filter).await?)
}

/// A reviewer with their load in `call_id` or in all calls; 404 when the account is not on the jury.
pub async fn show(db: &impl ConnectionTrait, user_id: Uuid, call_id: Option<Uuid>) -> Result<ReviewerRow> {
    db::reviewers::find_row(db, user_id, call_id)
        .await?
        .ok_or_else(Error::not_found)
}

/// A set-password link just issued: its secret stays with the caller, who made it and gave its hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssuedLink {
    pub user_id: Uuid,
    pub expires_at: DateTime<Utc>,
}

/// A set-password link for the account, by `by` (the account's one way of issuing them).
/// The link is mailed to the reviewer as their invitation; staff see it too when the server mails nothing.
async fn issue_link(
    db: &impl ConnectionTrait,
    user: &crate::accounts::User,
    link: MailedLink,
    by: &Actor,
    now: DateTime<Utc>,
) -> Result<IssuedLink> {
    let token = crate::accounts::issue_password_link_in(db, user, by, link.hash, now).await?;
    let invitation = Notice::ReviewerInvitation { new_account: true };
    crate::notices::notify(db, user.id, invitation, Some(link.token), now).await?;
    Ok(IssuedLink {
        user_id: user.id,
        expires_at: token.expires_at,
    })
}

/// Staff enrol someone on the jury.
#[derive(Debug, Clone)]
pub struct NewReviewer {
    /// The e-mail address; the name and language of a new account (an existing one keeps its own).
    pub account: Registration,
    pub organisation: Organisation,
    pub expertise: Vec<Domain>,
    pub max_load: i32,
    /// The set-password link to issue and mail if an account is made.
    pub link: MailedLink,
}

/// A reviewer just enrolled, and the link issued to a new account.
#[derive(Debug, Clone)]
pub struct Enrolment {
    pub reviewer: ReviewerRow,
    /// None when the account existed (it has a password already).
    pub link: Option<IssuedLink>,
}

fn already_enrolled() -> Error {
    Error::new(
        ErrorCode::ReviewerExists,
        "This account is on the jury already; change it at PATCH /api/v1/reviewers/{id}.",
    )
}

/// Maps a unique violation (someone enrolled the same address at the same moment) to 409.
fn enrolled_meanwhile(err: sea_orm::DbErr) -> Error {
    if db::is_unique_violation(&err) {
        already_enrolled()
    } else {
        err.into()
    }
}

/// Enrols a reviewer (staff). With an e-mail address no account has, an account is made (roles: reviewer; no
/// password) and a set-password link issued; an existing account joins the jury keeping its roles, name and
/// password, and gains the reviewer role.
pub async fn enrol(db: &Db, actor: &Actor, input: NewReviewer, now: DateTime<Utc>) -> Result<Enrolment> {
    let email = normalize_email(&input.account.email);
    let display_name = normalize_display_name(input.account.display_name.as_deref().unwrap_or_default())
        .map_err(|e| Error::field("/displayName", "invalid", e.to_string()))?;
    let fields = db::reviewers::ReviewerFields {
        organisation: input.organisation,
        expertise: input.expertise,
        max_load: input.max_load,
        active: true,
    };

    let txn = db::begin_write(db).await?;
    let (user_id, link) = match db::users::find_by_email(&txn, &email).await? {
        Some(user) => {
            db::users::lock(&txn, user.id).await?;
            if db::reviewers::find(&txn, user.id).await?.is_some() {
                return Err(already_enrolled());
            }
            let user = crate::accounts::grant_role_in(&txn, actor, user, Role::Reviewer, now).await?;
            let invitation = Notice::ReviewerInvitation { new_account: false };
            crate::notices::notify(&txn, user.id, invitation, None, now).await?;
            (user.id, None)
        }
        None => {
            let roles = Roles::new([Role::Reviewer]);
            let new_user = db::users::NewUser {
                email,
                display_name,
                password_hash: None,
                roles: roles.clone(),
                locale: input.account.locale.unwrap_or_default(),
                email_verified_at: None,
            };
            let user = crate::accounts::create_account_in(&txn, actor, new_user, now)
                .await
                .map_err(enrolled_meanwhile)?;
            let link = issue_link(&txn, &user, input.link, actor, now).await?;
            (user.id, Some(link))
        }
    };
    db::reviewers::insert(&txn, user_id, fields, now)
        .await
        .map_err(enrolled_meanwhile)?;
    let event = NewEvent::new(SubjectKind::Reviewer, user_id, EventKind::ReviewerAdded).by(actor.user_id);
    db::events::record(&txn, event, now).await?;
    let reviewer = show(&txn, user_id, None).await?;
    txn.commit().await?;
    Ok(Enrolment { reviewer, link })
}

/// What staff change of a reviewer; None keeps it.
#[derive(Debug, Clone, Default)]
pub struct ReviewerChange {
    pub organisation: Option<Organisation>,
    /// The complete new list.
    pub expertise: Option<Vec<Domain>>,
    pub max_load: Option<i32>,
    /// false takes the reviewer off the roster for new assignments; what they hold stays theirs.
    pub active: Option<bool>,
}

/// Changes a reviewer's organisation, expertise, maximum load or place on the roster (staff).
pub async fn update(
    db: &Db,
    actor: &Actor,
    user_id: Uuid,
    change: ReviewerChange,
    now: DateTime<Utc>,
) -> Result<ReviewerRow> {
    let txn = db::begin_write(db).await?;
    let reviewer = db::reviewers::find(&txn, user_id).await?.ok_or_else(Error::not_found)?;
    let fields = db::reviewers::ReviewerFields {
        organisation: change.organisation.unwrap_or(*reviewer.organisation),
        expertise: change.expertise.unwrap_or_else(|| reviewer.expertise.0.clone()),
        max_load: change.max_load.unwrap_or(reviewer.max_load),
        active: change.active.unwrap_or(reviewer.active),
    };
    if !db::reviewers::update(&txn, user_id, fields, now).await? {
        return Err(Error::not_found());
    }
    let event = NewEvent::new(SubjectKind::Reviewer, user_id, EventKind::ReviewerUpdated).by(actor.user_id);
    db::events::record(&txn, event, now).await?;
    let row = show(&txn, user_id, None).await?;
    txn.commit().await?;
    Ok(row)
}

/// Issues a one-time set-password link for a reviewer (staff): 404 unless the account is on the jury, 403 when
/// it also holds the staff or admin role (only an admin may, or staff could take such an account over).
pub async fn issue_password_link(
    db: &Db,
    actor: &Actor,
    user_id: Uuid,
    link: MailedLink,
    now: DateTime<Utc>,
) -> Result<IssuedLink> {
    let txn = db::begin_write(db).await?;
    let user = db::users::find_by_id(&txn, user_id)
        .await?
        .ok_or_else(Error::not_found)?;
    let roles = user.roles.0.clone();
    if !roles.is_reviewer() || db::reviewers::find(&txn, user_id).await?.is_none() {
        return Err(Error::not_found());
    }
    if roles.is_staff() {
        return Err(Error::forbidden(
            "This reviewer also holds the staff or admin role: only an admin may issue a password token \
             for such an account, at POST /api/v1/users/{id}/password-token.",
        ));
    }
    let link = issue_link(&txn, &user, link, actor, now).await?;
    txn.commit().await?;
    Ok(link)
}
