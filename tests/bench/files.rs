//! Files: upload and download throughput, and the server's memory during a 100 MB upload, against the real
//! server binary as a child process on the local folder (a fresh SQLite file and data folder).
//!
//! Each upload is a valid PDF made on the fly in 1 MiB pieces (the bench never holds a file whole), sent as
//! multipart/form-data to a partnership's records by a staff account (staff's records have no owner budget),
//! one at a time and then four at once; each download streams the file's signed link to the end. The server's
//! resident memory (VmRSS) is sampled every 5 ms from /proc while each upload runs, and its peak (VmHWM, reset
//! before each upload through /proc/PID/clear_refs where the kernel allows it) is read after.
//!
//! Usage: cargo run --release -p integration-tests --example bench_files -- <server-binary>
//! `make bench-files` builds the release server and runs it; figures in docs/benchmarks/files.md.

#[path = "../api/files_fixtures.rs"]
#[allow(dead_code)]
mod files_fixtures;

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures_util::StreamExt as _;
use serde_json::{Value, json};

use files_fixtures::LargePdf;

const PASSWORD: &str = "bench password 1405";
const EMAIL: &str = "bench-staff@example.org";
const MIB: u64 = 1024 * 1024;
/// The sizes uploaded one at a time, in MiB, and how often each.
const SIZES: [(u64, usize); 4] = [(1, 20), (10, 5), (50, 2), (100, 2)];
/// The concurrent round: this many uploads of this many MiB at once.
const CONCURRENT: (usize, u64) = (4, 25);

/// Kills the server when the bench ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn status_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|kib| kib.parse().ok())
        })
        .unwrap_or(0)
}

/// Samples the server's VmRSS every 5 ms until finished: the highest value, in KiB.
struct Sampler {
    stop: Arc<AtomicBool>,
    peak: Arc<AtomicU64>,
    thread: std::thread::JoinHandle<()>,
}

