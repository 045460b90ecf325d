//! Reading an upload's multipart/form-data body part by part: the file streams into a temporary file
//! (never whole in memory) with its size limit; the other parts are short texts.

use actix_multipart::Multipart;
use actix_web::{HttpRequest, http::header, web};
use domain::file::FileKind;
use futures_util::StreamExt;

use crate::error::{ApiError, ApiResult, ErrorCode};

/// The longest text part read (a description is at most 300 characters; this leaves room to say so).
const TEXT_PART_MAX: usize = 4096;
/// What a multipart body may carry beside the file itself (boundaries, headers and the text parts).
const ENVELOPE_MAX: u64 = 64 * 1024;

fn malformed(detail: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::MalformedMultipart, detail)
}

fn too_large(limit: u64) -> ApiError {
    ApiError::new(
        ErrorCode::FileTooLarge,
        format!("A file may have at most {limit} bytes."),
    )
}

/// Reads an upload: 400 when the body is not multipart/form-data, 413 when the file passes `limit`
/// (before anything is stored), 422 for a missing file or a bad part.
pub async fn read_upload(
    req: &HttpRequest,
    payload: web::Payload,
    limit: u64,
    temp_dir: &std::path::Path,
) -> ApiResult<app::files::Upload> {
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("multipart/form-data"));
    if !is_multipart {
        return Err(malformed("Send the file as multipart/form-data with a `file` part."));
    }
    // A body announced larger than any allowed upload is refused before a byte is read.
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|length| length > limit.saturating_add(ENVELOPE_MAX)) {
        return Err(too_large(limit));
    }

    let mut parts = Multipart::new(req.headers(), payload);
    let mut received: Option<(files::Received, String)> = None;
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut errors: Vec<app::FieldError> = Vec::new();
    while let Some(part) = parts.next().await {
        let part = part.map_err(|err| malformed(format!("The multipart body is not well-formed: {err}")))?;
        let name = part.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "file" if received.is_some() => {
                errors.push(app::FieldError::new("/file", "duplicate", "send one file per upload"));
            }
            "file" => {
                let file_name = part
                    .content_disposition()
                    .and_then(|d| d.get_filename())
                    .unwrap_or_default()
                    .to_owned();
                match files::receive(Box::pin(part), temp_dir, limit).await {
                    Ok(file) => received = Some((file, file_name)),
                    // Answered at once, the rest unread: a body announced too large never gets this far.
                    Err(files::ReceiveError::TooLarge { .. }) => return Err(too_large(limit)),
                    Err(files::ReceiveError::Stream(err)) => {
                        return Err(malformed(format!("The upload broke off: {err}")));
                    }
                    Err(err) => return Err(app::Error::internal(err).into()),
                }
            }
            "description" | "kind" | "identifying" | "internal" => {
                let text = read_text(Box::pin(part)).await?;
                match text {
                    Some(text) => texts.push((name, text)),
                    None => errors.push(app::FieldError::new(
                        format!("/{name}"),
                        "too_long",
                        "at most 300 characters",
                    )),
                }
            }
            _ => errors.push(app::FieldError::new(
                format!("/{}", app::error::pointer_token(&name)),
                "unknown_field",
                "not a part of an upload (file, description, kind, identifying, internal)",
            )),
        }
    }

    let Some((file, name)) = received else {
        errors.push(app::FieldError::new(
            "/file",
            "required",
            "the upload has no `file` part",
        ));
        return Err(app::Error::validation(errors).into());
    };
    let mut upload = app::files::Upload {
        received: file,
        name,
        description: None,
        kind: None,
        identifying: None,
        internal: None,
    };
    for (part, text) in texts {
        match part.as_str() {
            "description" => upload.description = Some(text),
            "kind" => match text.trim().parse::<FileKind>() {
                Ok(kind) => upload.kind = Some(kind),
                Err(_) => errors.push(app::FieldError::new("/kind", "invalid", "proposal, evidence or record")),
            },
            flag => match text.trim() {
                "true" => set_flag(&mut upload, flag, true),
                "false" => set_flag(&mut upload, flag, false),
                _ => errors.push(app::FieldError::new(
                    format!("/{flag}"),
                    "invalid_type",
                    "true or false",
                )),
            },
        }
    }
    if errors.is_empty() {
        Ok(upload)
    } else {
        Err(app::Error::validation(errors).into())
    }
}

fn set_flag(upload: &mut app::files::Upload, flag: &str, value: bool) {
    if flag == "identifying" {
        upload.identifying = Some(value);
    } else {
        upload.internal = Some(value);
    }
}

/// A text part as UTF-8, or None when it is longer than any text part may be.
async fn read_text(mut part: std::pin::Pin<Box<actix_multipart::Field>>) -> ApiResult<Option<String>> {
    let mut bytes = Vec::new();
    while let Some(chunk) = part.next().await {
        let chunk = chunk.map_err(|err| malformed(format!("The upload broke off: {err}")))?;
        if bytes.len() + chunk.len() > TEXT_PART_MAX {
            return Ok(None);
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| malformed("A text part is not UTF-8."))
}
