//! Password hashing under a burst of sign-ins, against the real server binary as a child process: its
//! resident memory (VmRSS from /proc) before and after bursts of 1, 4, 16 and 64 concurrent logins, and
//! the logins' latencies (p50, p99) and answers (a 503 means the hashing queue was full).
//!
//! Usage: cargo run --release -p integration-tests --example bench_logins -- <server-binary>
//! `make bench-logins` builds the release server and runs it; figures in docs/benchmarks/logins.md.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

const PASSWORD: &str = "bench password 1405";
const EMAIL: &str = "bench@example.org";
const BURSTS: [usize; 4] = [1, 4, 16, 64];

/// Kills the server when the bench ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn resident_mib(pid: u32) -> anyhow::Result<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let kib: f64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .ok_or_else(|| anyhow::anyhow!("no VmRSS"))?
        .parse()?;
    Ok(kib / 1024.0)
}

fn threads(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task")).map_or(0, |tasks| tasks.count())
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let binary = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: bench_logins <server-binary>"))?;
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
            "--data-dir",
            &data_dir,
            "--password-file",
        ])
        .arg(&password_file)
        .stdout(Stdio::null())
        .status()?;
    anyhow::ensure!(created.success(), "create-user failed");
    let server = Server(
        Command::new(&binary)
            .args(["serve", "--data-dir", &data_dir, "--static-dir", "/nonexistent"])
            .env("LISTEN_ADDR", format!("127.0.0.1:{port}"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()?,
    );
    let pid = server.0.id();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let started = Instant::now();
    while client.get(format!("{base}/api/health/ready")).send().await.is_err() {
        anyhow::ensure!(started.elapsed() < Duration::from_secs(30), "the server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    println!(
        "| burst | answers | p50 ms | p99 ms | wall ms | RSS before MiB | RSS after MiB | RSS 3 s later MiB | threads |"
    );
    println!("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for burst in BURSTS {
        let before = resident_mib(pid)?;
        let wall = Instant::now();
        let logins = (0..burst).map(|_| {
            let client = client.clone();
            let url = format!("{base}/api/v1/auth/login");
            tokio::spawn(async move {
                let started = Instant::now();
                let status = client
                    .post(url)
                    .json(&json!({ "email": EMAIL, "password": PASSWORD }))
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
                    .unwrap_or(0);
                (status, started.elapsed())
            })
        });
        let mut results = Vec::new();
        for login in logins.collect::<Vec<_>>() {
            results.push(login.await?);
        }
        let wall = wall.elapsed();
        let after = resident_mib(pid)?;
        tokio::time::sleep(Duration::from_secs(3)).await;
        let later = resident_mib(pid)?;
        let mut latencies: Vec<Duration> = results.iter().map(|(_, d)| *d).collect();
        latencies.sort();
        let mut statuses: Vec<u16> = results.iter().map(|(s, _)| *s).collect();
        statuses.sort();
        statuses.dedup();
        let answers = statuses
            .iter()
            .map(|s| format!("{}×{s}", results.iter().filter(|(r, _)| r == s).count()))
            .collect::<Vec<_>>()
            .join(" ");
        println!(
            "| {burst} | {answers} | {:.0} | {:.0} | {:.0} | {before:.0} | {after:.0} | {later:.0} | {} |",
            percentile(&latencies, 0.5),
            percentile(&latencies, 0.99),
            wall.as_secs_f64() * 1000.0,
            threads(pid),
        );
    }
    Ok(())
}
