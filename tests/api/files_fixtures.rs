//! The files tests' own documents and images, made in the test code: a minimal valid PDF (with and without an
//! author in its Info dictionary), PNG and JPEG images (one with EXIF GPS), an HTML page, DOCX and ODT
//! documents, the EICAR test string, and a 100 MB PDF produced in 1 MiB chunks so that no test holds it whole.

use std::io::{Cursor, Write as _};

use image::{ImageBuffer, ImageEncoder, Rgb};

/// The EICAR anti-virus test file: harmless, and every scanner's test signature.
pub const EICAR: &[u8] = br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

/// The author the PDF's Info dictionary may name.
pub const AUTHOR: &str = "Ali Rezaei";

/// The objects of a one-page PDF with `content` as its page's content stream, then the trailer; with the
/// cross-reference table's offsets right. `info` is the Info dictionary's entries.
fn pdf_parts(content_length: usize, info: &str) -> (Vec<u8>, Vec<u8>) {
    // Everything before the content stream's bytes, and everything after them.
    let mut head: Vec<u8> = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    let objects_before = [
        "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".to_owned(),
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n".to_owned(),
        "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n"
            .to_owned(),
    ];
    for object in &objects_before {
        offsets.push(head.len());
        head.extend_from_slice(object.as_bytes());
    }
    offsets.push(head.len());
    head.extend_from_slice(format!("4 0 obj\n<< /Length {content_length} >>\nstream\n").as_bytes());
    let mut tail: Vec<u8> = b"\nendstream\nendobj\n".to_vec();
    let after = head.len() + content_length;
    let objects_after = [
        "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n".to_owned(),
        format!("6 0 obj\n<< {info} >>\nendobj\n"),
    ];
    for object in &objects_after {
        offsets.push(after + tail.len());
        tail.extend_from_slice(object.as_bytes());
    }
    let xref = after + tail.len();
    let mut table = String::from("xref\n0 7\n0000000000 65535 f \n");
    for offset in offsets {
        table.push_str(&format!("{offset:010} 00000 n \n"));
    }
    table.push_str(&format!(
        "trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ));
    tail.extend_from_slice(table.as_bytes());
    (head, tail)
}

fn info(author: Option<&str>) -> String {
    let mut info = String::from("/Title (Sister cities proposal) /Producer (Citizen Diplomat tests)");
    if let Some(author) = author {
        info.push_str(&format!(" /Author ({author})"));
    }
    info
}

/// A minimal valid one-page PDF; its Info dictionary names `author` when given.
pub fn pdf(author: Option<&str>) -> Vec<u8> {
    let content = b"BT /F1 18 Tf 20 100 Td (Citizen Diplomat) Tj ET";
    let (mut bytes, tail) = pdf_parts(content.len(), &info(author));
    bytes.extend_from_slice(content);
    bytes.extend_from_slice(&tail);
    bytes
}

/// A PDF of about `filler` bytes (its content stream is a page of text followed by comment lines), produced
/// on demand: `len()` bytes, read range by range with `range`, never built whole.
pub struct LargePdf {
    head: Vec<u8>,
    filler: u64,
    tail: Vec<u8>,
}

/// One comment line of the large PDF's content stream (a content stream may hold comments).
const FILLER_LINE: &[u8] = b"% Citizen Diplomat: a long proposal, line after line of it ..........\n";

impl LargePdf {
    pub fn new(filler: u64) -> LargePdf {
        let (head, tail) = pdf_parts(usize::try_from(filler).expect("fits"), &info(None));
        LargePdf { head, filler, tail }
    }

    pub fn len(&self) -> u64 {
        self.head.len() as u64 + self.filler + self.tail.len() as u64
    }

    /// The bytes at `start..end` of the file.
    pub fn range(&self, start: u64, end: u64) -> Vec<u8> {
        let end = end.min(self.len());
        let mut out = Vec::with_capacity(usize::try_from(end.saturating_sub(start)).expect("fits"));
        let head = self.head.len() as u64;
        let mut at = start;
        while at < end {
            if at < head {
                let stop = end.min(head);
                out.extend_from_slice(&self.head[at as usize..stop as usize]);
                at = stop;
            } else if at < head + self.filler {
                let line = FILLER_LINE.len() as u64;
                let within = (at - head) % line;
                let stop = end.min(head + self.filler).min(at + line - within);
                out.extend_from_slice(&FILLER_LINE[within as usize..(within + stop - at) as usize]);
                at = stop;
            } else {
                let from = at - head - self.filler;
                let stop = end - head - self.filler;
                out.extend_from_slice(&self.tail[from as usize..stop as usize]);
                at = end;
            }
        }
        out
    }

    /// The whole file as a stream of `chunk`-byte pieces, each made when the body asks for it.
    pub fn stream(
        self,
        chunk: u64,
    ) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
        let total = self.len();
        let pieces = total.div_ceil(chunk);
        futures_util::stream::iter((0..pieces).map(move |i| Ok(self.range(i * chunk, ((i + 1) * chunk).min(total)))))
    }
}

fn pixels(width: u32, height: u32) -> ImageBuffer<Rgb<u8>, Vec<u8>> {
    ImageBuffer::from_fn(width, height, |x, y| {
        Rgb([(x * 255 / width.max(1)) as u8, (y * 255 / height.max(1)) as u8, 128])
    })
}

/// A PNG image.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::codecs::png::PngEncoder::new(&mut bytes)
        .write_image(
            pixels(width, height).as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .expect("PNG encoded");
    bytes
}

/// A WebP image (lossless).
pub fn webp(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut bytes)
        .write_image(
            pixels(width, height).as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .expect("WebP encoded");
    bytes
}

/// A JPEG image with no metadata but its JFIF header.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 85)
        .encode_image(&pixels(width, height))
        .expect("JPEG encoded");
    bytes
}

