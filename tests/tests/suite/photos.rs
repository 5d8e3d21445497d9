//! Photos: real image files written here, imported into a real database
//! and store, and their thumbnails read back pixel by pixel.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use image::{Rgb, RgbImage};
use trove_core::jobs::Job;
use trove_core::photos::{Photo, PhotoImportReport};
use trove_core::Store;

use crate::common::{new_store, temp_dir, titled, trove_bin};

/// The four quadrant colours of an upright test photo: no two orientations
/// of it look alike.
const TOP_LEFT: [u8; 3] = [220, 30, 30];
const TOP_RIGHT: [u8; 3] = [30, 200, 30];
const BOTTOM_LEFT: [u8; 3] = [30, 30, 220];
const BOTTOM_RIGHT: [u8; 3] = [240, 240, 240];

fn quadrants(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        Rgb(match (x < width / 2, y < height / 2) {
            (true, true) => TOP_LEFT,
            (false, true) => TOP_RIGHT,
            (true, false) => BOTTOM_LEFT,
            (false, false) => BOTTOM_RIGHT,
        })
    })
}

/// The pixels a camera stores for `upright` with EXIF `orientation`, built
/// from the EXIF definition of where stored row 0 and column 0 appear
/// (e.g. 6: row 0 is the right-hand side, column 0 the top).
fn stored_for(upright: &RgbImage, orientation: u16) -> RgbImage {
    let (w, h) = upright.dimensions();
    let (sw, sh) = if orientation >= 5 { (h, w) } else { (w, h) };
    RgbImage::from_fn(sw, sh, |c, r| {
        let (x, y) = match orientation {
            1 => (c, r),
            2 => (w - 1 - c, r),
            3 => (w - 1 - c, h - 1 - r),
            4 => (c, h - 1 - r),
            5 => (r, c),
            6 => (w - 1 - r, c),
            7 => (w - 1 - r, h - 1 - c),
            8 => (r, h - 1 - c),
            _ => unreachable!(),
        };
        *upright.get_pixel(x, y)
    })
}

/// Marks `image` with `n` in 8 × 8 black and white blocks along its top
/// edge, so that photos made from one picture differ even after JPEG.
fn numbered(mut image: RgbImage, n: u32) -> RgbImage {
    for bit in 0..8.min(image.width() / 8) {
        let v = if n >> bit & 1 == 1 { 255 } else { 0 };
        for x in bit * 8..bit * 8 + 8 {
            for y in 0..8 {
                image.put_pixel(x, y, Rgb([v, v, v]));
            }
        }
    }
    image
}

fn jpeg(image: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92)
        .encode_image(image)
        .expect("encode JPEG");
    out
}

/// An EXIF (APP1) segment with IFD0 Orientation and, in the Exif IFD,
/// DateTimeOriginal and OffsetTimeOriginal: big-endian TIFF, by hand.
fn exif_segment(orientation: u16, taken: Option<(&str, &str)>) -> Vec<u8> {
    let mut tiff: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    let entries: u16 = if taken.is_some() { 2 } else { 1 };
    let ifd0_len = 2 + 12 * u32::from(entries) + 4;
    let exif_ifd = 8 + ifd0_len;
    tiff.extend(entries.to_be_bytes());
    // Orientation: SHORT, 1 value, in the entry.
    tiff.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    tiff.extend(orientation.to_be_bytes());
    tiff.extend([0, 0]);
    if taken.is_some() {
        // ExifIFDPointer: LONG.
        tiff.extend([0x87, 0x69, 0, 4, 0, 0, 0, 1]);
        tiff.extend(exif_ifd.to_be_bytes());
    }
    tiff.extend([0, 0, 0, 0]);
    if let Some((when, offset)) = taken {
        let data = exif_ifd + 2 + 24 + 4;
        tiff.extend(2u16.to_be_bytes());
        tiff.extend([0x90, 0x03, 0, 2, 0, 0, 0, 20]);
        tiff.extend(data.to_be_bytes());
        tiff.extend([0x90, 0x11, 0, 2, 0, 0, 0, 7]);
        tiff.extend((data + 20).to_be_bytes());
        tiff.extend([0, 0, 0, 0]);
        tiff.extend(when.as_bytes());
        tiff.push(0);
        tiff.extend(offset.as_bytes());
        tiff.push(0);
    }
    let mut segment = vec![0xFF, 0xE1];
    segment.extend(((tiff.len() + 8) as u16).to_be_bytes());
    segment.extend(b"Exif\0\0");
    segment.extend(tiff);
    segment
}

