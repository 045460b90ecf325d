//! Who sees which file (issue 19, the contract's "Who sees what"): an idea's files for its submitter, staff,
//! another citizen, the public, and reviewers — assigned, unassigned or with a conflict — in an open and a blind
//! call; a tie's evidence for the citizen and staff only; a partnership's and an activity's records for everyone
//! unless internal. Not visible is 404, whatever is asked (the file, its list, its bytes, its preview); visible
//! but not theirs to change is 403. The author a document names is shown to the uploader and staff only.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::files::{a_partnership, a_tie, an_activity, created, header, idea_files};
use crate::files_fixtures::{AUTHOR, pdf, png};
use crate::fixtures::{etag, id, idea_body, open_call_body};
use crate::helpers::*;
use crate::jury_fixtures::{Member, three_criteria};

/// An idea in review with three files, and everyone who may or may not see them.
struct Scene {
    app: TestApp,
    staff: String,
    citizen: String,
    other: String,
    assigned: Member,
    unassigned: Member,
    conflicted: Member,
    idea: String,
    /// A proposal document that names its author in its metadata (not marked identifying).
    proposal: String,
    /// A proposal document the submitter marked as naming them (a CV).
    identifying: String,
    /// Evidence of the tie abroad.
    evidence: String,
    /// A proposal photograph, with a preview.
    photo: String,
}

const PROPOSAL_NAME: &str = "طرح سارا احمدی.pdf";
const IDENTIFYING_NAME: &str = "رزومه سارا احمدی.pdf";
const EVIDENCE_NAME: &str = "پذیرش دانشگاه فرایبورگ.pdf";
const PHOTO_NAME: &str = "سارا در فرایبورگ.png";

/// The idea's files are added while it is a draft (with `files_public` set as asked), then it is submitted,
/// shortlisted and assigned: `assigned` holds it; `conflicted` was assigned and its conflict recorded.
async fn in_review(blind: bool, files_public: bool) -> Scene {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "فرایبورگ", "Freiburg", "DE").await);
    let mut body = open_call_body();
    body["blindReview"] = json!(blind);
    let call = id(&app.create_call(&staff, body).await);
    let citizen = app.citizen("sara@example.org").await;
    let other = app.citizen("reza@example.org").await;
    let idea = id(&app
        .create_idea(&citizen, idea_body(&call, &city, "پیوند دانشگاه‌ها"))
        .await);
    let read = app.get(&format!("/api/v1/ideas/{idea}"), Some(&citizen)).await;
    let version = etag(&read);
    let response = app
        .patch_if_match(
            &format!("/api/v1/ideas/{idea}"),
            &citizen,
            Some(&version),
            json!({ "filesPublic": files_public }),
        )
        .await;
    let patched = app.json(response).await;
    assert_eq!(patched["filesPublic"], files_public);
    let path = idea_files(&idea);
    let upload = |name: &'static str, bytes: Vec<u8>, fields: &'static [(&'static str, &'static str)]| {
        let (app, path, citizen) = (&app, &path, &citizen);
        async move { id(&created(app.upload(path, Some(citizen), name, bytes, fields).await).await) }
    };
    let proposal = upload(PROPOSAL_NAME, pdf(Some(AUTHOR)), &[("kind", "proposal")]).await;
    let identifying = upload(
        IDENTIFYING_NAME,
        pdf(None),
        &[("kind", "proposal"), ("identifying", "true")],
    )
    .await;
    let evidence = upload(EVIDENCE_NAME, pdf(None), &[("kind", "evidence")]).await;
    let photo = upload(PHOTO_NAME, png(200, 100), &[]).await;

    let response = app
        .post_empty(&format!("/api/v1/ideas/{idea}/submit"), Some(&citizen))
        .await;
    assert_eq!(response.status(), StatusCode::OK, "submitted");
    let response = app.screen(&staff, &idea, json!({ "decision": "shortlist" })).await;
    assert_eq!(response.status(), StatusCode::OK, "shortlisted");
    app.move_review_window(&call, -1, 30).await;
    app.set_rubric(&staff, &call, three_criteria()).await;
    let assigned = app
        .enrol_reviewer(&staff, "assigned@example.org", "university", &["cultural"])
        .await;
    let unassigned = app
        .enrol_reviewer(&staff, "unassigned@example.org", "municipality", &["cultural"])
        .await;
    let conflicted = app
        .enrol_reviewer(&staff, "conflicted@example.org", "chamber_of_commerce", &["cultural"])
        .await;
    for juror in [&assigned, &conflicted] {
        assert_eq!(
            app.assign(&staff, &call, &idea, &juror.id).await.status(),
            StatusCode::CREATED
        );
    }
    let conflict = json!({ "reviewerId": conflicted.id, "ideaId": idea, "reason": "هم‌دانشکده‌ای پیشنهاددهنده" });
    let response = app.post("/api/v1/conflicts", Some(&staff), conflict).await;
    assert_eq!(response.status(), StatusCode::CREATED, "conflict recorded");
    Scene {
        app,
        staff,
        citizen,
        other,
        assigned,
        unassigned,
        conflicted,
        idea,
        proposal,
        identifying,
        evidence,
        photo,
    }
}

