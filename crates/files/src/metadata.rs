//! What a file says about its author or where it was made.
//!
//! Phone photos carry GPS coordinates in EXIF (and XMP): an upload could reveal where a citizen
//! lives, so images lose their location before they are stored. Documents carry an author name,
//! which can unmask a submitter in a blind call: it is found so the uploader can be warned.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use bytes::Bytes;
use img_parts::png::{Png, PngChunk};
use img_parts::riff::{RiffChunk, RiffContent};
use img_parts::webp::{CHUNK_EXIF, CHUNK_VP8X, CHUNK_XMP, WebP};
use quick_xml::events::Event;
use zip::ZipArchive;

use crate::kind::{FileType, read_entry};

/// Largest image whose metadata is rewritten (images are far smaller: uploads are limited).
const MAX_IMAGE_BYTES: u64 = 256 * 1024 * 1024;

/// How much of each end of a PDF is searched for the Info dictionary and XMP.
const PDF_WINDOW: u64 = 1024 * 1024;

/// Longest author name reported.
const MAX_AUTHOR_CHARS: usize = 200;

// ---------------------------------------------------------------------------------------------
// Location stripping
// ---------------------------------------------------------------------------------------------

/// Rewrites a JPEG, PNG or WebP in place so no location remains; returns whether it changed.
///
/// Removes the EXIF GPS directory (and the XMP and IPTC blocks EXIF may embed) but keeps the rest
/// of EXIF, so the orientation of phone photos survives. XMP packets, which can hold GPS too, are
/// removed; so are PNG text chunks carrying raw EXIF/XMP/IPTC profiles and JPEG Photoshop (IPTC)
/// blocks. Pixels are not re-encoded. A JPEG is edited without changing any length, so the
/// offsets of embedded images (MPF) stay valid, and embedded images are cleaned too. An EXIF block
/// too broken to edit is blanked. Other types are left alone (`false`).
pub fn strip_location(path: &Path, ty: FileType) -> io::Result<bool> {
    if !ty.is_image() {
        return Ok(false);
    }
    let size = std::fs::metadata(path)?.len();
    if size > MAX_IMAGE_BYTES {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "image too large to rewrite"));
    }
    let original = std::fs::read(path)?;
    let rewritten = match ty {
        FileType::Jpeg => {
            let mut buf = original.clone();
            strip_jpeg(&mut buf).then_some(buf)
        }
        FileType::Png => strip_png(&original)?,
        FileType::Webp => strip_webp(&original)?,
        _ => None,
    };
    match rewritten {
        Some(bytes) if bytes != original => {
            replace_file(path, &bytes)?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Writes `bytes` beside `path` and renames over it, so a crash never leaves half an image.
fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(".strip-").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

const EXIF_PREFIX: &[u8] = b"Exif\0\0";
const XMP_NS: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const XMP_EXTENSION_NS: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";
const PHOTOSHOP_NS: &[u8] = b"Photoshop 3.0\0";
const EMPTY_XMP_HEAD: &[u8] =
    b"<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"></x:xmpmeta>";
const EMPTY_XMP_TAIL: &[u8] = b"<?xpacket end=\"w\"?>";

/// Cleans every JPEG in `buf` (the image and any embedded after it) without changing any length.
fn strip_jpeg(buf: &mut [u8]) -> bool {
    let mut changed = false;
    let mut from = 0;
    while let Some(soi) = find(buf, from, b"\xff\xd8\xff") {
        let stop = clean_jpeg_segments(buf, soi, &mut changed);
        from = stop.max(soi + 3);
    }
    changed
}

/// Walks the marker segments of one JPEG starting at `soi` up to its first scan and cleans the
/// metadata segments in place. Returns where it stopped.
fn clean_jpeg_segments(buf: &mut [u8], soi: usize, changed: &mut bool) -> usize {
    let mut p = soi + 2;
    loop {
        if p + 4 > buf.len() || buf[p] != 0xff {
            return p;
        }
        let marker = buf[p + 1];
        match marker {
            0xff => {
                p += 1;
                continue;
            }
            // Start of scan or end of image: no more metadata segments.
            0xda | 0xd9 => return p,
            0x01 | 0xd0..=0xd7 => {
                p += 2;
                continue;
            }
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([buf[p + 2], buf[p + 3]]));
        let end = p + 2 + len;
        if len < 2 || end > buf.len() {
            return p;
        }
        let contents = &mut buf[p + 4..end];
        match marker {
            0xe1 => *changed |= clean_app1(contents),
            0xed if contents.starts_with(PHOTOSHOP_NS) => {
                *changed |= fill(&mut contents[PHOTOSHOP_NS.len()..], 0);
            }
            _ => {}
        }
        p = end;
    }
}

fn clean_app1(contents: &mut [u8]) -> bool {
    if contents.starts_with(EXIF_PREFIX) {
        clean_exif_or_blank(&mut contents[EXIF_PREFIX.len()..])
    } else if contents.starts_with(XMP_NS) {
        let packet = &mut contents[XMP_NS.len()..];
        let empty = empty_xmp_packet(packet.len());
        if packet == empty.as_slice() {
            false
        } else {
            packet.copy_from_slice(&empty);
            true
        }
    } else if contents.starts_with(XMP_EXTENSION_NS) {
        fill(&mut contents[XMP_EXTENSION_NS.len()..], b' ')
    } else {
        false
    }
}

/// An XMP packet with no properties, padded with spaces to exactly `len` bytes (all spaces when
/// `len` is too short for the wrapper).
fn empty_xmp_packet(len: usize) -> Vec<u8> {
    let wrapper = EMPTY_XMP_HEAD.len() + EMPTY_XMP_TAIL.len();
    if len < wrapper {
        return vec![b' '; len];
    }
    let mut packet = Vec::with_capacity(len);
    packet.extend_from_slice(EMPTY_XMP_HEAD);
    packet.resize(len - EMPTY_XMP_TAIL.len(), b' ');
    packet.extend_from_slice(EMPTY_XMP_TAIL);
    packet
}

/// Sets every byte to `value`; returns whether any byte changed.
fn fill(bytes: &mut [u8], value: u8) -> bool {
    if bytes.iter().all(|b| *b == value) {
        return false;
    }
    bytes.fill(value);
    true
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Removes the location from a TIFF-structured EXIF block, or blanks it when it cannot be
/// parsed. Returns whether it changed.
fn clean_exif_or_blank(tiff: &mut [u8]) -> bool {
    match clean_tiff(tiff) {
        Some(changed) => changed,
        None => fill(tiff, 0),
    }
}

/// EXIF tags that can hold or point to a location.
const TAG_GPS_IFD: u16 = 0x8825;
const TAG_XMP: u16 = 0x02bc;
const TAG_IPTC: u16 = 0x83bb;

/// Longest IFD chain followed (IFD0, the thumbnail's IFD1, and a margin against loops).
const MAX_IFDS: usize = 4;

struct Tiff<'a> {
    buf: &'a mut [u8],
    big_endian: bool,
}

impl Tiff<'_> {
    fn u16_at(&self, at: usize) -> Option<u16> {
        let b: [u8; 2] = self.buf.get(at..at.checked_add(2)?)?.try_into().ok()?;
        Some(if self.big_endian {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    }

    fn u32_at(&self, at: usize) -> Option<u32> {
        let b: [u8; 4] = self.buf.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(if self.big_endian {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    }

    fn set_u16(&mut self, at: usize, value: u16) {
        let bytes = if self.big_endian {
            value.to_be_bytes()
        } else {
            value.to_le_bytes()
        };
        if let Some(dst) = self.buf.get_mut(at..at + 2) {
            dst.copy_from_slice(&bytes);
        }
    }

    fn zero(&mut self, from: usize, len: usize) {
        let end = from.saturating_add(len).min(self.buf.len());
        if let Some(dst) = self.buf.get_mut(from.min(end)..end) {
            dst.fill(0);
        }
    }

    /// Bytes taken by `count` values of TIFF `field_type`, if known.
    fn value_size(field_type: u16, count: u32) -> Option<usize> {
        let unit: usize = match field_type {
            1 | 2 | 6 | 7 => 1,
            3 | 8 => 2,
            4 | 9 | 11 | 13 => 4,
            5 | 10 | 12 => 8,
            _ => return None,
        };
        unit.checked_mul(usize::try_from(count).ok()?)
    }

    /// Zeroes the out-of-line value of the entry at `entry`, if it has one.
    fn zero_entry_value(&mut self, entry: usize) {
        let (Some(field_type), Some(count), Some(offset)) =
            (self.u16_at(entry + 2), self.u32_at(entry + 4), self.u32_at(entry + 8))
        else {
            return;
        };
        if let Some(size) = Self::value_size(field_type, count)
            && size > 4
            && let Ok(offset) = usize::try_from(offset)
        {
            self.zero(offset, size);
        }
    }

    /// Zeroes a whole IFD: its entries' values and the directory itself.
    fn zero_ifd(&mut self, ifd: usize) {
        let Some(count) = self.u16_at(ifd) else {
            return;
        };
        let count = usize::from(count);
        for i in 0..count {
            self.zero_entry_value(ifd + 2 + 12 * i);
        }
        self.zero(ifd, 2 + 12 * count + 4);
    }

    /// Removes location entries from the IFD at `ifd`; returns (changed, next IFD offset).
    fn clean_ifd(&mut self, ifd: usize) -> Option<(bool, usize)> {
        let count = usize::from(self.u16_at(ifd)?);
        let entries = ifd + 2;
        let next_at = entries + 12 * count;
        let next = usize::try_from(self.u32_at(next_at)?).ok()?;

        let mut kept = 0;
        for i in 0..count {
            let entry = entries + 12 * i;
            let tag = self.u16_at(entry)?;
            match tag {
                TAG_GPS_IFD => {
                    if let Some(gps) = self.u32_at(entry + 8).and_then(|o| usize::try_from(o).ok())
                        && gps != ifd
                    {
                        self.zero_ifd(gps);
                    }
                }
                TAG_XMP | TAG_IPTC => self.zero_entry_value(entry),
                _ => {
                    if kept != i {
                        let dst = entries + 12 * kept;
                        self.buf.copy_within(entry..entry + 12, dst);
                    }
                    kept += 1;
                    continue;
                }
            }
        }
        if kept == count {
            return Some((false, next));
        }
        // Entries stay sorted; offsets elsewhere are absolute, so nothing else moves.
        self.set_u16(ifd, u16::try_from(kept).ok()?);
        let new_next_at = entries + 12 * kept;
        self.buf.copy_within(next_at..next_at + 4, new_next_at);
        self.zero(new_next_at + 4, next_at - new_next_at);
        Some((true, next))
    }
}

/// Removes the GPS IFD and embedded XMP/IPTC from a TIFF block in place without moving anything.
/// `None` when the block is not TIFF or its directories are out of bounds.
fn clean_tiff(buf: &mut [u8]) -> Option<bool> {
    let big_endian = match buf.get(..4)? {
        b"MM\0*" => true,
        b"II*\0" => false,
        _ => return None,
    };
    let mut tiff = Tiff { buf, big_endian };
    let mut ifd = usize::try_from(tiff.u32_at(4)?).ok()?;
    let mut changed = false;
    let mut seen = Vec::new();
    for _ in 0..MAX_IFDS {
        if ifd == 0 || seen.contains(&ifd) {
            break;
        }
        seen.push(ifd);
        let (c, next) = tiff.clean_ifd(ifd)?;
        changed |= c;
        ifd = next;
    }
    Some(changed)
}

/// EXIF inside PNG/WebP is raw TIFF, but some writers keep the JPEG `Exif\0\0` prefix.
fn clean_exif_payload(data: &Bytes) -> Bytes {
    let mut buf = data.to_vec();
    let body = if buf.starts_with(EXIF_PREFIX) {
        &mut buf[EXIF_PREFIX.len()..]
    } else {
        &mut buf[..]
    };
    clean_exif_or_blank(body);
    Bytes::from(buf)
}

fn invalid(e: img_parts::Error) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

/// Text chunks that carry metadata blocks: XMP, and ImageMagick's hex-encoded raw profiles.
fn is_metadata_text_chunk(chunk: &PngChunk) -> bool {
    if !matches!(&chunk.kind(), b"iTXt" | b"tEXt" | b"zTXt") {
        return false;
    }
    let contents = chunk.contents();
    let keyword_len = contents.iter().position(|b| *b == 0).unwrap_or(contents.len());
    let keyword = &contents[..keyword_len];
    keyword == b"XML:com.adobe.xmp" || keyword.starts_with(b"Raw profile type")
}

fn strip_png(original: &[u8]) -> io::Result<Option<Vec<u8>>> {
    let mut png = Png::from_bytes(Bytes::copy_from_slice(original)).map_err(invalid)?;
    let chunks = png.chunks_mut();
    chunks.retain(|chunk| !is_metadata_text_chunk(chunk));
    for chunk in chunks.iter_mut() {
        if &chunk.kind() == b"eXIf" {
            *chunk = PngChunk::new(*b"eXIf", clean_exif_payload(chunk.contents()));
        }
    }
    Ok(Some(png.encoder().bytes().to_vec()))
}

const WEBP_FLAG_EXIF: u8 = 0b0000_1000;
const WEBP_FLAG_XMP: u8 = 0b0000_0100;

fn strip_webp(original: &[u8]) -> io::Result<Option<Vec<u8>>> {
    let mut webp = WebP::from_bytes(Bytes::copy_from_slice(original)).map_err(invalid)?;
    webp.remove_chunks_by_id(CHUNK_XMP);
    let has_exif = webp.has_chunk(CHUNK_EXIF);
    for chunk in webp.chunks_mut().iter_mut() {
        let id = chunk.id();
        if id == CHUNK_EXIF {
            if let Some(data) = chunk.content().data() {
                let cleaned = clean_exif_payload(data);
                *chunk = RiffChunk::new(CHUNK_EXIF, RiffContent::Data(cleaned));
            }
        } else if id == CHUNK_VP8X
            && let RiffContent::Data(data) = chunk.content_mut()
            && !data.is_empty()
        {
            // Keep the VP8X flags true to the chunks that remain.
            let mut flags = data.to_vec();
            flags[0] &= !WEBP_FLAG_XMP;
            if !has_exif {
                flags[0] &= !WEBP_FLAG_EXIF;
            }
            *data = Bytes::from(flags);
        }
    }
    Ok(Some(webp.encoder().bytes().to_vec()))
}

// ---------------------------------------------------------------------------------------------
// Author
// ---------------------------------------------------------------------------------------------

/// The author a document's metadata names, so the uploader can be warned before a blind review.
///
/// PDF: `/Author` in the Info dictionary (else XMP `dc:creator`), searched in the first and last
/// MB only; an encrypted PDF gives `None`. DOCX: `dc:creator`, else `cp:lastModifiedBy`. ODT:
/// `meta:initial-creator`, else `dc:creator`. `None` for images and when absent or blank.
pub fn author_field(path: &Path, ty: FileType) -> io::Result<Option<String>> {
    match ty {
        FileType::Pdf => pdf_author(path),
        FileType::Docx => zip_author(path, "docProps/core.xml", &["creator", "lastModifiedBy"]),
        FileType::Odt => zip_author(path, "meta.xml", &["initial-creator", "creator"]),
        FileType::Png | FileType::Jpeg | FileType::Webp => Ok(None),
    }
}

/// Control and bidi characters removed, whitespace collapsed, length capped; `None` when blank.
fn clean_author(raw: &str) -> Option<String> {
    let mut out = String::new();
    let mut pending_space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            pending_space = true;
        } else if c.is_control() || crate::name::is_bidi_control(c) || c == '\u{feff}' {
            continue;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    let out: String = out.chars().take(MAX_AUTHOR_CHARS).collect();
    let out = out.trim();
    (!out.is_empty()).then(|| out.to_owned())
}

fn zip_author(path: &Path, entry: &str, wanted: &[&str]) -> io::Result<Option<String>> {
    let file = File::open(path)?;
    let mut archive = match ZipArchive::new(file) {
        Ok(archive) => archive,
        Err(zip::result::ZipError::Io(e)) => return Err(e),
        Err(_) => return Ok(None),
    };
    let Some(xml) = read_entry(&mut archive, entry)? else {
        return Ok(None);
    };
    let found = xml_texts(&xml, wanted);
    Ok(found.into_iter().flatten().find_map(|s| clean_author(&s)))
}

/// The text of the first element with each wanted local name (namespace prefixes ignored).
fn xml_texts(xml: &str, wanted: &[&str]) -> Vec<Option<String>> {
    let mut found: Vec<Option<String>> = vec![None; wanted.len()];
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut current: Option<(usize, String)> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = e.local_name();
                let name = String::from_utf8_lossy(name.as_ref());
                current = wanted
                    .iter()
                    .position(|w| *w == name)
                    .filter(|i| found[*i].is_none())
                    .map(|i| (i, String::new()));
            }
            Ok(Event::Text(t)) => {
                if let Some((_, text)) = current.as_mut()
                    && let Ok(s) = t.decode()
                {
                    text.push_str(&s);
                }
            }
            Ok(Event::CData(t)) => {
                if let Some((_, text)) = current.as_mut()
                    && let Ok(s) = t.decode()
                {
                    text.push_str(&s);
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some((_, text)) = current.as_mut() {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        text.push(c);
                    } else if let Ok(name) = r.decode()
                        && let Some(s) = quick_xml::escape::resolve_predefined_entity(&name)
                    {
                        text.push_str(s);
                    }
                }
            }
            Ok(Event::End(_)) => {
                if let Some((i, text)) = current.take()
                    && !text.trim().is_empty()
                {
                    found[i] = Some(text);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    found
}

fn pdf_author(path: &Path) -> io::Result<Option<String>> {
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    let mut windows = Vec::with_capacity(2);
    if len <= 2 * PDF_WINDOW {
        let mut all = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        file.read_to_end(&mut all)?;
        windows.push(all);
    } else {
        windows.push(read_window(&mut file, 0, PDF_WINDOW)?);
        windows.push(read_window(&mut file, len - PDF_WINDOW, PDF_WINDOW)?);
    }
    // Strings of an encrypted PDF are ciphertext.
    if windows.iter().any(|w| find(w, 0, b"/Encrypt").is_some()) {
        return Ok(None);
    }
    // The last window wins: an incremental update appends the newer Info dictionary.
    let from_info = windows.iter().rev().find_map(|w| last_pdf_author(w));
    let author = from_info.or_else(|| windows.iter().rev().find_map(|w| xmp_creator(w)));
    Ok(author)
}

fn read_window(file: &mut File, offset: u64, len: u64) -> io::Result<Vec<u8>> {
    file.seek(SeekFrom::Start(offset))?;
    let mut buf = Vec::new();
    file.take(len).read_to_end(&mut buf)?;
    Ok(buf)
}

/// The last non-blank `/Author` string in `data`.
fn last_pdf_author(data: &[u8]) -> Option<String> {
    let mut found = None;
    let mut from = 0;
    while let Some(at) = find(data, from, b"/Author") {
        from = at + 7;
        let rest = &data[from..];
        // `/AuthorX` is another name.
        if rest.first().is_some_and(|b| is_pdf_regular(*b)) {
            continue;
        }
        let start = rest.iter().position(|b| !is_pdf_whitespace(*b)).unwrap_or(rest.len());
        let value = match rest.get(start) {
            Some(b'(') => parse_literal(&rest[start + 1..]),
            Some(b'<') if rest.get(start + 1) != Some(&b'<') => parse_hex(&rest[start + 1..]),
            _ => None,
        };
        if let Some(author) = value
            .map(|bytes| decode_pdf_text(&bytes))
            .and_then(|s| clean_author(&s))
        {
            found = Some(author);
        }
    }
    found
}

fn is_pdf_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_pdf_regular(b: u8) -> bool {
    !is_pdf_whitespace(b) && !b"()<>[]{}/%".contains(&b)
}

/// Longest string value read (an author is short).
const MAX_PDF_STRING: usize = 4096;

/// A PDF literal string after its `(`: balanced parentheses and backslash escapes.
fn parse_literal(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut depth = 1usize;
    let mut i = 0;
    while i < data.len() && out.len() < MAX_PDF_STRING {
        let b = data[i];
        i += 1;
        match b {
            b'\\' => {
                let e = *data.get(i)?;
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(0x08),
                    b'f' => out.push(0x0c),
                    b'0'..=b'7' => {
                        let mut value = u32::from(e - b'0');
                        for _ in 0..2 {
                            match data.get(i) {
                                Some(d @ b'0'..=b'7') => {
                                    value = value * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push((value & 0xff) as u8);
                    }
                    // A backslash before a line end continues the line.
                    b'\r' => {
                        if data.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
            }
            b'(' => {
                depth += 1;
                out.push(b);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(out);
                }
                out.push(b);
            }
            b'\r' => {
                if data.get(i) == Some(&b'\n') {
                    i += 1;
                }
                out.push(b'\n');
            }
            _ => out.push(b),
        }
    }
    None
}

/// A PDF hex string after its `<`.
fn parse_hex(data: &[u8]) -> Option<Vec<u8>> {
    let mut digits = Vec::new();
    for &b in data.iter().take(MAX_PDF_STRING * 2 + 64) {
        match b {
            b'>' => {
                if digits.len() % 2 == 1 {
                    digits.push(0);
                }
                return Some(digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect());
            }
            b'0'..=b'9' => digits.push(b - b'0'),
            b'a'..=b'f' => digits.push(b - b'a' + 10),
            b'A'..=b'F' => digits.push(b - b'A' + 10),
            b if is_pdf_whitespace(b) => {}
            _ => return None,
        }
    }
    None
}

/// PDF text strings: UTF-16BE with a BOM, UTF-8 with a BOM (PDF 2.0), else PDFDocEncoding, which
/// we read as UTF-8 when it is valid (many writers do that) and Latin-1 otherwise.
fn decode_pdf_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        let units = rest.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]]));
        return char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        let units = rest.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]]));
        return char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// `dc:creator` from an uncompressed XMP packet in `data`.
fn xmp_creator(data: &[u8]) -> Option<String> {
    let start = find(data, 0, b"<dc:creator")?;
    let end = find(data, start, b"</dc:creator>")?;
    let block = String::from_utf8_lossy(&data[start..end + b"</dc:creator>".len()]);
    let texts = xml_texts(&block, &["li"]);
    texts.into_iter().flatten().find_map(|s| clean_author(&s))
}

#[cfg(test)]
mod tests;
