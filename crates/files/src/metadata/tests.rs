use super::*;
use crate::kind::tests::{write_docx, write_odt, write_zip};
use image::{DynamicImage, ImageDecoder, ImageFormat, Rgb, RgbImage};
use img_parts::ImageEXIF;
use img_parts::jpeg::{Jpeg, JpegSegment};
use std::io::Cursor;

/// Numerator of the latitude degrees in the test GPS data: easy to find in the file's bytes.
const SECRET: u32 = 0x0bad_f00d;

const ORIENTATION_ROTATE_90: u16 = 6;

/// A minimal EXIF (TIFF) block: IFD0 with Orientation and a GPS pointer, a GPS IFD with a
/// latitude and longitude, and the rationals after it.
fn exif_with_gps(big_endian: bool) -> Vec<u8> {
    let mut t = Vec::new();
    let u16b = |v: u16| {
        if big_endian { v.to_be_bytes() } else { v.to_le_bytes() }
    };
    let u32b = |v: u32| {
        if big_endian { v.to_be_bytes() } else { v.to_le_bytes() }
    };
    t.extend_from_slice(if big_endian { b"MM\0*" } else { b"II*\0" });
    t.extend_from_slice(&u32b(8));
    // IFD0 at 8: 3 entries → ends at 8 + 2 + 36 + 4 = 50.
    t.extend_from_slice(&u16b(3));
    // Orientation SHORT 1 = 6 (value left-justified in the 4-byte field)
    t.extend_from_slice(&u16b(0x0112));
    t.extend_from_slice(&u16b(3));
    t.extend_from_slice(&u32b(1));
    t.extend_from_slice(&u16b(ORIENTATION_ROTATE_90));
    t.extend_from_slice(&[0, 0]);
    // GPS IFD pointer LONG 1 = 50
    t.extend_from_slice(&u16b(0x8825));
    t.extend_from_slice(&u16b(4));
    t.extend_from_slice(&u32b(1));
    t.extend_from_slice(&u32b(50));
    // Software ASCII 4 = "cam\0" (inline)
    t.extend_from_slice(&u16b(0x0131));
    t.extend_from_slice(&u16b(2));
    t.extend_from_slice(&u32b(4));
    t.extend_from_slice(b"cam\0");
    t.extend_from_slice(&u32b(0)); // no IFD1
    assert_eq!(t.len(), 50);
    // GPS IFD at 50: 4 entries → ends at 50 + 2 + 48 + 4 = 104; rationals at 104.
    t.extend_from_slice(&u16b(4));
    for (tag, field_type, count, value) in [
        (1u16, 2u16, 2u32, u32::from_be_bytes(*b"N\0\0\0")),
        (2, 5, 3, 104),
        (3, 2, 2, u32::from_be_bytes(*b"E\0\0\0")),
        (4, 5, 3, 128),
    ] {
        t.extend_from_slice(&u16b(tag));
        t.extend_from_slice(&u16b(field_type));
        t.extend_from_slice(&u32b(count));
        if field_type == 2 {
            t.extend_from_slice(&value.to_be_bytes());
        } else {
            t.extend_from_slice(&u32b(value));
        }
    }
    t.extend_from_slice(&u32b(0));
    assert_eq!(t.len(), 104);
    for (n, d) in [(SECRET, 1), (41, 1), (2400, 100), (51, 1), (23, 1), (1234, 100)] {
        t.extend_from_slice(&u32b(n));
        t.extend_from_slice(&u32b(d));
    }
    t
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn has_secret(bytes: &[u8]) -> bool {
    contains(bytes, &SECRET.to_le_bytes()) || contains(bytes, &SECRET.to_be_bytes())
}

/// Tags of IFD0 (tag, first value u16) from a TIFF block.
fn ifd0_tags(tiff: &[u8]) -> Vec<(u16, u16)> {
    let be = tiff.starts_with(b"MM");
    let r16 = |at: usize| {
        let b = [tiff[at], tiff[at + 1]];
        if be {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        }
    };
    let r32 = |at: usize| {
        let b = [tiff[at], tiff[at + 1], tiff[at + 2], tiff[at + 3]];
        if be {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        }
    };
    let ifd = r32(4) as usize;
    (0..usize::from(r16(ifd)))
        .map(|i| {
            let e = ifd + 2 + 12 * i;
            (r16(e), r16(e + 8))
        })
        .collect()
}

fn encoded(format: ImageFormat) -> Vec<u8> {
    let image = DynamicImage::ImageRgb8(RgbImage::from_fn(64, 32, |x, y| {
        Rgb([(x * 4) as u8, (y * 8) as u8, 90])
    }));
    let mut bytes = Vec::new();
    image.write_to(&mut Cursor::new(&mut bytes), format).expect("encode");
    bytes
}

const XMP_WITH_GPS: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="35,41.4N" exif:GPSLongitude="51,23.2E"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#;

fn jpeg_with_gps(big_endian: bool) -> Vec<u8> {
    let mut jpeg = Jpeg::from_bytes(encoded(ImageFormat::Jpeg).into()).expect("parse jpeg");
    jpeg.set_exif(Some(exif_with_gps(big_endian).into()));
    let mut xmp = XMP_NS.to_vec();
    xmp.extend_from_slice(XMP_WITH_GPS.as_bytes());
    jpeg.segments_mut()
        .insert(2, JpegSegment::new_with_contents(0xe1, xmp.into()));
    jpeg.encoder().bytes().to_vec()
}

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn jpeg_orientation(bytes: &[u8]) -> image::metadata::Orientation {
    let mut decoder = image::codecs::jpeg::JpegDecoder::new(Cursor::new(bytes)).expect("jpeg decoder");
    decoder.orientation().expect("orientation")
}

#[test]
fn jpeg_loses_gps_and_xmp_but_keeps_orientation() {
    let dir = tempfile::tempdir().expect("tempdir");
    for big_endian in [false, true] {
        let original = jpeg_with_gps(big_endian);
        assert!(has_secret(&original));
        assert!(contains(&original, b"GPSLatitude"));
        let path = write_temp(dir.path(), "photo.jpg", &original);

        assert!(strip_location(&path, FileType::Jpeg).expect("strip"));
        let stripped = std::fs::read(&path).expect("read");
        assert_eq!(stripped.len(), original.len(), "lengths never change in a JPEG");
        assert!(!has_secret(&stripped), "GPS coordinates remain");
        assert!(!contains(&stripped, b"GPSLatitude"), "XMP GPS remains");

        let exif = Jpeg::from_bytes(stripped.clone().into())
            .expect("still a jpeg")
            .exif()
            .expect("EXIF kept");
        let tags = ifd0_tags(&exif);
        assert_eq!(
            tags.iter().map(|(t, _)| *t).collect::<Vec<_>>(),
            vec![0x0112, 0x0131],
            "GPS pointer removed, the rest kept in order"
        );
        assert_eq!(tags[0].1, ORIENTATION_ROTATE_90);
        assert_eq!(jpeg_orientation(&stripped), image::metadata::Orientation::Rotate90);
        image::load_from_memory(&stripped).expect("still decodes");

        assert!(
            !strip_location(&path, FileType::Jpeg).expect("strip again"),
            "nothing left to remove"
        );
    }
}

#[test]
fn jpeg_embedded_images_are_cleaned_too() {
    // An MPF-style file: a second JPEG with GPS after the first one's end.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut first = Jpeg::from_bytes(encoded(ImageFormat::Jpeg).into()).expect("parse");
    first.set_exif(Some(Bytes::from_static(b"MM\0*\0\0\0\x08\0\0\0\0\0\0")));
    let mut bytes = first.encoder().bytes().to_vec();
    bytes.extend_from_slice(&jpeg_with_gps(false));
    let path = write_temp(dir.path(), "mpf.jpg", &bytes);
    assert!(has_secret(&bytes));
    assert!(strip_location(&path, FileType::Jpeg).expect("strip"));
    let stripped = std::fs::read(&path).expect("read");
    assert!(!has_secret(&stripped));
    assert!(!contains(&stripped, b"GPSLatitude"));
    image::load_from_memory(&stripped).expect("still decodes");
}

#[test]
fn broken_exif_is_blanked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut jpeg = Jpeg::from_bytes(encoded(ImageFormat::Jpeg).into()).expect("parse");
    let mut junk = b"II*\0\xff\xff\xff\x7f".to_vec();
    junk.extend_from_slice(&SECRET.to_le_bytes());
    jpeg.set_exif(Some(junk.into()));
    let path = write_temp(dir.path(), "junk.jpg", &jpeg.encoder().bytes());
    assert!(strip_location(&path, FileType::Jpeg).expect("strip"));
    let stripped = std::fs::read(&path).expect("read");
    assert!(!has_secret(&stripped));
    image::load_from_memory(&stripped).expect("still decodes");
}

