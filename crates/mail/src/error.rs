//! What can go wrong with a message, and whether trying again may help.

use std::path::PathBuf;

use domain::notice::NoticeKind;
use lettre::transport::smtp;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// MAIL_URL, MAIL_FROM or PUBLIC_URL cannot be used (found at start-up).
    #[error("mail settings: {0}")]
    Settings(String),
    /// A template does not render this notice: a bug or a payload that does not fit it.
    #[error("the {kind} message does not render: {detail}")]
    Template { kind: NoticeKind, detail: String },
    /// The notice's link needs its one-time token and none was given.
    #[error("the {0} message needs its one-time token and none was given")]
    MissingSecret(NoticeKind),
    /// The recipient's address is not one a message can go to.
    #[error("the recipient address `{email}` is not valid: {source}")]
    Recipient {
        email: String,
        source: lettre::address::AddressError,
    },
    /// lettre refused to assemble the message.
    #[error("the message cannot be built: {0}")]
    Build(#[from] lettre::error::Error),
    /// The mail server refused the message or could not be reached.
    #[error("SMTP: {0}")]
    Smtp(#[from] smtp::Error),
    /// The message could not be written to the drop folder.
    #[error("cannot write the message to {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// SMTP codes that are "permanent" by their first digit but say the server refuses *us* (no or wrong
/// credentials, TLS needed): the same message goes once the operator fixes the settings.
const SETTINGS_REFUSALS: [&str; 4] = ["530", "534", "535", "538"];

impl MailError {
    /// Whether sending this message again can never succeed, so the dispatcher should stop trying.
    /// Connection failures, time-outs, 4xx answers and a full disk are worth another try.
    pub fn is_permanent(&self) -> bool {
        match self {
            MailError::Settings(_)
            | MailError::Template { .. }
            | MailError::MissingSecret(_)
            | MailError::Recipient { .. }
            | MailError::Build(_) => true,
            MailError::Smtp(error) => {
                error.is_permanent()
                    && !error
                        .status()
                        .is_some_and(|code| SETTINGS_REFUSALS.contains(&code.to_string().as_str()))
            }
            MailError::Write { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_problems_are_permanent_and_io_is_not() {
        assert!(MailError::MissingSecret(NoticeKind::VerifyEmail).is_permanent());
        let write = MailError::Write {
            path: PathBuf::from("/nowhere"),
            source: std::io::Error::other("disk full"),
        };
        assert!(!write.is_permanent());
    }
}
