//! `seed --demo`: fills a new database with the demo (the `demo` crate) and prints what it holds.

use std::time::Instant;

use chrono::Utc;
use clap::Args;

use crate::auth::password::PasswordHashing;
use crate::settings::{DatabaseArgs, FileArgs};

/// The demo accounts' shared password; printed by the command, never used outside demo data.
pub const DEMO_PASSWORD: &str = "demo-password-1405";

#[derive(Debug, Args)]
pub struct SeedArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    /// Where the demo's files go: the same settings as the server's, so that it finds them.
    #[command(flatten)]
    files: FileArgs,
    /// Fill the database with demo content (the only kind of seed there is).
    #[arg(long, required = true)]
    demo: bool,
    /// Succeed without change when the database has content already (instead of refusing).
    #[arg(long)]
    if_empty: bool,
}

pub async fn run(args: SeedArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let db = db::connect(&args.database.prepare_url()?).await?;
    db::migrate(&db).await?;
    if args.if_empty && db::users::count(&db).await? > 0 {
        println!("the database has content already; nothing seeded");
        return Ok(());
    }
    // One hash for all the demo accounts: argon2 is slow on purpose, and a hash per account would take most
    // of the seed's time.
    let hash = PasswordHashing::default().hash(DEMO_PASSWORD.to_owned()).await?;
    // The demo's files are added as uploads are, into the store the server reads. The key that signs links
    // to files does not matter here: the use case makes links for what it returns, and the seed hands none
    // out; the server signs its own with its own secret.
    let store = args
        .files
        .store(&args.database.data_dir, b"seed --demo: links are never handed out")?;
    let seeded = demo::seed(&db, &store, &hash, Utc::now()).await?;
    print!("{}", seeded.summary(DEMO_PASSWORD));
    println!("Seeded in {:.1} s.", started.elapsed().as_secs_f64());
    Ok(())
}
