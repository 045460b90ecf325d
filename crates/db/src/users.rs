//! Accounts.

use chrono::{DateTime, Utc};
use domain::account::Locale;
use domain::roles::{Role, Roles};
use domain::text::fold;
use sea_orm::sea_query::{Expr, Order};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::user::{self, ActiveModel, Column, Entity as Users, Model as User};
use crate::stored::Named;

pub struct NewUser {
    /// Already normalised (`domain::account::normalize_email`).
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub roles: Roles,
    pub locale: Locale,
    /// Set for an account whose address is known good (made by an admin on the command line); None
    /// until its owner follows a mailed link.
    pub email_verified_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserSortField {
    CreatedAt,
    Email,
    DisplayName,
}

#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    /// Matched against the folded e-mail and display name.
    pub q: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    pub sort: Option<(UserSortField, Order)>,
    pub limit: u64,
    pub offset: u64,
}

fn search_text(email: &str, display_name: &str) -> String {
    fold(&format!("{email} {display_name}"))
}

pub async fn insert(db: &impl ConnectionTrait, new: NewUser, now: DateTime<Utc>) -> Result<User, DbErr> {
    ActiveModel {
        id: Set(Uuid::now_v7()),
        search_text: Set(search_text(&new.email, &new.display_name)),
        email: Set(new.email),
        display_name: Set(new.display_name),
        password_hash: Set(new.password_hash),
        roles: Set(Named(new.roles)),
        active: Set(true),
        locale: Set(Named(new.locale)),
        totp_secret: Set(None),
        totp_enabled_at: Set(None),
        totp_last_step: Set(None),
        email_verified_at: Set(new.email_verified_at),
        service: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
}

/// The service account an API key acts through, named after the key. It has no password and an address
/// that cannot receive mail, so it can neither sign in nor be sent a link.
pub async fn insert_service(
    db: &impl ConnectionTrait,
    display_name: &str,
    roles: Roles,
    now: DateTime<Utc>,
) -> Result<User, DbErr> {
    let id = Uuid::now_v7();
    let email = format!("{}@api-keys.invalid", id.simple());
    ActiveModel {
        id: Set(id),
        search_text: Set(search_text(&email, display_name)),
        email: Set(email),
        display_name: Set(display_name.to_owned()),
        password_hash: Set(None),
        roles: Set(Named(roles)),
        active: Set(true),
        locale: Set(Named(Locale::En)),
        totp_secret: Set(None),
        totp_enabled_at: Set(None),
        totp_last_step: Set(None),
        email_verified_at: Set(None),
        service: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<User>, DbErr> {
    Users::find_by_id(id).one(db).await
}

/// The person with this address. A service account is nobody's to sign in to, reset or enrol, so it is
/// never found by its address.
pub async fn find_by_email(db: &impl ConnectionTrait, email: &str) -> Result<Option<User>, DbErr> {
    Users::find()
        .filter(Column::Email.eq(email))
        .filter(Column::Service.eq(false))
        .one(db)
        .await
}

pub async fn count(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    Users::find().count(db).await
}

/// One page of accounts and the number matching the filter.
pub async fn list(db: &impl ConnectionTrait, filter: &UserFilter) -> Result<(Vec<User>, u64), DbErr> {
    let mut query = Users::find();
    for word in crate::search::words(filter.q.as_deref()) {
        query = query.filter(crate::search::contains(Column::SearchText, &word));
    }
    if let Some(role) = filter.role {
        // Role names are not substrings of one another, so a substring test on the stored list is exact.
        query = query.filter(Column::Roles.contains(role.as_str()));
    }
    if let Some(active) = filter.active {
        query = query.filter(Column::Active.eq(active));
    }
    // Service accounts are not people: their keys are listed with the keys.
    query = query.filter(Column::Service.eq(false));
    let (field, order) = filter.sort.clone().unwrap_or((UserSortField::CreatedAt, Order::Desc));
    let column = match field {
        UserSortField::CreatedAt => Column::CreatedAt,
        UserSortField::Email => Column::Email,
        UserSortField::DisplayName => Column::DisplayName,
    };
    crate::page(db, query, (column, order), Column::Id, filter.limit, filter.offset).await
}

/// Sets the account's password and ends every outstanding set-password token of it.
pub async fn set_password_hash(
    db: &impl ConnectionTrait,
    id: Uuid,
    password_hash: String,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    Users::update_many()
        .col_expr(Column::PasswordHash, Expr::value(password_hash))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    crate::password_tokens::use_all_for_user(db, id, now).await
}

/// The owner proved the address (a mailed link reached them); a verified address stays verified.
pub async fn mark_verified(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<(), DbErr> {
    Users::update_many()
        .col_expr(Column::EmailVerifiedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(Column::EmailVerifiedAt.is_null())
        .exec(db)
        .await?;
    crate::email_tokens::use_all_for_user(db, id, now).await
}

/// Replaces a hash of the same password made with older settings; a password changed meanwhile is
/// left alone. Outstanding set-password tokens stay: the password did not change.
pub async fn replace_password_hash(
    db: &impl ConnectionTrait,
    id: Uuid,
    old_hash: &str,
    new_hash: String,
) -> Result<(), DbErr> {
    Users::update_many()
        .col_expr(Column::PasswordHash, Expr::value(new_hash))
        .filter(Column::Id.eq(id))
        .filter(Column::PasswordHash.eq(old_hash))
        .exec(db)
        .await
        .map(|_| ())
}

/// What an account's owner may change of it.
pub struct ProfileChange {
    pub display_name: Option<String>,
    pub locale: Option<Locale>,
}

/// What an admin may change of an account.
pub struct AccessChange {
    pub roles: Option<Roles>,
    pub active: Option<bool>,
}

pub async fn update_profile(
    db: &impl ConnectionTrait,
    user: User,
    change: ProfileChange,
    now: DateTime<Utc>,
) -> Result<User, DbErr> {
    let mut model: ActiveModel = user.clone().into();
    if let Some(name) = change.display_name {
        model.search_text = Set(search_text(&user.email, &name));
        model.display_name = Set(name);
    }
    if let Some(locale) = change.locale {
        model.locale = Set(Named(locale));
    }
    model.updated_at = Set(now);
    model.update(db).await
}

pub async fn update_access(
    db: &impl ConnectionTrait,
    user: User,
    change: AccessChange,
    now: DateTime<Utc>,
) -> Result<User, DbErr> {
    let changed =
        change.roles.as_ref().is_some_and(|r| *user.roles != *r) || change.active.is_some_and(|a| a != user.active);
    let roles = change.roles.map(Named);
    let id = user.id;
    let mut model: ActiveModel = user.into();
    if let Some(roles) = roles {
        model.roles = Set(roles);
    }
    if let Some(active) = change.active {
        model.active = Set(active);
    }
    model.updated_at = Set(now);
    let user = model.update(db).await?;
    // A token handed out before a change of roles or activation must not open the changed account.
    if changed {
        crate::password_tokens::use_all_for_user(db, id, now).await?;
    }
    Ok(user)
}

pub use user::Model;

/// The display names of these accounts, in one query.
pub async fn display_names(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<(Uuid, String)>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let users = Users::find()
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    Ok(users.into_iter().map(|u| (u.id, u.display_name)).collect())
}

/// Locks the account's row until the transaction ends (PostgreSQL; SQLite locks the whole database).
///
/// FOR NO KEY UPDATE, not FOR UPDATE: it queues the account's own writers all the same, but lets other
/// transactions check a foreign key to the account (FOR KEY SHARE). With FOR UPDATE, an idea being created
/// (holding this lock, waiting for its call's similarity lock) and an idea of the same account being edited
/// (holding the similarity lock, its re-saved row re-checking the submitter key) waited for each other:
/// a deadlock that PostgreSQL broke with a 500, found by the crash test.
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> Result<(), DbErr> {
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        Users::find_by_id(id)
            .lock(sea_orm::sea_query::LockType::NoKeyUpdate)
            .one(db)
            .await?;
    }
    Ok(())
}
