//! Files (issue 19): uploads and their limits, types decided from the bytes, location and author metadata,
//! downloads through short-lived signed links (Range, ETag, Persian names in Content-Disposition), removal and
//! the sweep of unreferenced bytes, a crash between the bytes and the row, antivirus scanning, and the owner's
//! events. On both databases like the rest of the suite; what depends on where the bytes are kept runs on
//! both storages: the local folder and S3 (moto at TEST_S3_ENDPOINT, started by tests/services/with-services.sh).
//! Who sees which file is tests/api/files_visibility.rs; the 100 MB upload in flat memory is
//! tests/api/files_large.rs.

use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::files_fixtures::{AUTHOR, EICAR, docx, html, jpeg, jpeg_has_location, jpeg_with_gps, odt, pdf, png, webp};
use crate::fixtures::{id, idea_body};
use crate::helpers::*;

/// Two tests of `$name(storage)`: `$name::local` and `$name::s3`.
macro_rules! on_both_storages {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn local() {
                    super::$name(crate::helpers::Storage::Local).await;
                }

                #[tokio::test]
                async fn s3() {
                    super::$name(crate::helpers::Storage::S3).await;
                }
            }
        )*
    };
}

on_both_storages!(
    an_upload_is_downloaded_as_it_was_sent,
    a_range_is_answered_with_its_slice,
    removed_files_are_gone_and_their_bytes_are_swept,
    bytes_stored_before_a_crash_are_swept_and_no_row_points_at_missing_bytes,
);

/// A citizen's draft idea in a fresh open call: (staff, citizen, idea).
pub async fn draft_idea(app: &TestApp) -> (String, String, String) {
    let staff = app.staff().await;
    let city = id(&app.create_city(&staff, "فلورانس", "Florence", "IT").await);
    let call = id(&app.create_open_call(&staff).await);
    let citizen = app.citizen("sara@example.org").await;
    let idea = id(&app
        .create_idea(&citizen, idea_body(&call, &city, "پیوند موزه‌های دو شهر"))
        .await);
    (staff, citizen, idea)
}

/// The path of an idea's files.
pub fn idea_files(idea: &str) -> String {
    format!("/api/v1/ideas/{idea}/files")
}

/// The JSON body of a 201 answer (an upload's `StoredFile`).
pub async fn created(response: Response) -> Value {
    let status = response.status();
    let text = response.text().await.expect("a body");
    assert_eq!(status, StatusCode::CREATED, "an upload: {text}");
    serde_json::from_str(&text).expect("JSON")
}

impl TestApp {
    /// Uploads `bytes` as `name` to `path` and returns the `StoredFile` of its 201 answer.
    pub async fn uploaded(
        &self,
        path: &str,
        token: &str,
        name: &str,
        bytes: Vec<u8>,
        fields: &[(&str, &str)],
    ) -> Value {
        created(self.upload(path, Some(token), name, bytes, fields).await).await
    }

    /// A GET of a file's link as a browser's `<a href>` or `<img src>` makes it: no bearer; a relative link is
    /// the server's, an absolute one (S3's pre-signed URL) is followed as it is.
    pub async fn open_link(&self, link: &str, headers: &[(&str, &str)]) -> Response {
        let url = if link.starts_with("http://") || link.starts_with("https://") {
            link.to_owned()
        } else {
            self.url(link)
        };
        let request = headers.iter().fold(self.client.get(url), |request, (name, value)| {
            request.header(*name, *value)
        });
        request.send().await.expect("request sent")
    }

    /// `/files/{id}/content` (or `preview`) with a bearer: the 302's Location.
    pub async fn content_location(&self, file: &str, variant: &str, token: Option<&str>) -> String {
        let response = self.get(&format!("/api/v1/files/{file}/{variant}"), token).await;
        assert_eq!(
            response.status(),
            StatusCode::FOUND,
            "/files/{file}/{variant} redirects to a signed link"
        );
        header(&response, "location").expect("Location")
    }

    /// A file's bytes through `/files/{id}/content` and its signed link.
    pub async fn download(&self, file: &str, token: Option<&str>) -> Vec<u8> {
        let link = self.content_location(file, "content", token).await;
        let response = self.open_link(&link, &[]).await;
        assert_eq!(response.status(), StatusCode::OK, "the signed link opens");
        response.bytes().await.expect("the bytes").to_vec()
    }

    /// An owner's file list as `token` reads it (200).
    pub async fn file_list(&self, path: &str, token: Option<&str>) -> Value {
        self.json(self.get(path, token).await).await
    }

    /// The names of the bytes in this app's store: the S3 bucket's keys, or the files under the data folder's
    /// `files` folder, each with its size.
    pub async fn stored_objects(&self) -> Vec<(String, u64)> {
        match &self.s3 {
            Some(bucket) => bucket.objects().await,
            None => {
                let mut found = Vec::new();
                let mut folders = vec![self.dir.path().join("data").join("files")];
                while let Some(folder) = folders.pop() {
                    let Ok(entries) = std::fs::read_dir(&folder) else {
                        continue;
                    };
                    for entry in entries.flatten() {
                        let path = entry.path();
                        if path.is_dir() {
                            folders.push(path);
                        } else {
                            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                            found.push((path.to_string_lossy().into_owned(), size));
                        }
                    }
                }
                found
            }
        }
    }

    /// Whether the store holds bytes of this SHA-256 (its hex digest in an object's name).
    pub async fn store_holds(&self, sha256: &str) -> bool {
        self.stored_objects()
            .await
            .iter()
            .any(|(name, _)| name.contains(sha256))
    }
}