/// A JPEG of `image` with the EXIF segment right after SOI.
fn jpeg_with_exif(image: &RgbImage, orientation: u16, taken: Option<(&str, &str)>) -> Vec<u8> {
    let plain = jpeg(image);
    let mut out = plain[..2].to_vec();
    out.extend(exif_segment(orientation, taken));
    out.extend(&plain[2..]);
    out
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

fn import(store: &Store, paths: &[PathBuf], item: Option<&str>) -> PhotoImportReport {
    store
        .import_photos(paths, item, &mut Job::quiet())
        .expect("import runs")
}

fn close(a: &Rgb<u8>, b: [u8; 3]) -> bool {
    a.0.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 40)
}

fn assert_upright(thumb: &Path, width: u32, height: u32, what: &str) {
    let img = image::open(thumb)
        .unwrap_or_else(|e| panic!("{what}: {}: {e}", thumb.display()))
        .into_rgb8();
    assert_eq!(img.dimensions(), (width, height), "{what}: thumbnail size");
    let at =
        |fx: f32, fy: f32| *img.get_pixel((width as f32 * fx) as u32, (height as f32 * fy) as u32);
    for (fx, fy, want, name) in [
        (0.25, 0.25, TOP_LEFT, "top left"),
        (0.75, 0.25, TOP_RIGHT, "top right"),
        (0.25, 0.75, BOTTOM_LEFT, "bottom left"),
        (0.75, 0.75, BOTTOM_RIGHT, "bottom right"),
    ] {
        let got = at(fx, fy);
        assert!(
            close(&got, want),
            "{what}: {name} is {got:?}, expected about {want:?}"
        );
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n != "import.lock") {
                found.push(p);
            }
        }
    }
    found.sort();
    found
}

/// Every row's original and thumbnails exist: the guarantee a crash must keep.
fn assert_rows_have_files(store: &Store) {
    for photo in store.all_photos().expect("photos") {
        for path in [
            &photo.original,
            &photo.thumbnails.small,
            &photo.thumbnails.large,
        ] {
            assert!(
                Path::new(path).is_file(),
                "row {} points at missing {path}",
                photo.id
            );
        }
    }
}

#[test]
fn every_exif_orientation_comes_out_upright_in_both_thumbnails() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let upright = quadrants(640, 480);
    let mut paths = Vec::new();
    for o in 1..=8u16 {
        // A different bright corner pixel per file, so no two hash alike.
        let mut stored = stored_for(&upright, o);
        stored.put_pixel(0, 0, Rgb([o as u8, 0, 0]));
        paths.push(write(
            dir.path(),
            &format!("o{o}.jpg"),
            &jpeg_with_exif(&stored, o, None),
        ));
    }
    let report = import(&store, &paths, None);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.imported.len(), 8);
    for (photo, o) in report.imported.iter().zip(1..=8u8) {
        assert_eq!(photo.file_name, format!("o{o}.jpg"));
        assert_eq!(photo.orientation, o);
        assert_eq!(
            (photo.width, photo.height),
            (640, 480),
            "o{o}: upright size recorded"
        );
        assert_upright(
            Path::new(&photo.thumbnails.small),
            256,
            192,
            &format!("orientation {o}, small"),
        );
        assert_upright(
            Path::new(&photo.thumbnails.large),
            640,
            480,
            &format!("orientation {o}, large"),
        );
    }
}

