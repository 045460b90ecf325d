//! Settings of the `serve` command: compiled defaults, then environment variables, then flags.
//! Secrets never appear in Debug output.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, bail};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::TimeDelta;
use clap::Args;
use domain::throttle::ThrottlePolicy;
use ipnet::IpNet;
use rand::RngCore;

pub const MIN_JWT_SECRET_BYTES: usize = 32;
const JWT_SECRET_FILE_NAME: &str = "jwt-secret";
const SQLITE_FILE_NAME: &str = "citizen-diplomat.sqlite3";

/// A secret string: shown as `[redacted]`.
#[derive(Clone)]
pub struct Secret(pub String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_owned()))
    }
}

/// Where the data lives.
#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// Database URL: `postgres://…` or `sqlite://path?mode=rwc`. Default: an SQLite file in the data folder.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// Folder for the embedded SQLite database and the generated JWT secret; created if missing.
    #[arg(long, env = "DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
}

impl DatabaseArgs {
    pub fn is_postgres(&self) -> bool {
        self.database_url
            .as_deref()
            .is_some_and(|url| url.starts_with("postgres:") || url.starts_with("postgresql:"))
    }

    /// The URL to connect to, after creating the folder an SQLite file will live in.
    pub fn prepare_url(&self) -> anyhow::Result<String> {
        match &self.database_url {
            Some(url) if url.starts_with("sqlite:") => {
                let parent = sqlite_path(url).and_then(|p| p.parent().map(Path::to_path_buf));
                if let Some(parent) = parent.filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(&parent)
                        .with_context(|| format!("creating the database folder {}", parent.display()))?;
                }
                Ok(url.clone())
            }
            Some(url) => Ok(url.clone()),
            None => {
                std::fs::create_dir_all(&self.data_dir)
                    .with_context(|| format!("creating the data folder {}", self.data_dir.display()))?;
                Ok(format!(
                    "sqlite://{}?mode=rwc",
                    self.data_dir.join(SQLITE_FILE_NAME).display()
                ))
            }
        }
    }
}

fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// A comma-separated list in one flag or variable; empty items (and an empty variable) are ignored.
#[derive(Debug, Clone, Default)]
pub struct CommaSeparated<T>(pub Vec<T>);

impl<T: FromStr<Err = String>> FromStr for CommaSeparated<T> {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(T::from_str)
            .collect::<Result<_, _>>()
            .map(CommaSeparated)
    }
}

/// A proxy address or network whose X-Forwarded-For and X-Forwarded-Proto are believed.
#[derive(Debug, Clone, Copy)]
pub struct TrustedProxy(pub IpNet);

impl FromStr for TrustedProxy {
    type Err = String;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        value
            .parse::<IpNet>()
            .or_else(|_| value.parse::<std::net::IpAddr>().map(IpNet::from))
            .map(TrustedProxy)
            .map_err(|_| format!("`{value}` is neither an IP address nor a network like 10.0.0.0/8"))
    }
}

/// A browser origin allowed to call the API, like `https://diplomat.example`.
#[derive(Debug, Clone)]
pub struct Origin(pub String);

impl FromStr for Origin {
    type Err = String;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let value = value.trim_end_matches('/');
        let valid = value.starts_with("http://") || value.starts_with("https://");
        valid
            .then(|| Origin(value.to_owned()))
            .ok_or_else(|| format!("`{value}` is not an origin like https://diplomat.example"))
    }
}

