//! From a file's bytes to upright thumbnails: recognise the format, refuse
//! what is unsafe to decode before decoding it, read EXIF, decode (JPEG at
//! the smallest DCT scale that still covers the large thumbnail), resize with
//! SIMD, rotate per EXIF, encode JPEG.

use std::io::Cursor;

use fast_image_resize as fr;
use image::{DynamicImage, ImageReader, RgbImage};

use super::files::{PhotoFormat, ThumbSize};

/// Photos larger than this are refused before decoding: a 50,000 × 50,000
/// PNG would need 10 GB of memory. 200 MP covers every phone and camera
/// sold today (the largest phone sensors write 200 MP).
pub const MAX_PIXELS: u64 = 200_000_000;
/// Non-JPEG formats are decoded at full size, so they get a tighter limit
/// (4 bytes a pixel: at most 400 MB per file being decoded).
pub const MAX_FULL_DECODE_PIXELS: u64 = 100_000_000;

/// JPEG quality of the thumbnails: small files, no visible blocking.
const THUMB_QUALITY: u8 = 82;

/// What decoding learned about a photo, and its thumbnails.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub format: PhotoFormat,
    /// Upright size, after the EXIF orientation.
    pub width: u32,
    pub height: u32,
    pub orientation: u8,
    pub taken_at: Option<String>,
    /// JPEG bytes of the small and large thumbnails, upright.
    pub small: Vec<u8>,
    pub large: Vec<u8>,
}

/// Recognises a stored format from the first bytes, or says why the file
/// is not one (HEIC gets its own answer, with the way out).
pub(crate) fn sniff(bytes: &[u8]) -> Result<PhotoFormat, String> {
    if bytes.is_empty() {
        return Err("the file is empty (0 bytes)".into());
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(PhotoFormat::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(PhotoFormat::Png);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Ok(PhotoFormat::Gif);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok(PhotoFormat::Webp);
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Ok(PhotoFormat::Tiff);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = String::from_utf8_lossy(&bytes[8..12]).into_owned();
        if matches!(
            brand.as_str(),
            "heic" | "heix" | "heim" | "heis" | "hevc" | "hevx" | "hevm" | "hevs" | "mif1" | "msf1"
        ) {
            return Err("HEIC/HEIF photos cannot be read by this build of Trove. \
                 Export it as JPEG and import that (on an iPhone, Settings › Camera › Formats › \
                 Most Compatible makes the camera save JPEG; Photos on a Mac converts with \
                 File › Export)"
                .into());
        }
        if brand == "avif" || brand == "avis" {
            return Err("AVIF images are not supported; export it as JPEG or PNG".into());
        }
    }
    Err("not a photo Trove can read: it is not JPEG, PNG, WebP, GIF or TIFF".into())
}

/// Decodes `bytes` (already sniffed as `format`) into upright thumbnails.
pub(crate) fn decode(bytes: &[u8], format: PhotoFormat) -> Result<Decoded, String> {
    let exif = read_exif(bytes);
    let orientation = exif.orientation;
    let (raw_width, raw_height, image) = match format {
        PhotoFormat::Jpeg => decode_jpeg(bytes)?,
        _ => decode_other(bytes, format)?,
    };
    let (width, height) = if orientation >= 5 {
        (raw_height, raw_width)
    } else {
        (raw_width, raw_height)
    };
    let large = fit(&image, ThumbSize::Large.edge())?;
    let small = fit(&large, ThumbSize::Small.edge())?;
    Ok(Decoded {
        format,
        width,
        height,
        orientation,
        taken_at: exif.taken_at,
        small: encode(upright(small, orientation))?,
        large: encode(upright(large, orientation))?,
    })
}

fn check_size(width: u64, height: u64, limit: u64) -> Result<(), String> {
    if width == 0 || height == 0 {
        return Err("the image has no pixels (0 wide or 0 high)".into());
    }
    let pixels = width * height;
    if pixels > limit {
        return Err(format!(
            "too large to open safely: {width} × {height} pixels ({} megapixels; \
             Trove opens up to {} for this format)",
            pixels / 1_000_000,
            limit / 1_000_000
        ));
    }
    Ok(())
}

/// JPEG through jpeg-decoder, whose IDCT can scale by 1/2, 1/4 or 1/8 while
/// decoding: a 12 MP photo for a 1024 px thumbnail decodes a quarter of the
/// pixels. The size comes from the frame header, checked before decoding.
fn decode_jpeg(bytes: &[u8]) -> Result<(u32, u32, RgbImage), String> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.read_info().map_err(jpeg_error)?;
    let info = decoder.info().ok_or("the JPEG has no frame header")?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    check_size(u64::from(width), u64::from(height), MAX_PIXELS)?;
    let (tw, th) = fitted(width, height, ThumbSize::Large.edge());
    let (sw, sh) = decoder
        .scale(
            tw.min(u32::from(u16::MAX)) as u16,
            th.min(u32::from(u16::MAX)) as u16,
        )
        .map_err(jpeg_error)?;
    let pixels = decoder.decode().map_err(jpeg_error)?;
    let info = decoder.info().ok_or("the JPEG has no frame header")?;
    let (sw, sh) = (u32::from(sw), u32::from(sh));
    let n = (sw * sh) as usize;
    let rgb: Vec<u8> = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => pixels,
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&l| [l, l, l]).collect(),
        jpeg_decoder::PixelFormat::L16 => pixels
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0]])
            .collect(),
        jpeg_decoder::PixelFormat::CMYK32 => pixels
            .chunks_exact(4)
            .flat_map(|p| {
                let k = u16::from(p[3]);
                let ch = |c: u8| ((u16::from(c) * k) / 255) as u8;
                [ch(p[0]), ch(p[1]), ch(p[2])]
            })
            .collect(),
    };
    if rgb.len() < n * 3 {
        return Err("the JPEG decoded to fewer pixels than its header says".into());
    }
    let image = RgbImage::from_raw(sw, sh, rgb).ok_or("the JPEG's pixel data is incomplete")?;
    Ok((width, height, image))
}

