//! Stored files for Citizen Diplomat (issue 19): where the bytes live, taking an upload off the
//! wire, deciding its type from its bytes, removing image locations, finding a document's author,
//! image previews, safe display names and ClamAV scanning.
//!
//! No database and no HTTP server here: the application decides who sees what.

mod kind;
mod metadata;
mod name;
mod preview;
mod receive;
mod scan;
mod storage;

pub use kind::{FileType, sniff};
pub use metadata::{author_field, strip_location};
pub use name::{DispositionKind, MAX_NAME_CHARS, content_disposition, sanitise_name};
pub use preview::{PREVIEW_MAX_SIDE, Preview, preview};
pub use receive::{ReceiveError, Received, hash_file, receive};
pub use scan::{SCAN_TIMEOUT, ScanError, Scanner, Verdict};
pub use storage::{Storage, StorageConfig, StorageError, StoredBlob, is_sha256_hex};

#[cfg(test)]
mod send_checks {
    //! The application may run these on a multi-threaded runtime (the scheduler's sweep).
    use super::*;
    use std::path::Path;

    fn is_send<T: Send>(_: &T) {}

    #[allow(dead_code)]
    fn futures_are_send(storage: &Storage, scanner: &Scanner, path: &Path) {
        is_send(&storage.put("", path));
        is_send(&storage.put_bytes("", vec![]));
        is_send(&storage.exists(""));
        is_send(&storage.delete(""));
        is_send(&storage.list());
        is_send(&storage.check());
        is_send(&storage.presigned_get("", "", "", std::time::Duration::ZERO));
        is_send(&scanner.scan(path));
        is_send(&scanner.ping());
        is_send(&hash_file(path));
    }
}