#[derive(Debug, Clone, clap::Parser)]
#[command(args_override_self = true)]
pub struct ServeArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Address and port to listen on.
    #[arg(long, env = "LISTEN_ADDR", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Secret for signing access tokens, at least 32 bytes. Required on PostgreSQL; on SQLite one is
    /// generated once and kept in the data folder.
    #[arg(long, env = "JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<Secret>,
    /// A file holding the JWT secret (for container secrets).
    #[arg(long, env = "JWT_SECRET_FILE", conflicts_with = "jwt_secret")]
    pub jwt_secret_file: Option<PathBuf>,
    /// The built SPA, served at / with index.html for every non-API path, when the folder exists.
    #[arg(long, env = "STATIC_DIR", default_value = "frontend/dist")]
    pub static_dir: PathBuf,
    /// Do not apply pending migrations on start.
    #[arg(long, env = "NO_MIGRATE")]
    pub no_migrate: bool,
    /// The office's time zone, which decides day boundaries (IANA name).
    #[arg(long, env = "TIME_ZONE", default_value = "Asia/Tehran")]
    pub time_zone: chrono_tz::Tz,
    /// Months without activity after which a partnership is flagged dormant, whatever its recorded state.
    #[arg(long, env = "DORMANCY_MONTHS", default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=600))]
    pub dormancy_months: u32,
    /// The spread (standard deviation of an idea's review totals, on 0–100) above which the ranking flags
    /// the idea for discussion.
    #[arg(long, env = "DISAGREEMENT_SPREAD", default_value_t = 15.0, value_parser = spread_in_range)]
    pub disagreement_spread: f64,
    /// How strongly the ranking shrinks jurors' offsets towards zero: as if each juror had also given this many
    /// reviews at exactly the idea's quality (`domain::calibration`). Larger trusts jurors' offsets less.
    #[arg(long, env = "OFFSET_SHRINKAGE", default_value_t = domain::ranking::RankingRules::default().offset_shrinkage, value_parser = shrinkage_in_range)]
    pub offset_shrinkage: f64,
    /// Origins allowed to call the API from a browser, comma-separated. CORS is off when empty.
    #[arg(long, env = "CORS_ALLOWED_ORIGINS", default_value = "")]
    pub cors_allowed_origins: CommaSeparated<Origin>,
    /// Proxies whose X-Forwarded-For (the client's address) and X-Forwarded-Proto (HTTPS, for HSTS) are
    /// believed: addresses or networks, comma-separated.
    #[arg(long, env = "TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: CommaSeparated<TrustedProxy>,
    /// The largest request body accepted, in bytes.
    #[arg(long, env = "BODY_LIMIT_BYTES", default_value_t = 1 << 20)]
    pub body_limit_bytes: usize,
    /// Threads that hash passwords (sign-in, registration, password changes); default one per core.
    /// Each hash holds about 19 MiB while it runs.
    #[arg(long, env = "PASSWORD_HASHING_THREADS")]
    pub password_hashing_threads: Option<usize>,
    /// How long a sign-in waits for a hashing thread before it is answered 503 with Retry-After.
    #[arg(long, env = "PASSWORD_HASHING_MAX_WAIT_MS", default_value_t = 10_000)]
    pub password_hashing_max_wait_ms: u64,
    /// HTTP worker threads; default one per core.
    #[arg(long, env = "WORKERS")]
    pub workers: Option<usize>,
    /// Failed logins for one account, within the window, that lock it for a while.
    #[arg(long, env = "LOGIN_MAX_FAILURES_PER_ACCOUNT", default_value_t = 5)]
    pub login_max_failures_per_account: u32,
    /// Failed logins from one client address, within the window, that lock it for a while.
    #[arg(long, env = "LOGIN_MAX_FAILURES_PER_CLIENT", default_value_t = 20)]
    pub login_max_failures_per_client: u32,
    #[arg(long, env = "LOGIN_FAILURE_WINDOW_SECONDS", default_value_t = 900)]
    pub login_failure_window_seconds: i64,
    #[arg(long, env = "LOGIN_LOCKOUT_SECONDS", default_value_t = 900)]
    pub login_lockout_seconds: i64,
    /// Whether staff and admin accounts must have a second factor (TOTP): without one, signing in gives a
    /// session that can only enrol one. On unless turned off (`false`), as for the local demo.
    #[arg(long, env = "REQUIRE_SECOND_FACTOR", default_value_t = true, action = clap::ArgAction::Set)]
    pub require_second_factor: bool,
    /// Whether a new account must confirm its e-mail address (a mailed link) before it submits ideas. On
    /// unless turned off (`false`): then new addresses are trusted as given and no link is mailed.
    #[arg(long, env = "REQUIRE_EMAIL_VERIFICATION", default_value_t = true, action = clap::ArgAction::Set)]
    pub require_email_verification: bool,
    #[command(flatten)]
    pub notices: NoticeArgs,
    #[command(flatten)]
    pub webhooks: WebhookArgs,
    #[command(flatten)]
    pub files: FileArgs,
}