#[test]
fn a_large_photo_is_scaled_to_both_sizes_and_its_original_kept_byte_for_byte() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    // Portrait, as a phone held upright writes it: stored landscape, EXIF 6.
    let upright = quadrants(1536, 2048);
    let bytes = jpeg_with_exif(
        &stored_for(&upright, 6),
        6,
        Some(("2024:05:01 14:30:15", "+02:00")),
    );
    let path = write(dir.path(), "IMG_0001.JPG", &bytes);
    let photo = import(&store, &[path], None).imported.remove(0);
    assert_eq!((photo.width, photo.height), (1536, 2048));
    assert_eq!(photo.taken_at.as_deref(), Some("2024-05-01T14:30:15+02:00"));
    assert_eq!(photo.byte_size, bytes.len() as u64);
    assert_eq!(std::fs::read(&photo.original).unwrap(), bytes);
    assert!(photo.hash.len() == 64 && photo.original.contains(&photo.hash));
    assert!(photo.original.ends_with(".jpg"));
    assert!(photo
        .original
        .starts_with(&*dir.path().join("trove-photos").to_string_lossy()));
    assert_upright(
        Path::new(&photo.thumbnails.small),
        192,
        256,
        "portrait small",
    );
    assert_upright(
        Path::new(&photo.thumbnails.large),
        768,
        1024,
        "portrait large",
    );
}

