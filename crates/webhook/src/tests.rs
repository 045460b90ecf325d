//! The crate as the dispatcher sees it. Every request goes to a tiny HTTP/1.1 receiver on 127.0.0.1;
//! refused targets are never contacted, so no test sends traffic anywhere else.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, USER_AGENT};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

use super::*;
use crate::send::{decode_excerpt, resolve_checked};

const STRICT: TargetPolicy = TargetPolicy { allow_loopback: false };
const LOOPBACK: TargetPolicy = TargetPolicy { allow_loopback: true };

fn now() -> i64 {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    i64::try_from(seconds).expect("a timestamp")
}

fn ip(text: &str) -> IpAddr {
    text.parse().expect("an address")
}

// --- signatures -------------------------------------------------------------------------------------

#[test]
fn sign_matches_the_standard_webhooks_test_vector() {
    let signature = sign(
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330,
        r#"{"test": 2432232314}"#,
    );
    assert_eq!(
        signature.as_deref(),
        Ok("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    );
}

#[test]
fn sign_refuses_a_secret_not_in_the_whsec_form() {
    for secret in [
        "",
        "whsec_",
        "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "whsec_not base64!",
        "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    ] {
        assert_eq!(sign(secret, "msg", 1, "{}"), Err(SecretError::Malformed), "{secret:?}");
    }
}

#[test]
fn new_secrets_are_32_random_bytes_in_the_whsec_form() {
    let first = new_secret();
    let second = new_secret();
    assert_ne!(first, second);
    for secret in [&first, &second] {
        let key = secret.strip_prefix("whsec_").expect("the whsec_ prefix");
        assert_eq!(STANDARD.decode(key).expect("standard base64").len(), 32);
        assert!(sign(secret, "msg", 1, "{}").is_ok());
    }
}

// --- targets ----------------------------------------------------------------------------------------

fn refused(address: &str, class: AddressClass) -> Result<reqwest::Url, TargetError> {
    Err(TargetError::RefusedAddress {
        address: ip(address),
        class,
    })
}

#[test]
fn check_url_refuses_unsafe_targets() {
    use AddressClass::*;
    let cases = [
        (
            "https://169.254.169.254/latest/meta-data/",
            refused("169.254.169.254", CloudMetadata),
        ),
        ("https://100.100.100.200/", refused("100.100.100.200", CloudMetadata)),
        ("https://[fd00:ec2::254]/", refused("fd00:ec2::254", CloudMetadata)),
        ("https://[::ffff:10.0.0.1]/", refused("::ffff:10.0.0.1", Private)),
        ("https://[::1]/", refused("::1", Loopback)),
        ("https://[::ffff:127.0.0.1]/", refused("::ffff:127.0.0.1", Loopback)),
        ("https://127.0.0.1/", refused("127.0.0.1", Loopback)),
        // The url crate reads every IPv4 spelling as the address it means.
        ("https://127.1/", refused("127.0.0.1", Loopback)),
        ("https://2130706433/", refused("127.0.0.1", Loopback)),
        ("https://0x7f.0.0.1/", refused("127.0.0.1", Loopback)),
        ("http://localhost/", refused("127.0.0.1", Loopback)),
        ("https://LocalHost./hook", refused("127.0.0.1", Loopback)),
        ("https://api.localhost/", refused("127.0.0.1", Loopback)),
        ("http://127.0.0.1:9/", refused("127.0.0.1", Loopback)),
        ("https://0.0.0.0/", refused("0.0.0.0", Unspecified)),
        ("https://[::]/", refused("::", Unspecified)),
        ("https://0.1.2.3/", refused("0.1.2.3", Reserved)),
        ("https://10.0.0.1/", refused("10.0.0.1", Private)),
        ("https://172.16.5.4/", refused("172.16.5.4", Private)),
        ("https://172.31.255.255/", refused("172.31.255.255", Private)),
        ("https://192.168.1.1/", refused("192.168.1.1", Private)),
        ("https://[fc00::1]/", refused("fc00::1", Private)),
        ("https://[fdab::1]/", refused("fdab::1", Private)),
        ("https://169.254.1.1/", refused("169.254.1.1", LinkLocal)),
        ("https://[fe80::1]/", refused("fe80::1", LinkLocal)),
        ("https://224.0.0.1/", refused("224.0.0.1", Multicast)),
        ("https://[ff02::1]/", refused("ff02::1", Multicast)),
        ("https://255.255.255.255/", refused("255.255.255.255", Broadcast)),
        ("https://100.64.0.1/", refused("100.64.0.1", SharedAddressSpace)),
        (
            "https://100.127.255.254/",
            refused("100.127.255.254", SharedAddressSpace),
        ),
        ("https://192.0.0.8/", refused("192.0.0.8", Reserved)),
        ("https://192.0.2.1/", refused("192.0.2.1", Documentation)),
        ("https://198.51.100.7/", refused("198.51.100.7", Documentation)),
        ("https://203.0.113.9/", refused("203.0.113.9", Documentation)),
        ("https://[2001:db8::1]/", refused("2001:db8::1", Documentation)),
        ("https://198.18.0.1/", refused("198.18.0.1", Benchmarking)),
        ("https://198.19.255.255/", refused("198.19.255.255", Benchmarking)),
        ("https://240.0.0.1/", refused("240.0.0.1", Reserved)),
        ("https://[::10.0.0.1]/", refused("::10.0.0.1", Private)),
        ("https://[64:ff9b::10.0.0.1]/", refused("64:ff9b::10.0.0.1", Private)),
        (
            "https://[64:ff9b::169.254.169.254]/",
            refused("64:ff9b::169.254.169.254", CloudMetadata),
        ),
        ("https://[2002:a00:1::1]/", refused("2002:a00:1::1", Private)),
        ("https://[2002:7f00:1::]/", refused("2002:7f00:1::", Loopback)),
        ("https://[2001::1]/", refused("2001::1", Reserved)),
        ("https://[100::1]/", refused("100::1", Reserved)),
        ("http://example.org/hook", Err(TargetError::NotHttps)),
        ("http://93.184.216.34/", Err(TargetError::NotHttps)),
        ("https://user:secret@example.org/hook", Err(TargetError::Credentials)),
        ("https://user@example.org/hook", Err(TargetError::Credentials)),
        ("https://:secret@example.org/hook", Err(TargetError::Credentials)),
        ("ftp://example.org/hook", Err(TargetError::NotAUrl)),
        ("mailto:admin@example.org", Err(TargetError::NotAUrl)),
        ("/relative/hook", Err(TargetError::NotAUrl)),
        ("example.org/hook", Err(TargetError::NotAUrl)),
        ("", Err(TargetError::NotAUrl)),
    ];
    for (url, expected) in cases {
        assert_eq!(STRICT.check_url(url), expected, "{url}");
    }
}

#[test]
fn allow_loopback_opens_loopback_and_nothing_else() {
    let accepted = [
        "http://127.0.0.1:9/",
        "http://127.8.9.10/hook",
        "http://[::1]:8080/",
        "http://localhost:3000/hook",
        "http://LOCALHOST./",
        "https://127.0.0.1/",
        "https://example.org/hook",
    ];
    for url in accepted {
        assert!(LOOPBACK.check_url(url).is_ok(), "{url}");
    }
    let cases = [
        ("http://10.0.0.1/", refused("10.0.0.1", AddressClass::Private)),
        (
            "https://169.254.169.254/",
            refused("169.254.169.254", AddressClass::CloudMetadata),
        ),
        ("http://0.0.0.0:8080/", refused("0.0.0.0", AddressClass::Unspecified)),
        ("http://example.org/", Err(TargetError::NotHttps)),
        ("http://93.184.216.34/", Err(TargetError::NotHttps)),
        ("http://user:pw@localhost/", Err(TargetError::Credentials)),
    ];
    for (url, expected) in cases {
        assert_eq!(LOOPBACK.check_url(url), expected, "{url}");
    }
}

#[test]
fn check_url_accepts_public_https_targets() {
    for url in [
        "https://93.184.216.34/",
        "https://example.org/hook",
        "https://hooks.example.org:8443/in?token=abc#x",
        "https://1.1.1.1/",
        "https://172.32.0.1/",
        "https://[2606:2800:220:1:248:1893:25c8:1946]/",
        "https://[64:ff9b::93.184.216.34]/",
        "https://[2002:5db8:d822::1]/",
    ] {
        let parsed = STRICT.check_url(url).unwrap_or_else(|error| panic!("{url}: {error}"));
        assert_eq!(parsed.scheme(), "https");
    }
}

#[test]
fn check_address_judges_the_address_alone() {
    assert_eq!(STRICT.check_address(ip("93.184.216.34")), Ok(()));
    assert_eq!(STRICT.check_address(ip("2606:4700::1111")), Ok(()));
    assert!(STRICT.check_address(ip("127.0.0.1")).is_err());
    assert_eq!(LOOPBACK.check_address(ip("127.0.0.1")), Ok(()));
    assert_eq!(LOOPBACK.check_address(ip("::1")), Ok(()));
    assert!(LOOPBACK.check_address(ip("192.168.0.10")).is_err());
}

#[test]
fn refusals_read_well() {
    let error = STRICT.check_url("https://169.254.169.254/").expect_err("refused");
    assert_eq!(
        error.to_string(),
        "169.254.169.254 is a cloud metadata address, which webhooks may not reach"
    );
    assert_eq!(
        AddressClass::SharedAddressSpace.to_string(),
        "shared (carrier-grade NAT)"
    );
    assert_eq!(AddressClass::LinkLocal.to_string(), "link-local");
}

// --- the receiver -----------------------------------------------------------------------------------

/// One request as it arrived.
#[derive(Debug)]
struct Received {
    request_line: String,
    headers: HeaderMap,
    body: Vec<u8>,
}

/// Reads one HTTP/1.1 request: the head up to the blank line, then Content-Length bytes of body.
async fn read_request(stream: &mut TcpStream) -> Option<Received> {
    let mut buffer = Vec::new();
    let mut chunk = [0_u8; 4096];
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|window| window == b"\r\n\r\n") {
            break at + 4;
        }
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
    };
    let head = String::from_utf8(buffer[..head_end].to_vec()).expect("a UTF-8 head");
    let mut lines = head.split("\r\n");
    let request_line = lines.next().expect("a request line").to_owned();
    let mut headers = HeaderMap::new();
    for line in lines.filter(|line| !line.is_empty()) {
        let (name, value) = line.split_once(':').expect("a header line");
        headers.append(
            HeaderName::from_bytes(name.trim().as_bytes()).expect("a header name"),
            HeaderValue::from_str(value.trim()).expect("a header value"),
        );
    }
    let length: usize = headers
        .get(CONTENT_LENGTH)
        .map(|value| value.to_str().expect("ASCII").parse().expect("a length"))
        .unwrap_or(0);
    while buffer.len() < head_end + length {
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
    }
    Some(Received {
        request_line,
        headers,
        body: buffer[head_end..head_end + length].to_vec(),
    })
}

