//! `files sweep`: deletes the bytes no live file shows (the scheduler does it every hour; this is for
//! operators, and for tests of what a crash leaves).

use chrono::{TimeDelta, Utc};
use clap::{Args, Subcommand};

use crate::settings::{DatabaseArgs, FileArgs};

#[derive(Debug, Args)]
pub struct FilesArgs {
    #[command(subcommand)]
    command: FilesCommand,
}

#[derive(Debug, Subcommand)]
enum FilesCommand {
    /// Delete the bytes that no live file shows and that no upload claimed within the grace time.
    Sweep {
        #[command(flatten)]
        database: DatabaseArgs,
        #[command(flatten)]
        files: FileArgs,
        /// Overrides FILE_SWEEP_GRACE_SECONDS for this run (0: everything unclaimed now).
        #[arg(long)]
        grace_seconds: Option<i64>,
    },
}

pub async fn run(args: FilesArgs) -> anyhow::Result<()> {
    match args.command {
        FilesCommand::Sweep {
            database,
            files,
            grace_seconds,
        } => {
            let db = db::connect(&database.prepare_url()?).await?;
            let storage = files.storage(&database.data_dir)?;
            let grace = grace_seconds.map_or_else(|| files.sweep_grace(), TimeDelta::seconds);
            let report = app::files::sweep(&db, &storage, grace.max(TimeDelta::zero()), Utc::now()).await?;
            for sha256 in &report.unreferenced {
                println!("deleted {sha256} (no live file shows it)");
            }
            for sha256 in &report.strays {
                println!("deleted {sha256} (never claimed by an upload)");
            }
            println!(
                "swept: {} unreferenced, {} stray",
                report.unreferenced.len(),
                report.strays.len()
            );
        }
    }
    Ok(())
}
