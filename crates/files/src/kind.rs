//! The accepted file types, decided from the bytes only.
//!
//! A name or a browser's `Content-Type` says nothing trustworthy: an HTML page renamed `.pdf` must
//! not be stored and served back as a document.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use zip::ZipArchive;
use zip::result::ZipError;

/// How much of a small zip entry (`mimetype`, `[Content_Types].xml`) is read at most.
const MAX_ZIP_ENTRY_READ: u64 = 1024 * 1024;

const ODT_MIMETYPE: &str = "application/vnd.oasis.opendocument.text";
const DOCX_MAIN_PART: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

/// A type we accept for upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileType {
    Pdf,
    Png,
    Jpeg,
    Webp,
    Odt,
    Docx,
}

impl FileType {
    /// All accepted types.
    pub const ALL: [FileType; 6] = [
        FileType::Pdf,
        FileType::Png,
        FileType::Jpeg,
        FileType::Webp,
        FileType::Odt,
        FileType::Docx,
    ];

    /// The IANA media type the bytes are served with.
    pub fn content_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Webp => "image/webp",
            FileType::Odt => ODT_MIMETYPE,
            FileType::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }

    /// The canonical extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Png => "png",
            FileType::Jpeg => "jpg",
            FileType::Webp => "webp",
            FileType::Odt => "odt",
            FileType::Docx => "docx",
        }
    }

    /// Images get a preview and have their location stripped.
    pub fn is_image(self) -> bool {
        matches!(self, FileType::Png | FileType::Jpeg | FileType::Webp)
    }

    /// A stable lowercase name (`pdf`, `png`, `jpeg`, `webp`, `odt`, `docx`), e.g. for a database.
    pub fn as_str(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Png => "png",
            FileType::Jpeg => "jpeg",
            FileType::Webp => "webp",
            FileType::Odt => "odt",
            FileType::Docx => "docx",
        }
    }

    /// The inverse of [`FileType::as_str`].
    pub fn parse(s: &str) -> Option<FileType> {
        FileType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The type whose [`FileType::content_type`] this is.
    pub fn from_content_type(content_type: &str) -> Option<FileType> {
        FileType::ALL.into_iter().find(|t| t.content_type() == content_type)
    }
}

impl std::fmt::Display for FileType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Decides the type of a file from its bytes; `None` when it is none we accept.
///
/// Zip containers are opened through their central directory (the file is not loaded): an ODT
/// needs a `mimetype` entry naming an OpenDocument text, a DOCX a `[Content_Types].xml` naming the
/// WordprocessingML main document and a `word/document.xml`. Other zips (spreadsheets, jars,
/// macro-enabled documents) are `None`.
pub fn sniff(path: &Path) -> io::Result<Option<FileType>> {
    let mut file = File::open(path)?;
    let mut head = [0u8; 16];
    let n = read_up_to(&mut file, &mut head)?;
    let head = &head[..n];

    if head.starts_with(b"%PDF-") {
        return Ok(Some(FileType::Pdf));
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(Some(FileType::Png));
    }
    if head.starts_with(b"\xff\xd8\xff") {
        return Ok(Some(FileType::Jpeg));
    }
    if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP" {
        return Ok(Some(FileType::Webp));
    }
    if head.starts_with(b"PK\x03\x04") {
        return sniff_zip(file);
    }
    Ok(None)
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

fn sniff_zip(file: File) -> io::Result<Option<FileType>> {
    let mut archive = match ZipArchive::new(file) {
        Ok(archive) => archive,
        Err(ZipError::Io(e)) => return Err(e),
        // A broken zip is not a document we accept.
        Err(_) => return Ok(None),
    };

    if let Some(mimetype) = read_entry(&mut archive, "mimetype")? {
        return Ok((mimetype.trim() == ODT_MIMETYPE).then_some(FileType::Odt));
    }
    if let Some(types) = read_entry(&mut archive, "[Content_Types].xml")?
        && types.contains(DOCX_MAIN_PART)
        && archive.index_for_name("word/document.xml").is_some()
    {
        return Ok(Some(FileType::Docx));
    }
    Ok(None)
}