/// A header's value as text.
pub fn header(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The app on `storage`, or None (the test is SKIPPED) without the S3 test server.
async fn app_on(storage: Storage, extra: &[&str]) -> Option<TestApp> {
    spawn_app_on_storage(storage, extra).await
}

// ---------------------------------------------------------------------------------------------------------
// The test services themselves.

#[tokio::test]
async fn the_s3_test_server_keeps_a_tests_objects_in_a_bucket_of_its_own() {
    let Some(bucket) = S3Bucket::fresh().await else { return };
    assert!(bucket.objects().await.is_empty());
    let client = reqwest::Client::new();
    for key in ["ab/one", "cd/two & three"] {
        let url = format!(
            "{}/{}/{}",
            bucket.endpoint,
            bucket.bucket,
            key.replace(' ', "%20").replace('&', "%26")
        );
        let response = client
            .put(url)
            .body(key.as_bytes().to_vec())
            .send()
            .await
            .expect("sent");
        assert!(response.status().is_success(), "{}", response.status());
    }
    let mut objects = bucket.objects().await;
    objects.sort();
    assert_eq!(objects, [("ab/one".to_owned(), 6), ("cd/two & three".to_owned(), 14)]);
    let other = S3Bucket::fresh().await.expect("a second bucket");
    assert!(other.objects().await.is_empty(), "each test has its own bucket");
}

// ---------------------------------------------------------------------------------------------------------
// Uploads and downloads on both storages.

async fn an_upload_is_downloaded_as_it_was_sent(storage: Storage) {
    let Some(app) = app_on(storage, &[]).await else { return };
    let (_staff, citizen, idea) = draft_idea(&app).await;
    let bytes = pdf(None);
    let name = "طرح همکاری.pdf";
    let file = app
        .uploaded(
            &idea_files(&idea),
            &citizen,
            name,
            bytes.clone(),
            &[("description", "طرح اولیه")],
        )
        .await;
    assert_eq!(file["ownerKind"], "idea");
    assert_eq!(file["ownerId"], idea.as_str());
    assert_eq!(file["kind"], "proposal", "the default kind");
    assert_eq!(file["name"], name, "a Persian name is kept as it was");
    assert_eq!(file["contentType"], "application/pdf");
    assert_eq!(file["size"], bytes.len());
    assert_eq!(file["description"], "طرح اولیه");
    assert_eq!(file["identifying"], false);
    assert_eq!(file["internal"], false);
    assert_eq!(file["authorField"], Value::Null);
    assert_eq!(file["previewUrl"], Value::Null, "a PDF has no preview");
    assert!(file["linkExpiresAt"].as_str().is_some());
    assert!(file["uploadedAt"].as_str().is_some());
    let file_id = id(&file);

    // The same file, read back.
    let read = app
        .json(app.get(&format!("/api/v1/files/{file_id}"), Some(&citizen)).await)
        .await;
    assert_eq!(read["id"], file_id.as_str());
    assert_eq!(read["name"], name);
    let list = app.file_list(&idea_files(&idea), Some(&citizen)).await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], file_id.as_str());

    // Its link, as the SPA uses it, without a bearer.
    let link = file["url"].as_str().expect("url");
    match storage {
        Storage::Local => assert!(link.starts_with(&format!("/api/v1/files/{file_id}/signed?")), "{link}"),
        Storage::S3 => assert!(link.starts_with("http"), "an S3 pre-signed URL: {link}"),
    }
    let response = app.open_link(link, &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let (content_type, disposition) = answered_headers(storage, link, &response);
    assert_eq!(content_type.as_deref(), Some("application/pdf"), "{link}");
    let disposition = disposition.expect("Content-Disposition");
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(
        disposition.contains("filename*=UTF-8''%D8%B7%D8%B1%D8%AD%20%D9%87%D9%85%DA%A9%D8%A7%D8%B1%DB%8C.pdf"),
        "the Persian name, percent-encoded (RFC 6266 and 8187): {disposition}"
    );
    let fallback = disposition
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("filename="))
        .expect("an ASCII fallback filename");
    assert!(fallback.is_ascii(), "{fallback}");
    assert!(fallback.trim_matches('"').ends_with(".pdf"), "{fallback}");
    if storage == Storage::Local {
        assert_eq!(header(&response, "x-content-type-options").as_deref(), Some("nosniff"));
        let cache = header(&response, "cache-control").expect("Cache-Control");
        assert!(cache.contains("private") && cache.contains("max-age="), "{cache}");
    }
    let etag = header(&response, "etag").expect("an ETag");
    assert_eq!(header(&response, "accept-ranges").as_deref(), Some("bytes"));
    assert_eq!(response.bytes().await.expect("bytes").as_ref(), bytes.as_slice());
    // The ETag answers a conditional GET.
    let again = app.open_link(link, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    // The API's own endpoint redirects to a fresh link, with a bearer.
    assert_eq!(app.download(&file_id, Some(&citizen)).await, bytes);
    let response = app
        .get(&format!("/api/v1/files/{file_id}/preview"), Some(&citizen))
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "no preview for a PDF");

    // An image gets a preview, shown inline.
    let photo = app
        .uploaded(&idea_files(&idea), &citizen, "عکس.png", png(640, 480), &[])
        .await;
    assert_eq!(photo["contentType"], "image/png");
    let preview = photo["previewUrl"].as_str().expect("an image has a preview");
    let response = app.open_link(preview, &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let (content_type, disposition) = answered_headers(storage, preview, &response);
    let disposition = disposition.unwrap_or_default();
    assert!(
        disposition.starts_with("inline"),
        "a preview is shown inline: {disposition}"
    );
    let content_type = content_type.unwrap_or_default();
    assert!(content_type.starts_with("image/"), "{content_type}");
    let small = image::load_from_memory(&response.bytes().await.expect("bytes")).expect("the preview decodes");
    assert!(
        small.width() < 640 && small.height() < 480,
        "a small preview: {}×{}",
        small.width(),
        small.height()
    );
    let list = app.file_list(&idea_files(&idea), Some(&citizen)).await;
    assert_eq!(list["total"], 2, "newest last");
    assert_eq!(list["items"][1]["id"], photo["id"]);
}

