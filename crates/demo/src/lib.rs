//! `seed --demo`: demo content for trying the program out. What it says (accounts, cities, names, idea
//! themes, calls, the jury and the register) is data, in `data/`; what is Rust is the generator that spreads
//! it over calls, states and dates, and the writing, which goes through the application's use cases with
//! the clock set to when each step happened. So every history in the demo is one the API itself would have
//! written, and the demo follows every rule the use cases enforce.
//!
//! The seed sends nothing: no use case it calls sends mail or calls a webhook, and the sets of password
//! links it issues to jurors are used at once, here.

mod attachments;
mod calendar;
pub mod data;
mod ideas;
mod jury;
mod register;
mod summary;

use std::collections::BTreeMap;

use anyhow::{Context, bail};
use app::Actor;
use app::accounts::{AccessChange, NewAccount};
use chrono::{DateTime, Duration, Utc};
use db::Db;
use domain::file::FileOwnerKind;
use domain::idea::IdeaState;
use domain::roles::{Role, Roles};
use uuid::Uuid;

pub use ideas::{CITIZENS, citizen_email};
pub use jury::juror_email;
pub use summary::Seeded;

/// Fills an empty database with the demo. `password_hash` is the hash of the demo accounts' one password,
/// computed once by the caller (argon2 is slow on purpose); `store` is where the demo's files go, as the
/// server's uploads do. Refuses a database that has accounts.
pub async fn seed(
    db: &Db,
    store: &app::files::FileStore,
    password_hash: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Seeded> {
    let data = data::data()?;
    if db::users::count(db).await? > 0 {
        bail!("the database is not empty; demo content goes only into a new database");
    }
    let accounts = open_accounts(db, data, password_hash).await?;
    let id_of = |email: &str| {
        accounts
            .get(email)
            .cloned()
            .with_context(|| format!("the demo account {email} in accounts.json"))
    };
    let staff = id_of("staff@demo.example")?;
    let demo = ideas::DemoAccounts {
        staff: staff.clone(),
        citizen_fa: id_of("citizen@demo.example")?.user_id,
        citizen_en: id_of("citizen.en@demo.example")?.user_id,
    };
    let calls = ideas::seed(db, store, data, &demo, password_hash, now).await?;
    let jury_accounts = jury::JuryAccounts {
        staff: staff.clone(),
        reviewer: id_of("reviewer@demo.example")?,
    };
    let jury = jury::seed(db, data, &jury_accounts, &calls, password_hash, now).await?;
    let register = register::seed(db, store, data, &staff, now).await?;
    // The demo's people are made up: the e-mails their story queued are dropped unsent (no mail server
    // should ever see them), while their notices stay in the app for the demo to show.
    db::outbox::discard_pending(db).await?;

    let mut summaries = Vec::with_capacity(calls.len());
    for call in &calls {
        summaries.push(summary::CallSummary {
            id: call.id,
            title: call.title.clone(),
            phase: call.phase,
            ideas: ideas_by_state(db, &staff, call.id, now).await?,
        });
    }
    Ok(Seeded {
        accounts: data
            .accounts
            .iter()
            .map(|account| (account.email.clone(), Roles::new(account.roles.iter().copied())))
            .collect(),
        calls: summaries,
        register,
        jury,
        files: files_by_owner(db).await?,
    })
}

/// How many live files each kind of owner has.
async fn files_by_owner(db: &Db) -> anyhow::Result<BTreeMap<FileOwnerKind, u64>> {
    use db::entities::file;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let mut counts = BTreeMap::new();
    for owner in FileOwnerKind::ALL {
        let count = file::Entity::find()
            .filter(file::Column::OwnerKind.eq(db::stored::Named(*owner)))
            .filter(file::Column::RemovedAt.is_null())
            .count(db)
            .await?;
        if count > 0 {
            counts.insert(*owner, count);
        }
    }
    Ok(counts)
}

/// The demo accounts, by e-mail address. The admin is made as `create-user` makes the first one; the others
/// register as citizens, and the admin gives them their roles (the jury's staff enrol the reviewer).
async fn open_accounts(
    db: &Db,
    data: &'static data::Data,
    password_hash: &str,
) -> anyhow::Result<BTreeMap<String, Actor>> {
    let opened = ideas::accounts_created_at();
    let admin_account = data
        .accounts
        .iter()
        .find(|account| account.roles.contains(&Role::Admin))
        .context("an admin in accounts.json")?;
    let new_admin = db::users::NewUser {
        email: admin_account.email.clone(),
        display_name: admin_account.display_name.clone(),
        password_hash: Some(password_hash.to_owned()),
        roles: Roles::new(admin_account.roles.iter().copied()),
        locale: admin_account.locale,
        email_verified_at: Some(opened),
    };
    let admin = db::users::insert(db, new_admin, opened).await?;
    let admin = Actor::new(admin.id, admin.roles.0.clone());
    let mut accounts = BTreeMap::from([(admin_account.email.clone(), admin.clone())]);
    for (minutes, account) in (1..).zip(data.accounts.iter().filter(|a| a.email != admin_account.email)) {
        let at = opened + Duration::minutes(minutes);
        let new = NewAccount {
            email: account.email.clone(),
            display_name: account.display_name.clone(),
            locale: account.locale,
        };
        let mut actor = register(db, new, password_hash, at).await?;
        let roles = Roles::new(account.roles.iter().copied().filter(|role| *role != Role::Reviewer));
        if !roles.as_slice().is_empty() {
            let change = AccessChange {
                roles: Some(roles),
                active: None,
            };
            let user =
                app::accounts::change_access(db, &admin, actor.user_id, change, at + Duration::minutes(30)).await?;
            actor = Actor::new(user.id, user.roles.0.clone());
        }
        accounts.insert(account.email.clone(), actor);
    }
    Ok(accounts)
}

/// A citizen registers with the demo password, as the sign-up form does (the session it opens holds a refresh
/// token nobody has), and follows the verification link a minute later.
async fn register(db: &Db, account: NewAccount, password_hash: &str, at: DateTime<Utc>) -> anyhow::Result<Actor> {
    let origin = db::sessions::Origin::new(Some("seed --demo".to_owned()), None);
    let unheld_token = Uuid::new_v4().to_string();
    let link = mailed_link();
    let hash = link.hash.clone();
    let (user, _) = app::accounts::register(
        db,
        account,
        password_hash.to_owned(),
        unheld_token,
        Some(link),
        origin,
        at,
    )
    .await?;
    app::accounts::verify_email(db, &hash, at + Duration::minutes(1)).await?;
    Ok(Actor::new(user.id, user.roles.0.clone()))
}

/// A link as the server makes one; the demo's are followed by the demo itself, never mailed.
pub(crate) fn mailed_link() -> app::accounts::MailedLink {
    app::accounts::MailedLink {
        token: Uuid::new_v4().to_string(),
        hash: Uuid::new_v4().to_string(),
    }
}

/// How many of a call's ideas are in each state now, as staff would count them.
async fn ideas_by_state(
    db: &Db,
    staff: &Actor,
    call_id: Uuid,
    now: DateTime<Utc>,
) -> anyhow::Result<BTreeMap<IdeaState, usize>> {
    let mut counts = BTreeMap::new();
    for state in IdeaState::ALL {
        let filter = db::ideas::IdeaFilter {
            call_id: Some(call_id),
            state: Some(*state),
            limit: 1,
            ..db::ideas::IdeaFilter::new(db::ideas::Audience::Staff)
        };
        let (_, total) = app::ideas::list(db, Some(staff), false, filter, now).await?;
        if total > 0 {
            counts.insert(*state, usize::try_from(total)?);
        }
    }
    Ok(counts)
}
