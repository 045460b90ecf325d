//! Taking an upload off the wire into a temporary file.
//!
//! The body is written to disk as it arrives, hashed and counted on the way, so a large upload never
//! sits in memory and an oversized one is cut off as soon as it passes the limit.

use std::io;
use std::path::Path;

use bytes::Bytes;
use futures::{Stream, StreamExt};
use sha2::{Digest, Sha256};
use tempfile::TempPath;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Read size when hashing a file already on disk.
const HASH_CHUNK: usize = 64 * 1024;

/// An upload safely on disk.
#[derive(Debug)]
pub struct Received {
    /// The temporary file; removed when dropped unless persisted.
    pub file: TempPath,
    /// SHA-256 of the bytes, lowercase hex.
    pub sha256: String,
    /// Number of bytes.
    pub size: u64,
}

/// Why an upload could not be received.
#[derive(Debug, thiserror::Error)]
pub enum ReceiveError<E> {
    /// The body passed the limit; nothing is left on disk.
    #[error("the upload is larger than {limit} bytes")]
    TooLarge { limit: u64 },
    /// The incoming stream failed (client went away, malformed multipart, …).
    #[error("reading the upload failed: {0}")]
    Stream(E),
    /// Writing the temporary file failed.
    #[error("writing the upload to a temporary file failed: {0}")]
    Io(#[from] io::Error),
}

/// Writes `stream` to a new temporary file in `dir`, hashing and counting as it goes.
///
/// Stops with [`ReceiveError::TooLarge`] as soon as more than `limit` bytes arrived and removes
/// the partial file. The stream is polled in place (not spawned), so it need not be `Send`.
pub async fn receive<S, E>(mut stream: S, dir: &Path, limit: u64) -> Result<Received, ReceiveError<E>>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
{
    let dir = dir.to_owned();
    let (file, path) = tokio::task::spawn_blocking(move || {
        tempfile::Builder::new()
            .prefix("upload-")
            .tempfile_in(dir)
            .map(tempfile::NamedTempFile::into_parts)
    })
    .await
    .map_err(io::Error::other)??;
    // From here on dropping `path` removes the file, on every early return.
    let mut file = tokio::fs::File::from_std(file);
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;

    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(ReceiveError::Stream)?;
        size = size.saturating_add(chunk.len() as u64);
        if size > limit {
            drop(file);
            drop(path);
            return Err(ReceiveError::TooLarge { limit });
        }
        hasher.update(&chunk);
        file.write_all(&chunk).await?;
    }
    file.flush().await?;
    file.sync_all().await?;

    Ok(Received {
        file: path,
        sha256: format!("{:x}", hasher.finalize()),
        size,
    })
}

/// SHA-256 (lowercase hex) and size of a file, read in chunks.
pub async fn hash_file(path: &Path) -> io::Result<(String, u64)> {
    let mut file = tokio::fs::File::open(path).await?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; HASH_CHUNK];
    let mut size: u64 = 0;
    loop {
        let n = file.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((format!("{:x}", hasher.finalize()), size))
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::stream;

    const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    fn chunks(parts: &[&'static [u8]]) -> impl Stream<Item = Result<Bytes, String>> + Unpin {
        stream::iter(parts.iter().map(|p| Ok(Bytes::from_static(p))).collect::<Vec<_>>())
    }

    fn files_in(dir: &Path) -> usize {
        std::fs::read_dir(dir).expect("read dir").count()
    }

    #[tokio::test]
    async fn writes_hashes_and_counts() {
        let dir = tempfile::tempdir().expect("tempdir");
        let received = receive(chunks(&[b"hello ", b"world"]), dir.path(), 100)
            .await
            .expect("receive");
        assert_eq!(received.size, 11);
        assert_eq!(
            received.sha256,
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
        );
        assert_eq!(std::fs::read(&received.file).expect("read"), b"hello world");
        assert_eq!(
            hash_file(&received.file).await.expect("hash"),
            (received.sha256.clone(), 11)
        );
        let path = received.file.to_path_buf();
        drop(received);
        assert!(!path.exists(), "dropping the TempPath removes the file");
    }

    #[tokio::test]
    async fn empty_upload() {
        let dir = tempfile::tempdir().expect("tempdir");
        let received = receive(chunks(&[]), dir.path(), 0).await.expect("receive");
        assert_eq!(received.size, 0);
        assert_eq!(received.sha256, EMPTY_SHA256);
    }

    #[tokio::test]
    async fn exactly_the_limit_is_fine() {
        let dir = tempfile::tempdir().expect("tempdir");
        let received = receive(chunks(&[b"12345", b"67890"]), dir.path(), 10)
            .await
            .expect("receive");
        assert_eq!(received.size, 10);
    }

    #[tokio::test]
    async fn stops_past_the_limit_and_cleans_up() {
        let dir = tempfile::tempdir().expect("tempdir");
        let endless = stream::repeat_with(|| Ok::<_, String>(Bytes::from(vec![7u8; 1000])));
        let err = receive(endless, dir.path(), 10_000).await.expect_err("too large");
        assert!(matches!(err, ReceiveError::TooLarge { limit: 10_000 }));
        assert_eq!(files_in(dir.path()), 0);
    }

    #[tokio::test]
    async fn stream_errors_clean_up() {
        let dir = tempfile::tempdir().expect("tempdir");
        let failing = stream::iter(vec![
            Ok(Bytes::from_static(b"part")),
            Err("connection reset".to_owned()),
        ]);
        let err = receive(failing, dir.path(), 100).await.expect_err("stream error");
        assert_eq!(err.to_string(), "reading the upload failed: connection reset");
        assert_eq!(files_in(dir.path()), 0);
    }

    #[tokio::test]
    async fn accepts_a_stream_that_is_not_send() {
        let dir = tempfile::tempdir().expect("tempdir");
        let marker = std::rc::Rc::new(());
        let not_send = stream::iter(vec![Ok::<_, String>(Bytes::from_static(b"x"))]).map(move |item| {
            let _keep = &marker;
            item
        });
        let received = receive(not_send, dir.path(), 1).await.expect("receive");
        assert_eq!(received.size, 1);
    }
}