/// Where the GPS-tagged photo was taken (Isfahan's Naqsh-e Jahan square): latitude and longitude as EXIF's
/// degrees, minutes and hundredths of seconds.
pub const LATITUDE: [(u32, u32); 3] = [(32, 1), (39, 1), (4123, 100)];
pub const LONGITUDE: [(u32, u32); 3] = [(51, 1), (40, 1), (4567, 100)];

/// An EXIF block (TIFF, little-endian) with a camera make in IFD0 and a GPS IFD: version, N latitude,
/// E longitude.
fn exif_with_gps() -> Vec<u8> {
    let mut tiff: Vec<u8> = b"II*\x00\x08\x00\x00\x00".to_vec();
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut bytes = Vec::with_capacity(12);
        bytes.extend_from_slice(&tag.to_le_bytes());
        bytes.extend_from_slice(&kind.to_le_bytes());
        bytes.extend_from_slice(&count.to_le_bytes());
        bytes.extend_from_slice(&value);
        bytes
    };
    // IFD0 at 8: Make (ASCII, out of line) and GPSInfo; 2 + 2 × 12 + 4 = 30 bytes, so the GPS IFD is at 38:
    // 2 + 5 × 12 + 4 = 66 bytes, its rationals at 104 and 128, the make at 152.
    let make = b"TestCam\0";
    let (gps_ifd, latitude_at, longitude_at, make_at) = (38u32, 104u32, 128u32, 152u32);
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend(entry(0x010f, 2, make.len() as u32, make_at.to_le_bytes()));
    tiff.extend(entry(0x8825, 4, 1, gps_ifd.to_le_bytes()));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(tiff.len() as u32, gps_ifd);
    tiff.extend_from_slice(&5u16.to_le_bytes());
    tiff.extend(entry(0x0000, 1, 4, [2, 3, 0, 0]));
    tiff.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
    tiff.extend(entry(0x0002, 5, 3, latitude_at.to_le_bytes()));
    tiff.extend(entry(0x0003, 2, 2, *b"E\0\0\0"));
    tiff.extend(entry(0x0004, 5, 3, longitude_at.to_le_bytes()));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(tiff.len() as u32, latitude_at);
    for (numerator, denominator) in LATITUDE.iter().chain(LONGITUDE.iter()) {
        tiff.extend_from_slice(&numerator.to_le_bytes());
        tiff.extend_from_slice(&denominator.to_le_bytes());
    }
    assert_eq!(tiff.len() as u32, make_at);
    tiff.extend_from_slice(make);
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(tiff);
    exif
}