/// Reads a small entry as text; `None` when it is absent, unreadable or not UTF-8.
pub(crate) fn read_entry(archive: &mut ZipArchive<File>, name: &str) -> io::Result<Option<String>> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(ZipError::Io(e)) => return Err(e),
        Err(_) => return Ok(None),
    };
    let mut bytes = Vec::new();
    match entry.take(MAX_ZIP_ENTRY_READ).read_to_end(&mut bytes) {
        Ok(_) => Ok(String::from_utf8(bytes).ok()),
        // Corrupt or unsupported compression: treat as absent.
        Err(_) => Ok(None),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::{SimpleFileOptions, ZipWriter};

    /// Writes a zip with the given entries (deflated, except a first `mimetype`, as ODF requires).
    pub(crate) fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
        let file = File::create(path).expect("create zip");
        let mut zip = ZipWriter::new(file);
        for (name, data) in entries {
            let options = if *name == "mimetype" {
                SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored)
            } else {
                SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)
            };
            zip.start_file(*name, options).expect("start entry");
            zip.write_all(data).expect("write entry");
        }
        zip.finish().expect("finish zip");
    }

    pub(crate) const DOCX_CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

    pub(crate) fn write_docx(path: &Path, core: Option<&str>) {
        let mut entries: Vec<(&str, &[u8])> = vec![
            ("[Content_Types].xml", DOCX_CONTENT_TYPES.as_bytes()),
            ("word/document.xml", b"<w:document/>"),
        ];
        if let Some(core) = core {
            entries.push(("docProps/core.xml", core.as_bytes()));
        }
        write_zip(path, &entries);
    }

    pub(crate) fn write_odt(path: &Path, meta: Option<&str>) {
        let mut entries: Vec<(&str, &[u8])> = vec![
            ("mimetype", ODT_MIMETYPE.as_bytes()),
            ("content.xml", b"<office:document-content/>"),
        ];
        if let Some(meta) = meta {
            entries.push(("meta.xml", meta.as_bytes()));
        }
        write_zip(path, &entries);
    }

    fn sniff_bytes(name: &str, bytes: &[u8]) -> Option<FileType> {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        sniff(&path).expect("sniff")
    }

    #[test]
    fn sniffs_magic_numbers_whatever_the_name() {
        assert_eq!(
            sniff_bytes("photo.png", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
            Some(FileType::Pdf)
        );
        assert_eq!(
            sniff_bytes("a.pdf", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(FileType::Png)
        );
        assert_eq!(sniff_bytes("a", b"\xff\xd8\xff\xe0\0\x10JFIF\0"), Some(FileType::Jpeg));
        assert_eq!(sniff_bytes("a", b"RIFF\x24\0\0\0WEBPVP8 "), Some(FileType::Webp));
    }

    #[test]
    fn rejects_other_content() {
        assert_eq!(
            sniff_bytes("a.pdf", b"<!DOCTYPE html><html><body>%PDF-</body></html>"),
            None
        );
        assert_eq!(sniff_bytes("a.txt", "سلام، این یک متن است".as_bytes()), None);
        assert_eq!(sniff_bytes("a.exe", b"MZ\x90\0\x03\0\0\0"), None);
        assert_eq!(sniff_bytes("a.elf", b"\x7fELF\x02\x01\x01"), None);
        assert_eq!(sniff_bytes("empty.pdf", b""), None);
        assert_eq!(sniff_bytes("riff.webp", b"RIFF\x24\0\0\0WAVEfmt "), None);
        assert_eq!(sniff_bytes("broken.docx", b"PK\x03\x04garbage"), None);
    }

    #[test]
    fn sniffs_docx_and_odt() {
        let dir = tempfile::tempdir().expect("tempdir");
        let docx = dir.path().join("x.pdf");
        write_docx(&docx, None);
        assert_eq!(sniff(&docx).expect("sniff"), Some(FileType::Docx));

        let odt = dir.path().join("y");
        write_odt(&odt, None);
        assert_eq!(sniff(&odt).expect("sniff"), Some(FileType::Odt));
    }

    #[test]
    fn other_zips_are_rejected() {
        let dir = tempfile::tempdir().expect("tempdir");

        let xlsx = dir.path().join("book.docx");
        let types = DOCX_CONTENT_TYPES
            .replace("/word/document.xml", "/xl/workbook.xml")
            .replace("wordprocessingml.document.main+xml", "spreadsheetml.sheet.main+xml");
        write_zip(
            &xlsx,
            &[
                ("[Content_Types].xml", types.as_bytes()),
                ("xl/workbook.xml", b"<workbook/>"),
            ],
        );
        assert_eq!(sniff(&xlsx).expect("sniff"), None);

        let ods = dir.path().join("sheet.odt");
        write_zip(
            &ods,
            &[
                ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
                ("content.xml", b"<x/>"),
            ],
        );
        assert_eq!(sniff(&ods).expect("sniff"), None);

        let jar = dir.path().join("app.docx");
        write_zip(
            &jar,
            &[
                ("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\n"),
                ("a.class", b"\xca\xfe\xba\xbe"),
            ],
        );
        assert_eq!(sniff(&jar).expect("sniff"), None);

        // Names the main part but has no word/document.xml.
        let hollow = dir.path().join("hollow.docx");
        write_zip(&hollow, &[("[Content_Types].xml", DOCX_CONTENT_TYPES.as_bytes())]);
        assert_eq!(sniff(&hollow).expect("sniff"), None);
    }

    #[test]
    fn names_round_trip() {
        for t in FileType::ALL {
            assert_eq!(FileType::parse(t.as_str()), Some(t));
            assert_eq!(FileType::from_content_type(t.content_type()), Some(t));
        }
        assert!(FileType::Jpeg.is_image());
        assert!(!FileType::Pdf.is_image());
    }
}
