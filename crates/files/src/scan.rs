//! Virus scanning with a ClamAV daemon (clamd), before an upload is stored.
//!
//! The file is streamed to clamd with `INSTREAM` (clamd needs no access to our files), in chunks of
//! 64 KiB framed with their length, through the `clamav-client` crate.

use std::path::{Path, PathBuf};
use std::time::Duration;

use clamav_client::tokio::{Socket, Tcp};

/// Longest wait for one scan or ping, connection included.
pub const SCAN_TIMEOUT: Duration = Duration::from_secs(60);

/// Chunk size sent to clamd (its protocol allows any; 64 KiB keeps memory small).
const CHUNK: usize = 64 * 1024;

/// Where clamd listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scanner {
    /// `tcp://host:port`
    Tcp(String),
    /// `unix:/path/to/clamd.sock`
    Unix(PathBuf),
}

/// What clamd said about a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Clean,
    /// The signature name, e.g. `Eicar-Test-Signature`.
    Infected(String),
}

/// Why a scan gave no verdict.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("not a ClamAV address (want tcp://host:port or unix:/path): {0:?}")]
    InvalidUrl(String),
    #[error("talking to clamd failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("clamd did not answer within {} seconds", SCAN_TIMEOUT.as_secs())]
    Timeout,
    /// clamd could not scan (for example the stream passed its `StreamMaxLength`).
    #[error("clamd reported an error: {0}")]
    Daemon(String),
    #[error("unexpected answer from clamd: {0:?}")]
    Unexpected(String),
}

impl Scanner {
    /// Parses `tcp://host:port` or `unix:/path` (also `unix:///path`).
    pub fn parse(url: &str) -> Result<Scanner, ScanError> {
        let invalid = || ScanError::InvalidUrl(url.to_owned());
        if let Some(address) = url.strip_prefix("tcp://") {
            let address = address.trim_end_matches('/');
            let (host, port) = address.rsplit_once(':').ok_or_else(invalid)?;
            if host.is_empty() || port.parse::<u16>().map_or(true, |p| p == 0) {
                return Err(invalid());
            }
            return Ok(Scanner::Tcp(address.to_owned()));
        }
        if let Some(path) = url.strip_prefix("unix:") {
            let path = path.strip_prefix("//").unwrap_or(path);
            if !path.starts_with('/') {
                return Err(invalid());
            }
            return Ok(Scanner::Unix(PathBuf::from(path)));
        }
        Err(invalid())
    }

    /// Streams the file at `path` to clamd and reads its verdict.
    pub async fn scan(&self, path: &Path) -> Result<Verdict, ScanError> {
        let reply = with_timeout(async {
            match self {
                Scanner::Tcp(address) => {
                    let connection = Tcp {
                        host_address: address.as_str(),
                    };
                    clamav_client::tokio::scan_file(path, connection, Some(CHUNK)).await
                }
                Scanner::Unix(socket) => {
                    let connection = Socket {
                        socket_path: socket.as_path(),
                    };
                    clamav_client::tokio::scan_file(path, connection, Some(CHUNK)).await
                }
            }
        })
        .await?;
        parse_reply(&reply)
    }

    /// Whether clamd answers `PONG` (for readiness checks).
    pub async fn ping(&self) -> Result<(), ScanError> {
        let reply = with_timeout(async {
            match self {
                Scanner::Tcp(address) => {
                    let connection = Tcp {
                        host_address: address.as_str(),
                    };
                    clamav_client::tokio::ping(connection).await
                }
                Scanner::Unix(socket) => {
                    let connection = Socket {
                        socket_path: socket.as_path(),
                    };
                    clamav_client::tokio::ping(connection).await
                }
            }
        })
        .await?;
        match reply_text(&reply).as_str() {
            "PONG" => Ok(()),
            other => Err(ScanError::Unexpected(other.to_owned())),
        }
    }
}

async fn with_timeout<F>(future: F) -> Result<Vec<u8>, ScanError>
where
    F: Future<Output = std::io::Result<Vec<u8>>>,
{
    match tokio::time::timeout(SCAN_TIMEOUT, future).await {
        Ok(reply) => Ok(reply?),
        Err(_) => Err(ScanError::Timeout),
    }
}

/// The reply without its NUL terminator (the `z` commands end replies with NUL) or line end.
fn reply_text(reply: &[u8]) -> String {
    String::from_utf8_lossy(reply)
        .trim_end_matches(['\0', '\n', '\r'])
        .trim()
        .to_owned()
}

/// `stream: OK`, `stream: <name> FOUND`, or `<message> ERROR`.
fn parse_reply(reply: &[u8]) -> Result<Verdict, ScanError> {
    let text = reply_text(reply);
    let body = text.strip_prefix("stream:").map(str::trim).unwrap_or(&text);
    if body == "OK" {
        return Ok(Verdict::Clean);
    }
    if let Some(name) = body.strip_suffix(" FOUND") {
        return Ok(Verdict::Infected(name.trim().to_owned()));
    }
    if let Some(message) = body.strip_suffix("ERROR") {
        return Err(ScanError::Daemon(message.trim().to_owned()));
    }
    Err(ScanError::Unexpected(text))
}

#[cfg(test)]
mod tests;
