//! A sample inventory to try every screen on: a few hundred generated items
//! in bins and sections, photos on some of them, and a small card
//! collection with grades and values. It is its own database file, made
//! whole or not at all, so trying Trove never touches a person's data.

use std::io::BufWriter;
use std::path::{Path, PathBuf};

use image::{Rgb, RgbImage};
use serde::Serialize;

use crate::cards::CardInput;
use crate::db::Store;
use crate::error::{Error, Result};
use crate::import::ImportOptions;
use crate::jobs::Job;
use crate::ItemChanges;

/// Generated items, besides the cards.
pub const SAMPLE_ITEMS: u64 = 300;
/// Items given a photo.
const SAMPLE_PHOTOS: u32 = 24;
/// The same sample every time.
const SEED: u64 = 20_261_203;
/// Sample photos are small: enough to see, quick to make.
const PHOTO_SIZE: (u32, u32) = (640, 480);

/// What a sample inventory holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SampleReport {
    pub path: String,
    pub items: u64,
    pub cards: u64,
    pub photos: u64,
}

/// The sample's file beside the database at `open` (so it lives where the
/// person keeps Trove's data, and its photos beside it).
pub fn sample_path_beside(open: &Path) -> PathBuf {
    open.with_file_name("trove-sample.db")
}

/// Makes the sample inventory at `path`, which must not exist yet. On any
/// failure the half-made file and its photos are removed.
pub fn create_sample(path: &Path) -> Result<SampleReport> {
    if path.exists() {
        return Err(Error::NameTaken {
            what: "database file",
            name: path.display().to_string(),
        });
    }
    let made = fill(path);
    if made.is_err() {
        remove_database(path);
    }
    made
}

fn fill(path: &Path) -> Result<SampleReport> {
    let store = Store::open(path)?;
    let work = path.with_file_name(format!(".trove-sample-{}", crate::new_id()));
    std::fs::create_dir_all(&work).map_err(|e| Error::io(&work, e))?;
    let result = (|| {
        let csv = work.join("items.csv");
        let file = std::fs::File::create(&csv).map_err(|e| Error::io(&csv, e))?;
        crate::generate::write_items_csv(BufWriter::new(file), SAMPLE_ITEMS, SEED)
            .map_err(|e| Error::io(&csv, e))?;
        let imported = store.import_csv(&csv, &ImportOptions::default(), &mut Job::quiet())?;
        let cards = add_cards(&store)?;
        let photos = add_photos(&store, &work)?;
        Ok(SampleReport {
            path: path.display().to_string(),
            items: imported.created + cards,
            cards,
            photos,
        })
    })();
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// Removes a database file with its journal files and photo folder.
fn remove_database(path: &Path) {
    let photos = crate::photos::PhotoFiles::for_database(path);
    let _ = std::fs::remove_dir_all(photos.root());
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// A trading card: set, number, name, finish, grade (if graded), value.
type Tcg = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const TCG: &[Tcg] = &[
    ("TRV", "1", "Ashen Lantern", "foil", "", "4.20"),
    ("TRV", "2", "Brinewood Heron", "normal", "", "0.35"),
    ("TRV", "7", "Cinder Vow", "foil", "9", "38.00"),
    ("TRV", "12", "Ember, Hearth Warden", "foil", "10", "1450.00"),
    ("TRV", "19", "Gloamfen Stalker", "normal", "", "1.10"),
    ("TRV", "23", "Hollow Crown", "etched", "9.5", "220.00"),
    ("TVC", "3", "Ivory Sentinel", "normal", "", "2.40"),
    ("TVC", "8", "Juniper Oracle", "reverse_holo", "8", "16.50"),
    ("TVC", "15", "Kestrel of Dawn", "foil", "", "7.80"),
    ("TVC", "21", "Lumen Drake", "normal", "10", "640.00"),
];

/// A sports card: year, series, player, team, rookie, grade, value.
type Sports = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    &'static str,
    &'static str,
);

const SPORTS: &[Sports] = &[
    (
        "1989",
        "Pinnacle Stars",
        "Marco Alvarez",
        "Harbor City Gulls",
        true,
        "9",
        "310.00",
    ),
    (
        "1994",
        "Diamond Select",
        "Jo Whitaker",
        "Ridgeback Miners",
        false,
        "",
        "3.00",
    ),
    (
        "2003",
        "Prime Cuts",
        "Dev Okafor",
        "Lakeshore Pilots",
        true,
        "10",
        "880.00",
    ),
    (
        "2011",
        "Gridiron Gold",
        "Sam Pereira",
        "Northgate Bison",
        false,
        "8.5",
        "24.00",
    ),
    (
        "2018",
        "Court Kings",
        "Ana Lindqvist",
        "Bayview Comets",
        true,
        "",
        "12.00",
    ),
    (
        "2022",
        "Rink Legends",
        "Theo Marchetti",
        "Frostburg Owls",
        false,
        "9.5",
        "95.00",
    ),
];

/// The card collection: each card an item in a binder bin, with its details.
fn add_cards(store: &Store) -> Result<u64> {
    let mut n = 0;
    for (i, (set, number, name, finish, grade, value)) in TCG.iter().enumerate() {
        let item = store.create_item(&ItemChanges {
            title: Some((*name).into()),
            sku: Some(format!("CARD-{:03}", i + 1)),
            category: Some("Trading cards".into()),
            location: Some("Card binder / Page 1".into()),
            ..ItemChanges::default()
        })?;
        store.set_card_input(
            &item.id,
            &CardInput {
                kind: "tcg".into(),
                game: "Trove Legends".into(),
                set_code: (*set).into(),
                collector_number: (*number).into(),
                finish: (*finish).into(),
                grader: if grade.is_empty() { "" } else { "PSA" }.into(),
                grade: (*grade).into(),
                value: (*value).into(),
                value_currency: "USD".into(),
                ..CardInput::default()
            },
        )?;
        n += 1;
    }
    for (i, (year, series, player, team, rookie, grade, value)) in SPORTS.iter().enumerate() {
        let item = store.create_item(&ItemChanges {
            title: Some(format!("{year} {series} {player}")),
            sku: Some(format!("SPORT-{:03}", i + 1)),
            category: Some("Sports cards".into()),
            location: Some("Card binder / Page 2".into()),
            ..ItemChanges::default()
        })?;
        store.set_card_input(
            &item.id,
            &CardInput {
                kind: "sports".into(),
                year: (*year).into(),
                series: (*series).into(),
                player: (*player).into(),
                team: (*team).into(),
                rookie: *rookie,
                grader: if grade.is_empty() { "" } else { "BGS" }.into(),
                grade: (*grade).into(),
                value: (*value).into(),
                value_currency: "USD".into(),
                ..CardInput::default()
            },
        )?;
        n += 1;
    }
    Ok(n)
}

/// A photo on each of the first items, made here and imported as a person's
/// would be (originals kept, thumbnails made).
fn add_photos(store: &Store, work: &Path) -> Result<u64> {
    let items = store.list(&crate::list::ListQuery {
        limit: Some(SAMPLE_PHOTOS as usize),
        ..crate::list::ListQuery::default()
    })?;
    let mut count = 0;
    for (n, item) in items.items.iter().enumerate() {
        let path = work.join(format!("IMG_{:04}.jpg", n + 1));
        let mut bytes = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 85)
            .encode_image(&photo_like(n as u32, PHOTO_SIZE.0, PHOTO_SIZE.1))
            .map_err(|e| Error::io(&path, std::io::Error::other(e)))?;
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
        let report = store.import_photos(&[path], Some(&item.id), &mut Job::quiet())?;
        count += report.imported.len() as u64;
    }
    Ok(count)
}

