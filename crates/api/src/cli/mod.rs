//! The `citizen-diplomat` command line: serve, migrate, openapi, create-user and seed.

mod create_user;
mod files;
mod seed;

use clap::{Parser, Subcommand, ValueEnum};
use tracing_subscriber::EnvFilter;

use crate::settings::{DatabaseArgs, ServeArgs};
use crate::startup::Application;

#[derive(Debug, Parser)]
#[command(
    name = "citizen-diplomat",
    version,
    about = "Citizen Diplomat: ideas from citizens with ties abroad, a fair jury, and the register of sister cities."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Log lines as human-readable text or as JSON objects.
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the HTTP server (API, documentation and the built SPA).
    Serve(Box<ServeArgs>),
    /// Apply pending migrations, or with --status list them.
    Migrate {
        #[command(flatten)]
        database: DatabaseArgs,
        /// List the migrations and whether each is applied; change nothing.
        #[arg(long)]
        status: bool,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Create an account; the password is read from PASSWORD_FILE or the first line of standard input.
    CreateUser(create_user::CreateUserArgs),
    /// Fill an empty database with demo content and print the demo accounts.
    Seed(seed::SeedArgs),
    /// Look after the file store.
    Files(files::FilesArgs),
}

fn init_logging(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // try_init: a process that runs several commands (the tests do) keeps the first subscriber.
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    init_logging(cli.log_format);
    match cli.command {
        Command::Serve(args) => {
            let app = Application::build(*args).await?;
            tracing::info!(port = app.port(), "listening");
            app.run_until_stopped().await?;
        }
        Command::Migrate { database, status } => {
            let db = db::connect(&database.prepare_url()?).await?;
            if status {
                for (name, applied) in db::migration_status(&db).await? {
                    println!("{} {name}", if applied { "applied" } else { "pending" });
                }
            } else {
                db::migrate(&db).await?;
                println!("migrations applied");
            }
        }
        Command::Openapi => println!("{}", crate::openapi::document().to_pretty_json()?),
        Command::CreateUser(args) => create_user::run(args).await?,
        Command::Seed(args) => seed::run(args).await?,
        Command::Files(args) => files::run(args).await?,
    }
    Ok(())
}