fn response(status: &str, extra_headers: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\n{extra_headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// A receiver on 127.0.0.1 that answers every request with `answer(request)` and reports the requests.
async fn receiver(answer: fn(&Received) -> String) -> (SocketAddr, mpsc::UnboundedReceiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let address = listener.local_addr().expect("the port");
    let (report, requests) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let report = report.clone();
            tokio::spawn(async move {
                if let Some(request) = read_request(&mut stream).await {
                    let reply = answer(&request);
                    let _ = report.send(request);
                    let _ = stream.write_all(reply.as_bytes()).await;
                    let _ = stream.shutdown().await;
                }
            });
        }
    });
    (address, requests)
}

fn outgoing<'a>(url: &'a str, body: &'a str, secrets: &'a [String]) -> Outgoing<'a> {
    Outgoing {
        url,
        id: "msg_2x8R3bS1fWc0kQ7p",
        timestamp: now(),
        body,
        secrets,
    }
}

// --- sending ----------------------------------------------------------------------------------------

#[tokio::test]
async fn an_independent_implementation_verifies_what_we_send() {
    let (address, mut requests) = receiver(|_| response("200 OK", "", "thanks")).await;
    let url = format!("http://{address}/hooks/in");
    let body = r#"{"type":"idea.submitted","data":{"title":"خواهرخواندگی"}}"#;
    let secrets = [new_secret()];
    let sender = Sender::new(LOOPBACK, Duration::from_secs(5));

    let answer = sender.send(&outgoing(&url, body, &secrets)).await.expect("an answer");
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, "thanks");
    assert!(answer.is_success());

    let request = requests.recv().await.expect("the request");
    assert_eq!(request.request_line, "POST /hooks/in HTTP/1.1");
    assert_eq!(request.headers[CONTENT_TYPE], "application/json");
    assert_eq!(request.headers[USER_AGENT], "CitizenDiplomat-Webhooks/1");
    assert_eq!(request.headers["webhook-id"], "msg_2x8R3bS1fWc0kQ7p");
    assert_eq!(request.body, body.as_bytes());
    standardwebhooks::Webhook::new(&secrets[0])
        .expect("the secret")
        .verify(&request.body, &request.headers)
        .expect("the signature verifies");
    let stranger = standardwebhooks::Webhook::new(&new_secret()).expect("a secret");
    assert!(stranger.verify(&request.body, &request.headers).is_err());
}

