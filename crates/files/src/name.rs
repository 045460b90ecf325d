//! Display names and `Content-Disposition` headers.
//!
//! The name a browser sent with an upload is shown to people and put back in a download header,
//! so it must not carry path parts, bidi controls (U+202E can make an `.exe` look like a `.pdf`)
//! or characters that break headers or file systems. It is never used as a storage path: bytes
//! live under their SHA-256.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use unicode_normalization::UnicodeNormalization;

/// Longest display name, in characters (not bytes: Persian letters are two bytes each).
pub const MAX_NAME_CHARS: usize = 120;

/// Longest extension kept whole when a long name is shortened.
const MAX_EXTENSION_CHARS: usize = 16;

/// Characters Windows forbids in file names; dropped so a downloaded file saves everywhere.
const FORBIDDEN: &[char] = &['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Bidi controls can make `exe.pdf` look like `fdp.exe`: always removed.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Turns an uploaded file name into a safe display name.
///
/// Keeps the last path component (`/` or `\`), normalises to NFC, removes control and bidi
/// characters and `<>:"/\|?*`, collapses whitespace, trims spaces and dots at both ends and shortens
/// to [`MAX_NAME_CHARS`] keeping the extension. Persian letters and the zero-width non-joiner
/// (U+200C, the Persian half-space) are kept. An empty result becomes `file`.
pub fn sanitise_name(original: &str) -> String {
    let last = original.rsplit(['/', '\\']).next().unwrap_or(original);

    let mut cleaned = String::with_capacity(last.len());
    let mut pending_space = false;
    for c in last.nfc() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if c.is_control() || is_bidi_control(c) || FORBIDDEN.contains(&c) {
            continue;
        }
        if pending_space && !cleaned.is_empty() {
            cleaned.push(' ');
        }
        pending_space = false;
        cleaned.push(c);
    }

    let trimmed = trim_ends(&cleaned);
    let shortened = shorten(trimmed);
    if shortened.is_empty() {
        "file".to_owned()
    } else {
        shortened
    }
}

fn trim_ends(s: &str) -> &str {
    s.trim_matches(|c: char| c == ' ' || c == '.')
}

/// Cuts the stem so the whole name fits, keeping a short extension intact.
fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_owned();
    }
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.is_empty() && ext.chars().count() <= MAX_EXTENSION_CHARS => {
            (stem, Some(ext))
        }
        _ => (name, None),
    };
    let room = match extension {
        Some(ext) => MAX_NAME_CHARS - 1 - ext.chars().count(),
        None => MAX_NAME_CHARS,
    };
    let stem: String = stem.chars().take(room).collect();
    let stem = trim_ends(&stem);
    match extension {
        Some(ext) if !stem.is_empty() => format!("{stem}.{ext}"),
        Some(ext) => ext.to_owned(),
        None => stem.to_owned(),
    }
}

/// Whether a browser should save the file or show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DispositionKind {
    /// Download (originals).
    Attachment,
    /// Show in the page (previews).
    Inline,
}

impl DispositionKind {
    fn as_str(self) -> &'static str {
        match self {
            DispositionKind::Attachment => "attachment",
            DispositionKind::Inline => "inline",
        }
    }
}

/// RFC 5987 `attr-char`: everything else in `filename*` is percent-encoded.
const ATTR_CHAR_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// Builds an RFC 6266 `Content-Disposition` value with an ASCII `filename` for old clients and
/// the exact UTF-8 name in `filename*`, so Persian names survive the download.
pub fn content_disposition(kind: DispositionKind, name: &str) -> String {
    let mut fallback = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '"' | '\\' => {
                fallback.push('\\');
                fallback.push(c);
            }
            c if c.is_ascii() && !c.is_ascii_control() => fallback.push(c),
            _ => fallback.push('_'),
        }
    }
    let encoded = utf8_percent_encode(name, ATTR_CHAR_ENCODE);
    format!("{}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}", kind.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_persian_names_and_half_space() {
        assert_eq!(sanitise_name("طرح همکاری.pdf"), "طرح همکاری.pdf");
        // U+200C (ZWNJ) is part of Persian spelling: «می‌خواهم»
        assert_eq!(sanitise_name("می\u{200C}خواهم.docx"), "می\u{200C}خواهم.docx");
    }

    #[test]
    fn takes_last_path_component() {
        assert_eq!(sanitise_name("C:\\Users\\علی\\سند.pdf"), "سند.pdf");
        assert_eq!(sanitise_name("../../etc/passwd"), "passwd");
        assert_eq!(sanitise_name("dir/"), "file");
    }

    #[test]
    fn removes_bidi_controls_and_forbidden_characters() {
        assert_eq!(sanitise_name("invoice\u{202E}fdp.exe"), "invoicefdp.exe");
        assert_eq!(sanitise_name("\u{2067}گزارش\u{2069}.pdf"), "گزارش.pdf");
        assert_eq!(sanitise_name("a<b>c:d\"e|f?g*h.png"), "abcdefgh.png");
        assert_eq!(sanitise_name("tab\there\u{0}\u{7}.pdf"), "tab here.pdf");
    }

    #[test]
    fn collapses_whitespace_and_trims_dots() {
        assert_eq!(sanitise_name("  طرح   \t  نهایی  .pdf "), "طرح نهایی .pdf");
        assert_eq!(sanitise_name("...hidden.pdf..."), "hidden.pdf");
        assert_eq!(sanitise_name(" . . "), "file");
        assert_eq!(sanitise_name(""), "file");
    }

    #[test]
    fn normalises_to_nfc() {
        // e + combining acute accent becomes é
        assert_eq!(sanitise_name("cafe\u{301}.pdf"), "caf\u{e9}.pdf");
        // alef + hamza above (decomposed) becomes أ
        assert_eq!(sanitise_name("\u{627}\u{654}.pdf"), "\u{623}.pdf");
    }

    #[test]
    fn shortens_keeping_the_extension() {
        let long = format!("{}.pdf", "ب".repeat(300));
        let short = sanitise_name(&long);
        assert_eq!(short.chars().count(), MAX_NAME_CHARS);
        assert!(short.ends_with(".pdf"));
        assert!(short.starts_with("ببب"));

        let no_ext = "x".repeat(500);
        assert_eq!(sanitise_name(&no_ext).chars().count(), MAX_NAME_CHARS);
    }

    #[test]
    fn disposition_for_a_persian_name() {
        assert_eq!(
            content_disposition(DispositionKind::Attachment, "طرح همکاری.pdf"),
            "attachment; filename=\"___ ______.pdf\"; \
             filename*=UTF-8''%D8%B7%D8%B1%D8%AD%20%D9%87%D9%85%DA%A9%D8%A7%D8%B1%DB%8C.pdf"
        );
    }

    #[test]
    fn disposition_escapes_quotes() {
        assert_eq!(
            content_disposition(DispositionKind::Inline, "a\"b\\c.png"),
            "inline; filename=\"a\\\"b\\\\c.png\"; filename*=UTF-8''a%22b%5Cc.png"
        );
    }
}