/// What one caller sees of an owner's files: the names listed, by file id (the list's answer must be 200).
async fn listed(app: &TestApp, path: &str, token: Option<&str>) -> Vec<(String, Value)> {
    let response = app.get(path, token).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    assert_eq!(
        body["total"].as_u64(),
        body["items"].as_array().map(|i| i.len() as u64),
        "{body}"
    );
    body["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|item| (item["id"].as_str().expect("id").to_owned(), item.clone()))
        .collect()
}

/// Every way to reach one file is 404 for this caller: the file, its bytes and its preview.
async fn hidden(app: &TestApp, file: &str, token: Option<&str>, who: &str) {
    for suffix in ["", "/content", "/preview"] {
        let response = app.get(&format!("/api/v1/files/{file}{suffix}"), token).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{who}: /files/{file}{suffix}");
    }
}

/// The caller sees the file alone, and its link opens its bytes: the file as they read it.
async fn shown(app: &TestApp, file: &str, token: Option<&str>, who: &str) -> Value {
    let response = app.get(&format!("/api/v1/files/{file}"), token).await;
    assert_eq!(response.status(), StatusCode::OK, "{who}: /files/{file}");
    let read: Value = response.json().await.expect("JSON");
    let response = app.open_link(read["url"].as_str().expect("url"), &[]).await;
    assert_eq!(response.status(), StatusCode::OK, "{who}: the link of {file}");
    let response = app.get(&format!("/api/v1/files/{file}/content"), token).await;
    assert_eq!(response.status(), StatusCode::FOUND, "{who}: /files/{file}/content");
    read
}

#[tokio::test]
async fn the_submitter_and_staff_see_every_file_of_an_idea_with_its_name_and_author() {
    let s = in_review(true, false).await;
    for (who, token) in [("the submitter", &s.citizen), ("staff", &s.staff)] {
        let files = listed(&s.app, &idea_files(&s.idea), Some(token)).await;
        let ids: Vec<&str> = files.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            [&s.proposal, &s.identifying, &s.evidence, &s.photo],
            "{who}: all, newest last"
        );
        let names: Vec<&str> = files.iter().filter_map(|(_, f)| f["name"].as_str()).collect();
        assert_eq!(
            names,
            [PROPOSAL_NAME, IDENTIFYING_NAME, EVIDENCE_NAME, PHOTO_NAME],
            "{who}"
        );
        let read = shown(&s.app, &s.proposal, Some(token), who).await;
        assert_eq!(read["authorField"], AUTHOR, "{who} is warned of the author");
        for file in [&s.identifying, &s.evidence, &s.photo] {
            shown(&s.app, file, Some(token), who).await;
        }
    }
}