#[tokio::test]
async fn during_a_rotation_either_secret_verifies() {
    let (address, mut requests) = receiver(|_| response("204 No Content", "", "")).await;
    let url = format!("http://{address}/");
    let body = r#"{"type":"ping"}"#;
    let secrets = [new_secret(), new_secret()];
    let sender = Sender::new(LOOPBACK, Duration::from_secs(5));

    let answer = sender.send(&outgoing(&url, body, &secrets)).await.expect("an answer");
    assert_eq!(answer.status, 204);

    let request = requests.recv().await.expect("the request");
    let signature = request.headers["webhook-signature"].to_str().expect("ASCII");
    assert_eq!(signature.split(' ').count(), 2);
    assert!(signature.split(' ').all(|part| part.starts_with("v1,")));
    for secret in &secrets {
        standardwebhooks::Webhook::new(secret)
            .expect("the secret")
            .verify(&request.body, &request.headers)
            .expect("each secret alone verifies");
    }
}

#[tokio::test]
async fn a_refused_literal_is_never_contacted() {
    // A connection to these would hang or fail slowly; the refusal comes first, at once.
    let sender = Sender::new(LOOPBACK, Duration::from_secs(30));
    let secrets = [new_secret()];
    for (url, class) in [
        ("https://10.0.0.1/hook", AddressClass::Private),
        ("http://10.0.0.1:8080/hook", AddressClass::Private),
        ("https://169.254.169.254/latest/meta-data/", AddressClass::CloudMetadata),
        ("https://[::ffff:192.168.0.1]/", AddressClass::Private),
    ] {
        let started = Instant::now();
        let result = sender.send(&outgoing(url, "{}", &secrets)).await;
        assert!(
            matches!(result, Err(SendError::Target(TargetError::RefusedAddress { class: found, .. })) if found == class),
            "{url}: {result:?}"
        );
        assert!(started.elapsed() < Duration::from_secs(1));
    }
}

