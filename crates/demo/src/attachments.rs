//! The demo's files: proposal documents and evidence on a few ideas, evidence on a few citizens' ties, and
//! photographs and a report on a few activities. The seed makes every file itself, in code and the same on
//! every run — a small PDF written out by hand, pictures drawn with the `image` crate — and adds it through
//! `app::files::add`, as an upload would be added: its type is read from its bytes, images get their
//! previews, the bytes go to the configured store and each file is an event of its owner.
//!
//! A PDF's page is in English: the standard Helvetica font has no Persian letters, and embedding a Persian
//! font would make each demo PDF hundreds of kilobytes. A Persian title goes into the document's
//! properties (its Info dictionary, in UTF-16), where PDF viewers show it in their title bar.

use std::io::{Cursor, Write};

use anyhow::{Context, anyhow};
use app::Actor;
use app::files::{FileStore, Owner, Upload};
use chrono::{DateTime, Utc};
use db::Db;
use domain::file::FileKind;
use image::codecs::jpeg::JpegEncoder;
use image::{ImageFormat, Rgb, RgbImage};

/// A file the seed adds, as its uploader would send it.
pub struct Attachment {
    /// The name on the uploader's machine.
    pub name: String,
    pub description: String,
    pub kind: FileKind,
    /// An idea's file that names its submitter (hidden from a blind call's reviewers).
    pub identifying: bool,
    /// A register's file for staff only.
    pub internal: bool,
    pub bytes: Vec<u8>,
}

impl Attachment {
    pub fn new(name: &str, description: &str, kind: FileKind, bytes: Vec<u8>) -> Attachment {
        Attachment {
            name: name.to_owned(),
            description: description.to_owned(),
            kind,
            identifying: false,
            internal: false,
            bytes,
        }
    }

    pub fn identifying(self) -> Attachment {
        Attachment {
            identifying: true,
            ..self
        }
    }

    pub fn internal(self) -> Attachment {
        Attachment { internal: true, ..self }
    }
}

/// Adds `file` to `owner` as `actor` at `at`, through the use case an upload goes through.
pub async fn add(
    db: &Db,
    store: &FileStore,
    actor: &Actor,
    owner: Owner,
    file: Attachment,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let name = file.name.clone();
    let received = received(store, &file.bytes)
        .await
        .with_context(|| format!("writing the demo file {name}"))?;
    let upload = Upload {
        received,
        name: file.name,
        description: Some(file.description),
        kind: Some(file.kind),
        identifying: Some(file.identifying),
        internal: Some(file.internal),
    };
    app::files::add(db, store, actor, owner, upload, at)
        .await
        .map_err(|err| anyhow!("the demo file {name} on {} {}: {err}", owner.kind, owner.id))?;
    Ok(())
}

/// The bytes in a temporary file of the store's upload folder, hashed, as an upload arrives.
async fn received(store: &FileStore, bytes: &[u8]) -> anyhow::Result<files::Received> {
    let mut temp = tempfile::Builder::new().prefix("demo-").tempfile_in(&store.temp_dir)?;
    temp.write_all(bytes)?;
    temp.flush()?;
    let file = temp.into_temp_path();
    let (sha256, size) = files::hash_file(&file).await?;
    Ok(files::Received { file, sha256, size })
}

// ---------------------------------------------------------------------------------------------------------
// PDF

/// A one-page document.
pub struct Pdf<'a> {
    /// The title in the document's properties, in any script.
    pub title: &'a str,
    /// The author its properties name, if any (the upload then warns that the field may name its uploader).
    pub author: Option<&'a str>,
    /// The page's heading and lines, in English.
    pub heading: &'a str,
    pub lines: &'a [String],
}