/// Files: where the bytes are kept, how large uploads may be, how long a link opens a file, and the
/// antivirus that looks at each upload.
#[derive(Debug, Clone, clap::Args)]
pub struct FileArgs {
    /// Where files are kept: empty for the local disk under <DATA_DIR>/files, or s3://<bucket> for an
    /// S3-compatible store (with S3_ENDPOINT, S3_REGION and the keys).
    #[arg(long, env = "STORAGE_URL", default_value = "")]
    pub storage_url: String,
    /// The S3 endpoint of a store other than AWS (MinIO, moto…), like https://s3.example:9000.
    #[arg(long, env = "S3_ENDPOINT")]
    pub s3_endpoint: Option<String>,
    #[arg(long, env = "S3_REGION", default_value = "us-east-1")]
    pub s3_region: String,
    #[arg(long, env = "S3_ACCESS_KEY_ID", default_value = "")]
    pub s3_access_key_id: String,
    #[arg(long, env = "S3_SECRET_ACCESS_KEY", hide_env_values = true)]
    pub s3_secret_access_key: Option<Secret>,
    /// A file holding the S3 secret access key (for container secrets).
    #[arg(long, env = "S3_SECRET_ACCESS_KEY_FILE", conflicts_with = "s3_secret_access_key")]
    pub s3_secret_access_key_file: Option<PathBuf>,
    /// Allow an http:// S3 endpoint (a local store in development and tests only).
    #[arg(long, env = "S3_ALLOW_HTTP", default_value_t = false, action = clap::ArgAction::Set)]
    pub s3_allow_http: bool,
    /// The largest file an upload may carry, in bytes.
    #[arg(long, env = "UPLOAD_MAX_FILE_BYTES", default_value_t = 10 * 1024 * 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub upload_max_file_bytes: u64,
    /// The most the live files of one idea (or of one tie abroad) may take together, in bytes.
    #[arg(long, env = "UPLOAD_MAX_IDEA_BYTES", default_value_t = 30 * 1024 * 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub upload_max_idea_bytes: u64,
    /// How long a link handed out for a file opens it, in seconds.
    #[arg(long, env = "FILE_LINK_SECONDS", default_value_t = 300, value_parser = clap::value_parser!(i64).range(1..=86_400))]
    pub file_link_seconds: i64,
    /// How long the sweep leaves bytes that no file shows, after an upload last claimed them.
    #[arg(long, env = "FILE_SWEEP_GRACE_SECONDS", default_value_t = 3600, value_parser = clap::value_parser!(i64).range(0..=31_536_000))]
    pub file_sweep_grace_seconds: i64,
    /// A ClamAV daemon that scans each upload before it is kept: tcp://host:3310 or unix:/path/to/clamd.ctl.
    /// Without one uploads are not scanned, and the readiness answer says so.
    #[arg(long, env = "CLAMAV_URL", default_value = "")]
    pub clamav_url: String,
}

