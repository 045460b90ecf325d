//! Where a message goes: an SMTP server, or a folder of .eml files when no server is configured
//! (development, demos, an office without mail yet).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use lettre::transport::smtp::AsyncSmtpTransportBuilder;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::error::MailError;

/// How long one SMTP conversation step may take before the try counts as failed (and is retried).
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

pub(crate) enum Transport {
    Smtp {
        builder: AsyncSmtpTransportBuilder,
        /// Built on first use: lettre's connection pool spawns its clean-up task at once, which needs a
        /// Tokio runtime, and `Mailer::new` may run before one exists.
        transport: OnceLock<AsyncSmtpTransport<Tokio1Executor>>,
    },
    Files {
        dir: PathBuf,
    },
}

impl std::fmt::Debug for Transport {
    // The builder holds the SMTP password: never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Transport::Smtp { .. } => f.write_str("Transport::Smtp"),
            Transport::Files { dir } => f.debug_struct("Transport::Files").field("dir", dir).finish(),
        }
    }
}

impl Transport {
    /// An SMTP transport from MAIL_URL, checked now and connected on the first message.
    pub fn smtp(url: &str) -> Result<Transport, MailError> {
        // lettre's message for a bad URL never repeats the URL, so the password stays out of logs.
        let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|error| MailError::Settings(format!("MAIL_URL cannot be used: {error}")))?
            .timeout(Some(SMTP_TIMEOUT));
        Ok(Transport::Smtp {
            builder,
            transport: OnceLock::new(),
        })
    }

    pub fn files(dir: PathBuf) -> Transport {
        Transport::Files { dir }
    }

    pub fn delivers(&self) -> bool {
        matches!(self, Transport::Smtp { .. })
    }

    /// Sends the message, or writes it to `<dir>/<file_stem>.eml` and returns that path.
    pub async fn deliver(&self, message: Message, file_stem: &str) -> Result<Option<PathBuf>, MailError> {
        match self {
            Transport::Smtp { builder, transport } => {
                let transport = transport.get_or_init(|| builder.clone().build());
                transport.send(message).await?;
                Ok(None)
            }
            Transport::Files { dir } => write_eml(dir, file_stem, &message.formatted()).await.map(Some),
        }
    }
}

/// Writes the file whole or not at all (a temporary name, then a rename), so a reader of the folder
/// never sees half a message. The same stem again (a retry) replaces the file.
async fn write_eml(dir: &Path, file_stem: &str, bytes: &[u8]) -> Result<PathBuf, MailError> {
    let failed = |path: &Path| {
        let path = path.to_owned();
        move |source| MailError::Write { path, source }
    };
    tokio::fs::create_dir_all(dir).await.map_err(failed(dir))?;
    let path = dir.join(format!("{file_stem}.eml"));
    let partial = dir.join(format!(".{file_stem}.eml.partial"));
    tokio::fs::write(&partial, bytes).await.map_err(failed(&partial))?;
    tokio::fs::rename(&partial, &path).await.map_err(failed(&path))?;
    Ok(path)
}
