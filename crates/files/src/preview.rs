//! Small previews of images, so a list of files shows thumbnails without sending the originals.

use std::fs::File;
use std::io::{BufReader, Cursor};
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::kind::FileType;

/// Previews fit in this square.
pub const PREVIEW_MAX_SIDE: u32 = 320;

/// Larger images are refused rather than decoded (a decompression bomb is a few KB on the wire).
const MAX_SIDE: u32 = 8000;

/// Most memory a decoder may allocate.
const MAX_ALLOC: u64 = 256 * 1024 * 1024;

const JPEG_QUALITY: u8 = 80;

/// An encoded preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub bytes: Vec<u8>,
    /// `image/jpeg`, or `image/png` when the source has transparency.
    pub content_type: &'static str,
}

/// A preview fitting in 320×320 for a PNG, JPEG or WebP (turned upright per its EXIF
/// orientation); `None` for other types or anything that cannot be decoded within the limits.
///
/// CPU-bound: call it from a blocking task. It never panics: a decoder panic is caught.
pub fn preview(path: &Path, ty: FileType) -> Option<Preview> {
    let format = match ty {
        FileType::Png => ImageFormat::Png,
        FileType::Jpeg => ImageFormat::Jpeg,
        FileType::Webp => ImageFormat::WebP,
        FileType::Pdf | FileType::Odt | FileType::Docx => return None,
    };
    std::panic::catch_unwind(|| make_preview(path, format)).ok()?
}

fn make_preview(path: &Path, format: ImageFormat) -> Option<Preview> {
    let file = File::open(path).ok()?;
    let mut reader = ImageReader::with_format(BufReader::new(file), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);

    let mut decoder = reader.into_decoder().ok()?;
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).ok()?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }

    if image.width() > PREVIEW_MAX_SIDE || image.height() > PREVIEW_MAX_SIDE {
        image = image.thumbnail(PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE);
    }

    let mut bytes = Vec::new();
    if image.color().has_alpha() {
        image
            .to_rgba8()
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .ok()?;
        Some(Preview {
            bytes,
            content_type: "image/png",
        })
    } else {
        let rgb = image.to_rgb8();
        JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
            .encode_image(&rgb)
            .ok()?;
        Some(Preview {
            bytes,
            content_type: "image/jpeg",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{GenericImageView, Rgb, RgbImage, Rgba, RgbaImage};

    fn write_image(dir: &Path, name: &str, image: &DynamicImage, format: ImageFormat) -> std::path::PathBuf {
        let path = dir.join(name);
        image.save_with_format(&path, format).expect("save");
        path
    }

    fn gradient(w: u32, h: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(RgbImage::from_fn(w, h, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        }))
    }

    #[test]
    fn jpeg_becomes_a_small_jpeg() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write_image(dir.path(), "a.jpg", &gradient(1000, 500), ImageFormat::Jpeg);
        let preview = preview(&path, FileType::Jpeg).expect("preview");
        assert_eq!(preview.content_type, "image/jpeg");
        let decoded = image::load_from_memory(&preview.bytes).expect("decode preview");
        assert_eq!(decoded.dimensions(), (320, 160));
    }

    #[test]
    fn small_images_are_not_enlarged() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write_image(dir.path(), "a.png", &gradient(40, 30), ImageFormat::Png);
        let preview = preview(&path, FileType::Png).expect("preview");
        assert_eq!(preview.content_type, "image/jpeg");
        let decoded = image::load_from_memory(&preview.bytes).expect("decode preview");
        assert_eq!(decoded.dimensions(), (40, 30));
    }

    #[test]
    fn transparency_gives_png() {
        let dir = tempfile::tempdir().expect("tempdir");
        let rgba = DynamicImage::ImageRgba8(RgbaImage::from_fn(600, 900, |x, _| {
            Rgba([200, 10, 10, (x % 256) as u8])
        }));
        let png = write_image(dir.path(), "a.png", &rgba, ImageFormat::Png);
        let preview_png = preview(&png, FileType::Png).expect("preview");
        assert_eq!(preview_png.content_type, "image/png");
        let decoded = image::load_from_memory(&preview_png.bytes).expect("decode");
        assert_eq!(decoded.dimensions(), (213, 320));

        let webp = write_image(dir.path(), "a.webp", &rgba, ImageFormat::WebP);
        let preview_webp = preview(&webp, FileType::Webp).expect("preview");
        assert_eq!(preview_webp.content_type, "image/png");
    }

    #[test]
    fn refuses_what_it_cannot_decode() {
        let dir = tempfile::tempdir().expect("tempdir");
        let junk = dir.path().join("junk.jpg");
        std::fs::write(&junk, b"\xff\xd8\xff\xe0 this is not really a jpeg").expect("write");
        assert_eq!(preview(&junk, FileType::Jpeg), None);
        assert_eq!(preview(&junk, FileType::Pdf), None);
        assert_eq!(preview(&dir.path().join("missing.png"), FileType::Png), None);
    }

    #[test]
    fn refuses_huge_dimensions() {
        // A valid PNG header announcing 20000×20000 pixels: refused before any pixel is decoded.
        let dir = tempfile::tempdir().expect("tempdir");
        let mut png = Vec::new();
        png.extend_from_slice(b"\x89PNG\r\n\x1a\n");
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&20000u32.to_be_bytes());
        ihdr.extend_from_slice(&20000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        png.extend_from_slice(&(ihdr.len() as u32).to_be_bytes());
        let mut crc_input = b"IHDR".to_vec();
        crc_input.extend_from_slice(&ihdr);
        png.extend_from_slice(&crc_input);
        png.extend_from_slice(&crc32(&crc_input).to_be_bytes());
        let path = dir.path().join("bomb.png");
        std::fs::write(&path, &png).expect("write");
        assert_eq!(preview(&path, FileType::Png), None);
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
