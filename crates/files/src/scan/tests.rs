use super::*;
use std::process::{Child, Command, Stdio};

/// The EICAR test file: every scanner must report it, it harms nothing.
const EICAR: &[u8] = br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

/// A hash signature for it (md5:size:name), so the test needs no downloaded virus database.
const EICAR_SIGNATURE: &str = "44d88612fea8a8f36de82e1278abb02f:68:Eicar-Test-Signature\n";

const CLAMD: &str = "/usr/sbin/clamd";

#[test]
fn parses_addresses() {
    assert_eq!(
        Scanner::parse("tcp://127.0.0.1:3310").expect("tcp"),
        Scanner::Tcp("127.0.0.1:3310".into())
    );
    assert_eq!(
        Scanner::parse("tcp://clamav:3310/").expect("tcp"),
        Scanner::Tcp("clamav:3310".into())
    );
    assert_eq!(
        Scanner::parse("unix:/run/clamav/clamd.ctl").expect("unix"),
        Scanner::Unix("/run/clamav/clamd.ctl".into())
    );
    assert_eq!(
        Scanner::parse("unix:///run/clamd.sock").expect("unix"),
        Scanner::Unix("/run/clamd.sock".into())
    );
    for bad in [
        "",
        "clamav:3310",
        "tcp://clamav",
        "tcp://:3310",
        "tcp://h:0",
        "tcp://h:99999",
        "unix:relative.sock",
        "http://h:1",
    ] {
        assert!(matches!(Scanner::parse(bad), Err(ScanError::InvalidUrl(_))), "{bad}");
    }
}

#[test]
fn parses_replies() {
    assert_eq!(parse_reply(b"stream: OK\0").expect("ok"), Verdict::Clean);
    assert_eq!(
        parse_reply(b"stream: Eicar-Test-Signature FOUND\0").expect("found"),
        Verdict::Infected("Eicar-Test-Signature".into())
    );
    assert!(matches!(
        parse_reply(b"INSTREAM size limit exceeded. ERROR\0"),
        Err(ScanError::Daemon(m)) if m == "INSTREAM size limit exceeded."
    ));
    assert!(matches!(parse_reply(b""), Err(ScanError::Unexpected(_))));
}

/// A private clamd, stopped when dropped.
struct Clamd {
    child: Child,
    _dir: tempfile::TempDir,
    tcp: String,
    socket: PathBuf,
}

impl Drop for Clamd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// Starts clamd in the foreground with a config of its own (see /tmp/clamd-notes.md), or `None`
/// when clamd is not installed and `CLAMD_REQUIRED` is not `1`.
async fn start_clamd() -> Option<Clamd> {
    if !Path::new(CLAMD).exists() {
        assert!(
            std::env::var("CLAMD_REQUIRED").as_deref() != Ok("1"),
            "CLAMD_REQUIRED=1 but {CLAMD} is missing (apt-get install clamav-daemon)"
        );
        eprintln!("SKIPPED: {CLAMD} not found; install clamav-daemon or set CLAMD_REQUIRED=1");
        return None;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(d.join("test.hdb"), EICAR_SIGNATURE).expect("signature");
    let port = free_port();
    let socket = d.join("clamd.sock");
    let config = format!(
        "DatabaseDirectory {db}\nTCPSocket {port}\nTCPAddr 127.0.0.1\nLocalSocket {sock}\n\
         Foreground yes\nLogFile {db}/clamd.log\nPidFile {db}/clamd.pid\nStreamMaxLength 20M\n",
        db = d.display(),
        sock = socket.display(),
    );
    std::fs::write(d.join("clamd.conf"), config).expect("config");
    let child = Command::new(CLAMD)
        .arg("-c")
        .arg(d.join("clamd.conf"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start clamd");
    let clamd = Clamd {
        child,
        _dir: dir,
        tcp: format!("127.0.0.1:{port}"),
        socket,
    };
    let scanner = Scanner::Tcp(clamd.tcp.clone());
    for _ in 0..300 {
        if scanner.ping().await.is_ok() {
            return Some(clamd);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let log = std::fs::read_to_string(clamd._dir.path().join("clamd.log")).unwrap_or_default();
    panic!("clamd did not answer PING within 30 s; its log:\n{log}");
}

#[tokio::test]
async fn scans_with_a_real_clamd() {
    let Some(clamd) = start_clamd().await else {
        return;
    };
    let files = tempfile::tempdir().expect("tempdir");
    let eicar = files.path().join("eicar.pdf");
    std::fs::write(&eicar, EICAR).expect("write");
    let clean = files.path().join("clean.txt");
    // Larger than one 64 KiB chunk, to exercise the framing.
    std::fs::write(&clean, "سلام دنیا ".repeat(20_000)).expect("write");
    let too_big = files.path().join("big.bin");
    std::fs::write(&too_big, vec![0u8; 21 * 1024 * 1024]).expect("write");

    let tcp = Scanner::parse(&format!("tcp://{}", clamd.tcp)).expect("parse");
    let unix = Scanner::parse(&format!("unix:{}", clamd.socket.display())).expect("parse");
    for scanner in [&tcp, &unix] {
        scanner.ping().await.expect("ping");
        assert_eq!(scanner.scan(&clean).await.expect("scan"), Verdict::Clean);
        match scanner.scan(&eicar).await.expect("scan") {
            Verdict::Infected(name) => assert!(name.starts_with("Eicar-Test-Signature"), "{name}"),
            Verdict::Clean => panic!("EICAR not found by {scanner:?}"),
        }
    }

    // Past StreamMaxLength clamd answers an error (or drops the connection): never "clean".
    let big = tcp.scan(&too_big).await;
    assert!(matches!(big, Err(ScanError::Daemon(_) | ScanError::Io(_))), "{big:?}");

    drop(clamd);
    assert!(tcp.ping().await.is_err(), "clamd stopped");
}