#[test]
fn png_webp_gif_and_tiff_are_read_and_transparency_lies_on_white() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let upright = quadrants(400, 300);
    let mut paths = Vec::new();
    for (name, format) in [
        ("q.png", image::ImageFormat::Png),
        ("q.webp", image::ImageFormat::WebP),
        ("q.gif", image::ImageFormat::Gif),
        ("q.tiff", image::ImageFormat::Tiff),
    ] {
        let path = dir.path().join(name);
        image::DynamicImage::ImageRgb8(upright.clone())
            .save_with_format(&path, format)
            .expect("write test image");
        paths.push(path);
    }
    // A clear PNG with one opaque red square in the middle.
    let clear = image::RgbaImage::from_fn(200, 200, |x, y| {
        if (50..150).contains(&x) && (50..150).contains(&y) {
            image::Rgba([255, 0, 0, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let clear_path = dir.path().join("clear.png");
    clear.save(&clear_path).unwrap();
    paths.push(clear_path);

    let report = import(&store, &paths, None);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let formats: Vec<&str> = report
        .imported
        .iter()
        .map(|p| match p.format {
            trove_core::photos::PhotoFormat::Png => "png",
            trove_core::photos::PhotoFormat::Webp => "webp",
            trove_core::photos::PhotoFormat::Gif => "gif",
            trove_core::photos::PhotoFormat::Tiff => "tiff",
            trove_core::photos::PhotoFormat::Jpeg => "jpeg",
        })
        .collect();
    assert_eq!(formats, ["png", "webp", "gif", "tiff", "png"]);
    for photo in &report.imported[..4] {
        assert_upright(
            Path::new(&photo.thumbnails.small),
            256,
            192,
            &photo.file_name,
        );
    }
    let thumb = image::open(&report.imported[4].thumbnails.small)
        .unwrap()
        .into_rgb8();
    assert!(
        close(thumb.get_pixel(10, 10), [255, 255, 255]),
        "clear corner on white"
    );
    assert!(
        close(thumb.get_pixel(128, 128), [255, 0, 0]),
        "opaque centre kept"
    );
}

/// A PNG header claiming `width` × `height` with a token of pixel data: the
/// shape of a decompression bomb, without the bytes.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend(kind);
        c.extend(data);
        let mut crc_input = kind.to_vec();
        crc_input.extend(data);
        c.extend(crc32(&crc_input).to_be_bytes());
        c
    }
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", &[]));
    png
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn bad_files_are_skipped_with_their_reason_and_the_rest_are_imported() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let folder = dir.path().join("shoot");
    std::fs::create_dir(&folder).unwrap();
    let good = jpeg(&quadrants(320, 240));
    write(&folder, "a-good.jpg", &good);
    write(&folder, "b-empty.jpg", b"");
    write(&folder, "c-truncated.jpg", &good[..good.len() / 3]);
    write(
        &folder,
        "d-text.jpg",
        b"this is a shopping list, not a photo\n",
    );
    write(&folder, "e-bomb.png", &png_claiming(50_000, 50_000));
    write(
        &folder,
        "f-phone.heic",
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
    );
    write(
        &folder,
        "notes.txt",
        b"not a photo by its name, passed over",
    );
    let other = numbered(quadrants(320, 240), 1);
    write(&folder, "g-good.png", &{
        let mut out = std::io::Cursor::new(Vec::new());
        other.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    });
    #[cfg(unix)]
    std::os::unix::fs::symlink(&folder, folder.join("loop")).unwrap();
    let missing = dir.path().join("no-such-file.jpg");

    let started = std::time::Instant::now();
    let report = import(&store, &[folder.clone(), missing.clone()], None);
    let names: Vec<&str> = report
        .imported
        .iter()
        .map(|p| p.file_name.as_str())
        .collect();
    assert_eq!(names, ["a-good.jpg", "g-good.png"]);
    assert_eq!(report.ignored, 1, "notes.txt is passed over");
    let reason = |name: &str| -> String {
        let found: Vec<_> = report
            .skipped
            .iter()
            .filter(|s| s.path.ends_with(name))
            .collect();
        assert_eq!(found.len(), 1, "one skip for {name}: {:?}", report.skipped);
        found[0].reason.clone()
    };
    assert!(reason("b-empty.jpg").contains("empty"));
    assert!(
        reason("c-truncated.jpg").contains("JPEG"),
        "{}",
        reason("c-truncated.jpg")
    );
    assert!(reason("d-text.jpg").contains("not a photo"));
    let bomb = reason("e-bomb.png");
    assert!(
        bomb.contains("50000 × 50000") && bomb.contains("too large"),
        "{bomb}"
    );
    assert!(reason("f-phone.heic").contains("HEIC"));
    assert!(reason("no-such-file.jpg").contains("cannot be read"));
    #[cfg(unix)]
    assert!(reason("loop").contains("symlink loop"));
    // Refused from its header: decoding 2.5 gigapixels would take minutes
    // and 10 GB. Generous bound; it is about the order of magnitude.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    assert_rows_have_files(&store);
    assert_eq!(store.all_photos().unwrap().len(), 2, "nothing half-written");
}

#[test]
fn the_cli_exits_1_when_a_file_was_skipped_and_lists_it() {
    let dir = temp_dir();
    let db = dir.path().join("trove.db");
    let good = write(dir.path(), "good.jpg", &jpeg(&quadrants(64, 48)));
    let bad = write(dir.path(), "bad.jpg", b"");
    let run = |args: &[&Path]| {
        let mut cmd = std::process::Command::new(trove_bin());
        cmd.arg("--db")
            .arg(&db)
            .args(["photos", "import", "--json"]);
        cmd.args(args);
        cmd.output().expect("trove runs")
    };
    let out = run(&[&good, &bad]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["imported"].as_array().unwrap().len(), 1);
    assert_eq!(report["skipped"][0]["path"], bad.to_string_lossy().as_ref());
    assert!(report["skipped"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("empty"));

    let again = run(&[&good]);
    assert_eq!(again.status.code(), Some(0), "already there counts as done");
    let report: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(report["already"].as_array().unwrap().len(), 1);

    let list = std::process::Command::new(trove_bin())
        .arg("--db")
        .arg(&db)
        .args(["photos", "list", "--json"])
        .output()
        .unwrap();
    assert!(list.status.success());
    let photos: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let photo = &photos[0];
    assert_eq!(photo["file_name"], "good.jpg");
    assert_eq!(
        (photo["width"].as_u64(), photo["height"].as_u64()),
        (Some(64), Some(48))
    );
    assert!(Path::new(photo["original"].as_str().unwrap()).is_file());
    for size in ["small", "large"] {
        assert!(Path::new(photo["thumbnails"][size].as_str().unwrap()).is_file());
    }
    assert_eq!(photo["hash"].as_str().unwrap().len(), 64);

    // Thumbnails can be drawn again from the original at any time.
    let small = PathBuf::from(photo["thumbnails"]["small"].as_str().unwrap());
    std::fs::remove_file(&small).unwrap();
    let redraw = std::process::Command::new(trove_bin())
        .arg("--db")
        .arg(&db)
        .args(["photos", "redraw"])
        .output()
        .unwrap();
    assert!(
        redraw.status.success(),
        "{}",
        String::from_utf8_lossy(&redraw.stderr)
    );
    assert_upright(&small, 64, 48, "redrawn by the CLI");
}

#[test]
fn the_same_photo_is_stored_once_and_its_files_go_with_its_last_use() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let a = store.create_item(&titled("Camera")).unwrap();
    let b = store.create_item(&titled("Lens")).unwrap();
    let bytes = jpeg(&quadrants(300, 200));
    let one = write(dir.path(), "one.jpg", &bytes);
    let copy = write(dir.path(), "copy-of-one.jpg", &bytes);
    let store_files = || files_under(&dir.path().join("trove-photos"));

    let first = import(&store, std::slice::from_ref(&one), None);
    assert_eq!(first.imported.len(), 1);
    assert_eq!(store_files().len(), 3, "original and two thumbnails");
    let twice = import(&store, &[one.clone(), copy.clone()], None);
    assert_eq!(
        twice.already.len(),
        2,
        "the same bytes are already in the inbox"
    );
    assert!(twice.imported.is_empty());

    let on_a = import(&store, std::slice::from_ref(&copy), Some(&a.id));
    assert_eq!(
        on_a.imported.len(),
        1,
        "dropping an inbox photo on an item assigns it"
    );
    assert_eq!(store.inbox_count().unwrap(), 0);
    let on_b = import(&store, std::slice::from_ref(&one), Some(&b.id));
    assert_eq!(on_b.imported.len(), 1, "linked again to a second item");
    assert_eq!(store_files().len(), 3, "still one copy of the files");
    assert_eq!(on_a.imported[0].hash, on_b.imported[0].hash);

    store.delete_photos(&[on_a.imported[0].id.clone()]).unwrap();
    assert_eq!(store_files().len(), 3, "item b still uses the file");
    store.delete_photos(&[on_b.imported[0].id.clone()]).unwrap();
    assert!(store_files().is_empty(), "no use left, no files left");
}

#[test]
fn an_item_keeps_its_photos_in_order_with_one_cover() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = store
        .create_item(&trove_core::ItemChanges {
            sku: Some("CAM-1".into()),
            ..titled("Film camera")
        })
        .unwrap();
    let paths: Vec<PathBuf> = (0..4u8)
        .map(|n| {
            let img = numbered(quadrants(120, 90), u32::from(n));
            write(dir.path(), &format!("p{n}.jpg"), &jpeg(&img))
        })
        .collect();
    import(&store, &paths, Some("CAM-1"));
    let photos = store.item_photos("CAM-1").unwrap();
    let names = |ps: &[Photo]| ps.iter().map(|p| p.file_name.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&photos),
        ["p0.jpg", "p1.jpg", "p2.jpg", "p3.jpg"],
        "in the order given"
    );
    let covers: Vec<bool> = photos.iter().map(|p| p.cover).collect();
    assert_eq!(
        covers,
        [true, false, false, false],
        "the first is the cover"
    );

    let ids: Vec<String> = [3, 1, 0, 2].iter().map(|&i| photos[i].id.clone()).collect();
    let reordered = store.reorder_photos(&item.id, &ids).unwrap();
    assert_eq!(names(&reordered), ["p3.jpg", "p1.jpg", "p0.jpg", "p2.jpg"]);
    assert!(
        store.reorder_photos(&item.id, &ids[..3]).is_err(),
        "an order must name them all"
    );

    let after = store.set_cover(&photos[2].id).unwrap();
    assert_eq!(after.iter().filter(|p| p.cover).count(), 1);
    assert!(after.iter().find(|p| p.id == photos[2].id).unwrap().cover);
    let covers = store.covers(std::slice::from_ref(&item.id)).unwrap();
    assert_eq!(covers[&item.id], photos[2].thumbnails.small);

    store.delete_photos(&[photos[2].id.clone()]).unwrap();
    let left = store.item_photos(&item.id).unwrap();
    assert_eq!(names(&left), ["p3.jpg", "p1.jpg", "p0.jpg"]);
    assert!(left[0].cover, "the first left becomes the cover");

    store.unassign_photos(&[left[1].id.clone()]).unwrap();
    assert_eq!(store.inbox_count().unwrap(), 1);
    let back = store.assign_photos(&[left[1].id.clone()], "CAM-1").unwrap();
    assert_eq!(
        names(&back),
        ["p3.jpg", "p0.jpg", "p1.jpg"],
        "assigned photos go last"
    );

    // The item's history says when photos came and went, by file name.
    let history = store.history(&item.id, 50).unwrap();
    let entries: Vec<(String, serde_json::Value)> = history
        .iter()
        .filter(|a| a.action.starts_with("photos"))
        .map(|a| {
            (
                a.action.clone(),
                a.after.clone().or(a.before.clone()).unwrap(),
            )
        })
        .collect();
    let names = |v: &serde_json::Value| v["photos"].as_array().unwrap().len();
    let actions: Vec<&str> = entries.iter().map(|(a, _)| a.as_str()).collect();
    // Newest first: assign, unassign, delete, import.
    assert_eq!(
        actions,
        [
            "photos added",
            "photos removed",
            "photos removed",
            "photos added"
        ]
    );
    assert_eq!(names(&entries[3].1), 4, "one entry for the four imported");
    assert_eq!(
        entries[2].1["photos"][0], "p2.jpg",
        "the deleted one by name"
    );

    store.trash_item(&item.id).unwrap();
    let refused = store.import_photos(&paths[..1], Some("CAM-1"), &mut Job::quiet());
    assert!(refused.is_err(), "no photos onto an item in the trash");
    store.empty_trash().unwrap();
    assert!(
        store.all_photos().unwrap().is_empty(),
        "photos go with their item"
    );
    assert!(
        files_under(&dir.path().join("trove-photos")).is_empty(),
        "and so do the files"
    );
}