async fn a_range_is_answered_with_its_slice(storage: Storage) {
    let Some(app) = app_on(storage, &[]).await else { return };
    let (_staff, citizen, idea) = draft_idea(&app).await;
    let bytes = pdf(Some(AUTHOR));
    let file = app
        .uploaded(&idea_files(&idea), &citizen, "proposal.pdf", bytes.clone(), &[])
        .await;
    let link = file["url"].as_str().expect("url");
    for (range, expected) in [
        ("bytes=0-7", &bytes[0..8]),
        ("bytes=100-199", &bytes[100..200]),
        ("bytes=-10", &bytes[bytes.len() - 10..]),
    ] {
        let response = app.open_link(link, &[("range", range)]).await;
        assert_eq!(response.status(), StatusCode::PARTIAL_CONTENT, "{range}");
        let content_range = header(&response, "content-range").expect("Content-Range");
        assert!(
            content_range.ends_with(&format!("/{}", bytes.len())),
            "{range}: {content_range}"
        );
        assert_eq!(response.bytes().await.expect("bytes").as_ref(), expected, "{range}");
    }
    let response = app
        .open_link(link, &[("range", &format!("bytes={}-", bytes.len() + 10))])
        .await;
    assert_eq!(response.status(), StatusCode::RANGE_NOT_SATISFIABLE);
}

// ---------------------------------------------------------------------------------------------------------
// Limits, types and metadata (the storage does not matter: the local folder).

#[tokio::test]
async fn a_file_over_the_limit_is_refused_with_413() {
    let app = spawn_app_with(&["--upload-max-file-bytes", "2000", "--upload-max-idea-bytes", "5000"]).await;
    let (_staff, citizen, idea) = draft_idea(&app).await;
    let mut big = pdf(None);
    big.extend(std::iter::repeat_n(b'%', 2001 - big.len()));
    let response = app
        .upload(&idea_files(&idea), Some(&citizen), "big.pdf", big, &[])
        .await;
    assert_problem(response, 413, "file_too_large").await;
    let list = app.file_list(&idea_files(&idea), Some(&citizen)).await;
    assert_eq!(list["total"], 0);

    // Exactly at the limit is fine; the idea's budget counts its live files.
    let mut at_limit = pdf(None);
    at_limit.extend(std::iter::repeat_n(b'\n', 2000 - at_limit.len()));
    let mut kept = Vec::new();
    for n in 0..2 {
        let mut bytes = at_limit.clone();
        // Different bytes each time, so that they are not one blob.
        bytes[1990] = b'0' + n;
        kept.push(id(&app
            .uploaded(&idea_files(&idea), &citizen, "part.pdf", bytes, &[])
            .await));
    }
    // 4,000 bytes kept; 2,000 more would pass 5,000.
    let mut third = at_limit.clone();
    third[1990] = b'9';
    let response = app
        .upload(&idea_files(&idea), Some(&citizen), "third.pdf", third.clone(), &[])
        .await;
    assert_problem(response, 413, "owner_files_too_large").await;
    // A removed file no longer counts.
    let response = app.delete(&format!("/api/v1/files/{}", kept[0]), Some(&citizen)).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    app.uploaded(&idea_files(&idea), &citizen, "third.pdf", third, &[])
        .await;
}

#[tokio::test]
async fn a_ties_files_share_the_budget_and_staff_records_have_none() {
    let app = spawn_app_with(&["--upload-max-file-bytes", "2000", "--upload-max-idea-bytes", "3000"]).await;
    let citizen = app.citizen("sara@example.org").await;
    let tie = a_tie(&app, &citizen).await;
    let mut bytes = pdf(None);
    bytes.extend(std::iter::repeat_n(b'\n', 1800 - bytes.len()));
    app.uploaded(
        &format!("/api/v1/ties/{tie}/files"),
        &citizen,
        "admission.pdf",
        bytes.clone(),
        &[],
    )
    .await;
    bytes[1700] = b'x';
    let response = app
        .upload(
            &format!("/api/v1/ties/{tie}/files"),
            Some(&citizen),
            "licence.pdf",
            bytes.clone(),
            &[],
        )
        .await;
    assert_problem(response, 413, "owner_files_too_large").await;

    // A partnership's records: each file is limited, the owner is not.
    let staff = app.staff().await;
    let partnership = a_partnership(&app, &staff).await;
    let path = format!("/api/v1/partnerships/{partnership}/files");
    for n in 0..3u8 {
        bytes[1700] = b'0' + n;
        app.uploaded(&path, &staff, "agreement.pdf", bytes.clone(), &[]).await;
    }
}