/// A valid PDF 1.4: catalogue, page tree, one A4 page in Helvetica, the Info dictionary, and a cross-
/// reference table with the objects' byte offsets.
pub fn pdf(doc: &Pdf) -> Vec<u8> {
    let mut page = String::new();
    // A band across the top and a rule under the heading.
    page.push_str("0.16 0.42 0.55 rg\n0 800 595 42 re f\n0.6 g\n72 742 451 0.8 re f\n0 g\n");
    page.push_str(&format!(
        "BT\n/F1 20 Tf\n72 756 Td\n({}) Tj\nET\n",
        literal(doc.heading)
    ));
    page.push_str("BT\n/F1 11 Tf\n16 TL\n72 716 Td\n");
    for line in doc.lines {
        page.push_str(&format!("({}) Tj\nT*\n", literal(line)));
    }
    page.push_str("ET\n");
    page.push_str("BT\n0.45 g\n/F1 8 Tf\n72 40 Td\n(Made by the demo seed of Citizen Diplomat.) Tj\nET\n");

    let mut info = format!(
        "<< /Title {} /Producer (Citizen Diplomat demo seed)",
        utf16_hex(doc.title)
    );
    if let Some(author) = doc.author {
        info.push_str(&format!(" /Author {}", utf16_hex(author)));
    }
    info.push_str(" >>");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> \
         /Contents 5 0 R >>"
            .to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{page}\nendstream", page.len()),
        info,
    ];
    // The binary comment tells transfer programs that the file is not text.
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (number, body) in (1..).zip(&objects) {
        offsets.push(out.len());
        out.extend_from_slice(format!("{number} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    let xref = out.len();
    let size = objects.len() + 1;
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

/// A PDF literal string's inside, in WinAnsi: ASCII as it is, Latin-1 and a few typographic characters by
/// their octal codes, anything else (a Persian word in an English line) as `?`.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            '–' => out.push_str("\\226"),
            '—' => out.push_str("\\227"),
            '‘' => out.push_str("\\221"),
            '’' => out.push_str("\\222"),
            // WinAnsi holds Latin-1 where Latin-1 has letters and signs.
            '\u{A0}'..='\u{FF}' => out.push_str(&format!("\\{:03o}", u32::from(c))),
            // Turkish letters Helvetica's WinAnsi lacks, by their base letters.
            'ı' => out.push('i'),
            'ş' => out.push('s'),
            'ğ' => out.push('g'),
            'İ' => out.push('I'),
            _ => out.push('?'),
        }
    }
    out
}

/// A PDF text string in UTF-16BE with its byte-order mark, as a hex string.
fn utf16_hex(text: &str) -> String {
    let mut hex = String::from("<FEFF");
    for unit in text.encode_utf16() {
        hex.push_str(&format!("{unit:04X}"));
    }
    hex.push('>');
    hex
}

// ---------------------------------------------------------------------------------------------------------
// Pictures

pub const WIDTH: u32 = 800;
pub const HEIGHT: u32 = 600;

/// What a picture shows.
#[derive(Debug, Clone, Copy)]
pub enum Scene {
    /// Outdoors: a sky, the sun, hills and a turquoise dome.
    Landscape { sky: [u8; 3], ground: [u8; 3] },
    /// Indoors: a wall with framed pictures and people in front of them (an exhibition, a workshop).
    Hall { wall: [u8; 3], frames: u32 },
    /// A scanned page: lines of text, a round stamp and a signature.
    Letter { stamp: [u8; 3] },
}

/// How a picture is encoded.
#[derive(Debug, Clone, Copy)]
pub enum Encoding {
    Png,
    Jpeg,
}

/// The scene drawn in 800×600 and encoded. What varies only along a row or among a scene's figures is
/// worked out once, not for every pixel: the seed runs unoptimised in development and tests.
pub fn picture(scene: Scene, encoding: Encoding) -> anyhow::Result<Vec<u8>> {
    let columns: Vec<f32> = (0..WIDTH).map(|x| column(scene, x as f32)).collect();
    let people = figures();
    let image = RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        let column = columns[x as usize];
        let (x, y) = (x as f32, y as f32);
        Rgb(match scene {
            Scene::Landscape { sky, ground } => landscape(x, y, column, sky, ground),
            Scene::Hall { wall, frames } => hall(x, y, wall, frames, &people),
            Scene::Letter { stamp } => letter(x, y, column, stamp),
        })
    });
    let mut bytes = Vec::new();
    match encoding {
        Encoding::Png => image.write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)?,
        Encoding::Jpeg => JpegEncoder::new_with_quality(&mut bytes, 85).encode_image(&image)?,
    }
    Ok(bytes)
}

/// What a scene has at each column: the horizon of a landscape, the signature's stroke on a letter.
fn column(scene: Scene, x: f32) -> f32 {
    match scene {
        Scene::Landscape { .. } => 400.0 + 30.0 * (x / 95.0).sin() + 14.0 * (x / 37.0 + 1.0).sin(),
        Scene::Letter { .. } => 490.0 + 18.0 * ((x - 180.0) / 21.0).sin() * ((x - 180.0) / 90.0).cos(),
        Scene::Hall { .. } => 0.0,
    }
}

/// `from` mixed with `to` by `t` (0..=1).
fn mix(from: [u8; 3], to: [u8; 3], t: f32) -> [u8; 3] {
    let t = t.clamp(0.0, 1.0);
    let channel = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    [
        channel(from[0], to[0]),
        channel(from[1], to[1]),
        channel(from[2], to[2]),
    ]
}