#[tokio::test]
async fn send_refuses_http_and_credentials_before_connecting() {
    let sender = Sender::new(STRICT, Duration::from_secs(30));
    let secrets = [new_secret()];
    let result = sender.send(&outgoing("http://example.org/hook", "{}", &secrets)).await;
    assert!(
        matches!(result, Err(SendError::Target(TargetError::NotHttps))),
        "{result:?}"
    );
    let result = sender.send(&outgoing("https://u:p@example.org/", "{}", &secrets)).await;
    assert!(
        matches!(result, Err(SendError::Target(TargetError::Credentials))),
        "{result:?}"
    );
}

#[tokio::test]
async fn a_delivery_without_a_usable_secret_is_not_sent() {
    let (address, mut requests) = receiver(|_| response("200 OK", "", "")).await;
    let url = format!("http://{address}/");
    let sender = Sender::new(LOOPBACK, Duration::from_secs(5));
    let result = sender.send(&outgoing(&url, "{}", &[])).await;
    assert!(
        matches!(result, Err(SendError::Secret(SecretError::Missing))),
        "{result:?}"
    );
    let secrets = [new_secret(), "whsec_???".to_owned()];
    let result = sender.send(&outgoing(&url, "{}", &secrets)).await;
    assert!(
        matches!(result, Err(SendError::Secret(SecretError::Malformed))),
        "{result:?}"
    );
    assert!(requests.try_recv().is_err(), "nothing reached the receiver");
}

