//! Where the bytes live: a folder on this machine or an S3 bucket, through `object_store`.
//!
//! Bytes are content-addressed (`blobs/<sha256 hex>`): the same upload twice is stored once, and a
//! name never reaches a path. Which file rows point at which blob is the database's business.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use futures::StreamExt;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::signer::{Method, SignedUrlOptions, Signer};
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use tokio::io::AsyncReadExt;

/// Folder (or key prefix) holding the blobs.
const BLOBS: &str = "blobs";

/// Size of one multipart part: S3 wants at least 5 MiB for all but the last.
const PART_SIZE: usize = 5 * 1024 * 1024;

/// Parts uploaded at once; with [`PART_SIZE`] this bounds the memory of one upload.
const PART_CONCURRENCY: usize = 2;

/// Read size from the source file.
const READ_CHUNK: usize = 256 * 1024;

/// Where to keep the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageConfig {
    /// A folder on this machine (created when missing).
    Local { root: PathBuf },
    /// An S3 bucket; `endpoint` for S3-compatible stores (MinIO, moto), path-style requests.
    S3 {
        bucket: String,
        endpoint: Option<String>,
        region: String,
        access_key_id: String,
        secret_access_key: String,
        allow_http: bool,
    },
}

/// Why a storage operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// A blob name that is not 64 lowercase hex digits: refused so no path can be smuggled in.
    #[error("not a SHA-256 hex digest: {0:?}")]
    InvalidSha256(String),
    /// The configuration cannot give a working store.
    #[error("storage configuration: {0}")]
    Config(String),
    /// Reading the local source file failed.
    #[error("reading the file to store failed: {0}")]
    Io(#[from] std::io::Error),
    /// The store answered with an error or not at all.
    #[error("storage: {0}")]
    Store(#[from] object_store::Error),
}

/// One stored blob, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBlob {
    pub sha256: String,
    pub size: u64,
    pub last_modified: DateTime<Utc>,
}

#[derive(Debug)]
enum Backend {
    Local { store: Arc<LocalFileSystem>, root: PathBuf },
    S3(Arc<AmazonS3>),
}

/// The blob store; cheap to clone.
#[derive(Debug, Clone)]
pub struct Storage {
    backend: Arc<Backend>,
}

/// Whether `s` is a SHA-256 digest as we write them: 64 lowercase hex digits.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn blob_path(sha256: &str) -> Result<ObjectPath, StorageError> {
    if is_sha256_hex(sha256) {
        Ok(ObjectPath::from(format!("{BLOBS}/{sha256}")))
    } else {
        Err(StorageError::InvalidSha256(sha256.to_owned()))
    }
}

/// rustls needs one process-wide crypto provider; we use ring (no C build). Someone else may have
/// installed one already, which is fine. rustls 0.23.48 deprecates ring's provider only because it
/// lacks post-quantum key exchange, which S3 clients do not need yet; aws-lc-rs would add a slow C
/// build.
#[allow(deprecated)]
fn install_crypto_provider() {
    let _already_installed = rustls::crypto::ring::default_provider().install_default();
}

impl Storage {
    /// Opens the store. For a local folder it is created when missing.
    pub fn new(config: &StorageConfig) -> Result<Storage, StorageError> {
        let backend = match config {
            StorageConfig::Local { root } => {
                std::fs::create_dir_all(root.join(BLOBS))?;
                let root = std::fs::canonicalize(root)?;
                let store = LocalFileSystem::new_with_prefix(&root)?.with_fsync(true);
                Backend::Local {
                    store: Arc::new(store),
                    root,
                }
            }
            StorageConfig::S3 {
                bucket,
                endpoint,
                region,
                access_key_id,
                secret_access_key,
                allow_http,
            } => {
                if bucket.is_empty() {
                    return Err(StorageError::Config("the S3 bucket name is empty".into()));
                }
                install_crypto_provider();
                let mut builder = AmazonS3Builder::new()
                    .with_bucket_name(bucket)
                    .with_region(region)
                    .with_allow_http(*allow_http)
                    .with_virtual_hosted_style_request(false);
                // Without keys object_store falls back to the instance's role (web identity,
                // container or instance metadata credentials).
                if !access_key_id.is_empty() || !secret_access_key.is_empty() {
                    builder = builder
                        .with_access_key_id(access_key_id)
                        .with_secret_access_key(secret_access_key);
                }
                if let Some(endpoint) = endpoint.as_deref().filter(|e| !e.is_empty()) {
                    builder = builder.with_endpoint(endpoint);
                }
                let store = builder.build().map_err(|e| StorageError::Config(e.to_string()))?;
                Backend::S3(Arc::new(store))
            }
        };
        Ok(Storage {
            backend: Arc::new(backend),
        })
    }