#[test]
fn the_inbox_pages_by_key() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let paths: Vec<PathBuf> = (0..7u8)
        .map(|n| {
            let img = numbered(quadrants(40, 30), u32::from(n));
            write(dir.path(), &format!("i{n}.png"), &{
                let mut out = std::io::Cursor::new(Vec::new());
                img.write_to(&mut out, image::ImageFormat::Png).unwrap();
                out.into_inner()
            })
        })
        .collect();
    import(&store, &paths, None);
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = store.inbox_photos(after.as_deref(), 3).unwrap();
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 3);
        after = page.last().map(|p| p.id.clone());
        seen.extend(page.into_iter().map(|p| p.file_name));
    }
    let want: Vec<String> = (0..7).map(|n| format!("i{n}.png")).collect();
    assert_eq!(seen, want);
}

#[test]
fn cancelling_keeps_the_finished_files_and_writes_nothing_half() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let paths: Vec<PathBuf> = (0..40u8)
        .map(|n| {
            let img = numbered(quadrants(200, 150), u32::from(n));
            write(dir.path(), &format!("c{n:02}.jpg"), &jpeg(&img))
        })
        .collect();
    let cancel = AtomicBool::new(false);
    let mut calls = 0;
    let mut job = Job::new(&cancel, |p| {
        calls += 1;
        assert!(p.done <= p.total && p.bytes <= p.total_bytes);
        assert_eq!(p.total, 40);
        if p.done == 5 {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    })
    .unthrottled();
    let report = store.import_photos(&paths, None, &mut job).unwrap();
    drop(job);
    assert!(report.cancelled);
    assert!(
        report.imported.len() >= 5 && report.imported.len() < 40,
        "{}",
        report.imported.len()
    );
    assert_eq!(
        calls,
        report.imported.len(),
        "one progress call per finished file"
    );
    assert_rows_have_files(&store);
    assert!(store.doctor().unwrap().healthy());
}

