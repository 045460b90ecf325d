//! Sending one delivery: a signed POST through a client that never follows redirects and whose resolver
//! refuses names that lead to refused addresses, so what was checked is what is connected to.

use std::error::Error as StdError;
use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::CONTENT_TYPE;

use crate::signature::{SecretError, signature_header};
use crate::target::{TargetError, TargetPolicy};

/// How the receiver sees us in its logs.
const USER_AGENT: &str = "CitizenDiplomat-Webhooks/1";

/// How much of an answer's body the delivery log keeps: enough for an error message, never a whole page.
const ANSWER_EXCERPT: usize = 1024;

/// One delivery to make.
#[derive(Clone, Copy)]
pub struct Outgoing<'a> {
    pub url: &'a str,
    /// The message id (webhook-id), the same on every attempt and redelivery of the message.
    pub id: &'a str,
    /// Unix seconds (webhook-timestamp): the time of this attempt.
    pub timestamp: i64,
    /// The JSON body, exactly as signed.
    pub body: &'a str,
    /// The secrets to sign with: the current one first, then the previous one while its overlap lasts.
    /// webhook-signature carries one "v1,..." per secret, separated by a space.
    pub secrets: &'a [String],
}

/// Written by hand so the secrets never reach a log.
impl fmt::Debug for Outgoing<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outgoing")
            .field("url", &self.url)
            .field("id", &self.id)
            .field("timestamp", &self.timestamp)
            .field("body", &self.body)
            .field("secrets", &format_args!("[{} redacted]", self.secrets.len()))
            .finish()
    }
}

/// What the receiver answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    /// At most the first 1,024 bytes of the answer's body, lossily decoded; for the delivery log.
    pub body: String,
    pub duration: Duration,
}

impl Answer {
    /// Whether the receiver took the message (2xx); a 3xx is not, as redirects are not followed.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Why no answer came.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The target is refused: permanent for this URL.
    #[error(transparent)]
    Target(#[from] TargetError),
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    #[error("could not connect: {0}")]
    Connect(String),
    #[error("{0}")]
    Other(String),
}

/// Sends deliveries; one for the process, so connections are pooled.
#[derive(Debug, Clone)]
pub struct Sender {
    client: reqwest::Client,
    policy: TargetPolicy,
    timeout: Duration,
}

impl Sender {
    /// One client for the process: redirects are never followed (a 3xx is an answer, not a success),
    /// `timeout` per attempt (the api will pass 10 s), a User-Agent "CitizenDiplomat-Webhooks/1", and a DNS
    /// resolver (reqwest::dns::Resolve) that resolves with tokio's lookup_host and refuses the name if ANY of its
    /// addresses fails `policy.check_address` — so the check is after DNS resolution and the connection can
    /// only go to an address that was checked (no rebinding between check and connect). A URL whose host is
    /// a literal IP is checked with check_address before any connection is tried (reqwest skips the resolver
    /// for literal IPs). Also run check_url on every send (a URL stored before a policy change).
    pub fn new(policy: TargetPolicy, timeout: Duration) -> Self {
        let client = reqwest::Client::builder()
            // A redirect would lead to a target nobody checked.
            .redirect(reqwest::redirect::Policy::none())
            // A proxy from the environment would resolve the name itself, past our resolver.
            .no_proxy()
            .timeout(timeout)
            .user_agent(USER_AGENT)
            .dns_resolver(Arc::new(CheckingResolver { policy }))
            .build()
            // Fails only when the TLS backend cannot start, which no input influences: a broken build.
            .expect("the webhook HTTP client builds");
        Sender {
            client,
            policy,
            timeout,
        }
    }

    /// POSTs `body` with Content-Type: application/json and the headers webhook-id, webhook-timestamp,
    /// webhook-signature. Returns the answer whatever its status; Err only when no answer came.
    pub async fn send(&self, outgoing: &Outgoing<'_>) -> Result<Answer, SendError> {
        // Checks a literal IP host too, which reqwest connects to without asking the resolver.
        let url = self.policy.check_url(outgoing.url)?;
        let signature = signature_header(outgoing.secrets, outgoing.id, outgoing.timestamp, outgoing.body)?;
        self.post(url, outgoing, signature).await
    }