fn within_circle(x: f32, y: f32, cx: f32, cy: f32, r: f32) -> bool {
    (x - cx).powi(2) + (y - cy).powi(2) <= r * r
}

fn within(x: f32, y: f32, left: f32, top: f32, right: f32, bottom: f32) -> bool {
    (left..right).contains(&x) && (top..bottom).contains(&y)
}

const WHITE: [u8; 3] = [255, 255, 255];
const TURQUOISE: [u8; 3] = [38, 160, 170];
const SAND: [u8; 3] = [214, 190, 150];

fn landscape(x: f32, y: f32, horizon: f32, sky: [u8; 3], ground: [u8; 3]) -> [u8; 3] {
    // The dome stands on a base, with two minarets.
    let (dome_x, dome_y) = (300.0, 380.0);
    if y <= dome_y && within_circle(x, y, dome_x, dome_y, 85.0) {
        let shade = ((x - dome_x) / 85.0 + 1.0) / 2.0;
        return mix(TURQUOISE, [20, 90, 110], shade * 0.8);
    }
    if within(x, y, 200.0, dome_y, 400.0, 520.0) {
        let arch = within_circle(x, y, 300.0, 450.0, 35.0) || within(x, y, 265.0, 450.0, 335.0, 520.0);
        return if arch { [70, 55, 40] } else { SAND };
    }
    if within(x, y, 170.0, 250.0, 188.0, 520.0) || within(x, y, 412.0, 250.0, 430.0, 520.0) {
        return if y < 280.0 { TURQUOISE } else { SAND };
    }
    if y < horizon {
        if within_circle(x, y, 630.0, 130.0, 55.0) {
            return [255, 226, 140];
        }
        let glow = 1.0 - ((x - 630.0).powi(2) + (y - 130.0).powi(2)).sqrt() / 400.0;
        return mix(mix(sky, WHITE, y / 420.0), [255, 236, 190], glow.max(0.0) * 0.5);
    }
    mix(ground, [40, 50, 30], (y - horizon) / 260.0)
}

/// A person in a hall: where their head is, and the colour of their clothes.
struct Figure {
    x: f32,
    head: f32,
    clothes: [u8; 3],
}

/// Seven people in front of a hall's wall, standing a little unevenly.
fn figures() -> Vec<Figure> {
    (0..7u8)
        .map(|n| {
            let n32 = f32::from(n);
            Figure {
                x: 70.0 + 110.0 * n32 + 18.0 * (n32 * 1.7).sin(),
                head: 455.0 + 25.0 * (n32 * 2.3).cos(),
                clothes: mix([40, 45, 60], [120, 60, 50], f32::from(n % 3) / 2.0),
            }
        })
        .collect()
}

fn hall(x: f32, y: f32, wall: [u8; 3], frames: u32, people: &[Figure]) -> [u8; 3] {
    let floor = 440.0;
    // The highest head reaches above y = 406.
    if y >= 400.0 {
        for person in people {
            if within_circle(x, y, person.x, person.head, 24.0) {
                return [205, 165, 135];
            }
            if within(
                x,
                y,
                person.x - 42.0,
                person.head + 22.0,
                person.x + 42.0,
                HEIGHT as f32,
            ) {
                return person.clothes;
            }
        }
    }
    if y >= floor {
        return mix([150, 110, 80], [80, 55, 40], (y - floor) / 160.0);
    }
    let frames = frames.max(1);
    let span = 680.0 / frames as f32;
    let (top, bottom) = (110.0, 330.0);
    if (top..bottom).contains(&y) {
        let frame = ((x - 60.0) / span).floor();
        if (0.0..frames as f32).contains(&frame) {
            let left = 60.0 + span * frame + 14.0;
            let right = left + span - 28.0;
            if (left..right).contains(&x) {
                if !within(x, y, left + 10.0, top + 10.0, right - 10.0, bottom - 10.0) {
                    return [120, 90, 40];
                }
                let warm = mix([200, 80, 60], [40, 110, 160], frame / frames as f32);
                return mix(warm, [240, 220, 170], (y - top) / (bottom - top));
            }
        }
    }
    // A lit wall, brighter in the middle.
    let light = 1.0 - ((x - 400.0).abs() / 500.0);
    mix(mix(wall, [60, 60, 60], 0.35), wall, light)
}

