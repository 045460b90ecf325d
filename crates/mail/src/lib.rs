//! Citizen Diplomat's e-mail: a stored notice becomes a message in its reader's language (Persian,
//! right to left, Jalali dates; or English) with a plain-text and an HTML part, sent by SMTP or written
//! to a folder as an .eml file when no mail server is configured. No database: the dispatcher that
//! reads the outbox calls [`Mailer::send`] and uses [`MailError::is_permanent`] to decide on retries.

mod calendar;
mod error;
mod html;
mod links;
mod message;
mod settings;
mod templates;
mod transport;

use chrono::{DateTime, Utc};
use domain::account::Locale;
use domain::notice::Notice;
use lettre::message::Mailbox;
use minijinja::Value;
use minijinja::value::Serde;
use serde_json::{Map as JsonMap, Value as JsonValue};
use uuid::Uuid;

pub use calendar::{JalaliDate, format_date, format_datetime, persian_digits, to_jalali};
pub use error::MailError;
pub use message::{AutoSubmitted, ListUnsubscribe, ListUnsubscribePost};
pub use settings::{MailSettings, Recipient};

use crate::html::Direction;
use crate::links::Links;
use crate::templates::Templates;
use crate::transport::Transport;

/// One message to send: a notice from the outbox, for one person.
#[derive(Debug, Clone, Copy)]
pub struct Outgoing<'a> {
    /// The outbox row's id: the Message-ID is made from it, so a retry is the same message.
    pub id: Uuid,
    pub recipient: &'a Recipient,
    pub notice: &'a Notice,
    /// The one-time token of verify_email, password_reset and reviewer_invitation for a new account.
    pub secret: Option<&'a str>,
    /// Given for kinds the reader may turn off: the List-Unsubscribe headers and the footer's link.
    pub unsubscribe_token: Option<&'a str>,
    /// When the notice was written: the Date header.
    pub created_at: DateTime<Utc>,
}

/// A message's words: its subject and its two parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Renders and sends notices.
#[derive(Debug)]
pub struct Mailer {
    from: Mailbox,
    /// The domain of MAIL_FROM's address: the right-hand side of every Message-ID.
    message_id_host: String,
    link_base: String,
    templates: Templates,
    transport: Transport,
}

impl Mailer {
    /// Checks MAIL_URL, MAIL_FROM and PUBLIC_URL and loads the templates; connects to nothing yet.
    pub fn new(settings: MailSettings) -> Result<Mailer, MailError> {
        let from: Mailbox = settings.from.parse().map_err(|error| {
            MailError::Settings(format!("MAIL_FROM `{}` is not an address: {error}", settings.from))
        })?;
        let message_id_host = from.email.domain().to_owned();
        let link_base = settings::link_base(&settings.public_url);
        if !(link_base.starts_with("https://") || link_base.starts_with("http://")) {
            return Err(MailError::Settings(format!(
                "PUBLIC_URL `{}` must start with http:// or https://",
                settings.public_url
            )));
        }
        let templates = Templates::load(&link_base, settings.time_zone)
            .map_err(|error| MailError::Settings(format!("the mail templates do not load: {error:#}")))?;
        let transport = match settings.url.as_deref().map(str::trim).filter(|url| !url.is_empty()) {
            Some(url) => Transport::smtp(url)?,
            None => Transport::files(settings.drop_dir),
        };
        Ok(Mailer {
            from,
            message_id_host,
            link_base,
            templates,
            transport,
        })
    }

    /// Whether mail really goes out (an SMTP server is configured) rather than into files.
    pub fn delivers(&self) -> bool {
        self.transport.delivers()
    }

    /// The subject and both parts of a message.
    pub fn render(&self, outgoing: &Outgoing<'_>) -> Result<Rendered, MailError> {
        self.render_with_links(outgoing).map(|(rendered, _)| rendered)
    }

    /// The whole e-mail, headers included.
    pub fn message(&self, outgoing: &Outgoing<'_>) -> Result<lettre::Message, MailError> {
        let (rendered, links) = self.render_with_links(outgoing)?;
        let address = outgoing
            .recipient
            .email
            .trim()
            .parse()
            .map_err(|source| MailError::Recipient {
                email: outgoing.recipient.email.clone(),
                source,
            })?;
        let name = outgoing.recipient.name.trim();
        let to = Mailbox::new((!name.is_empty()).then(|| name.to_owned()), address);
        message::assemble(message::Envelope {
            from: &self.from,
            to,
            message_id: self.message_id(outgoing.id),
            date: outgoing.created_at.into(),
            subject: &rendered.subject,
            text: &rendered.text,
            html: &rendered.html,
            one_click_unsubscribe: links.one_click_unsubscribe.as_deref(),
        })
    }

