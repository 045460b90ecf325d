//! A 100 MB upload in flat memory, on both storages: the upload is streamed to the server from a generator
//! (1 MiB at a time; the test never holds the file), and the server, running in this process, must not grow by
//! anything like the file's size while it receives, hashes, checks and stores it.
//!
//! The server is in-process, so its memory is the test process's (VmHWM and VmRSS in /proc/self/status). Other
//! tests running at the same time in other threads would blur that figure, so the measuring test runs in a
//! process of its own: the test binary starts itself again (`current_exe() --exact
//! files_large::child_upload --ignored --nocapture`) with FILES_LARGE_CHILD naming the storage, as
//! tests/api/crash.rs does. Without the variable the ignored test does nothing.

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use futures_util::StreamExt as _;
use reqwest::StatusCode;

use crate::files::{created, draft_idea, idea_files};
use crate::files_fixtures::{LargePdf, pdf};
use crate::helpers::*;

const CHILD_ENV: &str = "FILES_LARGE_CHILD";
const MIB: u64 = 1024 * 1024;
/// The file: 100 MiB of content stream in a valid PDF.
const SIZE: u64 = 100 * MIB;
/// How much the process may grow while the server takes the file: well under the file's size.
const GROWTH_LIMIT_MIB: u64 = 40;

#[tokio::test]
async fn a_100_mb_upload_keeps_the_servers_memory_flat_on_the_local_folder() {
    in_a_process_of_its_own("local");
}

#[tokio::test]
async fn a_100_mb_upload_keeps_the_servers_memory_flat_on_s3() {
    if test_service("TEST_S3_ENDPOINT", "the S3 test server (moto)").is_none() {
        return;
    }
    // The database plays no part in how the bytes travel: on PostgreSQL the local folder's run is enough,
    // and CI's time goes to the rest.
    if on_postgres() {
        println!("SKIPPED on PostgreSQL: the 100 MB upload to S3 runs with the SQLite suite");
        return;
    }
    in_a_process_of_its_own("s3");
}

/// Runs `child_upload` alone in a new process of this test binary, and fails if it fails.
fn in_a_process_of_its_own(storage: &str) {
    let exe = std::env::current_exe().expect("the test binary's path");
    let test = format!(
        "{}::child_upload",
        module_path!().split_once("::").map_or("", |(_, m)| m)
    );
    let output = Command::new(exe)
        .args([&test, "--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, storage)
        .output()
        .expect("the child test runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "the 100 MB upload on {storage} failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("1 passed"), "the child ran its test:\n{stdout}");
}

/// Samples VmRSS every few milliseconds until stopped: the highest value seen, in KiB.
struct Sampler {
    stop: Arc<AtomicBool>,
    peak: Arc<AtomicU64>,
    thread: std::thread::JoinHandle<()>,
}

impl Sampler {
    fn start() -> Sampler {
        let stop = Arc::new(AtomicBool::new(false));
        let peak = Arc::new(AtomicU64::new(own_memory_kib("VmRSS")));
        let thread = {
            let (stop, peak) = (stop.clone(), peak.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    peak.fetch_max(own_memory_kib("VmRSS"), Ordering::Relaxed);
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
            })
        };
        Sampler { stop, peak, thread }
    }

    fn finish(self) -> u64 {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.thread.join();
        self.peak.load(Ordering::Relaxed)
    }
}

#[tokio::test]
#[ignore = "started by the 100 MB tests in a process of its own"]
async fn child_upload() {
    let Ok(storage) = std::env::var(CHILD_ENV) else { return };
    let storage = if storage == "s3" { Storage::S3 } else { Storage::Local };
    let limit = (SIZE + 10 * MIB).to_string();
    let flags = ["--upload-max-file-bytes", &limit, "--upload-max-idea-bytes", &limit];
    let app = spawn_app_on_storage(storage, &flags)
        .await
        .expect("the storage's test server");
    let (_staff, citizen, idea) = draft_idea(&app).await;
    // A small upload first, so that the first-use costs of the upload path are not counted.
    created(
        app.upload(&idea_files(&idea), Some(&citizen), "warm-up.pdf", pdf(None), &[])
            .await,
    )
    .await;

    let large = LargePdf::new(SIZE);
    let length = large.len();
    let baseline = own_memory_kib("VmRSS");
    let peak_reset = reset_peak_memory();
    let sampler = Sampler::start();
    let started = Instant::now();
    let response = app
        .upload_stream(
            &idea_files(&idea),
            Some(&citizen),
            "گزارش بزرگ.pdf",
            length,
            large.stream(MIB),
            &[],
        )
        .await;
    let took = started.elapsed();
    let status = response.status();
    let body = response.text().await.expect("a body");
    let sampled = sampler.finish();
    let high_water = if peak_reset { own_memory_kib("VmHWM") } else { 0 };
    let peak = sampled.max(high_water);
    let growth_mib = peak.saturating_sub(baseline) / 1024;
    println!(
        "100 MB upload on {storage:?}: {status} in {:.1} s; resident {} MiB before, peak {} MiB (sampled {} MiB, \
         VmHWM {}), growth {growth_mib} MiB",
        took.as_secs_f64(),
        baseline / 1024,
        peak / 1024,
        sampled / 1024,
        if peak_reset {
            format!("{} MiB", high_water / 1024)
        } else {
            "not reset".to_owned()
        },
    );
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let file: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(file["size"], length);
    assert_eq!(file["contentType"], "application/pdf");
    assert!(
        growth_mib < GROWTH_LIMIT_MIB,
        "the server grew by {growth_mib} MiB while taking a {} MiB file (limit {GROWTH_LIMIT_MIB} MiB)",
        length / MIB
    );

    // The stored file is the one sent, byte for byte (read as a stream, compared piece by piece).
    let large = LargePdf::new(SIZE);
    let link = app
        .content_location(file["id"].as_str().expect("id"), "content", Some(&citizen))
        .await;
    let response = app.open_link(&link, &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let mut stream = response.bytes_stream();
    let mut offset = 0u64;
    while let Some(piece) = stream.next().await {
        let piece = piece.expect("the download goes on");
        let end = offset + piece.len() as u64;
        assert!(
            piece.as_ref() == large.range(offset, end).as_slice(),
            "bytes {offset}..{end} differ"
        );
        offset = end;
    }
    assert_eq!(offset, length, "the whole file came back");
}

#[tokio::test]
async fn a_body_announced_over_the_limit_is_refused_before_it_is_read() {
    let app = spawn_app().await;
    let (_staff, citizen, idea) = draft_idea(&app).await;
    let large = LargePdf::new(SIZE);
    let length = large.len();
    let started = Instant::now();
    let response = app
        .upload_stream(
            &idea_files(&idea),
            Some(&citizen),
            "big.pdf",
            length,
            large.stream(MIB),
            &[],
        )
        .await;
    assert_problem(response, 413, "file_too_large").await;
    let took = started.elapsed();
    assert!(
        took.as_secs() < 10,
        "refused at once, not after reading 100 MB: {took:?}"
    );
    let list = app.file_list(&idea_files(&idea), Some(&citizen)).await;
    assert_eq!(list["total"], 0);
}