#[tokio::test]
async fn localhost_is_refused_by_name_and_by_the_resolver() {
    let sender = Sender::new(STRICT, Duration::from_secs(5));
    let secrets = [new_secret()];
    let loopback = |result: &Result<Answer, SendError>| {
        matches!(
            result,
            Err(SendError::Target(TargetError::RefusedAddress {
                class: AddressClass::Loopback,
                ..
            }))
        )
    };

    let result = sender.send(&outgoing("https://localhost/hook", "{}", &secrets)).await;
    assert!(loopback(&result), "{result:?}");

    // Past check_url, as a name that only DNS reveals to be loopback: the resolver refuses it, and the
    // refusal is found again in reqwest's error. Only localhost is looked up; nothing is sent.
    let url = reqwest::Url::parse("https://localhost/hook").expect("a URL");
    let signature = sign(&secrets[0], "msg", now(), "{}").expect("a signature");
    let result = sender.post(url, &outgoing("", "{}", &secrets), signature).await;
    assert!(loopback(&result), "{result:?}");

    let refusal = resolve_checked(STRICT, "localhost").await.expect_err("refused");
    assert!(matches!(
        refusal,
        TargetError::RefusedAddress {
            class: AddressClass::Loopback,
            ..
        }
    ));
    let addresses = resolve_checked(LOOPBACK, "localhost").await.expect("allowed");
    assert!(addresses.iter().all(|address| address.ip().is_loopback()));
}

#[tokio::test]
async fn a_redirect_is_an_answer_and_is_not_followed() {
    let (address, mut requests) = receiver(|request| {
        if request.request_line.starts_with("POST /hook ") {
            response("302 Found", "Location: /elsewhere\r\n", "moved")
        } else {
            response("200 OK", "", "followed")
        }
    })
    .await;
    let url = format!("http://{address}/hook");
    let secrets = [new_secret()];
    let sender = Sender::new(LOOPBACK, Duration::from_secs(5));

    let answer = sender.send(&outgoing(&url, "{}", &secrets)).await.expect("an answer");
    assert_eq!(answer.status, 302);
    assert_eq!(answer.body, "moved");
    assert!(!answer.is_success());
    let request = requests.recv().await.expect("the request");
    assert!(request.request_line.starts_with("POST /hook "));
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(requests.try_recv().is_err(), "the redirect was not followed");
}

#[tokio::test]
async fn a_receiver_that_never_answers_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let address = listener.local_addr().expect("the port");
    tokio::spawn(async move {
        // Takes the request and holds the connection open without a word.
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut sink = [0_u8; 1024];
                while matches!(stream.read(&mut sink).await, Ok(read) if read > 0) {}
            });
        }
    });
    let url = format!("http://{address}/");
    let secrets = [new_secret()];
    let timeout = Duration::from_millis(300);
    let sender = Sender::new(LOOPBACK, timeout);

    let started = Instant::now();
    let result = sender.send(&outgoing(&url, "{}", &secrets)).await;
    assert!(
        matches!(result, Err(SendError::Timeout(after)) if after == timeout),
        "{result:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn a_closed_port_is_a_connection_failure() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let address = listener.local_addr().expect("the port");
    drop(listener);
    let url = format!("http://{address}/");
    let secrets = [new_secret()];
    let sender = Sender::new(LOOPBACK, Duration::from_secs(5));
    let result = sender.send(&outgoing(&url, "{}", &secrets)).await;
    assert!(matches!(result, Err(SendError::Connect(_))), "{result:?}");
}

#[tokio::test]
async fn only_the_start_of_a_long_answer_is_kept() {
    let (address, _requests) = receiver(|_| response("500 Internal Server Error", "", &"x".repeat(100_000))).await;
    let url = format!("http://{address}/");
    let secrets = [new_secret()];
    let sender = Sender::new(LOOPBACK, Duration::from_secs(5));
    let answer = sender.send(&outgoing(&url, "{}", &secrets)).await.expect("an answer");
    assert_eq!(answer.status, 500);
    assert_eq!(answer.body.len(), 1024);
    assert!(!answer.is_success());
}

#[test]
fn an_excerpt_drops_a_character_cut_at_the_limit() {
    // 1,023 ASCII bytes then a two-byte letter: the limit falls inside it.
    let mut bytes = vec![b'a'; 1023];
    bytes.extend_from_slice("ش".as_bytes());
    bytes.extend_from_slice(b"tail");
    assert_eq!(decode_excerpt(bytes), "a".repeat(1023));
    assert_eq!(decode_excerpt(b"short \xff".to_vec()), "short \u{fffd}");
}

#[test]
fn outgoing_debug_hides_the_secrets() {
    let secrets = [new_secret()];
    let text = format!("{:?}", outgoing("https://example.org/", "{}", &secrets));
    assert!(!text.contains(&secrets[0]));
    assert!(text.contains("redacted"));
}