    /// The request itself, once the URL has passed; names are checked by the resolver from here on.
    pub(crate) async fn post(&self, url: Url, outgoing: &Outgoing<'_>, signature: String) -> Result<Answer, SendError> {
        let started = Instant::now();
        let response = self
            .client
            .post(url)
            .header(CONTENT_TYPE, "application/json")
            .header("webhook-id", outgoing.id)
            .header("webhook-timestamp", outgoing.timestamp.to_string())
            .header("webhook-signature", signature)
            .body(outgoing.body.to_owned())
            .send()
            .await
            .map_err(|error| self.failure(error))?;
        let status = response.status().as_u16();
        let body = excerpt(response).await;
        Ok(Answer {
            status,
            body,
            duration: started.elapsed(),
        })
    }

    /// Sorts a failed request: a refusal by our resolver is found in reqwest's chain of causes, so the
    /// delivery log says which address was refused rather than "error sending request".
    fn failure(&self, error: reqwest::Error) -> SendError {
        let mut cause: Option<&(dyn StdError + 'static)> = Some(&error);
        while let Some(current) = cause {
            if let Some(refusal) = current.downcast_ref::<TargetError>() {
                return SendError::Target(refusal.clone());
            }
            cause = current.source();
        }
        if error.is_timeout() {
            return SendError::Timeout(self.timeout);
        }
        let connect = error.is_connect();
        // The URL may carry the receiver's token in its query; the log has the URL elsewhere.
        let detail = causes(&error.without_url());
        if connect {
            SendError::Connect(detail)
        } else {
            SendError::Other(detail)
        }
    }
}

/// An error and its causes on one line: reqwest's own message alone ("error sending request") hides why.
fn causes(error: &(dyn StdError + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(current) = cause {
        let more = current.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        cause = current.source();
    }
    text
}

/// The start of the answer's body. Reading stops at the limit, so a huge answer costs nothing; a body
/// that fails midway still leaves the status, which is the answer.
async fn excerpt(mut response: reqwest::Response) -> String {
    let mut bytes = Vec::new();
    while bytes.len() < ANSWER_EXCERPT {
        match response.chunk().await {
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            Ok(None) => break,
            Err(error) => {
                tracing::debug!(error = %causes(&error.without_url()), "webhook answer body cut short");
                break;
            }
        }
    }
    decode_excerpt(bytes)
}

/// At most [`ANSWER_EXCERPT`] bytes as text; a character cut in half at the limit is dropped rather than
/// shown as a replacement character.
pub(crate) fn decode_excerpt(mut bytes: Vec<u8>) -> String {
    if bytes.len() > ANSWER_EXCERPT {
        bytes.truncate(ANSWER_EXCERPT);
        if let Err(error) = std::str::from_utf8(&bytes)
            && error.error_len().is_none()
        {
            bytes.truncate(error.valid_up_to());
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// reqwest's resolver hook: resolves with the system resolver and refuses the name when any of its
/// addresses is refused, so a name cannot pass with a public address and connect to a private one.
struct CheckingResolver {
    policy: TargetPolicy,
}

impl Resolve for CheckingResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = self.policy;
        let name = name.as_str().to_owned();
        Box::pin(async move {
            let addresses = resolve_checked(policy, &name).await?;
            Ok(Box::new(addresses.into_iter()) as Addrs)
        })
    }
}

/// The addresses of a name, all of them allowed by the policy, or why not.
pub(crate) async fn resolve_checked(policy: TargetPolicy, name: &str) -> Result<Vec<SocketAddr>, TargetError> {
    // Port 0: reqwest puts the URL's port in.
    let addresses: Vec<SocketAddr> = match tokio::net::lookup_host((name, 0)).await {
        Ok(addresses) => addresses.collect(),
        Err(error) => {
            tracing::debug!(name, %error, "webhook host does not resolve");
            return Err(TargetError::Unresolvable);
        }
    };
    if addresses.is_empty() {
        return Err(TargetError::Unresolvable);
    }
    for address in &addresses {
        if let Err(refusal) = policy.check_address(address.ip()) {
            tracing::warn!(name, address = %address.ip(), "webhook host resolves to a refused address");
            return Err(refusal);
        }
    }
    Ok(addresses)
}