impl Sampler {
    fn start(pid: u32) -> Sampler {
        let stop = Arc::new(AtomicBool::new(false));
        let peak = Arc::new(AtomicU64::new(status_kib(pid, "VmRSS")));
        let thread = {
            let (stop, peak) = (stop.clone(), peak.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    peak.fetch_max(status_kib(pid, "VmRSS"), Ordering::Relaxed);
                    std::thread::sleep(Duration::from_millis(5));
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

struct Bench {
    client: reqwest::Client,
    base: String,
    token: String,
    path: String,
    pid: u32,
}

/// What one upload measured.
struct Upload {
    id: String,
    seconds: f64,
    rss_before_kib: u64,
    rss_peak_kib: u64,
}

impl Bench {
    /// Uploads a PDF of `mib` MiB (the `n`th, so that no two share bytes) and measures it.
    async fn upload(&self, mib: u64, n: u64, measure: bool) -> anyhow::Result<Upload> {
        // A different filler length gives different bytes: no upload is deduplicated into another.
        let large = LargePdf::new(mib * MIB - n);
        let length = large.len();
        let part = reqwest::multipart::Part::stream_with_length(reqwest::Body::wrap_stream(large.stream(MIB)), length)
            .file_name(format!("report-{mib}-{n}.pdf"))
            .mime_str("application/pdf")?;
        let form = reqwest::multipart::Form::new().part("file", part);
        let rss_before_kib = status_kib(self.pid, "VmRSS");
        let reset = measure && std::fs::write(format!("/proc/{}/clear_refs", self.pid), "5").is_ok();
        let sampler = measure.then(|| Sampler::start(self.pid));
        let started = Instant::now();
        let response = self
            .client
            .post(format!("{}{}", self.base, self.path))
            .bearer_auth(&self.token)
            .multipart(form)
            .send()
            .await?;
        let status = response.status();
        let body = response.text().await?;
        let seconds = started.elapsed().as_secs_f64();
        let sampled = sampler.map_or(0, Sampler::finish);
        let high_water = if reset { status_kib(self.pid, "VmHWM") } else { 0 };
        anyhow::ensure!(status.as_u16() == 201, "upload of {mib} MiB: {status} {body}");
        let file: Value = serde_json::from_str(&body)?;
        anyhow::ensure!(file["size"] == length, "the size of {mib} MiB: {}", file["size"]);
        Ok(Upload {
            id: file["id"].as_str().unwrap_or_default().to_owned(),
            seconds,
            rss_before_kib,
            rss_peak_kib: sampled.max(high_water),
        })
    }

    /// Downloads a file through `/files/{id}/content` and its signed link to the end: (bytes, seconds).
    async fn download(&self, id: &str) -> anyhow::Result<(u64, f64)> {
        let started = Instant::now();
        let redirect = self
            .client
            .get(format!("{}/api/v1/files/{id}/content", self.base))
            .bearer_auth(&self.token)
            .send()
            .await?;
        anyhow::ensure!(redirect.status().as_u16() == 302, "content: {}", redirect.status());
        let location = redirect
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let url = if location.starts_with("http") {
            location
        } else {
            format!("{}{location}", self.base)
        };
        let response = self.client.get(url).send().await?;
        anyhow::ensure!(response.status().as_u16() == 200, "download: {}", response.status());
        let mut stream = response.bytes_stream();
        let mut bytes = 0u64;
        while let Some(piece) = stream.next().await {
            bytes += piece?.len() as u64;
        }
        Ok((bytes, started.elapsed().as_secs_f64()))
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let binary = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: bench_files <server-binary>"))?;
    let data = tempfile::tempdir()?;
    let data_dir = data.path().to_str().unwrap_or("data").to_owned();
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let password_file = data.path().join("password");
    std::fs::write(&password_file, PASSWORD)?;
    let created = Command::new(&binary)
        .args([
            "create-user",
            "--email",
            EMAIL,
            "--role",
            "staff",
            "--data-dir",
            &data_dir,
            "--password-file",
        ])
        .arg(&password_file)
        .stdout(Stdio::null())
        .status()?;
    anyhow::ensure!(created.success(), "create-user failed");
    let limit = (200 * MIB).to_string();
    let server = Server(
        Command::new(&binary)
            .args(["serve", "--data-dir", &data_dir, "--static-dir", "/nonexistent"])
            .args(["--require-second-factor", "false"])
            .args(["--upload-max-file-bytes", &limit, "--upload-max-idea-bytes", &limit])
            .env("LISTEN_ADDR", format!("127.0.0.1:{port}"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()?,
    );
    let pid = server.0.id();
    let base = format!("http://127.0.0.1:{port}");
    // The content endpoint's 302 is read, not followed: the signed link is fetched as a browser would.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let started = Instant::now();
    while client.get(format!("{base}/api/health/ready")).send().await.is_err() {
        anyhow::ensure!(started.elapsed() < Duration::from_secs(30), "the server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let login: Value = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({ "email": EMAIL, "password": PASSWORD }))
        .send()
        .await?
        .json()
        .await?;
    let token = login["accessToken"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no token: {login}"))?
        .to_owned();
    let city: Value = client
        .post(format!("{base}/api/v1/cities"))
        .bearer_auth(&token)
        .json(&json!({ "name": { "fa": "بارسلون", "en": "Barcelona" }, "country": "ES" }))
        .send()
        .await?
        .json()
        .await?;
    let partnership: Value = client
        .post(format!("{base}/api/v1/partnerships"))
        .bearer_auth(&token)
        .json(&json!({ "cityId": city["id"], "kind": "sister_city", "state": "active", "signedOn": "2000-03-01" }))
        .send()
        .await?
        .json()
        .await?;
    let path = format!(
        "/api/v1/partnerships/{}/files",
        partnership["id"].as_str().unwrap_or_default()
    );
    let bench = Bench {
        client,
        base,
        token,
        path,
        pid,
    };

    // A first upload and download pay the first-use costs.
    let warm = bench.upload(1, 0, false).await?;
    bench.download(&warm.id).await?;
    let idle_kib = status_kib(pid, "VmRSS");
    println!("server idle after a first upload: {} MiB resident\n", idle_kib / 1024);

    println!(
        "| file MiB | uploads | upload MB/s (median) | download MB/s (median) | RSS before MiB | RSS peak MiB | growth MiB |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut n = 1;
    for (mib, times) in SIZES {
        let (mut up, mut down) = (Vec::new(), Vec::new());
        let (mut before, mut peak) = (u64::MAX, 0u64);
        for _ in 0..times {
            let upload = bench.upload(mib, n, true).await?;
            n += 1;
            let bytes = (mib * MIB) as f64;
            up.push(bytes / 1e6 / upload.seconds);
            let (got, seconds) = bench.download(&upload.id).await?;
            anyhow::ensure!(got + 1 >= mib * MIB, "downloaded {got} bytes of {mib} MiB");
            down.push(got as f64 / 1e6 / seconds);
            before = before.min(upload.rss_before_kib);
            peak = peak.max(upload.rss_peak_kib);
        }
        println!(
            "| {mib} | {times} | {:.0} | {:.0} | {} | {} | {} |",
            median(&mut up),
            median(&mut down),
            before / 1024,
            peak / 1024,
            peak.saturating_sub(before) / 1024
        );
    }

    // Four uploads at once.
    let (count, mib) = CONCURRENT;
    let bench = Arc::new(bench);
    let before = status_kib(pid, "VmRSS");
    let sampler = Sampler::start(pid);
    let started = Instant::now();
    let uploads: Vec<_> = (0..count)
        .map(|i| {
            let bench = bench.clone();
            let n = n + i as u64;
            tokio::spawn(async move { bench.upload(mib, n, false).await })
        })
        .collect();
    let mut ids = Vec::new();
    for upload in uploads {
        ids.push(upload.await??.id);
    }
    let seconds = started.elapsed().as_secs_f64();
    let peak = sampler.finish();
    let downloads_started = Instant::now();
    let downloads: Vec<_> = ids
        .iter()
        .map(|id| {
            let (bench, id) = (bench.clone(), id.clone());
            tokio::spawn(async move { bench.download(&id).await })
        })
        .collect();
    let mut downloaded = 0u64;
    for download in downloads {
        downloaded += download.await??.0;
    }
    let download_seconds = downloads_started.elapsed().as_secs_f64();
    println!(
        "\n{count} uploads of {mib} MiB at once: {:.0} MB/s in all ({seconds:.1} s); RSS {} → peak {} MiB \
         (growth {} MiB); {count} downloads at once: {:.0} MB/s in all",
        (count as u64 * mib * MIB) as f64 / 1e6 / seconds,
        before / 1024,
        peak / 1024,
        peak.saturating_sub(before) / 1024,
        downloaded as f64 / 1e6 / download_seconds,
    );
    let after = status_kib(pid, "VmRSS");
    tokio::time::sleep(Duration::from_secs(3)).await;
    println!(
        "server resident after all uploads: {} MiB, 3 s later {} MiB",
        after / 1024,
        status_kib(pid, "VmRSS") / 1024
    );
    drop(server);
    Ok(())
}