/// A JPEG image carrying EXIF GPS (an APP1 segment right after the JFIF header, as cameras and phones write).
pub fn jpeg_with_gps(width: u32, height: u32) -> Vec<u8> {
    let plain = jpeg(width, height);
    let exif = exif_with_gps();
    // SOI, then APP0 (JFIF) whose length follows its marker.
    assert_eq!(&plain[..4], [0xff, 0xd8, 0xff, 0xe0], "a JFIF JPEG");
    let app0_end = 4 + usize::from(u16::from_be_bytes([plain[4], plain[5]]));
    let mut bytes = plain[..app0_end].to_vec();
    bytes.extend_from_slice(&[0xff, 0xe1]);
    bytes.extend_from_slice(&u16::try_from(exif.len() + 2).expect("a short segment").to_be_bytes());
    bytes.extend(exif);
    bytes.extend_from_slice(&plain[app0_end..]);
    bytes
}

/// Whether a JPEG still says where it was taken: an EXIF GPS IFD (tag 0x8825 in IFD0), XMP naming GPS, or the
/// fixture's latitude bytes anywhere in the file.
pub fn jpeg_has_location(bytes: &[u8]) -> bool {
    let latitude: Vec<u8> = LATITUDE
        .iter()
        .flat_map(|(n, d)| n.to_le_bytes().into_iter().chain(d.to_le_bytes()))
        .collect();
    if bytes.windows(latitude.len()).any(|w| w == latitude.as_slice()) {
        return true;
    }
    let mut at = 2;
    while at + 4 <= bytes.len() && bytes[at] == 0xff {
        let marker = bytes[at + 1];
        if marker == 0xda || marker == 0xd9 {
            break;
        }
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        let segment = &bytes[(at + 4).min(bytes.len())..(at + 2 + length).min(bytes.len())];
        if marker == 0xe1 {
            if let Some(tiff) = segment.strip_prefix(b"Exif\0\0")
                && tiff_has_gps(tiff)
            {
                return true;
            }
            if segment.starts_with(b"http://ns.adobe.com/xap/1.0/") && segment.windows(11).any(|w| w == b"GPSLatitude")
            {
                return true;
            }
        }
        at += 2 + length;
    }
    false
}

/// Whether a TIFF block's IFD0 points at a GPS IFD.
fn tiff_has_gps(tiff: &[u8]) -> bool {
    if tiff.len() < 8 {
        return false;
    }
    let little = &tiff[..2] == b"II";
    let u16_at = |at: usize| -> Option<u16> {
        let b = tiff.get(at..at + 2)?;
        Some(if little {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b = tiff.get(at..at + 4)?;
        let b = [b[0], b[1], b[2], b[3]];
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let Some(ifd0) = u32_at(4).map(|o| o as usize) else {
        return false;
    };
    let Some(count) = u16_at(ifd0) else { return false };
    (0..usize::from(count)).any(|i| u16_at(ifd0 + 2 + i * 12) == Some(0x8825))
}

/// An HTML page: never an accepted type, whatever it is called.
pub fn html() -> Vec<u8> {
    b"<!DOCTYPE html>\n<html><head><title>Proposal</title></head>\n<body><script>alert(document.cookie)</script>\
      <p>Not a PDF at all.</p></body></html>\n"
        .to_vec()
}

/// A zip archive of these entries, each stored uncompressed, in this order.
fn zip(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in entries {
        writer.start_file(*name, options).expect("zip entry");
        writer.write_all(content.as_bytes()).expect("zip entry written");
    }
    writer.finish().expect("zip finished").into_inner()
}

/// A minimal Word document (OOXML), its core properties naming `creator` when given.
pub fn docx(creator: Option<&str>) -> Vec<u8> {
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Proposal</dc:title>{}</cp:coreProperties>"#,
        creator
            .map(|c| format!("<dc:creator>{c}</dc:creator>"))
            .unwrap_or_default()
    );
    zip(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#,
        ),
        (
            "word/document.xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>طرح همکاری دو شهر</w:t></w:r></w:p></w:body></w:document>"#,
        ),
        ("docProps/core.xml", &core),
    ])
}