impl FileArgs {
    /// The object store these settings name (`data_dir` holds the local one).
    pub fn storage(&self, data_dir: &std::path::Path) -> anyhow::Result<files::Storage> {
        let config = match self.storage_url.trim() {
            "" => files::StorageConfig::Local {
                root: data_dir.join("files"),
            },
            url => {
                let Some(bucket) = url.strip_prefix("s3://").map(|b| b.trim_end_matches('/')) else {
                    bail!("STORAGE_URL `{url}` is neither empty (the local disk) nor s3://<bucket>");
                };
                if bucket.is_empty() || bucket.contains('/') {
                    bail!("STORAGE_URL `{url}` must name one bucket, like s3://citizen-diplomat");
                }
                let secret = match (&self.s3_secret_access_key, &self.s3_secret_access_key_file) {
                    (Some(secret), _) => secret.0.clone(),
                    (None, Some(file)) => std::fs::read_to_string(file)
                        .with_context(|| format!("reading S3_SECRET_ACCESS_KEY_FILE {}", file.display()))?
                        .trim_end_matches(['\n', '\r'])
                        .to_owned(),
                    (None, None) => String::new(),
                };
                files::StorageConfig::S3 {
                    bucket: bucket.to_owned(),
                    endpoint: self.s3_endpoint.clone(),
                    region: self.s3_region.clone(),
                    access_key_id: self.s3_access_key_id.clone(),
                    secret_access_key: secret,
                    allow_http: self.s3_allow_http,
                }
            }
        };
        files::Storage::new(&config).context("opening the file store")
    }

    /// Where uploads go, with their limits, links and antivirus.
    pub fn store(&self, data_dir: &std::path::Path, secret: &[u8]) -> anyhow::Result<app::files::FileStore> {
        let scanner = match self.clamav_url.trim() {
            "" => None,
            url => Some(files::Scanner::parse(url).with_context(|| format!("CLAMAV_URL `{url}`"))?),
        };
        let temp_dir = data_dir.join("uploads");
        std::fs::create_dir_all(&temp_dir)
            .with_context(|| format!("creating the upload folder {}", temp_dir.display()))?;
        Ok(app::files::FileStore {
            storage: self.storage(data_dir)?,
            scanner,
            limits: app::files::UploadLimits {
                file_bytes: self.upload_max_file_bytes,
                owner_bytes: self.upload_max_idea_bytes,
            },
            links: app::files::LinkSigner::new(secret, TimeDelta::seconds(self.file_link_seconds)),
            temp_dir,
        })
    }

    pub fn sweep_grace(&self) -> TimeDelta {
        TimeDelta::seconds(self.file_sweep_grace_seconds)
    }
}

/// Webhooks: which targets they may reach, how long a receiver has to answer, and when a failing
/// endpoint is switched off. Deliveries share the outbox's pace (OUTBOX_POLL_MS, OUTBOX_BATCH,
/// OUTBOX_LEASE_SECONDS, OUTBOX_CONCURRENCY, NO_DISPATCH).
#[derive(Debug, Clone, clap::Args)]
pub struct WebhookArgs {
    /// Allow http:// endpoints on loopback addresses (127.0.0.0/8, ::1, localhost). For development and
    /// tests only: in production every endpoint must be https on a public address.
    #[arg(long, env = "WEBHOOK_ALLOW_LOOPBACK", default_value_t = false, action = clap::ArgAction::Set)]
    pub webhook_allow_loopback: bool,
    /// How long a receiver has to answer one delivery.
    #[arg(long, env = "WEBHOOK_TIMEOUT_SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=60))]
    pub webhook_timeout_seconds: u64,
    /// An endpoint is switched off after this many failed attempts in a row…
    #[arg(long, env = "WEBHOOK_DISABLE_AFTER_FAILURES", default_value_t = domain::webhook::DISABLE_AFTER_FAILURES, value_parser = clap::value_parser!(i32).range(1..))]
    pub webhook_disable_after_failures: i32,
    /// …that went on for at least this many hours (0: as soon as the count is reached).
    #[arg(long, env = "WEBHOOK_DISABLE_AFTER_HOURS", default_value_t = domain::webhook::DISABLE_AFTER.num_hours(), value_parser = clap::value_parser!(i64).range(0..=8760))]
    pub webhook_disable_after_hours: i64,
}

