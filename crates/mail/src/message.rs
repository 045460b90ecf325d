//! The e-mail itself: headers and the two alternative parts.

use std::time::SystemTime;

use lettre::Message;
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};

use crate::error::MailError;

type HeaderParseError = Box<dyn std::error::Error + Send + Sync>;

/// `Auto-Submitted: auto-generated` (RFC 3834): out-of-office replies and other robots stay quiet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoSubmitted(String);

impl AutoSubmitted {
    pub fn auto_generated() -> AutoSubmitted {
        AutoSubmitted("auto-generated".to_owned())
    }
}

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(text: &str) -> Result<Self, HeaderParseError> {
        Ok(AutoSubmitted(text.trim().to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe: <url>` (RFC 2369), the URL a mail client posts to (RFC 8058).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListUnsubscribe(pub String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(text: &str) -> Result<Self, HeaderParseError> {
        let url = text
            .trim()
            .strip_prefix('<')
            .and_then(|rest| rest.strip_suffix('>'))
            .ok_or("List-Unsubscribe is not <url>")?;
        Ok(ListUnsubscribe(url.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): unsubscribing is one POST, no page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(text: &str) -> Result<Self, HeaderParseError> {
        if text.trim() == "List-Unsubscribe=One-Click" {
            Ok(ListUnsubscribePost)
        } else {
            Err("List-Unsubscribe-Post is not List-Unsubscribe=One-Click".into())
        }
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// What a message is made of, once rendered.
pub(crate) struct Envelope<'m> {
    pub from: &'m Mailbox,
    pub to: Mailbox,
    pub message_id: String,
    pub date: SystemTime,
    pub subject: &'m str,
    pub text: &'m str,
    pub html: &'m str,
    pub one_click_unsubscribe: Option<&'m str>,
}

pub(crate) fn assemble(envelope: Envelope<'_>) -> Result<Message, MailError> {
    let mut builder = Message::builder()
        .from(envelope.from.clone())
        .to(envelope.to)
        .subject(envelope.subject)
        .date(envelope.date)
        .message_id(Some(envelope.message_id))
        .header(AutoSubmitted::auto_generated());
    if let Some(url) = envelope.one_click_unsubscribe {
        builder = builder
            .header(ListUnsubscribe(url.to_owned()))
            .header(ListUnsubscribePost);
    }
    let body = MultiPart::alternative_plain_html(envelope.text.to_owned(), envelope.html.to_owned());
    Ok(builder.multipart(body)?)
}