/// A minimal OpenDocument text: `mimetype` first and stored, as the format requires; its meta.xml names
/// `creator` when given.
pub fn odt(creator: Option<&str>) -> Vec<u8> {
    let meta = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"><office:meta><dc:title>Proposal</dc:title>{}</office:meta></office:document-meta>"#,
        creator
            .map(|c| format!("<meta:initial-creator>{c}</meta:initial-creator>"))
            .unwrap_or_default()
    );
    zip(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        (
            "META-INF/manifest.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
        ),
        (
            "content.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>طرح همکاری دو شهر</text:p></office:text></office:body></office:document-content>"#,
        ),
        ("meta.xml", &meta),
    ])
}

#[cfg(test)]
mod checks {
    //! The fixtures are what they claim to be.

    use super::*;

    /// Checks a PDF's cross-reference table: `startxref` names it, and each entry names its object's offset.
    fn check_xref(bytes: &[u8]) {
        let text = String::from_utf8_lossy(bytes);
        let xref: usize = text
            .rsplit_once("startxref\n")
            .and_then(|(_, rest)| rest.lines().next())
            .and_then(|n| n.parse().ok())
            .expect("startxref");
        assert!(
            bytes[xref..].starts_with(b"xref\n0 7\n"),
            "startxref points at the table"
        );
        let table = String::from_utf8_lossy(&bytes[xref..]).into_owned();
        for (n, line) in table.lines().skip(3).take(6).enumerate() {
            let offset: usize = line[..10].parse().expect("an offset");
            assert!(
                bytes[offset..].starts_with(format!("{} 0 obj", n + 1).as_bytes()),
                "object {}",
                n + 1
            );
        }
    }

    #[test]
    fn the_pdf_holds_a_right_cross_reference_table() {
        for author in [None, Some(AUTHOR)] {
            let bytes = pdf(author);
            assert!(bytes.starts_with(b"%PDF-1.4"));
            let text = String::from_utf8_lossy(&bytes);
            assert_eq!(text.contains("/Author (Ali Rezaei)"), author.is_some());
            check_xref(&bytes);
        }
    }

    #[test]
    fn the_large_pdf_is_the_same_file_in_any_cut() {
        let large = LargePdf::new(10_000);
        let whole = large.range(0, large.len());
        assert_eq!(whole.len() as u64, large.len());
        let mut pieces = Vec::new();
        for start in (0..large.len()).step_by(777) {
            pieces.extend(large.range(start, start + 777));
        }
        assert_eq!(pieces, whole);
        check_xref(&whole);
        assert!(String::from_utf8_lossy(&whole).contains("/Length 10000 >>"));
    }

    #[test]
    fn the_images_decode_and_only_the_tagged_jpeg_has_a_location() {
        let tagged = jpeg_with_gps(64, 48);
        assert!(jpeg_has_location(&tagged));
        assert!(!jpeg_has_location(&jpeg(64, 48)));
        let decoded = image::load_from_memory(&tagged).expect("the tagged JPEG decodes");
        assert_eq!((decoded.width(), decoded.height()), (64, 48));
        let decoded = image::load_from_memory(&png(20, 10)).expect("the PNG decodes");
        assert_eq!((decoded.width(), decoded.height()), (20, 10));
        let decoded = image::load_from_memory(&webp(20, 10)).expect("the WebP decodes");
        assert_eq!((decoded.width(), decoded.height()), (20, 10));
    }

    #[test]
    fn the_office_documents_are_zip_archives_in_the_expected_order() {
        let odt = odt(None);
        assert_eq!(&odt[..4], b"PK\x03\x04");
        assert_eq!(&odt[30..38], b"mimetype");
        assert_eq!(&odt[38..77], b"application/vnd.oasis.opendocument.text");
        let docx = docx(Some(AUTHOR));
        assert_eq!(&docx[30..49], b"[Content_Types].xml");
        assert!(docx.windows(AUTHOR.len()).any(|w| w == AUTHOR.as_bytes()));
    }
}
