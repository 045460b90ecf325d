//! What the mailer is told by its operator, and who a message goes to.

use std::path::PathBuf;

use chrono_tz::Tz;
use domain::account::Locale;

/// How and from where mail goes.
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// MAIL_URL: `smtp://host:port`, `smtp://user:pass@host:587?tls=required`, `smtps://…`.
    /// None: messages are written as .eml files to `drop_dir` instead of being sent.
    pub url: Option<String>,
    /// MAIL_FROM, e.g. `Citizen Diplomat <no-reply@diplomacy.isfahan.ir>`.
    pub from: String,
    /// PUBLIC_URL: the base of every link (a trailing slash is ignored).
    pub public_url: String,
    /// Where .eml files go when `url` is None.
    pub drop_dir: PathBuf,
    /// The office's zone: dates and times in messages are shown in it.
    pub time_zone: Tz,
}

/// The person a message is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    pub name: String,
    pub locale: Locale,
}

/// PUBLIC_URL without the trailing slash, so that links are `{base}/path`.
pub(crate) fn link_base(public_url: &str) -> String {
    public_url.trim().trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_base_has_no_trailing_slash() {
        assert_eq!(link_base("https://example.org/"), "https://example.org");
        assert_eq!(link_base("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
    }
}
