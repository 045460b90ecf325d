//! A real SMTP server for the tests: mailin-embedded on a free port of 127.0.0.1, without TLS, keeping
//! every message it accepts. The messages are read back with mail-parser, as a mail client reads them.

use std::net::TcpListener;
use std::sync::atomic::{AtomicU16, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mail_parser::{HeaderValue, MessageParser};
use mailin_embedded::response::{self, Response};
use mailin_embedded::{Handler, Server, SslConfig};

/// A message as the sink received it.
#[derive(Debug, Clone)]
pub struct Received {
    /// The envelope's recipients.
    pub to: Vec<String>,
    pub raw: Vec<u8>,
    /// When the sink accepted it.
    pub at: chrono::DateTime<chrono::Utc>,
}

impl Received {
    fn parsed(&self) -> mail_parser::Message<'_> {
        MessageParser::default().parse(&self.raw).expect("a parsable message")
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }

    pub fn text(&self) -> String {
        self.parsed().body_text(0).map(|t| t.into_owned()).unwrap_or_default()
    }

    pub fn html(&self) -> String {
        self.parsed().body_html(0).map(|t| t.into_owned()).unwrap_or_default()
    }

    pub fn message_id(&self) -> String {
        self.parsed().message_id().unwrap_or_default().to_owned()
    }

    /// A header's raw value, if the message has it.
    pub fn header(&self, name: &str) -> Option<String> {
        let parsed = self.parsed();
        let value = parsed.header(name)?;
        Some(match value {
            HeaderValue::Text(text) => text.to_string(),
            HeaderValue::TextList(list) => list.join(", "),
            HeaderValue::Address(address) => address
                .iter()
                .filter_map(|a| a.address())
                .collect::<Vec<_>>()
                .join(", "),
            other => format!("{other:?}"),
        })
    }

    /// The first link in the text part that starts with `prefix` (a link's own line in our messages).
    pub fn link(&self, prefix: &str) -> Option<String> {
        self.text()
            .split_whitespace()
            .find(|word| word.starts_with(prefix))
            .map(|word| word.trim_end_matches(['.', ')', '>']).to_owned())
    }

    /// The token in a link's fragment or query (`#token=…` / `?token=…`).
    pub fn token(&self, prefix: &str) -> Option<String> {
        let link = self.link(prefix)?;
        let (_, token) = link.split_once("token=")?;
        Some(token.to_owned())
    }
}

/// How the sink answers at the end of a message's data.
const ACCEPT: u16 = 0;

#[derive(Clone)]
struct Sink {
    inbox: Arc<Mutex<Vec<Received>>>,
    /// 0: accept; else the SMTP code to refuse with (451 transient, 550 permanent).
    refuse_with: Arc<AtomicU16>,
    /// Milliseconds to wait before answering each message (a slow server).
    delay_ms: Arc<AtomicU64>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Sink {
    // A refusal comes at RCPT, as a real server refuses an unknown or full mailbox. (mailin's state machine
    // stays in DATA after a refusal at the end of the data, and the client then waits forever.)
    fn rcpt(&mut self, _to: &str) -> Response {
        match self.refuse_with.load(Ordering::SeqCst) {
            ACCEPT => response::OK,
            code if code >= 500 => response::NO_MAILBOX,
            _ => response::INTERNAL_ERROR,
        }
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let delay = self.delay_ms.load(Ordering::SeqCst);
        if delay > 0 {
            std::thread::sleep(Duration::from_millis(delay));
        }
        let received = Received {
            to: std::mem::take(&mut self.to),
            raw: std::mem::take(&mut self.data),
            at: chrono::Utc::now(),
        };
        self.inbox.lock().expect("the inbox").push(received);
        response::OK
    }
}

/// The SMTP server of one test.
pub struct Mailbox {
    port: u16,
    sink: Sink,
}

impl Mailbox {
    pub fn start() -> Mailbox {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port for SMTP");
        let port = listener.local_addr().expect("its address").port();
        let sink = Sink {
            inbox: Arc::default(),
            refuse_with: Arc::default(),
            delay_ms: Arc::default(),
            to: Vec::new(),
            data: Vec::new(),
        };
        let mut server = Server::new(sink.clone());
        server
            .with_name("sink.test")
            // One thread per connection: more than the clients (8 per server, a few servers) ever open, or a
            // connection would wait, unserved, for a thread that an idle pooled connection holds.
            .with_num_threads(64)
            .with_tcp_listener(listener)
            .with_ssl(SslConfig::None)
            .expect("no TLS");
        std::thread::spawn(move || {
            // The server runs until the test process ends; an error here ends the thread, and the test
            // waiting for mail says so.
            if let Err(err) = server.serve() {
                eprintln!("the SMTP sink stopped: {err}");
            }
        });
        Mailbox { port, sink }
    }

    /// MAIL_URL for the server under test.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// How many messages arrived.
    pub fn count(&self) -> usize {
        self.sink.inbox.lock().expect("the inbox").len()
    }

    pub fn all(&self) -> Vec<Received> {
        self.sink.inbox.lock().expect("the inbox").clone()
    }

    /// The messages to this address.
    pub fn to(&self, address: &str) -> Vec<Received> {
        self.all()
            .into_iter()
            .filter(|m| m.to.iter().any(|to| to.eq_ignore_ascii_case(address)))
            .collect()
    }

    /// Waits (up to 20 seconds) until `count` messages to `address` have arrived, and returns them all.
    pub async fn wait_for(&self, address: &str, count: usize) -> Vec<Received> {
        self.wait_until(
            || self.to(address).len() >= count,
            &format!("{count} message(s) to {address}"),
        )
        .await;
        self.to(address)
    }

    /// Waits (up to 20 seconds) until `done` holds.
    pub async fn wait_until(&self, done: impl Fn() -> bool, what: &str) {
        let started = Instant::now();
        while !done() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "waited 20 s for {what}; the sink has {} message(s)",
                self.count()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// From now on, refuse every message with this SMTP code (451 transient, 550 permanent); 0 accepts again.
    pub fn refuse_with(&self, code: u16) {
        self.sink.refuse_with.store(code, Ordering::SeqCst);
    }

    /// From now on, take this long to answer each message.
    pub fn slow_down(&self, delay: Duration) {
        self.sink.delay_ms.store(delay.as_millis() as u64, Ordering::SeqCst);
    }
}
