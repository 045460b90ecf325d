//! `seed --demo`: demo content for trying the program out: the demo accounts here, the cities,
//! citizens, calls and ideas from `demo_ideas`, the register of sister cities from `demo_register`, and the
//! jury from `demo_jury` (reviewers, rubrics, assignments, reviews and the first call's decisions).
//! Later features add their objects here.

use std::collections::BTreeMap;
use std::time::Instant;

use anyhow::{Context, bail};
use chrono::Utc;
use clap::Args;
use domain::account::Locale;
use domain::idea::IdeaState;
use domain::roles::{Role, Roles};

use super::demo_ideas::{self, DemoAccounts};
use super::demo_jury::{self, JuryAccounts};
use super::demo_register;
use crate::auth::password::PasswordHashing;
use crate::settings::DatabaseArgs;

/// The demo accounts' shared password; printed by the command, never used outside demo data.
pub const DEMO_PASSWORD: &str = "demo-password-1405";

#[derive(Debug, Args)]
pub struct SeedArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    /// Fill the database with demo content (the only kind of seed there is).
    #[arg(long, required = true)]
    demo: bool,
    /// Succeed without change when the database has content already (instead of refusing).
    #[arg(long)]
    if_empty: bool,
}

struct DemoAccount {
    email: &'static str,
    display_name: &'static str,
    roles: &'static [Role],
    locale: Locale,
}

const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        email: "admin@demo.example",
        display_name: "مدیر سامانه",
        roles: &[Role::Admin],
        locale: Locale::Fa,
    },
    DemoAccount {
        email: "staff@demo.example",
        display_name: "کارشناس امور بین‌الملل",
        roles: &[Role::Staff],
        locale: Locale::Fa,
    },
    DemoAccount {
        email: "reviewer@demo.example",
        display_name: "داور نمونه",
        roles: &[Role::Reviewer],
        locale: Locale::Fa,
    },
    DemoAccount {
        email: "citizen@demo.example",
        display_name: "سارا احمدی",
        roles: &[],
        locale: Locale::Fa,
    },
    DemoAccount {
        email: "citizen.en@demo.example",
        display_name: "Reza Karimi",
        roles: &[],
        locale: Locale::En,
    },
];

pub async fn run(args: SeedArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let db = db::connect(&args.database.prepare_url()?).await?;
    db::migrate(&db).await?;
    if db::users::count(&db).await? > 0 {
        if args.if_empty {
            println!("the database has content already; nothing seeded");
            return Ok(());
        }
        bail!("the database is not empty; demo content goes only into a new database");
    }
    // One hash for all the demo accounts: argon2 is slow on purpose, and a hash per account would take most
    // of the seed's time.
    let hash = PasswordHashing::default().hash(DEMO_PASSWORD.to_owned()).await?;
    let now = Utc::now();
    let txn = db::begin_write(&db).await?;
    let mut ids = BTreeMap::new();
    for account in DEMO_ACCOUNTS {
        let new_user = db::users::NewUser {
            email: account.email.to_owned(),
            display_name: account.display_name.to_owned(),
            password_hash: Some(hash.clone()),
            roles: Roles::new(account.roles.iter().copied()),
            locale: account.locale,
        };
        let user = db::users::insert(&txn, new_user, demo_ideas::accounts_created_at()).await?;
        ids.insert(account.email, user.id);
    }
    let id_of = |email: &str| {
        ids.get(email)
            .copied()
            .with_context(|| format!("the demo account {email}"))
    };
    let accounts = DemoAccounts {
        staff: id_of("staff@demo.example")?,
        citizen_fa: id_of("citizen@demo.example")?,
        citizen_en: id_of("citizen.en@demo.example")?,
    };
    let calls = demo_ideas::seed(&txn, &accounts, &hash, now).await?;
    let register = demo_register::seed(&txn, accounts.staff, now).await?;
    let jury_accounts = JuryAccounts {
        staff: accounts.staff,
        reviewer: id_of("reviewer@demo.example")?,
    };
    let jury = demo_jury::seed(&txn, &jury_accounts, &calls, &hash, now).await?;
    txn.commit().await?;

    println!("Demo calls:");
    let mut totals: BTreeMap<IdeaState, usize> = BTreeMap::new();
    for call in &calls {
        let count: usize = call.ideas.values().sum();
        println!(
            "  {}  {:<9}  {count:>3} ideas  {}",
            call.id,
            call.phase.as_str(),
            call.title
        );
        for (state, n) in &call.ideas {
            *totals.entry(*state).or_insert(0) += n;
        }
    }
    let per_state: Vec<String> = totals.iter().map(|(state, n)| format!("{state} {n}")).collect();
    println!("Ideas per state: {}", per_state.join(", "));
    print_register(&register);
    print_jury(&jury);
    println!("Demo accounts (password for all: {DEMO_PASSWORD}):");
    for account in DEMO_ACCOUNTS {
        let roles = Roles::new(account.roles.iter().copied()).to_stored();
        let roles = if roles.is_empty() {
            "citizen".to_owned()
        } else {
            format!("citizen,{roles}")
        };
        println!("  {:<26} {roles}", account.email);
    }
    println!(
        "  {} … {}  citizen ({} demo citizens with profiles and ideas)",
        demo_ideas::citizen_email(1),
        demo_ideas::citizen_email(demo_ideas::CITIZENS),
        demo_ideas::CITIZENS
    );
    println!(
        "  {} … {}  citizen,reviewer (the jury)",
        demo_jury::juror_email(1),
        demo_jury::juror_email(demo_jury::JURY_SIZE)
    );
    println!("Seeded in {:.1} s.", started.elapsed().as_secs_f64());
    Ok(())
}

fn print_register(register: &demo_register::SeededRegister) {
    let total: usize = register.partnerships.values().sum();
    let per_state: Vec<String> = register
        .partnerships
        .iter()
        .map(|(state, n)| format!("{state} {n}"))
        .collect();
    println!(
        "Register: {total} partnerships ({}), dormant by their activity: {}; {} activities; {} networks",
        per_state.join(", "),
        register.dormant.join(", "),
        register.activities,
        register.networks
    );
    if !register.cities_added.is_empty() {
        println!("  cities added for activities: {}", register.cities_added.join(", "));
    }
    for title in &register.ideas_achieved {
        println!("  an activity grew from the selected idea «{title}»");
    }
}

fn print_jury(jury: &demo_jury::SeededJury) {
    let total: usize = jury.reviewers.values().sum();
    let per_organisation: Vec<String> = jury
        .reviewers
        .iter()
        .map(|(organisation, n)| format!("{organisation} {n}"))
        .collect();
    println!("Jury: {total} reviewers ({})", per_organisation.join(", "));
    for call in &jury.calls {
        println!(
            "  {:<62} {:>3} assignments, {:>3} reviews submitted, {} drafts",
            call.title, call.assignments, call.submitted, call.drafts
        );
    }
    let first = &jury.first;
    let alpha = first
        .alpha
        .map_or_else(|| "n/a".to_owned(), |alpha| format!("{alpha:.2}"));
    println!(
        "  first call's ranking: {} of {} ideas change rank when calibrated (by up to {} places); \
         Krippendorff's alpha {alpha}",
        first.moved, first.ideas, first.largest_move
    );
    println!(
        "  of its {n} selected ideas, {} are in the raw top {n} and {} in the calibrated top {n} \
         ({} leave the top {n} when calibrated)",
        first.selected_in_raw_top,
        first.selected_in_calibrated_top,
        first.top_changes,
        n = first.selected
    );
}
