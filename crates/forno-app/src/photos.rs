//! Menu photos: an upload is checked to be an image (JPEG, PNG or WebP, by its bytes, not by
//! what the browser says), no larger than `MAX_PHOTO_BYTES` and `MAX_PIXELS`, then scaled down
//! to the sizes the pages show and kept as JPEG. The original is not kept: a phone's 12 MB photo
//! would only make the backups slow.

use std::io::Cursor;

use forno_domain::{ValidationError, msg};
use forno_store::menu::PhotoFile;
use image::{ImageFormat, ImageReader, Limits};

/// The largest upload taken, in bytes.
pub const MAX_PHOTO_BYTES: usize = 5 * 1024 * 1024;
/// The most pixels a photo may have (a 48-megapixel phone photo is fine; a decompression bomb
/// is not).
const MAX_PIXELS: u64 = 60_000_000;
/// The sizes kept: a name the addresses use, and the longest side in pixels.
pub const PHOTO_SIZES: [(&str, u32); 3] = [("small", 160), ("medium", 480), ("large", 1024)];
const JPEG_QUALITY: u8 = 82;

/// The request field a photo's problems are told at.
const FIELD: &str = "photo";

/// Too large to take: said before decoding anything.
pub fn too_large() -> ValidationError {
    let mb = MAX_PHOTO_BYTES / (1024 * 1024);
    ValidationError::field(
        FIELD,
        msg!(
            nl: "De foto is groter dan {mb} MB; verklein hem of kies een andere.",
            en: "The photo is larger than {mb} MB; make it smaller or choose another."
        ),
    )
}

fn not_an_image() -> ValidationError {
    ValidationError::field(
        FIELD,
        msg!(
            nl: "Dit bestand is geen foto die we kunnen lezen; kies een JPEG-, PNG- of WebP-bestand.",
            en: "This file is not a photo we can read; choose a JPEG, PNG or WebP file."
        ),
    )
}

/// Checks and scales an upload; CPU work, so callers run it off the async threads.
pub fn prepare(bytes: &[u8]) -> Result<Vec<PhotoFile>, ValidationError> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(too_large());
    }
    let format = image::guess_format(bytes).map_err(|_| not_an_image())?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(not_an_image());
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4);
    reader.limits(limits);
    let (width, height) = reader.into_dimensions().map_err(|_| not_an_image())?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ValidationError::field(
            FIELD,
            msg!(
                nl: "De foto heeft te veel pixels ({width}×{height}); verklein hem eerst.",
                en: "The photo has too many pixels ({width}×{height}); make it smaller first."
            ),
        ));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits_for(width, height));
    let image = reader.decode().map_err(|_| not_an_image())?;
    PHOTO_SIZES
        .iter()
        .map(|(size, longest)| {
            let scaled = if width.max(height) > *longest {
                image.resize(*longest, *longest, image::imageops::FilterType::Lanczos3)
            } else {
                image.clone()
            };
            let rgb = scaled.to_rgb8();
            let mut out = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .encode_image(&rgb)
                .map_err(|_| not_an_image())?;
            Ok(PhotoFile {
                size: (*size).to_owned(),
                width: rgb.width(),
                height: rgb.height(),
                content_type: "image/jpeg".to_owned(),
                bytes: out,
            })
        })
        .collect()
}

fn limits_for(width: u32, height: u32) -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    limits.max_alloc = Some(MAX_PIXELS * 4);
    limits
}

/// Whether `size` is one of the kept sizes.
pub fn is_size(size: &str) -> bool {
    PHOTO_SIZES.iter().any(|(name, _)| *name == size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_photo_is_kept_in_three_sizes_never_larger_than_uploaded() {
        let files = prepare(&png(1600, 1200)).unwrap();
        let sizes: Vec<_> = files
            .iter()
            .map(|f| (f.size.as_str(), f.width, f.height))
            .collect();
        assert_eq!(
            sizes,
            [
                ("small", 160, 120),
                ("medium", 480, 360),
                ("large", 1024, 768)
            ]
        );
        assert!(files.iter().all(|f| f.bytes.starts_with(&[0xFF, 0xD8])));
        let small = prepare(&png(100, 50)).unwrap();
        assert!(small.iter().all(|f| (f.width, f.height) == (100, 50)));
    }

    #[test]
    fn text_a_truncated_image_and_a_gif_are_refused_at_the_photo_field() {
        for bytes in [
            b"hello, this is not a photo".to_vec(),
            png(64, 64)[..80].to_vec(),
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
        ] {
            assert_eq!(prepare(&bytes).unwrap_err().field.as_deref(), Some("photo"));
        }
    }

    #[test]
    fn an_upload_over_the_limit_is_refused_before_decoding() {
        let mut bytes = png(10, 10);
        bytes.resize(MAX_PHOTO_BYTES + 1, 0);
        assert_eq!(prepare(&bytes).unwrap_err(), too_large());
    }
}