fn letter(x: f32, y: f32, signature: f32, stamp: [u8; 3]) -> [u8; 3] {
    const LINE_ENDS: [f32; 9] = [610.0, 590.0, 640.0, 560.0, 625.0, 600.0, 450.0, 615.0, 520.0];
    let scanner = [70, 72, 78];
    // The page lies a little askew on the scanner: a shear of its outline.
    let (px, py) = (x - 0.02 * (y - 300.0), y + 0.02 * (x - 400.0));
    if !within(px, py, 110.0, 20.0, 690.0, 580.0) {
        return scanner;
    }
    let paper = mix(
        [250, 248, 240],
        [228, 224, 210],
        (px - 110.0) / 900.0 + (py - 20.0) / 1400.0,
    );
    if within(px, py, 150.0, 50.0, 420.0, 70.0) {
        return [40, 60, 110];
    }
    if (120.0..390.0).contains(&py) {
        let n = ((py - 120.0) / 30.0).floor();
        let top = 120.0 + 30.0 * n;
        let end = LINE_ENDS.get(n as usize).copied().unwrap_or(0.0);
        if within(px, py, 150.0, top, end, top + 9.0) {
            // Words: gaps every so often.
            let gap = ((px - 150.0 + 13.0 * n) % 67.0) < 7.0;
            return if gap { paper } else { [60, 60, 66] };
        }
    }
    let (sx, sy) = (540.0, 470.0);
    let ring = (px - sx).powi(2) + (py - sy).powi(2);
    if (44.0f32.powi(2)..=52.0f32.powi(2)).contains(&ring) || (30.0f32.powi(2)..=33.0f32.powi(2)).contains(&ring) {
        return mix(stamp, paper, 0.15);
    }
    // A signature: a wavy stroke (the curve is the column's; the page's shear is too small to matter).
    if (180.0..400.0).contains(&px) && (py - signature).abs() < 2.2 {
        return [30, 40, 120];
    }
    paper
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_is_one_a_reader_accepts() {
        let lines = vec![
            "Partner: Paris Île-de-France, Elif Yılmaz".to_owned(),
            "Persian: هفته".to_owned(),
        ];
        let bytes = pdf(&Pdf {
            title: "هفته فرهنگی اصفهان در پاریس",
            author: Some("Sara"),
            heading: "Proposal — cultural week",
            lines: &lines,
        });
        assert!(bytes.starts_with(b"%PDF-1.4\n"));
        assert!(bytes.ends_with(b"%%EOF\n"));
        // Each object starts where the cross-reference table says (offsets in bytes, after a binary line).
        let xref = bytes.windows(5).position(|w| w == b"xref\n").expect("xref");
        let table = std::str::from_utf8(&bytes[xref..]).expect("an ASCII tail");
        for (n, entry) in table.lines().skip(3).take(6).enumerate() {
            let offset: usize = entry[..10].parse().expect("offset");
            let object = format!("{} 0 obj", n + 1);
            assert!(bytes[offset..].starts_with(object.as_bytes()), "{object}");
        }
        let startxref: usize = table.lines().rev().nth(1).expect("offset").parse().expect("number");
        assert_eq!(startxref, xref);
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("(Proposal \\227 cultural week) Tj"));
        assert!(text.contains("(Persian: ????) Tj"));
        assert!(text.contains("(Partner: Paris \\316le-de-France, Elif Yilmaz) Tj"));
        assert!(text.contains("/Title <FEFF0647"));
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.pdf");
        std::fs::write(&path, &bytes).expect("written");
        assert_eq!(files::sniff(&path).expect("read"), Some(files::FileType::Pdf));
        assert_eq!(
            files::author_field(&path, files::FileType::Pdf).expect("read"),
            Some("Sara".to_owned())
        );
    }

    #[test]
    fn pictures_are_the_same_every_run_and_read_as_what_they_are() {
        let scenes = [
            (
                Scene::Landscape {
                    sky: [90, 150, 210],
                    ground: [120, 140, 80],
                },
                Encoding::Jpeg,
                files::FileType::Jpeg,
            ),
            (
                Scene::Hall {
                    wall: [230, 220, 200],
                    frames: 3,
                },
                Encoding::Png,
                files::FileType::Png,
            ),
            (
                Scene::Letter { stamp: [160, 30, 60] },
                Encoding::Jpeg,
                files::FileType::Jpeg,
            ),
        ];
        let dir = tempfile::tempdir().expect("tempdir");
        for (n, (scene, encoding, kind)) in scenes.into_iter().enumerate() {
            let bytes = picture(scene, encoding).expect("encoded");
            assert_eq!(bytes, picture(scene, encoding).expect("encoded"));
            let path = dir.path().join(format!("{n}.bin"));
            std::fs::write(&path, &bytes).expect("written");
            assert_eq!(files::sniff(&path).expect("read"), Some(kind));
            assert!(files::preview(&path, kind).is_some(), "a preview of {scene:?}");
        }
    }
}