/// Notifications: where e-mail goes, the links' base, and the pace of the dispatcher and the clock.
#[derive(Debug, Clone, clap::Args)]
pub struct NoticeArgs {
    /// The SMTP server, like smtp://user:password@mail.example:587?tls=required or smtps://mail.example.
    /// Without one, each message is written as an .eml file under <DATA_DIR>/mail and its subject logged.
    #[arg(long, env = "MAIL_URL", hide_env_values = true)]
    pub mail_url: Option<String>,
    #[arg(long, env = "MAIL_FROM", default_value = "Citizen Diplomat <no-reply@localhost>")]
    pub mail_from: String,
    /// Where people open the SPA: the base of every link in a message.
    #[arg(long, env = "PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    pub public_url: Origin,
    /// Days before a call's review ends when reviewers with pending reviews are reminded (0: the last day).
    #[arg(long, env = "REVIEW_REMINDER_DAYS", default_value = "7,2,0")]
    pub review_reminder_days: CommaSeparated<Days>,
    /// The office's hour from which each day's staff digest is written.
    #[arg(long, env = "DIGEST_HOUR", default_value_t = 8, value_parser = clap::value_parser!(u32).range(0..=23))]
    pub digest_hour: u32,
    /// How often the dispatcher looks for due messages when it found none.
    #[arg(long, env = "OUTBOX_POLL_MS", default_value_t = 500)]
    pub outbox_poll_ms: u64,
    /// How many messages the dispatcher takes at once.
    #[arg(long, env = "OUTBOX_BATCH", default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub outbox_batch: u64,
    /// How many messages one process sends at once (connections to the mail server).
    #[arg(long, env = "OUTBOX_CONCURRENCY", default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub outbox_concurrency: u64,
    /// How long a dispatcher holds the messages it took; a process that died leaves them to others after it.
    #[arg(long, env = "OUTBOX_LEASE_SECONDS", default_value_t = 600, value_parser = clap::value_parser!(i64).range(1..))]
    pub outbox_lease_seconds: i64,
    /// How often the clock's notices (reminders, digests) are looked for.
    #[arg(long, env = "SCHEDULER_INTERVAL_SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub scheduler_interval_seconds: u64,
    /// Queue notices but deliver none from this process (another process, or a benchmark, does).
    #[arg(long, env = "NO_DISPATCH")]
    pub no_dispatch: bool,
}

/// A number of days in a list (`7,2,0`).
#[derive(Debug, Clone, Copy)]
pub struct Days(pub u64);

impl FromStr for Days {
    type Err = String;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        value
            .parse::<u64>()
            .ok()
            .filter(|days| *days <= 365)
            .map(Days)
            .ok_or_else(|| format!("`{value}` is not a number of days from 0 to 365"))
    }
}

impl ServeArgs {
    pub fn throttle_policy(&self, max_failures: u32) -> ThrottlePolicy {
        ThrottlePolicy {
            max_failures: max_failures.max(1),
            window: TimeDelta::seconds(self.login_failure_window_seconds.max(1)),
            lockout: TimeDelta::seconds(self.login_lockout_seconds.max(1)),
        }
    }

    /// The signing secret. On PostgreSQL (many processes, one secret) it must be given; on SQLite
    /// one is made once and kept in the data folder, so tokens survive restarts.
    pub fn jwt_secret(&self) -> anyhow::Result<Vec<u8>> {
        let given = match (&self.jwt_secret, &self.jwt_secret_file) {
            (Some(secret), _) => Some(secret.0.clone()),
            (None, Some(file)) => Some(
                std::fs::read_to_string(file)
                    .with_context(|| format!("reading JWT_SECRET_FILE {}", file.display()))?
                    .trim_end_matches(['\n', '\r'])
                    .to_owned(),
            ),
            (None, None) => None,
        };
        let hint = "make one with `openssl rand -base64 48` and pass it as JWT_SECRET (or JWT_SECRET_FILE)";
        match given {
            Some(secret) if secret.len() >= MIN_JWT_SECRET_BYTES => Ok(secret.into_bytes()),
            Some(secret) => bail!(
                "the JWT secret has {} bytes; it needs at least {MIN_JWT_SECRET_BYTES}: {hint}",
                secret.len()
            ),
            None if self.database.is_postgres() => {
                bail!("on PostgreSQL a JWT secret of at least {MIN_JWT_SECRET_BYTES} bytes is required: {hint}")
            }
            None => self.stored_jwt_secret(),
        }
    }