/// Kills `trove photos import` at each step of its write order and checks
/// that no row points at a missing file, that the doctor clears what was
/// left, and that importing again then completes.
#[test]
fn a_crash_at_any_step_leaves_no_row_without_its_files() {
    for step in ["original-temp", "original", "thumbnails", "row"] {
        let dir = temp_dir();
        let db = dir.path().join("trove.db");
        drop(Store::open(&db).unwrap());
        let paths: Vec<PathBuf> = (0..3u8)
            .map(|n| {
                let img = numbered(quadrants(160, 120), u32::from(n));
                write(dir.path(), &format!("k{n}.jpg"), &jpeg(&img))
            })
            .collect();
        let out = std::process::Command::new(trove_bin())
            .arg("--db")
            .arg(&db)
            .args(["photos", "import"])
            .args(&paths)
            .env("TROVE_PHOTO_CRASH_AT", step)
            .output()
            .expect("trove runs");
        assert!(
            !out.status.success() && out.status.code().is_none(),
            "{step}: killed by a signal, got {:?}",
            out.status
        );

        let store = Store::open(&db).unwrap();
        assert_rows_have_files(&store);
        let rows = store.all_photos().unwrap().len();
        if step == "row" {
            assert!(rows >= 1, "{step}: the committed row survives");
        } else {
            assert_eq!(rows, 0, "{step}: no row before its files were whole");
        }
        let store_dir = dir.path().join("trove-photos");
        let leftovers = files_under(&store_dir).len();
        let report = store.doctor().unwrap();
        assert!(report.healthy(), "{step}: {report:?}");
        let swept = report
            .checks
            .iter()
            .find(|c| c.name == "unused photo files")
            .unwrap();
        assert_eq!(
            files_under(&store_dir).len(),
            leftovers - swept.repaired,
            "{step}"
        );
        assert!(
            files_under(&store_dir.join("tmp")).is_empty(),
            "{step}: no temporary file left"
        );
        let kept: std::collections::HashSet<String> = store
            .all_photos()
            .unwrap()
            .into_iter()
            .map(|p| p.hash)
            .collect();
        for file in files_under(&store_dir) {
            let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
            assert!(
                kept.contains(&stem),
                "{step}: {} is used by no row after the doctor",
                file.display()
            );
        }
        let again = import(&store, &paths, None);
        assert!(again.skipped.is_empty(), "{step}: {:?}", again.skipped);
        assert_eq!(again.imported.len() + again.already.len(), 3, "{step}");
        assert_rows_have_files(&store);
    }
}