/// A picture that compresses like a photo: smooth light, an object with a
/// hard edge and a striped texture, and sensor noise. Same seed, same image.
pub fn photo_like(seed: u32, width: u32, height: u32) -> RgbImage {
    let mut state = u64::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut noise = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 17) as i32 - 8
    };
    let (fw, fh) = (width as f32, height as f32);
    let phase = seed as f32 * 0.37;
    RgbImage::from_fn(width, height, |x, y| {
        let (u, v) = (x as f32 / fw, y as f32 / fh);
        let light = 0.55 + 0.35 * (u * 2.1 + phase).sin() * (v * 1.7 - phase).cos();
        let (dx, dy) = (u - 0.5 - 0.1 * phase.sin(), v - 0.5);
        let inside = dx * dx + dy * dy < 0.06;
        let stripes = ((x as f32 * 0.07 + y as f32 * 0.02).sin() * 18.0) as i32;
        let base = if inside {
            [170 + stripes, 90 + stripes / 2, 60]
        } else {
            [90, 120, 150]
        };
        let mut px = |c: i32| ((c as f32 * light) as i32 + noise()).clamp(0, 255) as u8;
        Rgb([px(base[0]), px(base[1]), px(base[2])])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_has_items_in_places_cards_with_values_and_photos_and_is_not_made_twice() {
        let dir = tempfile::tempdir().unwrap();
        let path = sample_path_beside(&dir.path().join("trove.db"));
        assert_eq!(path, dir.path().join("trove-sample.db"));
        let report = create_sample(&path).unwrap();
        assert_eq!(
            (report.items, report.cards, report.photos),
            (SAMPLE_ITEMS + 16, 16, u64::from(SAMPLE_PHOTOS))
        );
        let store = Store::open(&path).unwrap();
        let stats = store.stats().unwrap();
        assert_eq!(stats.items as u64, report.items);
        assert!(!store.bins().unwrap().is_empty(), "the items are in bins");
        let card = store.card("CARD-004").unwrap().expect("a card");
        assert_eq!(card.value.map(|v| v.amount), Some(145_000));
        assert!(store.doctor().unwrap().healthy());
        drop(store);

        let again = create_sample(&path).unwrap_err();
        assert_eq!(again.code(), crate::ErrorCode::NameTaken);
        assert!(path.exists(), "refusing leaves the sample there");
    }

    #[test]
    fn a_sample_that_cannot_be_finished_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("trove-sample.db");
        // Its photo folder's place is taken by a file: importing fails.
        std::fs::write(dir.path().join("trove-sample-photos"), b"in the way").unwrap();
        assert!(create_sample(&path).is_err());
        assert!(!path.exists(), "no half-made database");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".trove-sample") || n.starts_with("trove-sample.db"))
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
    }

    #[test]
    fn photo_like_is_the_same_image_for_the_same_seed() {
        assert_eq!(photo_like(3, 32, 24), photo_like(3, 32, 24));
        assert_ne!(photo_like(3, 32, 24), photo_like(4, 32, 24));
    }
}