#[test]
fn png_loses_gps_and_xmp() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut png = Png::from_bytes(encoded(ImageFormat::Png).into()).expect("parse png");
    png.chunks_mut()
        .insert(1, PngChunk::new(*b"eXIf", exif_with_gps(false).into()));
    let mut itxt = b"XML:com.adobe.xmp\0\0\0\0\0".to_vec();
    itxt.extend_from_slice(XMP_WITH_GPS.as_bytes());
    png.chunks_mut().insert(1, PngChunk::new(*b"iTXt", itxt.into()));
    png.chunks_mut()
        .insert(1, PngChunk::new(*b"tEXt", Bytes::from_static(b"Comment\0keep me")));
    let original = png.encoder().bytes().to_vec();
    let path = write_temp(dir.path(), "a.png", &original);
    assert!(has_secret(&original));

    assert!(strip_location(&path, FileType::Png).expect("strip"));
    let stripped = std::fs::read(&path).expect("read");
    assert!(!has_secret(&stripped));
    assert!(!contains(&stripped, b"GPSLatitude"));
    assert!(contains(&stripped, b"keep me"), "other text chunks stay");
    let png = Png::from_bytes(stripped.clone().into()).expect("still a png");
    let exif = png.exif().expect("EXIF kept");
    assert_eq!(ifd0_tags(&exif)[0], (0x0112, ORIENTATION_ROTATE_90));
    image::load_from_memory(&stripped).expect("still decodes");
    assert!(!strip_location(&path, FileType::Png).expect("strip again"));
}