fn jpeg_error(e: jpeg_decoder::Error) -> String {
    format!("not a readable JPEG ({e}); the file may be cut short or damaged")
}

fn decode_other(bytes: &[u8], format: PhotoFormat) -> Result<(u32, u32, RgbImage), String> {
    let kind = match format {
        PhotoFormat::Png => image::ImageFormat::Png,
        PhotoFormat::Webp => image::ImageFormat::WebP,
        PhotoFormat::Gif => image::ImageFormat::Gif,
        PhotoFormat::Tiff => image::ImageFormat::Tiff,
        PhotoFormat::Jpeg => image::ImageFormat::Jpeg,
    };
    let name = format.as_str().to_uppercase();
    let damaged = |e: image::ImageError| format!("not a readable {name} ({e})");
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), kind)
        .into_dimensions()
        .map_err(damaged)?;
    check_size(u64::from(width), u64::from(height), MAX_FULL_DECODE_PIXELS)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), kind);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    limits.max_alloc = Some(MAX_FULL_DECODE_PIXELS * 4 + (64 << 20));
    reader.limits(limits);
    // A GIF decodes to its first frame.
    let image = reader.decode().map_err(damaged)?;
    Ok((width, height, on_white(image)))
}

/// Transparent pixels are laid on white: thumbnails are JPEG, and product
/// photos with cut-out backgrounds look right on white.
fn on_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut out = Vec::with_capacity((w * h * 3) as usize);
    for p in rgba.pixels() {
        let a = u16::from(p[3]);
        for c in &p.0[..3] {
            out.push(((u16::from(*c) * a + 255 * (255 - a) + 127) / 255) as u8);
        }
    }
    RgbImage::from_raw(w, h, out).expect("sized to fit")
}

/// The size that fits `edge` on the long side, never enlarging.
pub(crate) fn fitted(width: u32, height: u32, edge: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= edge {
        return (width, height);
    }
    let scale = |v: u32| {
        ((u64::from(v) * u64::from(edge) + u64::from(long) / 2) / u64::from(long)).max(1) as u32
    };
    (scale(width), scale(height))
}

