//! `create-user`: the way to make the first admin.

use std::io::BufRead;
use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::Utc;
use clap::Args;
use domain::account::Locale;
use domain::account::{check_password, default_display_name, normalize_display_name, normalize_email};
use domain::roles::{Role, Roles};

use crate::auth::password::PasswordHashing;
use crate::settings::DatabaseArgs;

#[derive(Debug, Args)]
pub struct CreateUserArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    #[arg(long)]
    email: String,
    /// A role beyond citizen: reviewer, staff or admin; repeat for several.
    #[arg(long = "role")]
    roles: Vec<Role>,
    #[arg(long)]
    display_name: Option<String>,
    /// A file whose first line is the password; otherwise it is read from standard input.
    #[arg(long, env = "PASSWORD_FILE")]
    password_file: Option<PathBuf>,
}

fn read_password(file: Option<&PathBuf>) -> anyhow::Result<String> {
    let mut line = String::new();
    match file {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            line = text.lines().next().unwrap_or_default().to_owned();
        }
        None => {
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .context("reading the password from standard input")?;
        }
    }
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}

pub async fn run(args: CreateUserArgs) -> anyhow::Result<()> {
    let email = normalize_email(&args.email);
    if !validator::ValidateEmail::validate_email(&email) {
        bail!("`{}` is not a valid e-mail address", args.email);
    }
    let display_name = match &args.display_name {
        Some(name) => normalize_display_name(name)?,
        None => default_display_name(&email),
    };
    let password = read_password(args.password_file.as_ref())?;
    check_password(&password, &[&email, &display_name])?;
    let db = db::connect(&args.database.prepare_url()?).await?;
    db::migrate(&db).await?;
    if db::users::find_by_email(&db, &email).await?.is_some() {
        bail!("an account with the e-mail address {email} exists already");
    }
    let hash = PasswordHashing::default().hash(password).await?;
    let roles = Roles::new(args.roles);
    let new_user = db::users::NewUser {
        email,
        display_name,
        password_hash: Some(hash),
        roles: roles.clone(),
        locale: Locale::Fa,
        // An admin made on the server's command line: the operator vouches for the address.
        email_verified_at: Some(Utc::now()),
    };
    let user = db::users::insert(&db, new_user, Utc::now()).await?;
    println!(
        "created {} ({}) with roles [{}]",
        user.email,
        user.id,
        roles.to_stored()
    );
    Ok(())
}