#[test]
fn webp_loses_gps_and_xmp() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut webp = WebP::from_bytes(encoded(ImageFormat::WebP).into()).expect("parse webp");
    webp.chunks_mut().push(RiffChunk::new(
        CHUNK_XMP,
        RiffContent::Data(Bytes::from_static(XMP_WITH_GPS.as_bytes())),
    ));
    // Setting EXIF turns the file into the extended format with flags for both chunks.
    webp.set_exif(Some(exif_with_gps(true).into()));
    let original = webp.encoder().bytes().to_vec();
    assert!(has_secret(&original));
    assert!(contains(&original, b"GPSLatitude"));
    let path = write_temp(dir.path(), "a.webp", &original);

    assert!(strip_location(&path, FileType::Webp).expect("strip"));
    let stripped = std::fs::read(&path).expect("read");
    assert!(!has_secret(&stripped));
    assert!(!contains(&stripped, b"GPSLatitude"));
    let webp = WebP::from_bytes(stripped.clone().into()).expect("still a webp");
    assert!(!webp.has_chunk(CHUNK_XMP));
    let flags = webp
        .chunk_by_id(CHUNK_VP8X)
        .and_then(|c| c.content().data())
        .expect("VP8X")[0];
    assert_eq!(flags & WEBP_FLAG_XMP, 0, "XMP flag cleared");
    assert_ne!(flags & WEBP_FLAG_EXIF, 0, "EXIF flag kept");
    assert_eq!(
        ifd0_tags(&webp.exif().expect("EXIF kept"))[0],
        (0x0112, ORIENTATION_ROTATE_90)
    );
    image::load_from_memory(&stripped).expect("still decodes");
}

#[test]
fn images_without_metadata_are_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (format, ty, name) in [
        (ImageFormat::Jpeg, FileType::Jpeg, "a.jpg"),
        (ImageFormat::Png, FileType::Png, "a.png"),
        (ImageFormat::WebP, FileType::Webp, "a.webp"),
    ] {
        let bytes = encoded(format);
        let path = write_temp(dir.path(), name, &bytes);
        assert!(!strip_location(&path, ty).expect("strip"), "{name}");
        assert_eq!(std::fs::read(&path).expect("read"), bytes);
    }
}