/// Resizes to fit `edge` with a Lanczos filter (SIMD where the CPU has it).
fn fit(image: &RgbImage, edge: u32) -> Result<RgbImage, String> {
    let (w, h) = image.dimensions();
    let (tw, th) = fitted(w, h, edge);
    if (tw, th) == (w, h) {
        return Ok(image.clone());
    }
    let src = fr::images::ImageRef::new(w, h, image.as_raw(), fr::PixelType::U8x3)
        .map_err(|e| e.to_string())?;
    let mut dst = fr::images::Image::new(tw, th, fr::PixelType::U8x3);
    let options =
        fr::ResizeOptions::new().resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
    fr::Resizer::new()
        .resize(&src, &mut dst, &options)
        .map_err(|e| e.to_string())?;
    Ok(RgbImage::from_raw(tw, th, dst.into_vec()).expect("sized to fit"))
}

/// Turns the stored pixels upright per the EXIF orientation (1–8).
fn upright(image: RgbImage, orientation: u8) -> RgbImage {
    use image::imageops::{flip_horizontal, flip_vertical, rotate180, rotate270, rotate90};
    match orientation {
        2 => flip_horizontal(&image),
        3 => rotate180(&image),
        4 => flip_vertical(&image),
        5 => flip_horizontal(&rotate90(&image)),
        6 => rotate90(&image),
        7 => flip_horizontal(&rotate270(&image)),
        8 => rotate270(&image),
        _ => image,
    }
}

fn encode(image: RgbImage) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(image.as_raw().len() / 8);
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, THUMB_QUALITY)
        .encode(
            image.as_raw(),
            image.width(),
            image.height(),
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|e| format!("could not write a thumbnail: {e}"))?;
    Ok(out)
}

struct Exif {
    orientation: u8,
    taken_at: Option<String>,
}

/// Orientation and taken-at time from EXIF; a photo without EXIF (or with
/// broken EXIF) is upright and undated rather than refused.
fn read_exif(bytes: &[u8]) -> Exif {
    let mut none = Exif {
        orientation: 1,
        taken_at: None,
    };
    let Ok(exif) = exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) else {
        return none;
    };
    if let Some(o) = exif
        .get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
    {
        if (1..=8).contains(&o) {
            none.orientation = o as u8;
        }
    }
    let text = |tag| {
        exif.get_field(tag, exif::In::PRIMARY)
            .and_then(|f| match &f.value {
                exif::Value::Ascii(v) => v
                    .first()
                    .map(|s| String::from_utf8_lossy(s).trim().to_owned()),
                _ => None,
            })
    };
    let taken = text(exif::Tag::DateTimeOriginal).or_else(|| text(exif::Tag::DateTime));
    none.taken_at = taken.and_then(|t| {
        let local = chrono::NaiveDateTime::parse_from_str(&t, "%Y:%m:%d %H:%M:%S").ok()?;
        let local = local.format("%Y-%m-%dT%H:%M:%S").to_string();
        match text(exif::Tag::OffsetTimeOriginal).or_else(|| text(exif::Tag::OffsetTime)) {
            Some(offset)
                if chrono::DateTime::parse_from_rfc3339(&format!("{local}{offset}")).is_ok() =>
            {
                Some(format!("{local}{offset}"))
            }
            _ => Some(local),
        }
    });
    none
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_recognised_by_their_bytes_not_their_names() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Ok(PhotoFormat::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Ok(PhotoFormat::Png));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Ok(PhotoFormat::Webp));
        assert!(sniff(b"").unwrap_err().contains("empty"));
        assert!(sniff(b"hello, I am text").unwrap_err().contains("not JPEG"));
        assert!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0")
            .unwrap_err()
            .contains("HEIC"));
    }

    #[test]
    fn the_long_edge_is_fitted_without_enlarging() {
        assert_eq!(fitted(4000, 3000, 1024), (1024, 768));
        assert_eq!(fitted(3000, 4000, 256), (192, 256));
        assert_eq!(fitted(300, 200, 1024), (300, 200));
        assert_eq!(fitted(10_000, 1, 256), (256, 1));
    }
}