#[test]
fn the_doctor_redraws_missing_thumbnails_and_removes_unused_files() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let path = write(
        dir.path(),
        "d.jpg",
        &jpeg_with_exif(&stored_for(&quadrants(400, 300), 8), 8, None),
    );
    let photo = import(&store, &[path], None).imported.remove(0);
    std::fs::remove_file(&photo.thumbnails.small).unwrap();
    std::fs::write(&photo.thumbnails.large, b"").unwrap();
    std::fs::remove_file(&photo.thumbnails.large).unwrap();
    let stray_hash = "f".repeat(64);
    let stray = dir
        .path()
        .join("trove-photos/originals/ff")
        .join(format!("{stray_hash}.jpg"));
    std::fs::create_dir_all(stray.parent().unwrap()).unwrap();
    std::fs::write(&stray, b"left by a crash").unwrap();
    std::fs::create_dir_all(dir.path().join("trove-photos/tmp")).unwrap();
    std::fs::write(dir.path().join("trove-photos/tmp/123-0.part"), b"half").unwrap();

    let report = store.doctor().unwrap();
    assert!(report.healthy(), "{report:?}");
    let check = |name: &str| {
        report
            .checks
            .iter()
            .find(|c| c.name == name)
            .unwrap()
            .clone()
    };
    assert_eq!(check("photo files").repaired, 1);
    assert_eq!(check("unused photo files").repaired, 2);
    assert!(!stray.exists());
    assert_upright(
        Path::new(&photo.thumbnails.small),
        256,
        192,
        "redrawn small",
    );
    assert_upright(
        Path::new(&photo.thumbnails.large),
        400,
        300,
        "redrawn large",
    );

    std::fs::remove_file(&photo.original).unwrap();
    let report = store.doctor().unwrap();
    assert!(
        !report.healthy(),
        "a missing original is reported, not hidden"
    );
    let problems = &report
        .checks
        .iter()
        .find(|c| c.name == "photo files")
        .unwrap()
        .problems;
    assert!(problems[0].contains("missing"), "{problems:?}");
}

#[test]
fn a_version_2_database_upgrades_and_takes_photos() {
    let dir = temp_dir();
    let db = dir.path().join("trove.db");
    Store::create_at_version(&db, 2).unwrap();
    let store = Store::open(&db).unwrap();
    assert!(store.upgrade_backup().is_some());
    let path = write(dir.path(), "u.jpg", &jpeg(&quadrants(50, 40)));
    assert_eq!(import(&store, &[path], None).imported.len(), 1);
}