#[test]
fn documents_are_not_rewritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_temp(dir.path(), "a.pdf", b"%PDF-1.4\n/Author (x)");
    assert!(!strip_location(&path, FileType::Pdf).expect("strip"));
}

#[test]
fn broken_images_are_errors_not_panics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let png = write_temp(dir.path(), "a.png", b"\x89PNG\r\n\x1a\nbroken");
    assert!(strip_location(&png, FileType::Png).is_err());
    let webp = write_temp(dir.path(), "a.webp", b"RIFF\xff\0\0\0WEBPbroken");
    assert!(strip_location(&webp, FileType::Webp).is_err());
    // A truncated JPEG is still cleaned as far as it goes.
    let jpeg = write_temp(dir.path(), "a.jpg", b"\xff\xd8\xff\xe1\x00\x10Exif\0\0II");
    strip_location(&jpeg, FileType::Jpeg).expect("strip");
}

// ----- authors -----

fn pdf_author_of(bytes: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_temp(dir.path(), "a.pdf", bytes);
    author_field(&path, FileType::Pdf).expect("author")
}

fn pdf_with_info(info: &str) -> Vec<u8> {
    format!(
        "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< {info} >>\nendobj\n\
         trailer\n<< /Root 1 0 R /Info 2 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

#[test]
fn pdf_literal_author() {
    assert_eq!(
        pdf_author_of(&pdf_with_info("/Title (Plan) /Author (Ali Rezaei)")),
        Some("Ali Rezaei".into())
    );
    assert_eq!(
        pdf_author_of(&pdf_with_info("/Author(Ali \\(AR\\) Re\\172aei)/Creator (Word)")),
        Some("Ali (AR) Rezaei".into())
    );
    assert_eq!(
        pdf_author_of(&pdf_with_info("/Author (nested (parens) ok)")),
        Some("nested (parens) ok".into())
    );
    assert_eq!(
        pdf_author_of(&pdf_with_info("/Author (line\\\ncontinued)")),
        Some("linecontinued".into())
    );
}

#[test]
fn pdf_utf16_author() {
    // «علی رضایی» in UTF-16BE with a byte order mark, as a hex string and as a literal.
    let name = "علی رضایی";
    let mut utf16 = vec![0xfe, 0xff];
    for unit in name.encode_utf16() {
        utf16.extend_from_slice(&unit.to_be_bytes());
    }
    let hex: String = utf16.iter().map(|b| format!("{b:02X}")).collect();
    assert_eq!(
        pdf_author_of(&pdf_with_info(&format!("/Author <{hex}>"))),
        Some(name.into())
    );

    let mut literal = b"%PDF-1.4\n<< /Author (".to_vec();
    for b in &utf16 {
        match b {
            b'(' | b')' | b'\\' => literal.extend_from_slice(&[b'\\', *b]),
            _ => literal.push(*b),
        }
    }
    literal.extend_from_slice(b") >>\n%%EOF\n");
    assert_eq!(pdf_author_of(&literal), Some(name.into()));
}

#[test]
fn pdf_without_author() {
    assert_eq!(pdf_author_of(&pdf_with_info("/Title (Plan)")), None);
    assert_eq!(pdf_author_of(&pdf_with_info("/Author ()")), None);
    assert_eq!(pdf_author_of(&pdf_with_info("/Author (   )")), None);
    assert_eq!(pdf_author_of(&pdf_with_info("/AuthorName (x)")), None);
    assert_eq!(pdf_author_of(&pdf_with_info("/Author 5 0 R")), None);
    assert_eq!(pdf_author_of(&pdf_with_info("/Author (unterminated")), None);
    assert_eq!(
        pdf_author_of(&pdf_with_info("/Author (x) /Encrypt 9 0 R")),
        None,
        "strings of an encrypted PDF are ciphertext"
    );
}

#[test]
fn pdf_incremental_update_wins() {
    let mut pdf = pdf_with_info("/Author (Old Name)");
    pdf.extend_from_slice(b"3 0 obj\n<< /Author (New Name) >>\nendobj\n%%EOF\n");
    assert_eq!(pdf_author_of(&pdf), Some("New Name".into()));
}

#[test]
fn pdf_xmp_creator() {
    let pdf = b"%PDF-1.7\n<x:xmpmeta><rdf:RDF><rdf:Description><dc:creator><rdf:Seq>\
        <rdf:li>Sara &amp; Ali</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF>\
        </x:xmpmeta>\n%%EOF\n";
    assert_eq!(pdf_author_of(pdf), Some("Sara & Ali".into()));
}

#[test]
fn large_pdf_is_searched_at_both_ends_only() {
    let filler = vec![b' '; 3 * 1024 * 1024];
    let mut tail = b"%PDF-1.7\n".to_vec();
    tail.extend_from_slice(&filler);
    tail.extend_from_slice(&pdf_with_info("/Author (At The End)"));
    assert_eq!(pdf_author_of(&tail), Some("At The End".into()));

    let mut head = pdf_with_info("/Author (At The Start)");
    head.extend_from_slice(&filler);
    assert_eq!(pdf_author_of(&head), Some("At The Start".into()));

    let mut middle = b"%PDF-1.7\n".to_vec();
    middle.extend_from_slice(&filler);
    middle.extend_from_slice(&pdf_with_info("/Author (In The Middle)"));
    middle.extend_from_slice(&filler);
    assert_eq!(pdf_author_of(&middle), None);
}

const CORE_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>طرح</dc:title>CREATOR<cp:lastModifiedBy>Sara Ahmadi</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created></cp:coreProperties>"#;

fn docx_author(creator: &str) -> Option<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.docx");
    write_docx(&path, Some(&CORE_XML.replace("CREATOR", creator)));
    author_field(&path, FileType::Docx).expect("author")
}

#[test]
fn docx_creator_then_last_modified_by() {
    assert_eq!(
        docx_author("<dc:creator>علی رضایی</dc:creator>"),
        Some("علی رضایی".into())
    );
    assert_eq!(
        docx_author("<dc:creator>Ali &amp; Co &#x41;</dc:creator>"),
        Some("Ali & Co A".into())
    );
    assert_eq!(docx_author("<dc:creator></dc:creator>"), Some("Sara Ahmadi".into()));
    assert_eq!(docx_author("<dc:creator/>"), Some("Sara Ahmadi".into()));
    assert_eq!(docx_author(""), Some("Sara Ahmadi".into()));

    let dir = tempfile::tempdir().expect("tempdir");
    let bare = dir.path().join("bare.docx");
    write_docx(&bare, None);
    assert_eq!(author_field(&bare, FileType::Docx).expect("author"), None);
}

#[test]
fn odt_initial_creator_then_creator() {
    let meta = |body: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>{body}</office:meta></office:document-meta>"#
        )
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.odt");

    write_odt(
        &path,
        Some(&meta(
            "<dc:creator>Last Editor</dc:creator><meta:initial-creator>First Author</meta:initial-creator>",
        )),
    );
    assert_eq!(
        author_field(&path, FileType::Odt).expect("author"),
        Some("First Author".into())
    );

    write_odt(&path, Some(&meta("<dc:creator>Only Editor</dc:creator>")));
    assert_eq!(
        author_field(&path, FileType::Odt).expect("author"),
        Some("Only Editor".into())
    );

    write_odt(&path, Some(&meta("<meta:generator>LibreOffice</meta:generator>")));
    assert_eq!(author_field(&path, FileType::Odt).expect("author"), None);
}

#[test]
fn author_of_other_files_is_none() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_temp(dir.path(), "a.jpg", &encoded(ImageFormat::Jpeg));
    assert_eq!(author_field(&path, FileType::Jpeg).expect("author"), None);
    let zip = dir.path().join("not.docx");
    write_zip(&zip, &[("docProps/core.xml", b"<not xml")]);
    assert_eq!(author_field(&zip, FileType::Docx).expect("author"), None);
    let junk = write_temp(dir.path(), "junk.docx", b"PK\x03\x04 junk");
    assert_eq!(author_field(&junk, FileType::Docx).expect("author"), None);
}

#[test]
fn author_names_are_cleaned() {
    assert_eq!(
        pdf_author_of(&pdf_with_info("/Author (  Ali\\n\\t Rezaei\\000 )")),
        Some("Ali Rezaei".into())
    );
    assert_eq!(
        pdf_author_of(&pdf_with_info(&format!("/Author ({})", "x".repeat(500)))).map(|s| s.len()),
        Some(MAX_AUTHOR_CHARS)
    );
}