#[tokio::test]
async fn a_blind_calls_reviewer_sees_proposal_documents_only_and_never_their_names() {
    let s = in_review(true, true).await;
    let juror = Some(s.assigned.token.as_str());
    let files = listed(&s.app, &idea_files(&s.idea), juror).await;
    let ids: Vec<&str> = files.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, [&s.proposal, &s.photo], "no evidence, no identifying file");
    for (file_id, file) in &files {
        let name = file["name"].as_str().expect("a name");
        assert!(name.starts_with("proposal-"), "an original name is never shown: {name}");
        assert_eq!(file["authorField"], Value::Null, "nor the author");
        assert_eq!(file["allowedActions"], json!([]));
        let text = file.to_string();
        for secret in ["سارا", "احمدی", "فرایبورگ", AUTHOR] {
            assert!(!text.contains(secret), "{secret} leaks in {text}");
        }
        // The bytes' own answer names the file as the reviewer knows it, never as the submitter called it.
        for link in [file["url"].as_str(), file["previewUrl"].as_str()]
            .into_iter()
            .flatten()
        {
            let response = s.app.open_link(link, &[]).await;
            assert_eq!(response.status(), StatusCode::OK);
            let disposition = header(&response, "content-disposition").unwrap_or_default();
            let decoded = percent_decode(&disposition);
            assert!(!decoded.contains("سارا") && !decoded.contains("احمدی"), "{decoded}");
            assert!(decoded.contains("proposal-"), "{decoded}");
        }
        shown(&s.app, file_id, juror, "a blind call's reviewer").await;
    }
    assert_eq!(files[0].1["name"], "proposal-1.pdf");
    assert_eq!(files[1].1["name"], "proposal-2.png");
    hidden(&s.app, &s.identifying, juror, "a blind call's reviewer").await;
    hidden(&s.app, &s.evidence, juror, "a blind call's reviewer").await;
    // A reviewer neither adds nor removes.
    let response = s.app.delete(&format!("/api/v1/files/{}", s.proposal), juror).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = s.app.upload(&idea_files(&s.idea), juror, "x.pdf", pdf(None), &[]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_open_calls_reviewer_sees_the_evidence_and_the_names_but_not_the_author() {
    let s = in_review(false, false).await;
    let juror = Some(s.assigned.token.as_str());
    let files = listed(&s.app, &idea_files(&s.idea), juror).await;
    let names: Vec<&str> = files.iter().filter_map(|(_, f)| f["name"].as_str()).collect();
    assert_eq!(names, [PROPOSAL_NAME, IDENTIFYING_NAME, EVIDENCE_NAME, PHOTO_NAME]);
    for (file_id, file) in &files {
        assert_eq!(
            file["authorField"],
            Value::Null,
            "the author is the uploader's and staff's to see"
        );
        shown(&s.app, file_id, juror, "an open call's reviewer").await;
    }
}

#[tokio::test]
async fn reviewers_not_assigned_or_in_conflict_and_other_citizens_see_nothing() {
    // Both scenes built at once (each is a server and a database of its own).
    let (blind_call, open_call) = futures_util::future::join(in_review(true, true), in_review(false, true)).await;
    for (blind, s) in [(true, blind_call), (false, open_call)] {
        for (who, token) in [
            ("an unassigned reviewer", Some(s.unassigned.token.as_str())),
            ("a reviewer in conflict", Some(s.conflicted.token.as_str())),
            ("another citizen", Some(s.other.as_str())),
            ("the public", None),
        ] {
            let response = s.app.get(&idea_files(&s.idea), token).await;
            assert_eq!(
                response.status(),
                StatusCode::NOT_FOUND,
                "{who} (blind: {blind}): the list"
            );
            for file in [&s.proposal, &s.identifying, &s.evidence, &s.photo] {
                hidden(&s.app, file, token, who).await;
            }
        }
    }
}

#[tokio::test]
async fn the_public_sees_a_selected_ideas_proposal_documents_only_with_the_submitters_consent() {
    let (with, without) = futures_util::future::join(in_review(true, true), in_review(true, false)).await;
    for (consent, s) in [(true, with), (false, without)] {
        s.app.make_selected(&s.idea).await;
        for (who, token) in [("the public", None), ("another citizen", Some(s.other.as_str()))] {
            let response = s.app.get(&idea_files(&s.idea), token).await;
            let visible: Vec<String> = if response.status() == StatusCode::NOT_FOUND {
                assert!(!consent, "{who}: with consent the list is shown");
                Vec::new()
            } else {
                listed(&s.app, &idea_files(&s.idea), token)
                    .await
                    .into_iter()
                    .map(|(id, _)| id)
                    .collect()
            };
            if consent {
                assert_eq!(visible, [s.proposal.clone(), s.photo.clone()], "{who}");
                let read = shown(&s.app, &s.proposal, token, who).await;
                assert_eq!(read["name"], PROPOSAL_NAME);
                assert_eq!(read["authorField"], Value::Null, "{who}: never the author");
                shown(&s.app, &s.photo, token, who).await;
            } else {
                assert!(visible.is_empty(), "{who}: without consent, nothing: {visible:?}");
                for file in [&s.proposal, &s.photo] {
                    hidden(&s.app, file, token, who).await;
                }
            }
            // Never the evidence, never an identifying file.
            hidden(&s.app, &s.evidence, token, who).await;
            hidden(&s.app, &s.identifying, token, who).await;
        }
    }
}

#[tokio::test]
async fn a_ties_evidence_is_the_citizens_and_staffs_alone() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let other = app.citizen("reza@example.org").await;
    let reviewer = app.enrol_reviewer(&staff, "juror@example.org", "university", &[]).await;
    let tie = a_tie(&app, &citizen).await;
    let path = format!("/api/v1/ties/{tie}/files");
    let file = id(&created(
        app.upload(&path, Some(&citizen), "admission.pdf", pdf(Some(AUTHOR)), &[])
            .await,
    )
    .await);
    for (who, token) in [("the citizen", &citizen), ("staff", &staff)] {
        let files = listed(&app, &path, Some(token)).await;
        assert_eq!(files.len(), 1, "{who}");
        assert_eq!(files[0].1["kind"], "evidence");
        assert_eq!(files[0].1["authorField"], AUTHOR, "{who}");
        shown(&app, &file, Some(token), who).await;
    }
    for (who, token) in [
        ("another citizen", Some(other.as_str())),
        ("a reviewer", Some(reviewer.token.as_str())),
    ] {
        let response = app.get(&path, token).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{who}: the list");
        hidden(&app, &file, token, who).await;
        let response = app.upload(&path, token, "mine.pdf", pdf(None), &[]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{who}: uploading");
    }
    let response = app.get(&path, None).await;
    assert!(
        [401, 404].contains(&response.status().as_u16()),
        "the public: {}",
        response.status()
    );
    for suffix in ["", "/content"] {
        let status = app.get(&format!("/api/v1/files/{file}{suffix}"), None).await.status();
        assert!(
            [401, 404].contains(&status.as_u16()),
            "the public: /files/{file}{suffix}: {status}"
        );
    }
    // Staff see, but the evidence is the citizen's to add and remove.
    let response = app.upload(&path, Some(&staff), "staff.pdf", pdf(None), &[]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app.delete(&format!("/api/v1/files/{file}"), Some(&staff)).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app.delete(&format!("/api/v1/files/{file}"), Some(&citizen)).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn a_partnerships_and_an_activitys_records_are_public_unless_internal() {
    let app = spawn_app().await;
    let staff = app.staff().await;
    let citizen = app.citizen("sara@example.org").await;
    let reviewer = app.enrol_reviewer(&staff, "juror@example.org", "university", &[]).await;
    let partnership = a_partnership(&app, &staff).await;
    let activity = an_activity(&app, &staff).await;
    for path in [
        format!("/api/v1/partnerships/{partnership}/files"),
        format!("/api/v1/activities/{activity}/files"),
    ] {
        let public = id(&created(
            app.upload(&path, Some(&staff), "agreement.pdf", pdf(Some(AUTHOR)), &[])
                .await,
        )
        .await);
        let internal = created(
            app.upload(&path, Some(&staff), "budget.pdf", pdf(None), &[("internal", "true")])
                .await,
        )
        .await;
        assert_eq!(internal["internal"], true);
        let internal = id(&internal);
        let staff_sees = listed(&app, &path, Some(&staff)).await;
        assert_eq!(staff_sees.len(), 2, "{path}: staff see both");
        assert_eq!(staff_sees[0].1["kind"], "record");
        for (who, token) in [
            ("the public", None),
            ("a citizen", Some(citizen.as_str())),
            ("a reviewer", Some(reviewer.token.as_str())),
        ] {
            let seen = listed(&app, &path, token).await;
            let ids: Vec<&str> = seen.iter().map(|(id, _)| id.as_str()).collect();
            assert_eq!(ids, [public.as_str()], "{who}: {path}");
            assert_eq!(seen[0].1["authorField"], Value::Null, "{who}: never the author");
            assert_eq!(seen[0].1["allowedActions"], json!([]), "{who}");
            shown(&app, &public, token, who).await;
            hidden(&app, &internal, token, who).await;
            // They see the record but do not change it: 403 for a signed-in caller.
            if let Some(token) = token {
                let response = app.upload(&path, Some(token), "mine.pdf", pdf(None), &[]).await;
                assert_eq!(response.status(), StatusCode::FORBIDDEN, "{who} uploading to {path}");
                let response = app.delete(&format!("/api/v1/files/{public}"), Some(token)).await;
                assert_eq!(response.status(), StatusCode::FORBIDDEN, "{who} removing from {path}");
            }
        }
        let response = app.upload(&path, None, "anonymous.pdf", pdf(None), &[]).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        // Staff mark a public record internal: then it is theirs alone.
        let response = app
            .patch(
                &format!("/api/v1/files/{public}"),
                Some(&staff),
                json!({ "internal": true }),
            )
            .await;
        assert_eq!(app.json(response).await["internal"], true);
        hidden(&app, &public, None, "the public").await;
        assert!(listed(&app, &path, None).await.is_empty());
    }
}

/// `%XX` sequences decoded as UTF-8 (for Content-Disposition's `filename*`).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(byte) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