    /// Builds the message and sends it, or writes it to the drop folder when mail is off.
    pub async fn send(&self, outgoing: &Outgoing<'_>) -> Result<(), MailError> {
        let message = self.message(outgoing)?;
        // For the log only: the subject never holds a token.
        let subject = message.headers().get_raw("Subject").unwrap_or_default().to_owned();
        let file_stem = format!("{}-{}", outgoing.created_at.format("%Y%m%dT%H%M%SZ"), outgoing.id);
        if let Some(path) = self.transport.deliver(message, &file_stem).await? {
            tracing::info!(
                to = %outgoing.recipient.email,
                subject = %subject,
                kind = %outgoing.notice.kind(),
                path = %path.display(),
                "mail is off (no MAIL_URL): the message was written to a file"
            );
        }
        Ok(())
    }

    /// `<{outbox id}@{MAIL_FROM's domain}>`: the same on every try, so a receiver can drop a duplicate.
    fn message_id(&self, id: Uuid) -> String {
        format!("<{id}@{}>", self.message_id_host)
    }

    fn render_with_links(&self, outgoing: &Outgoing<'_>) -> Result<(Rendered, Links), MailError> {
        let notice = outgoing.notice;
        let kind = notice.kind();
        let locale = outgoing.recipient.locale;
        let links = Links::for_message(&self.link_base, notice, outgoing.secret, outgoing.unsubscribe_token)?;
        // One line (file and line included), fit for the outbox's last error.
        let failed = |error: minijinja::Error| MailError::Template {
            kind,
            detail: error.to_string(),
        };

        let as_template_error = |error: serde_json::Error| MailError::Template {
            kind,
            detail: error.to_string(),
        };
        let mut fields = match serde_json::to_value(notice).map_err(as_template_error)? {
            JsonValue::Object(fields) => fields,
            _ => JsonMap::new(),
        };
        fields.insert("locale".into(), locale.as_str().into());
        fields.insert("essential".into(), kind.essential().into());
        // When the notice was written: what "your password was changed on …" refers to.
        fields.insert("created_at".into(), outgoing.created_at.to_rfc3339().into());
        let recipient = JsonMap::from_iter([("name".to_owned(), outgoing.recipient.name.trim().into())]);
        fields.insert("recipient".into(), recipient.into());
        fields.insert("links".into(), serde_json::to_value(&links).map_err(as_template_error)?);

        let [subject, body] = self
            .templates
            .render_blocks(
                &templates::message_template(locale, kind),
                &Value::from(Serde(&fields)),
                ["subject", "body"],
            )
            .map_err(failed)?;
        let subject = one_line(&subject);
        if subject.is_empty() {
            return Err(MailError::Template {
                kind,
                detail: "the subject is empty".into(),
            });
        }
        // The frame (greeting, signature, footer) sees everything the message saw, and its body.
        fields.insert("body".into(), tidy(&body).into());
        let [main, footer] = self
            .templates
            .render_blocks(
                &templates::frame_template(locale),
                &Value::from(Serde(&fields)),
                ["main", "footer"],
            )
            .map_err(failed)?;
        let (main, footer) = (tidy(&main), tidy(&footer));

        let text = format!("{main}\n\n-- \n{footer}\n");
        let direction = match locale {
            Locale::Fa => Direction::Rtl,
            Locale::En => Direction::Ltr,
        };
        let our_links = links.all();
        let html = self
            .templates
            .render(
                templates::LAYOUT,
                minijinja::context! {
                    lang => locale.as_str(),
                    dir => direction.as_str(),
                    align => direction.start(),
                    subject => subject.as_str(),
                    content => Value::from_safe_string(html::text_to_html(&main, &our_links, direction)),
                    footer => Value::from_safe_string(html::text_to_html(&footer, &our_links, direction)),
                },
            )
            .map_err(failed)?;
        Ok((Rendered { subject, text, html }, links))
    }
}

/// A subject on one line: a title with a line break must not break the header.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Rendered text without trailing spaces, with at most one blank line in a row and none at either end.
fn tidy(text: &str) -> String {
    let mut tidy = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !tidy.is_empty() {
            tidy.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        tidy.push_str(line);
    }
    tidy
}

#[cfg(test)]
mod tests;