    fn stored_jwt_secret(&self) -> anyhow::Result<Vec<u8>> {
        let path = self.database.data_dir.join(JWT_SECRET_FILE_NAME);
        if let Ok(secret) = std::fs::read_to_string(&path) {
            let secret = secret.trim().to_owned();
            if secret.len() >= MIN_JWT_SECRET_BYTES {
                return Ok(secret.into_bytes());
            }
            bail!(
                "{} holds a secret shorter than {MIN_JWT_SECRET_BYTES} bytes; delete it to make a new one",
                path.display()
            );
        }
        std::fs::create_dir_all(&self.database.data_dir)
            .with_context(|| format!("creating the data folder {}", self.database.data_dir.display()))?;
        let mut bytes = [0u8; 48];
        rand::rng().fill_bytes(&mut bytes);
        let secret = URL_SAFE_NO_PAD.encode(bytes);
        write_private(&path, &secret).with_context(|| format!("writing {}", path.display()))?;
        tracing::info!(path = %path.display(), "generated a JWT secret for this SQLite installation");
        Ok(secret.into_bytes())
    }
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

/// A disagreement threshold: a number of points on the 0–100 scale of review totals.
fn spread_in_range(text: &str) -> Result<f64, String> {
    let value: f64 = text.parse().map_err(|_| format!("`{text}` is not a number"))?;
    if value.is_finite() && (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err("the disagreement spread is between 0 and 100 points".to_owned())
    }
}

fn shrinkage_in_range(text: &str) -> Result<f64, String> {
    let value: f64 = text.parse().map_err(|_| format!("`{text}` is not a number"))?;
    if value.is_finite() && value > 0.0 && value <= 1000.0 {
        Ok(value)
    } else {
        Err("the offset shrinkage is above 0 and at most 1000 reviews".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    fn args(extra: &[&str]) -> ServeArgs {
        let mut argv = vec!["serve"];
        argv.extend_from_slice(extra);
        ServeArgs::parse_from(argv)
    }

    #[test]
    fn secrets_are_redacted_in_debug_output() {
        let parsed = args(&["--jwt-secret", "a-very-secret-value-of-enough-length"]);
        assert!(!format!("{parsed:?}").contains("a-very-secret"));
    }

    #[test]
    fn short_secrets_are_refused_with_a_hint() {
        let err = args(&["--jwt-secret", "short"])
            .jwt_secret()
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("openssl rand")));
    }

    #[test]
    fn postgres_requires_a_secret() {
        let parsed = args(&["--database-url", "postgres://localhost/x"]);
        assert!(parsed.jwt_secret().is_err());
    }

    #[test]
    fn trusted_proxies_accept_addresses_and_networks() {
        let parsed = args(&["--trusted-proxies", "10.0.0.0/8, 192.0.2.1,"]);
        assert_eq!(parsed.trusted_proxies.0.len(), 2);
        assert!(args(&["--trusted-proxies", ""]).trusted_proxies.0.is_empty());
        assert!(ServeArgs::try_parse_from(["serve", "--trusted-proxies", "proxy.local"]).is_err());
    }

    #[test]
    fn sqlite_paths_are_read_from_urls() {
        assert_eq!(
            sqlite_path("sqlite://data/x.db?mode=rwc"),
            Some(PathBuf::from("data/x.db"))
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
    }
}
