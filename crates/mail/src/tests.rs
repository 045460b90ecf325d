//! The mailer as the dispatcher sees it: notices in, messages out.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use domain::account::Locale;
use domain::idea::ScreeningReason;
use domain::notice::{Bilingual, CallRef, DigestCounts, IdeaCopy, IdeaRef, Notice, NoticeKind, SecondFactorChange};
use lettre::message::header::Header;
use uuid::Uuid;

use super::*;

const BASE: &str = "https://diplomacy.example.ir";
const SECRET: &str = "one-time-secret-token";
const UNSUBSCRIBE: &str = "unsubscribe-token";

fn moment(text: &str) -> DateTime<Utc> {
    text.parse().expect("a moment")
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn settings(url: Option<&str>, drop_dir: PathBuf) -> MailSettings {
    MailSettings {
        url: url.map(str::to_owned),
        from: "Citizen Diplomat <no-reply@diplomacy.example.ir>".into(),
        public_url: format!("{BASE}/"),
        drop_dir,
        time_zone: chrono_tz::Asia::Tehran,
    }
}

fn mailer() -> Mailer {
    Mailer::new(settings(None, PathBuf::from("/nonexistent/mail"))).expect("a mailer")
}

fn call() -> CallRef {
    CallRef {
        id: id(1),
        title: Bilingual {
            fa: "خواهرخواندگی فرهنگی".into(),
            en: Some("Cultural twinning".into()),
        },
    }
}

fn idea(n: u128, title: &str) -> IdeaRef {
    IdeaRef {
        id: id(n),
        title: title.into(),
    }
}

/// One notice of every kind and every branch of its template.
fn samples() -> Vec<Notice> {
    let mut samples = vec![
        Notice::VerifyEmail,
        Notice::PasswordReset,
        Notice::PasswordChanged,
        Notice::ReviewerInvitation { new_account: true },
        Notice::ReviewerInvitation { new_account: false },
        Notice::IdeaReceived {
            call: call(),
            idea: IdeaCopy {
                id: id(10),
                title: "جشنواره‌ی مشترک".into(),
                summary: "چکیده".into(),
                body: "بند نخست\n\nبند دوم".into(),
                expected_outcomes: "- یک\n- دو".into(),
                city: Bilingual {
                    fa: "فلورانس".into(),
                    en: Some("Florence".into()),
                },
                submitted_at: moment("2026-12-07T08:00:00Z"),
            },
        },
        Notice::IdeaScreened {
            call: call(),
            idea: idea(10, "جشنواره"),
            shortlisted: true,
            reason: None,
        },
        Notice::DraftReminder {
            call: call(),
            deadline: moment("2026-12-20T20:29:00Z"),
            drafts: vec![idea(11, "پیش‌نویس یک"), idea(12, "")],
        },
        Notice::DraftReminder {
            call: call(),
            deadline: moment("2026-12-20T20:29:00Z"),
            drafts: vec![idea(11, "پیش‌نویس یک")],
        },
        Notice::DecisionPublished {
            call: call(),
            idea: idea(10, "جشنواره"),
            selected: true,
            comments: vec!["بسیار خوب\nبا جزئیات".into(), "ادامه دهید".into()],
        },
        Notice::DecisionPublished {
            call: call(),
            idea: idea(10, "جشنواره"),
            selected: false,
            comments: vec![],
        },
        Notice::AssignmentsMade {
            call: call(),
            ideas: vec![idea(20, "ایده‌ی الف"), idea(21, "ایده‌ی ب")],
            due: Some(moment("2027-01-10T20:30:00Z")),
        },
        Notice::AssignmentsMade {
            call: call(),
            ideas: vec![idea(20, "ایده‌ی الف")],
            due: None,
        },
        Notice::ReviewReminder {
            call: call(),
            due: moment("2027-01-10T20:30:00Z"),
            pending: vec![idea(20, "ایده‌ی الف")],
        },
        Notice::CallDigest {
            call: call(),
            day: "2026-12-07".parse().expect("a day"),
            counts: DigestCounts {
                new_submissions: 12,
                awaiting_screening: 3,
                reviews_submitted: 40,
                reviews_expected: 60,
                decided: 0,
                undecided: 25,
            },
        },
        Notice::WebhookDisabled {
            endpoint_id: uuid::Uuid::from_u128(7),
            url: "https://portal.example.org/hooks".into(),
            failures: 20,
        },
    ];
    for change in [
        SecondFactorChange::Enabled,
        SecondFactorChange::Disabled,
        SecondFactorChange::Reset,
        SecondFactorChange::RecoveryCodesRenewed,
        SecondFactorChange::RecoveryCodeUsed,
    ] {
        samples.push(Notice::SecondFactorChanged { change });
    }
    for reason in ScreeningReason::ALL {
        samples.push(Notice::IdeaScreened {
            call: call(),
            idea: idea(10, "جشنواره"),
            shortlisted: false,
            reason: Some(*reason),
        });
    }
    samples
}

fn recipient(locale: Locale) -> Recipient {
    Recipient {
        email: "sara@example.org".into(),
        name: "سارا رضایی".into(),
        locale,
    }
}

fn outgoing<'a>(recipient: &'a Recipient, notice: &'a Notice) -> Outgoing<'a> {
    Outgoing {
        id: id(99),
        recipient,
        notice,
        secret: Some(SECRET),
        unsubscribe_token: Some(UNSUBSCRIBE),
        created_at: moment("2026-12-07T11:00:00Z"),
    }
}

fn html_of(message: &lettre::Message) -> String {
    String::from_utf8(message.formatted()).expect("utf-8")
}

#[test]
fn every_kind_renders_in_both_languages() {
    let mailer = mailer();
    let samples = samples();
    let kinds: std::collections::BTreeSet<_> = samples.iter().map(Notice::kind).collect();
    assert_eq!(kinds.len(), NoticeKind::ALL.len(), "a kind has no sample");
    for locale in Locale::ALL {
        let recipient = recipient(*locale);
        for notice in &samples {
            let kind = notice.kind();
            let rendered = mailer
                .render(&outgoing(&recipient, notice))
                .unwrap_or_else(|error| panic!("{kind} in {locale}: {error}"));
            assert!(!rendered.subject.is_empty(), "{kind} in {locale}: empty subject");
            assert!(
                !rendered.subject.contains('\n'),
                "{kind} in {locale}: subject on two lines"
            );
            for part in [&rendered.subject, &rendered.text, &rendered.html] {
                assert!(
                    !part.contains("{{") && !part.contains("{%"),
                    "{kind} in {locale}: unrendered template"
                );
            }
            assert!(rendered.text.contains("سارا رضایی"), "{kind} in {locale}: no greeting");
            assert!(rendered.text.contains("\n-- \n"), "{kind} in {locale}: no footer");
            let expected_direction = match locale {
                Locale::Fa => r#"<html lang="fa" dir="rtl">"#,
                Locale::En => r#"<html lang="en" dir="ltr">"#,
            };
            assert!(rendered.html.contains(expected_direction), "{kind} in {locale}");
            // Every link of the text part is a link in the HTML part.
            for line in rendered
                .text
                .lines()
                .map(str::trim)
                .filter(|line| line.starts_with(BASE))
            {
                assert!(
                    rendered.html.contains(&format!("<a href=\"{line}\"")),
                    "{kind} in {locale}: {line} is not a link"
                );
            }
        }
    }
}

#[test]
fn persian_messages_are_right_to_left_with_jalali_dates_in_persian_digits() {
    let mailer = mailer();
    let recipient = recipient(Locale::Fa);
    let notice = Notice::DraftReminder {
        call: call(),
        // 23:59 in Tehran on 29 Azar 1405.
        deadline: moment("2026-12-20T20:29:00Z"),
        drafts: vec![idea(11, "پیش‌نویس یک")],
    };
    let rendered = mailer.render(&outgoing(&recipient, &notice)).expect("renders");
    assert!(rendered.html.contains(r#"lang="fa""#) && rendered.html.contains(r#"dir="rtl""#));
    assert!(rendered.text.contains("۲۹ آذر ۱۴۰۵، ساعت ۲۳:۵۹"), "{}", rendered.text);
    assert!(rendered.html.contains("۲۹ آذر ۱۴۰۵، ساعت ۲۳:۵۹"));
    assert!(rendered.subject.contains("خواهرخواندگی فرهنگی"));

    let english = recipient_in(Locale::En);
    let rendered = mailer.render(&outgoing(&english, &notice)).expect("renders");
    assert!(rendered.text.contains("20 December 2026, 23:59"), "{}", rendered.text);
    assert!(rendered.subject.contains("Cultural twinning"));
}

fn recipient_in(locale: Locale) -> Recipient {
    Recipient {
        email: "sara@example.org".into(),
        name: String::new(),
        locale,
    }
}

#[test]
fn a_rejection_gives_its_reason_in_words() {
    let mailer = mailer();
    let notice = Notice::IdeaScreened {
        call: call(),
        idea: idea(10, "جشنواره"),
        shortlisted: false,
        reason: Some(ScreeningReason::Duplicate),
    };
    let fa = mailer
        .render(&outgoing(&recipient(Locale::Fa), &notice))
        .expect("renders");
    assert!(
        fa.text
            .contains("دلیل: ایده‌ای همانند آن پیش‌تر در این فراخوان فرستاده شده بود.")
    );
    let en = mailer
        .render(&outgoing(&recipient(Locale::En), &notice))
        .expect("renders");
    assert!(
        en.text
            .contains("Reason: A very similar idea had already been submitted to this call.")
    );
    assert!(!en.text.contains("duplicate"));
}

#[test]
fn user_text_is_escaped_in_html() {
    let mailer = mailer();
    let title = r#"<script>alert(1)</script> & "x""#;
    let notice = Notice::IdeaScreened {
        call: call(),
        idea: idea(10, title),
        shortlisted: true,
        reason: None,
    };
    for locale in Locale::ALL {
        let rendered = mailer.render(&outgoing(&recipient(*locale), &notice)).expect("renders");
        assert!(!rendered.html.contains("<script>"), "{}", rendered.html);
        assert!(
            rendered
                .html
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;")
        );
        // The text part and the subject keep the title as written.
        assert!(rendered.text.contains(title));
        assert!(rendered.subject.contains(title));
    }
}

#[test]
fn a_url_in_a_citizens_text_is_not_linked() {
    let mailer = mailer();
    let notice = Notice::IdeaReceived {
        call: call(),
        idea: IdeaCopy {
            id: id(10),
            title: "https://evil.example/title".into(),
            summary: "see".into(),
            body: format!("https://evil.example/phish\n\n{BASE}/admin/users\n\njavascript:alert(1)"),
            expected_outcomes: "-".into(),
            city: Bilingual {
                fa: "فلورانس".into(),
                en: None,
            },
            submitted_at: moment("2026-12-07T08:00:00Z"),
        },
    };
    let rendered = mailer
        .render(&outgoing(&recipient(Locale::En), &notice))
        .expect("renders");
    assert!(rendered.html.contains("https://evil.example/phish"));
    assert!(!rendered.html.contains("href=\"https://evil"));
    assert!(!rendered.html.contains(&format!("href=\"{BASE}/admin")));
    assert!(!rendered.html.contains("href=\"javascript"));
    // Our own link to the idea is one.
    assert!(rendered.html.contains(&format!("href=\"{BASE}/my/ideas/{}\"", id(10))));
    // An English reader sees the call's Persian title when it has no English one.
    assert!(rendered.text.contains("فلورانس"));
}

#[test]
fn links_carry_the_one_time_token_and_need_it() {
    let mailer = mailer();
    let recipient = recipient(Locale::Fa);
    let expectations = [
        (Notice::VerifyEmail, format!("{BASE}/verify-email#token={SECRET}")),
        (Notice::PasswordReset, format!("{BASE}/set-password#token={SECRET}")),
        (
            Notice::ReviewerInvitation { new_account: true },
            format!("{BASE}/set-password#token={SECRET}"),
        ),
    ];
    for (notice, link) in expectations {
        let rendered = mailer.render(&outgoing(&recipient, &notice)).expect("renders");
        assert!(rendered.text.contains(&link), "{}", rendered.text);
        let without = Outgoing {
            secret: None,
            ..outgoing(&recipient, &notice)
        };
        let error = mailer.render(&without).expect_err("a link without its token");
        assert!(matches!(error, MailError::MissingSecret(_)));
        assert!(error.is_permanent());
    }
    let existing = Notice::ReviewerInvitation { new_account: false };
    let invitation = Outgoing {
        secret: None,
        ..outgoing(&recipient, &existing)
    };
    let rendered = mailer.render(&invitation).expect("renders without a token");
    assert!(rendered.text.contains(&format!("{BASE}/review")));
    assert!(!rendered.text.contains("set-password"));
}

#[test]
fn the_message_id_is_stable_for_the_same_outbox_row() {
    let mailer = mailer();
    let recipient = recipient(Locale::Fa);
    let notice = Notice::PasswordChanged;
    let first = mailer.message(&outgoing(&recipient, &notice)).expect("a message");
    let again = mailer.message(&outgoing(&recipient, &notice)).expect("a message");
    let expected = format!("<{}@diplomacy.example.ir>", id(99));
    assert_eq!(first.headers().get_raw("Message-ID"), Some(expected.as_str()));
    assert_eq!(again.headers().get_raw("Message-ID"), Some(expected.as_str()));
    let other = Outgoing {
        id: id(100),
        ..outgoing(&recipient, &notice)
    };
    let other = mailer.message(&other).expect("a message");
    assert_ne!(other.headers().get_raw("Message-ID"), Some(expected.as_str()));
}

#[test]
fn headers_name_the_reader_and_mark_the_message_automatic() {
    let mailer = mailer();
    let recipient = recipient(Locale::Fa);
    let notice = Notice::PasswordChanged;
    let message = mailer.message(&outgoing(&recipient, &notice)).expect("a message");
    let headers = message.headers();
    assert_eq!(headers.get_raw("Auto-Submitted"), Some("auto-generated"));
    assert_eq!(
        headers.get_raw("From"),
        Some("Citizen Diplomat <no-reply@diplomacy.example.ir>")
    );
    assert!(
        headers
            .get_raw("To")
            .is_some_and(|to| to.contains("sara@example.org") && to.contains("سارا"))
    );
    let date = headers.get::<lettre::message::header::Date>().expect("a Date");
    assert_eq!(
        std::time::SystemTime::from(date),
        std::time::SystemTime::from(moment("2026-12-07T11:00:00Z"))
    );
    let formatted = html_of(&message);
    assert!(formatted.contains("multipart/alternative"));
}

#[test]
fn list_unsubscribe_is_on_exactly_the_kinds_a_reader_may_turn_off() {
    let mailer = mailer();
    let recipient = recipient(Locale::En);
    for notice in samples() {
        let kind = notice.kind();
        let message = mailer.message(&outgoing(&recipient, &notice)).expect("a message");
        let headers = message.headers();
        let unsubscribe = headers.get::<ListUnsubscribe>();
        let one_click = headers.get::<ListUnsubscribePost>();
        let rendered = mailer.render(&outgoing(&recipient, &notice)).expect("renders");
        if kind.essential() {
            assert!(
                unsubscribe.is_none() && one_click.is_none(),
                "{kind} has List-Unsubscribe"
            );
            assert!(!rendered.text.contains("unsubscribe"), "{kind} offers to unsubscribe");
        } else {
            assert_eq!(
                unsubscribe,
                Some(ListUnsubscribe(format!(
                    "{BASE}/api/v1/unsubscribe?token={UNSUBSCRIBE}"
                ))),
                "{kind}"
            );
            assert_eq!(one_click, Some(ListUnsubscribePost), "{kind}");
            assert_eq!(
                headers.get_raw("List-Unsubscribe-Post"),
                Some("List-Unsubscribe=One-Click")
            );
            let human = format!("{BASE}/unsubscribe#token={UNSUBSCRIBE}");
            assert!(rendered.text.contains(&human), "{kind}: no unsubscribe link");
            assert!(rendered.html.contains(&format!("<a href=\"{human}\"")), "{kind}");
            assert!(
                rendered.text.contains(&format!("{BASE}/profile#notifications")),
                "{kind}"
            );
        }
        assert_eq!(
            ListUnsubscribe::parse(&format!("<{BASE}/x>")).ok(),
            Some(ListUnsubscribe(format!("{BASE}/x")))
        );
    }
}

#[test]
fn bad_settings_are_refused_at_start() {
    let dir = PathBuf::from("/tmp");
    let mut bad_from = settings(None, dir.clone());
    bad_from.from = "not an address".into();
    assert!(matches!(Mailer::new(bad_from), Err(MailError::Settings(_))));
    let mut bad_base = settings(None, dir.clone());
    bad_base.public_url = "diplomacy.example.ir".into();
    assert!(matches!(Mailer::new(bad_base), Err(MailError::Settings(_))));
    let bad_url = settings(Some("imap://mail.example.org"), dir.clone());
    assert!(matches!(Mailer::new(bad_url), Err(MailError::Settings(_))));
    // Building an SMTP mailer needs no runtime and no server; its password never shows.
    let secure = Mailer::new(settings(
        Some("smtps://user:hunter2-secret@mail.example.org"),
        dir.clone(),
    ))
    .expect("an SMTP mailer");
    assert!(secure.delivers());
    assert!(!format!("{secure:?}").contains("hunter2"));
    let starttls = Mailer::new(settings(
        Some("smtp://u:p@mail.example.org:587?tls=required"),
        dir.clone(),
    ))
    .expect("an SMTP mailer");
    assert!(starttls.delivers());
    assert!(!mailer().delivers());
}

#[test]
fn a_bad_recipient_address_is_permanent() {
    let mailer = mailer();
    let recipient = Recipient {
        email: "not-an-address".into(),
        name: "X".into(),
        locale: Locale::Fa,
    };
    let notice = Notice::PasswordChanged;
    let error = mailer.message(&outgoing(&recipient, &notice)).expect_err("no address");
    assert!(error.is_permanent());
}

#[tokio::test]
async fn without_a_server_messages_become_eml_files() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let drop_dir = dir.path().join("mail");
    let mailer = Mailer::new(settings(None, drop_dir.clone())).expect("a mailer");
    assert!(!mailer.delivers());
    let recipient = recipient(Locale::En);
    let notice = Notice::IdeaScreened {
        call: call(),
        idea: idea(10, "Festival"),
        shortlisted: true,
        reason: None,
    };
    mailer.send(&outgoing(&recipient, &notice)).await.expect("written");
    // A retry of the same row replaces its file.
    mailer
        .send(&outgoing(&recipient, &notice))
        .await
        .expect("written again");
    let files: Vec<_> = std::fs::read_dir(&drop_dir)
        .expect("the drop folder exists")
        .map(|entry| entry.expect("entry").path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let file = &files[0];
    assert_eq!(file.extension().and_then(|e| e.to_str()), Some("eml"));
    let eml = std::fs::read_to_string(file).expect("a text file");
    assert!(eml.contains("Content-Type: multipart/alternative"));
    assert!(eml.contains("Content-Type: text/plain; charset=utf-8"));
    assert!(eml.contains("Content-Type: text/html; charset=utf-8"));
    assert!(eml.contains("Subject: Your idea is on the shortlist: Festival"));
    assert!(eml.contains("To: sara@example.org") || eml.contains("<sara@example.org>"));
    let text = decoded_parts(&eml);
    assert!(
        text.iter().any(|part| part.contains("passed staff screening")),
        "{text:?}"
    );
    assert!(
        text.iter().any(|part| part.contains("<html lang=\"en\" dir=\"ltr\">")),
        "{text:?}"
    );
}

/// The bodies of a multipart message's parts, undoing quoted-printable (enough for these tests).
fn decoded_parts(eml: &str) -> Vec<String> {
    let eml = eml.replace("\r\n", "\n");
    eml.split("\n--")
        .skip(1)
        .filter_map(|part| {
            part.split_once("\n\n")
                .map(|(head, body)| (head.to_owned(), body.to_owned()))
        })
        .map(|(head, body)| {
            if head.contains("quoted-printable") {
                unquote(&body)
            } else {
                body
            }
        })
        .collect()
}

fn unquote(body: &str) -> String {
    let joined = body.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = bytes
            .get(i + 1..i + 3)
            .filter(|_| bytes[i] == b'=')
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

mod smtp {
    //! A scripted SMTP server on loopback: enough of the protocol for lettre to send one message.

    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    use tokio::net::TcpListener;
    use tokio::sync::oneshot;

    use super::*;

    /// Serves one connection, answering RCPT TO with `rcpt_reply`; yields the DATA it received.
    async fn server(rcpt_reply: &'static str) -> (u16, oneshot::Receiver<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let port = listener.local_addr().expect("an address").port();
        let (sender, receiver) = oneshot::channel();
        tokio::spawn(async move {
            let (socket, _) = listener.accept().await.expect("a client");
            let (read, mut write) = socket.into_split();
            let mut lines = BufReader::new(read).lines();
            let mut data = String::new();
            let mut in_data = false;
            write.write_all(b"220 test ESMTP\r\n").await.expect("greeting");
            while let Ok(Some(line)) = lines.next_line().await {
                if in_data {
                    if line == "." {
                        in_data = false;
                        write.write_all(b"250 2.0.0 queued\r\n").await.expect("queued");
                    } else {
                        data.push_str(&line);
                        data.push('\n');
                    }
                    continue;
                }
                let command = line.to_ascii_uppercase();
                let reply: &str = if command.starts_with("EHLO") {
                    "250-test\r\n250 8BITMIME\r\n"
                } else if command.starts_with("RCPT") {
                    rcpt_reply
                } else if command.starts_with("DATA") {
                    in_data = true;
                    "354 go ahead\r\n"
                } else if command.starts_with("QUIT") {
                    let _ = write.write_all(b"221 bye\r\n").await;
                    break;
                } else {
                    "250 OK\r\n"
                };
                if write.write_all(reply.as_bytes()).await.is_err() {
                    break;
                }
            }
            let _ = sender.send(data);
        });
        (port, receiver)
    }

    fn smtp_mailer(port: u16) -> Mailer {
        let url = format!("smtp://127.0.0.1:{port}");
        let mailer = Mailer::new(settings(Some(&url), PathBuf::from("/nonexistent"))).expect("a mailer");
        assert!(mailer.delivers());
        mailer
    }

    #[tokio::test]
    async fn sends_over_plain_smtp() {
        let (port, received) = server("250 OK\r\n").await;
        let mailer = smtp_mailer(port);
        let recipient = recipient(Locale::Fa);
        let notice = Notice::PasswordChanged;
        mailer.send(&outgoing(&recipient, &notice)).await.expect("sent");
        drop(mailer);
        let data = received.await.expect("the server saw the message");
        assert!(
            data.contains(&format!("Message-ID: <{}@diplomacy.example.ir>", id(99))),
            "{data}"
        );
        assert!(data.contains("Auto-Submitted: auto-generated"));
    }

    #[tokio::test]
    async fn a_refused_address_is_permanent() {
        let (port, _received) = server("550 5.1.1 no such user\r\n").await;
        let mailer = smtp_mailer(port);
        let recipient = recipient(Locale::Fa);
        let notice = Notice::PasswordChanged;
        let error = mailer.send(&outgoing(&recipient, &notice)).await.expect_err("refused");
        assert!(matches!(error, MailError::Smtp(_)), "{error}");
        assert!(error.is_permanent(), "{error}");
    }

    #[tokio::test]
    async fn a_busy_server_is_transient() {
        let (port, _received) = server("451 4.3.0 try again later\r\n").await;
        let mailer = smtp_mailer(port);
        let recipient = recipient(Locale::Fa);
        let notice = Notice::PasswordChanged;
        let error = mailer.send(&outgoing(&recipient, &notice)).await.expect_err("deferred");
        assert!(!error.is_permanent(), "{error}");
    }

    #[tokio::test]
    async fn no_server_is_transient() {
        // A port that was just free: nothing listens on it.
        let port = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
            listener.local_addr().expect("an address").port()
        };
        let mailer = smtp_mailer(port);
        let recipient = recipient(Locale::Fa);
        let notice = Notice::PasswordChanged;
        let error = mailer
            .send(&outgoing(&recipient, &notice))
            .await
            .expect_err("no server");
        assert!(!error.is_permanent(), "{error}");
    }
}