    fn store(&self) -> &dyn ObjectStore {
        match &*self.backend {
            Backend::Local { store, .. } => store.as_ref(),
            Backend::S3(store) => store.as_ref(),
        }
    }

    /// Whether the bytes are on this machine (then links are served by us, not pre-signed).
    pub fn is_local(&self) -> bool {
        matches!(&*self.backend, Backend::Local { .. })
    }

    /// `"local"` or `"s3"`, for readiness reports.
    pub fn kind(&self) -> &'static str {
        if self.is_local() { "local" } else { "s3" }
    }

    /// Stores the file at `source` as blob `sha256`, streamed in parts so it is never whole in
    /// memory. A local store writes a temporary file and renames it, so a reader never sees half a
    /// blob; S3 only shows the object once the multipart upload completes.
    pub async fn put(&self, sha256: &str, source: &Path) -> Result<(), StorageError> {
        let location = blob_path(sha256)?;
        let mut file = tokio::fs::File::open(source).await?;
        let upload = self.store().put_multipart(&location).await?;
        let mut writer = WriteMultipart::new_with_chunk_size(upload, PART_SIZE);
        let mut buf = vec![0u8; READ_CHUNK];
        loop {
            let n = match file.read(&mut buf).await {
                Ok(n) => n,
                Err(e) => {
                    let _ = writer.abort().await;
                    return Err(e.into());
                }
            };
            if n == 0 {
                break;
            }
            if let Err(e) = writer.wait_for_capacity(PART_CONCURRENCY).await {
                let _ = writer.abort().await;
                return Err(e.into());
            }
            writer.write(&buf[..n]);
        }
        writer.finish().await?;
        Ok(())
    }

    /// Stores small bytes (a preview) in one request.
    pub async fn put_bytes(&self, sha256: &str, bytes: Vec<u8>) -> Result<(), StorageError> {
        let location = blob_path(sha256)?;
        self.store().put(&location, PutPayload::from(bytes)).await?;
        Ok(())
    }

    /// Reads small bytes (a preview) whole.
    pub async fn get_bytes(&self, sha256: &str) -> Result<Vec<u8>, StorageError> {
        let location = blob_path(sha256)?;
        let bytes = self.store().get(&location).await?.bytes().await?;
        Ok(bytes.to_vec())
    }

    /// Whether blob `sha256` is stored.
    pub async fn exists(&self, sha256: &str) -> Result<bool, StorageError> {
        let location = blob_path(sha256)?;
        match self.store().head(&location).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Removes blob `sha256`; a blob already gone is success.
    pub async fn delete(&self, sha256: &str) -> Result<(), StorageError> {
        let location = blob_path(sha256)?;
        match self.store().delete(&location).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// All stored blobs (anything under `blobs/` not named like one is skipped).
    pub async fn list(&self) -> Result<Vec<StoredBlob>, StorageError> {
        let prefix = ObjectPath::from(BLOBS);
        let mut stream = self.store().list(Some(&prefix));
        let mut blobs = Vec::new();
        while let Some(meta) = stream.next().await {
            let meta = meta?;
            let mut parts = meta.location.parts();
            let (Some(first), Some(name), None) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            if first.as_ref() != BLOBS || !is_sha256_hex(name.as_ref()) {
                continue;
            }
            blobs.push(StoredBlob {
                sha256: name.as_ref().to_owned(),
                size: meta.size,
                last_modified: meta.last_modified,
            });
        }
        Ok(blobs)
    }

    /// A pre-signed S3 link to blob `sha256` that answers with the given `Content-Type` and
    /// `Content-Disposition`; `None` for a local store, whose links the application signs itself.
    pub async fn presigned_get(
        &self,
        sha256: &str,
        content_type: &str,
        disposition: &str,
        expires_in: Duration,
    ) -> Result<Option<String>, StorageError> {
        let location = blob_path(sha256)?;
        let Backend::S3(store) = &*self.backend else {
            return Ok(None);
        };
        let options = SignedUrlOptions::new().with_query([
            ("response-content-type", content_type),
            ("response-content-disposition", disposition),
        ]);
        let url = store
            .signed_url_opts(Method::GET, &location, expires_in, &options)
            .await?;
        Ok(Some(url.to_string()))
    }

    /// The file holding blob `sha256` for a local store (`<root>/blobs/<sha256>`), else `None`.
    /// `None` too for an invalid digest.
    pub fn local_path(&self, sha256: &str) -> Option<PathBuf> {
        match &*self.backend {
            Backend::Local { root, .. } if is_sha256_hex(sha256) => Some(root.join(BLOBS).join(sha256)),
            _ => None,
        }
    }

    /// A cheap request that shows the store answers (one list page of `blobs/`).
    pub async fn check(&self) -> Result<(), StorageError> {
        if let Backend::Local { root, .. } = &*self.backend {
            let blobs = root.join(BLOBS);
            let meta = tokio::fs::metadata(&blobs).await?;
            if !meta.is_dir() {
                return Err(StorageError::Config(format!("{} is not a folder", blobs.display())));
            }
        }
        let prefix = ObjectPath::from(BLOBS);
        let mut stream = self.store().list(Some(&prefix));
        match stream.next().await {
            None | Some(Ok(_)) => Ok(()),
            Some(Err(e)) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    fn sha(bytes: &[u8]) -> String {
        format!("{:x}", Sha256::digest(bytes))
    }

    #[test]
    fn digest_validation() {
        assert!(is_sha256_hex(&sha(b"x")));
        assert!(!is_sha256_hex(&sha(b"x").to_uppercase()));
        assert!(!is_sha256_hex("../../etc/passwd"));
        assert!(!is_sha256_hex(&format!("{}/", &sha(b"x")[..63])));
        assert!(!is_sha256_hex(""));
    }

    #[tokio::test]
    async fn local_store_round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("files");
        let storage = Storage::new(&StorageConfig::Local { root: root.clone() }).expect("storage");
        assert!(storage.is_local());
        assert_eq!(storage.kind(), "local");
        storage.check().await.expect("check");
        assert!(storage.list().await.expect("list").is_empty());

        // A source bigger than one part, so the multipart path really has parts.
        let content: Vec<u8> = (0..(PART_SIZE * 2 + 12345)).map(|i| (i % 251) as u8).collect();
        let digest = sha(&content);
        let source = dir.path().join("upload");
        std::fs::write(&source, &content).expect("write source");

        assert!(!storage.exists(&digest).await.expect("exists"));
        storage.put(&digest, &source).await.expect("put");
        assert!(storage.exists(&digest).await.expect("exists"));

        let path = storage.local_path(&digest).expect("local path");
        assert_eq!(
            path,
            std::fs::canonicalize(&root).expect("canon").join("blobs").join(&digest)
        );
        assert_eq!(std::fs::read(&path).expect("read blob"), content);

        let preview = b"small preview".to_vec();
        let preview_digest = sha(&preview);
        storage
            .put_bytes(&preview_digest, preview.clone())
            .await
            .expect("put bytes");

        // Junk in the folder is not listed as a blob.
        std::fs::write(root.join("blobs").join("not-a-blob.txt"), b"x").expect("junk");

        let mut listed = storage.list().await.expect("list");
        listed.sort_by_key(|b| b.size);
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].sha256, preview_digest);
        assert_eq!(listed[0].size, preview.len() as u64);
        assert_eq!(listed[1].sha256, digest);
        assert_eq!(listed[1].size, content.len() as u64);

        assert_eq!(
            storage
                .presigned_get(&digest, "application/pdf", "attachment", Duration::from_secs(60))
                .await
                .expect("presign"),
            None
        );

        storage.delete(&digest).await.expect("delete");
        assert!(!storage.exists(&digest).await.expect("exists"));
        storage.delete(&digest).await.expect("deleting twice is fine");
        assert_eq!(storage.list().await.expect("list").len(), 1);
    }

    #[tokio::test]
    async fn refuses_bad_digests() {
        let dir = tempfile::tempdir().expect("tempdir");
        let storage = Storage::new(&StorageConfig::Local {
            root: dir.path().to_owned(),
        })
        .expect("storage");
        for bad in ["../x", "", "ABC", &"a".repeat(65)] {
            assert!(matches!(storage.exists(bad).await, Err(StorageError::InvalidSha256(_))));
            assert!(matches!(
                storage.put_bytes(bad, vec![]).await,
                Err(StorageError::InvalidSha256(_))
            ));
            assert!(matches!(storage.delete(bad).await, Err(StorageError::InvalidSha256(_))));
            assert_eq!(storage.local_path(bad), None);
        }
    }

    /// Runs against a real S3-compatible server (moto) when `TEST_S3_ENDPOINT` is set, e.g.
    /// `TEST_S3_ENDPOINT=http://127.0.0.1:5055`, in a bucket of its own that it creates.
    #[tokio::test]
    async fn s3_round_trip() {
        let Ok(endpoint) = std::env::var("TEST_S3_ENDPOINT") else {
            eprintln!("SKIPPED: set TEST_S3_ENDPOINT to run the S3 test");
            return;
        };
        let bucket = format!("files-test-{}", std::process::id());
        // Our reqwest has TLS without a provider of its own: the store installs one, and so does the test.
        install_crypto_provider();
        // moto takes an unsigned bucket creation.
        let created = reqwest::Client::new()
            .put(format!("{}/{bucket}", endpoint.trim_end_matches('/')))
            .send()
            .await
            .expect("create the bucket");
        assert!(created.status().is_success(), "{}", created.status());
        let storage = Storage::new(&StorageConfig::S3 {
            bucket,
            endpoint: Some(endpoint),
            region: "us-east-1".into(),
            access_key_id: "testing".into(),
            secret_access_key: "testing".into(),
            allow_http: true,
        })
        .expect("storage");
        assert!(!storage.is_local());
        storage.check().await.expect("check");

        let dir = tempfile::tempdir().expect("tempdir");
        let content: Vec<u8> = (0..(PART_SIZE + 1000)).map(|i| (i % 241) as u8).collect();
        let digest = sha(&content);
        let source = dir.path().join("upload");
        std::fs::write(&source, &content).expect("write source");

        storage.put(&digest, &source).await.expect("put");
        assert!(storage.exists(&digest).await.expect("exists"));
        assert!(
            storage
                .list()
                .await
                .expect("list")
                .iter()
                .any(|b| b.sha256 == digest && b.size == content.len() as u64)
        );
        assert_eq!(storage.local_path(&digest), None);

        let disposition = crate::content_disposition(crate::DispositionKind::Attachment, "طرح همکاری \"نهایی\".pdf");
        let url = storage
            .presigned_get(&digest, "application/pdf", &disposition, Duration::from_secs(300))
            .await
            .expect("presign")
            .expect("an S3 link");
        eprintln!("presigned: {url}");
        // The store is asked to answer with our type and name: the signed query carries both (moto
        // itself ignores them, AWS and MinIO honour them).
        let parsed = reqwest::Url::parse(&url).expect("a URL");
        let query: std::collections::HashMap<String, String> = parsed.query_pairs().into_owned().collect();
        assert_eq!(query.get("response-content-disposition"), Some(&disposition));
        assert_eq!(
            query.get("response-content-type").map(String::as_str),
            Some("application/pdf")
        );
        assert!(query.contains_key("X-Amz-Signature"), "{url}");
        let response = reqwest::get(&url).await.expect("GET presigned");
        assert_eq!(response.status(), 200, "{url}");
        assert_eq!(response.bytes().await.expect("body").as_ref(), content);

        storage.delete(&digest).await.expect("delete");
        assert!(!storage.exists(&digest).await.expect("exists"));
        storage.delete(&digest).await.expect("deleting twice is fine");
    }
}