#[tokio::test]
async fn the_type_comes_from_the_bytes_not_the_name() {
    let app = spawn_app().await;
    let (_staff, citizen, idea) = draft_idea(&app).await;
    // A PDF called .png is kept as the PDF it is.
    let file = app
        .uploaded(&idea_files(&idea), &citizen, "scan.png", pdf(None), &[])
        .await;
    assert_eq!(file["contentType"], "application/pdf");
    assert_eq!(
        file["name"], "scan.pdf",
        "the name takes the extension of the detected type"
    );
    assert_eq!(file["previewUrl"], Value::Null, "not an image");
    let response = app.open_link(file["url"].as_str().expect("url"), &[]).await;
    assert_eq!(header(&response, "content-type").as_deref(), Some("application/pdf"));
    let disposition = header(&response, "content-disposition").unwrap_or_default();
    assert!(disposition.contains("scan.pdf"), "{disposition}");
    // An HTML page called .pdf (and sent as application/pdf) is refused.
    let response = app
        .upload(&idea_files(&idea), Some(&citizen), "proposal.pdf", html(), &[])
        .await;
    assert_problem(response, 415, "unsupported_file_type").await;
    // Plain text, an empty file, EICAR without a scanner: none of the accepted types.
    for (name, bytes) in [
        ("notes.txt", b"just some text".to_vec()),
        ("empty.pdf", Vec::new()),
        ("eicar.pdf", EICAR.to_vec()),
    ] {
        let response = app.upload(&idea_files(&idea), Some(&citizen), name, bytes, &[]).await;
        assert_problem(response, 415, "unsupported_file_type").await;
    }
    // Each accepted type, whatever it is called.
    for (name, bytes, expected) in [
        ("photo.jpg", jpeg(64, 48), "image/jpeg"),
        ("photo.bin", png(32, 32), "image/png"),
        ("photo.webp", webp(32, 32), "image/webp"),
        (
            "letter.docx",
            docx(None),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("letter.odt", odt(None), "application/vnd.oasis.opendocument.text"),
    ] {
        let file = app.uploaded(&idea_files(&idea), &citizen, name, bytes, &[]).await;
        assert_eq!(file["contentType"], expected, "{name}");
    }
    let list = app.file_list(&idea_files(&idea), Some(&citizen)).await;
    assert_eq!(list["total"], 6, "only the accepted files were kept");
}

#[tokio::test]
async fn location_metadata_is_removed_from_photos() {
    let app = spawn_app().await;
    let (_staff, citizen, idea) = draft_idea(&app).await;
    let tagged = jpeg_with_gps(320, 240);
    assert!(jpeg_has_location(&tagged), "the fixture carries GPS");
    let file = app
        .uploaded(&idea_files(&idea), &citizen, "میدان.jpg", tagged.clone(), &[])
        .await;
    assert_eq!(file["contentType"], "image/jpeg");
    let stored = app.download(&id(&file), Some(&citizen)).await;
    assert!(
        !jpeg_has_location(&stored),
        "the stored photo says nowhere where it was taken"
    );
    let decoded = image::load_from_memory(&stored).expect("the stored photo is still a JPEG");
    assert_eq!((decoded.width(), decoded.height()), (320, 240));
    assert_eq!(file["size"], stored.len(), "the size is the stored bytes'");
    let preview = app
        .open_link(file["previewUrl"].as_str().expect("a preview"), &[])
        .await;
    let preview = preview.bytes().await.expect("bytes");
    if preview.starts_with(&[0xff, 0xd8]) {
        assert!(!jpeg_has_location(&preview), "nor its preview");
    }
}

#[tokio::test]
async fn the_uploader_and_staff_are_warned_that_a_document_names_its_author() {
    let app = spawn_app().await;
    let (staff, citizen, idea) = draft_idea(&app).await;
    let named = app
        .uploaded(&idea_files(&idea), &citizen, "proposal.pdf", pdf(Some(AUTHOR)), &[])
        .await;
    assert_eq!(named["authorField"], AUTHOR, "the uploader is warned");
    let plain = app
        .uploaded(&idea_files(&idea), &citizen, "plain.pdf", pdf(None), &[])
        .await;
    assert_eq!(plain["authorField"], Value::Null);
    let path = format!("/api/v1/files/{}", id(&named));
    let read = app.json(app.get(&path, Some(&staff)).await).await;
    assert_eq!(read["authorField"], AUTHOR, "staff see it too");
    let read = app.json(app.get(&path, Some(&citizen)).await).await;
    assert_eq!(read["authorField"], AUTHOR);
    // Word and OpenDocument files say who wrote them too.
    for (name, bytes) in [("letter.docx", docx(Some(AUTHOR))), ("letter.odt", odt(Some(AUTHOR)))] {
        let file = app.uploaded(&idea_files(&idea), &citizen, name, bytes, &[]).await;
        assert_eq!(file["authorField"], AUTHOR, "{name}");
    }
    let file = app
        .uploaded(&idea_files(&idea), &citizen, "plain.docx", docx(None), &[])
        .await;
    assert_eq!(file["authorField"], Value::Null);
    // Others who may see the file never see the author: tests/api/files_visibility.rs.
}

#[tokio::test]
async fn a_form_without_a_file_or_with_a_long_description_is_a_field_error() {
    let app = spawn_app().await;
    let (_staff, citizen, idea) = draft_idea(&app).await;
    let path = idea_files(&idea);
    let response = app
        .send_form(&path, Some(&citizen), form(&[("description", "بدون فایل")]))
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert!(pointers(&problem).contains(&"/file"), "{problem}");
    let long = "ا".repeat(301);
    let response = app
        .upload(&path, Some(&citizen), "a.pdf", pdf(None), &[("description", &long)])
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert!(pointers(&problem).contains(&"/description"), "{problem}");
    let response = app
        .upload(&path, Some(&citizen), "a.pdf", pdf(None), &[("kind", "record")])
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert!(pointers(&problem).contains(&"/kind"), "{problem}");
    // Exactly 300 characters is fine.
    let file = app
        .uploaded(
            &path,
            &citizen,
            "a.pdf",
            pdf(None),
            &[("description", &"ا".repeat(300))],
        )
        .await;
    assert_eq!(file["description"].as_str().map(|d| d.chars().count()), Some(300));
    // Not multipart at all.
    let response = app
        .client
        .post(app.url(&path))
        .bearer_auth(&citizen)
        .header("content-type", "multipart/form-data; boundary=xyz")
        .body("--xyz\r\nthis is not a part")
        .send()
        .await
        .expect("sent");
    assert_problem(response, 400, "malformed_multipart").await;
    let list = app.file_list(&path, Some(&citizen)).await;
    assert_eq!(list["total"], 1);
}

#[tokio::test]
async fn the_submitter_adds_files_only_while_the_idea_may_be_edited() {
    let app = spawn_app().await;
    let (staff, citizen, idea) = draft_idea(&app).await;
    let path = idea_files(&idea);
    let file = app.uploaded(&path, &citizen, "draft.pdf", pdf(None), &[]).await;
    assert_eq!(file["allowedActions"], json!(["edit", "remove"]));
    let patched = app
        .patch(
            &format!("/api/v1/files/{}", id(&file)),
            Some(&citizen),
            json!({ "description": "نسخه‌ی نهایی", "kind": "evidence", "identifying": true }),
        )
        .await;
    let patched = app.json(patched).await;
    assert_eq!(patched["description"], "نسخه‌ی نهایی");
    assert_eq!(patched["kind"], "evidence");
    assert_eq!(patched["identifying"], true);
    // Staff see the file but do not act on a citizen's idea.
    let response = app.upload(&path, Some(&staff), "staff.pdf", pdf(None), &[]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app.delete(&format!("/api/v1/files/{}", id(&file)), Some(&staff)).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // Once the call is closed the idea is no longer edited, nor are its files.
    let submitted = app
        .post_empty(&format!("/api/v1/ideas/{idea}/submit"), Some(&citizen))
        .await;
    assert_eq!(submitted.status(), StatusCode::OK);
    let call = app
        .json(app.get(&format!("/api/v1/ideas/{idea}"), Some(&citizen)).await)
        .await["callId"]
        .as_str()
        .expect("callId")
        .to_owned();
    app.close_call(&staff, &call).await;
    let response = app.upload(&path, Some(&citizen), "late.pdf", pdf(None), &[]).await;
    assert_eq!(
        response.status(),
        StatusCode::CONFLICT,
        "no upload after the call closed"
    );
    let response = app
        .delete(&format!("/api/v1/files/{}", id(&file)), Some(&citizen))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::CONFLICT,
        "no removal after the call closed"
    );
    let list = app.file_list(&path, Some(&citizen)).await;
    assert_eq!(list["items"][0]["allowedActions"], json!([]));
}

#[tokio::test]
async fn each_upload_and_removal_is_an_event_of_its_owner() {
    use domain::event::SubjectKind;
    let app = spawn_app().await;
    let (staff, citizen, idea) = draft_idea(&app).await;
    let citizen_id = app.user_id(&citizen).await;
    let file = app
        .uploaded(&idea_files(&idea), &citizen, "طرح.pdf", pdf(None), &[])
        .await;
    let response = app
        .delete(&format!("/api/v1/files/{}", id(&file)), Some(&citizen))
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let events = app.events_of(SubjectKind::Idea, &idea).await;
    let files: Vec<_> = events
        .iter()
        .filter(|e| matches!(e.kind.to_string().as_str(), "file_added" | "file_removed"))
        .collect();
    assert_eq!(files.len(), 2, "{:?}", event_summary(&events));
    assert_eq!(files[0].kind.to_string(), "file_added");
    assert_eq!(files[1].kind.to_string(), "file_removed");
    for event in &files {
        assert_eq!(event.actor_id.map(|a| a.to_string()), Some(citizen_id.clone()));
        let data = format!("{:?} {:?}", event.from_value, event.to_value);
        assert!(data.contains("طرح.pdf"), "the event names the file: {data}");
    }
    // The owner's history shows them, as other events: to staff, and to the submitter.
    for (who, token) in [("staff", &staff), ("the submitter", &citizen)] {
        let history = app
            .json(app.get(&format!("/api/v1/ideas/{idea}/events"), Some(token)).await)
            .await;
        let kinds: Vec<&str> = history["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["kind"].as_str())
            .collect();
        assert!(
            kinds.contains(&"file_added") && kinds.contains(&"file_removed"),
            "{who}: {kinds:?}"
        );
    }

    // A tie's files are events of the citizen's profile; a partnership's and an activity's, of them.
    let tie = a_tie(&app, &citizen).await;
    app.uploaded(
        &format!("/api/v1/ties/{tie}/files"),
        &citizen,
        "admission.pdf",
        pdf(None),
        &[],
    )
    .await;
    let events = app.events_of(SubjectKind::Profile, &citizen_id).await;
    assert!(
        events.iter().any(|e| e.kind.to_string() == "file_added"),
        "{:?}",
        event_summary(&events)
    );
    let partnership = a_partnership(&app, &staff).await;
    app.uploaded(
        &format!("/api/v1/partnerships/{partnership}/files"),
        &staff,
        "agreement.pdf",
        pdf(None),
        &[],
    )
    .await;
    let events = app.events_of(SubjectKind::Partnership, &partnership).await;
    assert!(
        events.iter().any(|e| e.kind.to_string() == "file_added"),
        "{:?}",
        event_summary(&events)
    );
    let activity = an_activity(&app, &staff).await;
    app.uploaded(
        &format!("/api/v1/activities/{activity}/files"),
        &staff,
        "photo.jpg",
        jpeg(64, 64),
        &[],
    )
    .await;
    let events = app.events_of(SubjectKind::Activity, &activity).await;
    assert!(
        events.iter().any(|e| e.kind.to_string() == "file_added"),
        "{:?}",
        event_summary(&events)
    );
}

// ---------------------------------------------------------------------------------------------------------
// Signed links.

#[tokio::test]
async fn a_signed_link_opens_only_its_own_file_and_variant() {
    let app = spawn_app().await;
    let (_staff, citizen, idea) = draft_idea(&app).await;
    let photo = app
        .uploaded(&idea_files(&idea), &citizen, "photo.png", png(300, 200), &[])
        .await;
    let other = app
        .uploaded(&idea_files(&idea), &citizen, "other.pdf", pdf(None), &[])
        .await;
    let original = photo["url"].as_str().expect("url").to_owned();
    let preview = photo["previewUrl"].as_str().expect("previewUrl").to_owned();
    assert_eq!(app.open_link(&original, &[]).await.status(), StatusCode::OK);

    // The same signature on another file, or on the other variant, opens nothing.
    let photo_id = id(&photo);
    let other_id = id(&other);
    let swapped = original.replace(&photo_id, &other_id);
    assert_problem(app.open_link(&swapped, &[]).await, 403, "link_invalid").await;
    let to_preview = original.replace("variant=original", "variant=preview");
    assert_ne!(to_preview, original);
    assert_problem(app.open_link(&to_preview, &[]).await, 403, "link_invalid").await;
    let to_original = preview.replace("variant=preview", "variant=original");
    assert_problem(app.open_link(&to_original, &[]).await, 403, "link_invalid").await;
    // A later expiry with the old signature, or a changed signature, opens nothing either.
    let expires: i64 = query_value(&original, "expires").parse().expect("expires");
    let later = original.replace(&format!("expires={expires}"), &format!("expires={}", expires + 3600));
    assert_problem(app.open_link(&later, &[]).await, 403, "link_invalid").await;
    let signature = query_value(&original, "signature");
    let mut forged = signature.clone().into_bytes();
    forged[0] = if forged[0] == b'0' { b'1' } else { b'0' };
    let forged = original.replace(&signature, &String::from_utf8(forged).expect("hex"));
    assert_problem(app.open_link(&forged, &[]).await, 403, "link_invalid").await;
    let unsigned = original
        .split('&')
        .filter(|p| !p.starts_with("signature="))
        .collect::<Vec<_>>()
        .join("&");
    let status = app.open_link(&unsigned, &[]).await.status();
    assert!(
        [403, 422].contains(&status.as_u16()),
        "a link without its signature: {status}"
    );

    // A removed file's link opens nothing, even a fresh one.
    let link = app.content_location(&other_id, "content", Some(&citizen)).await;
    let response = app.delete(&format!("/api/v1/files/{other_id}"), Some(&citizen)).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let response = app.open_link(&link, &[]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

/// The Content-Type and Content-Disposition a link's answer carries. The server's own signed links (local
/// storage, and previews on S3) answer them itself; an S3 pre-signed URL gets those it asks for in
/// `response-content-type` and `response-content-disposition` — moto 5.2 ignores them (real S3 honours them), so
/// for such a link they are read from the URL.
pub fn answered_headers(storage: Storage, link: &str, response: &Response) -> (Option<String>, Option<String>) {
    let presigned = storage == Storage::S3 && link.starts_with("http");
    if presigned {
        (
            query_param(link, "response-content-type"),
            query_param(link, "response-content-disposition"),
        )
    } else {
        (
            header(response, "content-type"),
            header(response, "content-disposition"),
        )
    }
}

/// A query parameter of a link, percent-decoded once (None when absent).
pub fn query_param(link: &str, name: &str) -> Option<String> {
    let query = link.split_once('?')?.1;
    let raw = query
        .split('&')
        .find_map(|pair| pair.strip_prefix(&format!("{name}=")))?;
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The value of a query parameter of a link.
fn query_value(link: &str, name: &str) -> String {
    link.split_once('?')
        .map(|(_, query)| query)
        .unwrap_or_default()
        .split('&')
        .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
        .unwrap_or_else(|| panic!("{link} has no {name}"))
        .to_owned()
}

#[tokio::test]
async fn on_s3_the_link_is_a_pre_signed_url_of_the_short_life() {
    let Some(app) = spawn_app_on_storage(Storage::S3, &["--file-link-seconds", "60"]).await else {
        return;
    };
    let (_staff, citizen, idea) = draft_idea(&app).await;
    let bytes = pdf(None);
    let file = app
        .uploaded(&idea_files(&idea), &citizen, "طرح.pdf", bytes.clone(), &[])
        .await;
    let link = file["url"].as_str().expect("url");
    let bucket = app.s3.as_ref().expect("a bucket");
    assert!(
        link.starts_with(&format!("{}/{}/", bucket.endpoint, bucket.bucket)),
        "{link}"
    );
    assert!(link.contains(&sha256_hex(&bytes)), "the link names the bytes: {link}");
    let expires: u64 = query_value(link, "X-Amz-Expires").parse().expect("X-Amz-Expires");
    assert!(
        (59..=60).contains(&expires),
        "the link lives FILE_LINK_SECONDS: {expires}"
    );
    let location = app.content_location(&id(&file), "content", Some(&citizen)).await;
    assert!(location.starts_with(&bucket.endpoint), "{location}");
}

// ---------------------------------------------------------------------------------------------------------
// Removal, the sweep and a crash between bytes and row, on both storages.

async fn removed_files_are_gone_and_their_bytes_are_swept(storage: Storage) {
    let Some(app) = app_on(storage, &[]).await else { return };
    let (_staff, citizen, idea) = draft_idea(&app).await;
    let bytes = pdf(None);
    let sha = sha256_hex(&bytes);
    let first = app
        .uploaded(&idea_files(&idea), &citizen, "one.pdf", bytes.clone(), &[])
        .await;
    // The same bytes twice are kept once.
    let second = app
        .uploaded(&idea_files(&idea), &citizen, "two.pdf", bytes.clone(), &[])
        .await;
    assert!(app.store_holds(&sha).await, "the bytes are stored under their SHA-256");
    let link = first["url"].as_str().expect("url").to_owned();

    let response = app
        .delete(&format!("/api/v1/files/{}", id(&first)), Some(&citizen))
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let response = app.get(&format!("/api/v1/files/{}", id(&first)), Some(&citizen)).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = app
        .delete(&format!("/api/v1/files/{}", id(&first)), Some(&citizen))
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "removed once");
    let list = app.file_list(&idea_files(&idea), Some(&citizen)).await;
    assert_eq!(list["total"], 1);
    if storage == Storage::Local {
        assert_eq!(app.open_link(&link, &[]).await.status(), StatusCode::NOT_FOUND);
    }

    // The other file still shows the same bytes: the sweep leaves them.
    sweep(&app, 0).await;
    assert!(app.store_holds(&sha).await, "bytes a live file shows stay");
    assert_eq!(app.download(&id(&second), Some(&citizen)).await, bytes);

    // Once no live file shows them, they go — but not before the grace.
    let response = app
        .delete(&format!("/api/v1/files/{}", id(&second)), Some(&citizen))
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    sweep(&app, 3600).await;
    assert!(app.store_holds(&sha).await, "within the grace the bytes stay");
    let report = sweep(&app, 0).await;
    assert!(report.unreferenced.contains(&sha), "{report:?}");
    assert!(!app.store_holds(&sha).await, "swept: {:?}", app.stored_objects().await);
    // Uploaded again, the same bytes are stored anew.
    let again = app
        .uploaded(&idea_files(&idea), &citizen, "three.pdf", bytes.clone(), &[])
        .await;
    assert_eq!(app.download(&id(&again), Some(&citizen)).await, bytes);
    assert_every_live_file_has_its_bytes(&app).await;
}

async fn bytes_stored_before_a_crash_are_swept_and_no_row_points_at_missing_bytes(storage: Storage) {
    let Some(app) = app_on(storage, &[]).await else { return };
    let (_staff, citizen, idea) = draft_idea(&app).await;
    let kept = pdf(None);
    app.uploaded(&idea_files(&idea), &citizen, "kept.pdf", kept.clone(), &[])
        .await;

    // The process dies after the bytes are stored and before the row is committed: here the row's insert
    // fails, as the database would fail it under a crash.
    fail_file_rows(&app, true).await;
    let lost = pdf(Some(AUTHOR));
    let response = app
        .upload(&idea_files(&idea), Some(&citizen), "lost.pdf", lost.clone(), &[])
        .await;
    assert!(
        response.status().is_server_error(),
        "the upload fails: {}",
        response.status()
    );
    fail_file_rows(&app, false).await;

    let list = app.file_list(&idea_files(&idea), Some(&citizen)).await;
    assert_eq!(list["total"], 1, "no row for the lost upload");
    assert_every_live_file_has_its_bytes(&app).await;
    // The sweep takes the orphan bytes (if they were written) and leaves the kept file's.
    sweep(&app, 0).await;
    assert!(!app.store_holds(&sha256_hex(&lost)).await, "the orphan bytes are swept");
    assert!(app.store_holds(&sha256_hex(&kept)).await);
    assert_every_live_file_has_its_bytes(&app).await;
    // And the same file uploads fine afterwards.
    app.uploaded(&idea_files(&idea), &citizen, "lost.pdf", lost, &[]).await;
    assert_every_live_file_has_its_bytes(&app).await;

    // Bytes in the store that no upload ever claimed (left by hand, or by a crash before the claim) go too,
    // after the grace.
    let stray = b"bytes nobody claimed".to_vec();
    let stray_sha = sha256_hex(&stray);
    store_of(&app)
        .put_bytes(&stray_sha, stray)
        .await
        .expect("stray bytes stored");
    assert!(app.store_holds(&stray_sha).await);
    let report = sweep(&app, 3600).await;
    assert!(report.strays.is_empty(), "within the grace: {report:?}");
    // This time as an operator runs it: `citizen-diplomat files sweep --grace-seconds 0`.
    sweep_with_the_command(&app, 0).await;
    assert!(!app.store_holds(&stray_sha).await, "the stray bytes are swept");
    assert!(app.store_holds(&sha256_hex(&kept)).await);
    assert_every_live_file_has_its_bytes(&app).await;
}

/// Makes every insert into `files` fail (`on`), or not: a crash between the bytes and the row, reproducibly.
async fn fail_file_rows(app: &TestApp, on: bool) {
    use sea_orm::ConnectionTrait;
    let db = app.db().await;
    let statements: &[&str] = match (on_postgres(), on) {
        (false, true) => &["CREATE TRIGGER crash_files BEFORE INSERT ON files BEGIN SELECT RAISE(ABORT, 'crash'); END"],
        (false, false) => &["DROP TRIGGER crash_files"],
        (true, true) => &[
            "CREATE FUNCTION crash_files() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'crash'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER crash_files BEFORE INSERT ON files FOR EACH ROW EXECUTE FUNCTION crash_files()",
        ],
        (true, false) => &["DROP TRIGGER crash_files ON files", "DROP FUNCTION crash_files()"],
    };
    for statement in statements {
        db.execute_unprepared(statement).await.expect("trigger changed");
    }
}

/// Every file row not removed names bytes the store holds (and its preview's, if any).
async fn assert_every_live_file_has_its_bytes(app: &TestApp) {
    use sea_orm::{ConnectionTrait, Statement};
    let db = app.db().await;
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT sha256, preview_sha256 FROM files WHERE removed_at IS NULL",
        ))
        .await
        .expect("files read");
    let stored = app.stored_objects().await;
    for row in rows {
        let sha: String = row.try_get("", "sha256").expect("sha256");
        assert!(
            stored.iter().any(|(name, _)| name.contains(&sha)),
            "a live file's bytes {sha} are missing"
        );
        let preview: Option<String> = row.try_get("", "preview_sha256").expect("preview_sha256");
        if let Some(preview) = preview {
            assert!(
                stored.iter().any(|(name, _)| name.contains(&preview)),
                "a preview's bytes {preview} are missing"
            );
        }
    }
}

/// The app's object store, opened from the same settings as the app's (its data folder, its bucket).
pub fn store_of(app: &TestApp) -> files::Storage {
    let flags = app.s3.as_ref().map(S3Bucket::serve_flags).unwrap_or_default();
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let args = app.serve_args(&flags);
    args.files
        .storage(&app.dir.path().join("data"))
        .expect("the app's store opens")
}

/// Sweeps the store of bytes no live file references, claimed more than `grace_seconds` ago, as
/// `citizen-diplomat files sweep --grace-seconds N` and the hourly scheduler do.
async fn sweep(app: &TestApp, grace_seconds: i64) -> app::files::SweepReport {
    let db = app.db().await;
    app::files::sweep(
        &db,
        &store_of(app),
        chrono::TimeDelta::seconds(grace_seconds),
        chrono::Utc::now(),
    )
    .await
    .expect("the sweep runs")
}

/// `citizen-diplomat files sweep` with the app's database, data folder and store, in this process.
async fn sweep_with_the_command(app: &TestApp, grace_seconds: i64) {
    use clap::Parser as _;
    let data_dir = app.dir.path().join("data");
    let grace = grace_seconds.to_string();
    let mut argv: Vec<String> = [
        "citizen-diplomat",
        "files",
        "sweep",
        "--database-url",
        &app.database_url,
        "--data-dir",
        data_dir.to_str().expect("a UTF-8 path"),
        "--grace-seconds",
        &grace,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    argv.extend(app.s3.as_ref().map(S3Bucket::serve_flags).unwrap_or_default());
    let cli = api::cli::Cli::try_parse_from(&argv).expect("the sweep's flags");
    api::cli::run(cli).await.expect("the sweep command runs");
}

// ---------------------------------------------------------------------------------------------------------
// Antivirus.

#[tokio::test]
async fn with_clamav_an_infected_file_is_refused_and_a_clean_one_kept() {
    let Some(clamav) = test_service("TEST_CLAMAV_URL", "the test clamd") else {
        return;
    };
    let app = spawn_app_with(&["--clamav-url", &clamav]).await;
    let ready = app.json(app.get("/api/health/ready", None).await).await;
    assert_eq!(ready["uploadsScanned"], true, "{ready}");
    let (_staff, citizen, idea) = draft_idea(&app).await;
    // EICAR inside a PDF (the test clamd knows EICAR's bytes anywhere in a file): a type the sniffer accepts,
    // refused by the scanner.
    let mut infected = pdf(None);
    let at = infected.len() - 6;
    infected.splice(at..at, EICAR.iter().copied().chain(*b"\n"));
    let response = app
        .upload(
            &idea_files(&idea),
            Some(&citizen),
            "infected.pdf",
            infected.clone(),
            &[],
        )
        .await;
    assert_problem(response, 422, "infected_file").await;
    assert!(
        !app.store_holds(&sha256_hex(&infected)).await,
        "infected bytes are not kept"
    );
    // EICAR after a photo's end: images are rewritten without their metadata and trailing bytes before they
    // are scanned and kept, so what is kept is clean — or the upload is refused; never kept as sent.
    let mut photo = png(16, 16);
    photo.extend_from_slice(EICAR);
    let response = app
        .upload(&idea_files(&idea), Some(&citizen), "photo.png", photo.clone(), &[])
        .await;
    if response.status() == StatusCode::CREATED {
        let kept: Value = response.json().await.expect("JSON");
        let stored = app.download(&id(&kept), Some(&citizen)).await;
        assert!(
            !stored.windows(EICAR.len()).any(|w| w == EICAR),
            "EICAR was kept in the photo"
        );
        let response = app
            .delete(&format!("/api/v1/files/{}", id(&kept)), Some(&citizen))
            .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    } else {
        assert_problem(response, 422, "infected_file").await;
    }
    assert!(!app.store_holds(&sha256_hex(&photo)).await);
    // The EICAR file on its own is no accepted type: refused either way (415 when the type is checked first).
    let response = app
        .upload(&idea_files(&idea), Some(&citizen), "eicar.pdf", EICAR.to_vec(), &[])
        .await;
    assert!(
        [415, 422].contains(&response.status().as_u16()),
        "{}",
        response.status()
    );
    let clean = app
        .uploaded(&idea_files(&idea), &citizen, "clean.pdf", pdf(None), &[])
        .await;
    assert_eq!(clean["scanned"], true);
    let list = app.file_list(&idea_files(&idea), Some(&citizen)).await;
    assert_eq!(list["total"], 1);
}

#[tokio::test]
async fn without_clamav_readiness_says_uploads_are_not_scanned() {
    let app = spawn_app().await;
    let ready = app.json(app.get("/api/health/ready", None).await).await;
    assert_eq!(ready["uploadsScanned"], false, "{ready}");
    assert_eq!(ready["storage"], "local");
    let (_staff, citizen, idea) = draft_idea(&app).await;
    let file = app
        .uploaded(&idea_files(&idea), &citizen, "a.pdf", pdf(None), &[])
        .await;
    assert_eq!(file["scanned"], false);
}

#[tokio::test]
async fn readiness_names_the_s3_store_and_fails_without_a_configured_clamd() {
    if let Some(app) = spawn_app_on_storage(Storage::S3, &[]).await {
        let ready = app.json(app.get("/api/health/ready", None).await).await;
        assert_eq!(ready["storage"], "s3", "{ready}");
    }
    // A configured scanner that does not answer: not ready.
    let unused = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = unused.local_addr().expect("address").port();
    drop(unused);
    let app = spawn_app_with(&["--clamav-url", &format!("tcp://127.0.0.1:{port}")]).await;
    let response = app.get("/api/health/ready", None).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
}

// ---------------------------------------------------------------------------------------------------------
// Owners beyond ideas.

/// The citizen's first tie abroad (made through their profile): its id.
pub async fn a_tie(app: &TestApp, citizen: &str) -> String {
    let profile =
        json!({ "profile": { "ties": [{ "city": "Freiburg", "country": "DE", "nature": "study", "since": 2012 }] } });
    let me = app.json(app.patch("/api/v1/me", Some(citizen), profile).await).await;
    me["profile"]["ties"][0]["id"].as_str().expect("a tie id").to_owned()
}

/// A partnership staff record with a new city: its id.
pub async fn a_partnership(app: &TestApp, staff: &str) -> String {
    let city = id(&app.create_city(staff, "بارسلون", "Barcelona", "ES").await);
    let body = json!({ "cityId": city, "kind": "sister_city", "state": "active", "signedOn": "2000-03-01" });
    let response = app.post("/api/v1/partnerships", Some(staff), body).await;
    id(&created(response).await)
}

/// An activity staff record with a new city: its id.
pub async fn an_activity(app: &TestApp, staff: &str) -> String {
    let city = id(&app.create_city(staff, "کوالالامپور", "Kuala Lumpur", "MY").await);
    let body = json!({ "occurredOn": "2025-05-10", "kind": "exhibition", "direction": "outbound",
        "title": { "fa": "نمایشگاه صنایع دستی" } });
    id(&app.record_activity(staff, &city, body).await)
}
