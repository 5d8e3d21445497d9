//! Photos as a person adds them: files dragged from another X client and
//! dropped on the open item, on a table row, or on a new item; reordered by
//! dragging and by keyboard; a cover chosen; shown large; and the cover in
//! the inventory table. Checked on screen (real pixels) and in the store.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};
use trove_core::photos::Photo;
use trove_core::Store;
use trove_e2e::native_drop::start_drag;
use trove_e2e::{file_dialog, keys, Driver, PointerActions, Session};

use crate::editing::wait_editor_ready;
use crate::support::{
    add_item, blur, ensure, press, quoted, settle, wait_editor_titled, wait_toast, Db, Outcome,
    WAIT,
};

/// A photo the scenarios write: a solid colour with a white corner, so
/// each file has different bytes and a known size.
pub struct Sample {
    pub name: &'static str,
    pub width: u32,
    pub height: u32,
    pub rgb: [u8; 3],
}

/// Writes `samples` into `dir` as real JPEG/PNG files (by extension).
pub fn write_samples(dir: &Path, samples: &[Sample]) -> Outcome<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for s in samples {
        let image = image::RgbImage::from_fn(s.width, s.height, |x, y| {
            if x < s.width / 4 && y < s.height / 4 {
                image::Rgb([255, 255, 255])
            } else {
                image::Rgb(s.rgb)
            }
        });
        let path = dir.join(s.name);
        image.save(&path)?;
        paths.push(path);
    }
    Ok(paths)
}

/// Writes `count` photo-like JPEGs (an object on a soft backdrop, lit from
/// the top left, each another colour and shape) named `<prefix>-N.jpg`,
/// for the screenshots.
pub fn write_product_photos(dir: &Path, prefix: &str, count: usize) -> Outcome<Vec<PathBuf>> {
    let (w, h) = (900u32, 675u32);
    let mut paths = Vec::new();
    for n in 0..count {
        let hue = (n as f32 * 0.381_966).fract();
        let (rx, ry) = (
            0.20 + 0.12 * ((n * 7 % 5) as f32 / 4.0),
            0.22 + 0.1 * ((n % 3) as f32 / 2.0),
        );
        let image = image::RgbImage::from_fn(w, h, |x, y| {
            let (fx, fy) = (x as f32 / w as f32, y as f32 / h as f32);
            // The object: an ellipse, shaded brighter towards the light.
            let (dx, dy) = ((fx - 0.5) / rx, (fy - 0.52) / (ry * 1.33));
            let inside = dx * dx + dy * dy;
            if inside <= 1.0 {
                let light = 1.0 - 0.35 * ((dx + 0.6).powi(2) + (dy + 0.6).powi(2)).sqrt() / 2.0;
                return image::Rgb(hsv(hue, 0.55, 0.85 * light));
            }
            // Its shadow on the table, then the backdrop's gradient.
            let (sx, sy) = ((fx - 0.53) / (rx * 1.1), (fy - 0.52 - ry * 1.2) / 0.05);
            let shade = if sx * sx + sy * sy <= 1.0 { 0.82 } else { 1.0 };
            image::Rgb(hsv(hue, 0.08, (0.97 - 0.12 * fy) * shade))
        });
        let path = dir.join(format!("{prefix}-{}.jpg", n + 1));
        image.save(&path)?;
        paths.push(path);
    }
    Ok(paths)
}

/// A colour from hue, saturation and value (each 0–1).
fn hsv(h: f32, s: f32, v: f32) -> [u8; 3] {
    let i = (h * 6.0).floor();
    let f = h * 6.0 - i;
    let (p, q, t) = (v * (1.0 - s), v * (1.0 - f * s), v * (1.0 - (1.0 - f) * s));
    let (r, g, b) = match i as i32 % 6 {
        0 => (v, t, p),
        1 => (q, v, p),
        2 => (p, v, t),
        3 => (p, q, v),
        4 => (t, p, v),
        _ => (v, p, q),
    };
    let byte = |c: f32| (c.clamp(0.0, 1.0) * 255.0).round() as u8;
    [byte(r), byte(g), byte(b)]
}

/// The long edge of the small thumbnails the store writes.
const SMALL_EDGE: u32 = 256;

/// The size the small thumbnail of a `width`×`height` photo has.
pub fn small_size(width: u32, height: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= SMALL_EDGE {
        return (width, height);
    }
    let scale = |n: u32| ((n as f64) * SMALL_EDGE as f64 / long as f64).round() as u32;
    (scale(width), scale(height))
}

/// The centre of the element matching `css`, on the X screen (for the
/// pointer xdotool drives), from where the page says its window is.
pub fn screen_point(app: &Session, css: &str) -> Outcome<(i32, i32)> {
    let v = app.execute(
        "const el = document.querySelector(arguments[0]);
         if (!el) return null;
         const r = el.getBoundingClientRect();
         const dpr = window.devicePixelRatio || 1;
         const top = window.screenY + (window.outerHeight - window.innerHeight);
         return [Math.round((window.screenX + r.left + r.width / 2) * dpr),
                 Math.round((top + r.top + r.height / 2) * dpr)];",
        vec![json!(css)],
    )?;
    let (Some(x), Some(y)) = (v[0].as_i64(), v[1].as_i64()) else {
        return Err(format!("no element matches {css} to drop on").into());
    };
    Ok((x as i32, y as i32))
}

/// Drags `files` from another X client onto the element matching `css`,
/// runs `while_over` with the files held over it, and drops them there.
pub fn drop_files(
    app: &Session,
    display: &str,
    files: &[PathBuf],
    css: &str,
    while_over: impl FnOnce() -> Outcome,
) -> Outcome {
    let to = screen_point(app, css)?;
    let drag = start_drag(
        Path::new(env!("CARGO_BIN_EXE_drag-source")),
        display,
        files,
        to,
    )?;
    while_over()?;
    drag.release()?;
    Ok(())
}

/// Waits until the element matching `css` has the class `class` (the drop
/// highlight follows the pointer through Tauri's drag-over events).
pub fn wait_class(app: &Session, css: &str, class: &str) -> Outcome {
    app.wait_until(
        &format!("{css} to be highlighted as .{class}"),
        WAIT,
        || {
            Ok(app.execute(
                "const el = document.querySelector(arguments[0]);
             return !!el && el.classList.contains(arguments[1]);",
                vec![json!(css), json!(class)],
            )? == Value::Bool(true))
        },
    )?;
    Ok(())
}

/// A thumbnail as the page draws it.
#[derive(Debug, Clone)]
pub struct Shown {
    pub id: String,
    pub label: String,
    /// The decoded image's size: 0×0 when it did not load.
    pub natural: (u32, u32),
}

/// The `<img>`s under `css` items (each item's first image), in page order.
pub fn shown(app: &Session, css: &str) -> trove_e2e::Result<Vec<Shown>> {
    let v = app.execute(
        "return Array.from(document.querySelectorAll(arguments[0])).map((el) => {
           const img = el.querySelector('img');
           const ok = !!img && img.complete;
           return [el.dataset.photoId || '', el.getAttribute('aria-label') || el.title || '',
                   ok ? img.naturalWidth : 0, ok ? img.naturalHeight : 0];
         });",
        vec![json!(css)],
    )?;
    Ok(v.as_array()
        .map(|a| {
            a.iter()
                .map(|t| Shown {
                    id: t[0].as_str().unwrap_or("").into(),
                    label: t[1].as_str().unwrap_or("").into(),
                    natural: (
                        t[2].as_u64().unwrap_or(0) as u32,
                        t[3].as_u64().unwrap_or(0) as u32,
                    ),
                })
                .collect()
        })
        .unwrap_or_default())
}

/// Waits until `n` thumbnails under `css` are drawn from real pixels.
pub fn wait_shown(app: &Session, css: &str, n: usize) -> Outcome<Vec<Shown>> {
    let mut seen = Vec::new();
    let r = app.wait_until(&format!("{n} loaded images in {css}"), WAIT, || {
        seen = shown(app, css)?;
        Ok(seen.len() == n && seen.iter().all(|s| s.natural.0 > 0))
    });
    r.map_err(|e| format!("{e}; shown: {seen:?}"))?;
    Ok(seen)
}

const STRIP: &str = "[data-testid=photo-strip] [data-testid=photo-thumb]";

/// The file names of an item's photos in the store, in order, and its cover's.
fn stored(store: &Store, item: &str) -> Outcome<(Vec<String>, Option<String>)> {
    let photos: Vec<Photo> = store.item_photos(item)?;
    let cover = photos.iter().find(|p| p.cover).map(|p| p.file_name.clone());
    Ok((photos.into_iter().map(|p| p.file_name).collect(), cover))
}

/// Waits until the store holds item `item`'s photos as `names`, cover first
/// named by `cover`.
fn wait_stored(store: &Store, app: &Session, item: &str, names: &[&str], cover: &str) -> Outcome {
    let mut last = (Vec::new(), None);
    let r = app.wait_until(
        &format!("the store to hold {names:?}, cover {cover}"),
        WAIT,
        || {
            last = stored(store, item).map_err(|e| trove_e2e::Error::Setup(e.to_string()))?;
            Ok(last.0 == names && last.1.as_deref() == Some(cover))
        },
    );
    r.map_err(|e| format!("{e}; it holds {:?}, cover {:?}", last.0, last.1).into())
}

/// The strip's thumbnails' centres in the viewport, in order.
fn strip_centres(app: &Session) -> Outcome<Vec<(f64, f64)>> {
    let v = app.execute(
        "return Array.from(document.querySelectorAll(arguments[0])).map((t) => {
           const r = t.getBoundingClientRect();
           return [r.left + r.width / 2, r.top + r.height / 2];
         });",
        vec![json!(STRIP)],
    )?;
    Ok(v.as_array()
        .map(|a| {
            a.iter()
                .map(|p| (p[0].as_f64().unwrap_or(0.0), p[1].as_f64().unwrap_or(0.0)))
                .collect()
        })
        .unwrap_or_default())
}

/// Drops files on the open editor and on table rows, reorders them by
/// pointer and keyboard, picks a cover, opens the viewer; the table shows
/// the cover; a new item gets the files dropped on it when it is created.
pub fn photos_on_items(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let store = db.store()?;
    let lamp = add_item(&store, "Brass Desk Lamp", "BDL-1")?;
    let stool = add_item(&store, "Oak Milking Stool", "OMS-1")?;
    let files = tempfile::Builder::new()
        .prefix("trove-e2e-photos-")
        .tempdir()?;
    let paths = write_samples(
        files.path(),
        &[
            Sample {
                name: "red.jpg",
                width: 640,
                height: 480,
                rgb: [200, 30, 30],
            },
            Sample {
                name: "green.png",
                width: 300,
                height: 500,
                rgb: [30, 160, 60],
            },
            Sample {
                name: "blue.jpg",
                width: 600,
                height: 600,
                rgb: [30, 60, 200],
            },
            Sample {
                name: "amber.jpg",
                width: 800,
                height: 400,
                rgb: [230, 160, 20],
            },
            Sample {
                name: "teal.jpg",
                width: 500,
                height: 300,
                rgb: [20, 150, 150],
            },
            Sample {
                name: "violet.png",
                width: 400,
                height: 400,
                rgb: [120, 40, 160],
            },
        ],
    )?;
    let display = driver.display().to_string();
    let app = driver.launch(&db.path)?;

    // Drop three files on the lamp's open editor; the editor lights up
    // while they hover over it.
    app.wait_for(
        &format!("[data-testid=row][data-id={}]", quoted(&lamp.id)),
        WAIT,
    )?
    .click()?;
    wait_editor_titled(&app, "Brass Desk Lamp")?;
    app.wait_for("[data-testid=photo-strip]", WAIT)?;
    drop_files(
        &app,
        &display,
        &paths[..3],
        "[data-testid=photo-strip]",
        || wait_class(&app, "[data-testid=item-editor]", "drop-over"),
    )?;
    let thumbs = wait_shown(&app, STRIP, 3)?;
    for (thumb, (w, h)) in thumbs.iter().zip([(640, 480), (300, 500), (600, 600)]) {
        ensure!(
            thumb.natural == small_size(w, h),
            "{} is drawn {}×{}, not as its {w}×{h} photo's thumbnail",
            thumb.label,
            thumb.natural.0,
            thumb.natural.1
        );
    }
    wait_stored(
        &store,
        &app,
        &lamp.id,
        &["red.jpg", "green.png", "blue.jpg"],
        "red.jpg",
    )?;
    ensure!(
        thumbs[0].label.contains("red.jpg") && thumbs[0].label.contains("cover"),
        "the first thumbnail is {:?}, not the red cover",
        thumbs[0].label
    );

    // The item's history has the drop, by file name, without reopening it.
    app.find("[data-testid=history-tab]")?.click()?;
    app.wait_until("the history to list the dropped photos", WAIT, || {
        let names = app.find_all("[data-testid=photo-names]")?;
        Ok(match names.first() {
            Some(n) => n.text()? == "red.jpg, green.png, blue.jpg",
            None => false,
        })
    })?;
    app.find("[role=tab]")?.click()?;
    app.wait_for("[data-testid=photo-strip]", WAIT)?;

    // Drag the last thumbnail before the first (pointer events).
    let centres = strip_centres(&app)?;
    let (from, to) = (centres[2], centres[0]);
    let mut drag = PointerActions::new()
        .move_to(from.0, from.1, Duration::ZERO)
        .down()
        .pause(Duration::from_millis(50));
    for step in 1..=8 {
        let x = from.0 + (to.0 - 30.0 - from.0) * f64::from(step) / 8.0;
        drag = drag.move_to(x, from.1, Duration::from_millis(20));
    }
    app.actions(drag.pause(Duration::from_millis(50)).up().into_json())?;
    wait_stored(
        &store,
        &app,
        &lamp.id,
        &["blue.jpg", "red.jpg", "green.png"],
        "red.jpg",
    )?;
    ensure!(
        app.try_find("[data-testid=photo-viewer]")?.is_none(),
        "the drag opened the viewer as if it were a click"
    );

    // Alt+← on the focused last photo moves it one place left.
    app.execute(
        "document.querySelectorAll(arguments[0])[2].focus();",
        vec![json!(STRIP)],
    )?;
    press(&app, &[keys::ALT], keys::LEFT)?;
    wait_stored(
        &store,
        &app,
        &lamp.id,
        &["blue.jpg", "green.png", "red.jpg"],
        "red.jpg",
    )?;

    // Set the green photo as the cover with its button.
    let green = app.find(&format!("{STRIP}[aria-label^={}]", quoted("green.png")))?;
    let r = green.rect()?;
    app.actions(
        PointerActions::new()
            .move_to(r.x + r.width / 2.0, r.y + r.height / 2.0, Duration::ZERO)
            .into_json(),
    )?;
    app.find(&format!(
        "[data-testid=photo-strip] .slot:has([aria-label^={}]) [data-testid=set-cover]",
        quoted("green.png")
    ))?
    .click()?;
    wait_stored(
        &store,
        &app,
        &lamp.id,
        &["blue.jpg", "green.png", "red.jpg"],
        "green.png",
    )?;
    app.wait_for(
        &format!(
            "{STRIP}[aria-label^={}] [data-testid=cover-mark]",
            quoted("green.png")
        ),
        WAIT,
    )?;

    // A click shows the photo large; Esc closes the viewer, not the editor.
    app.find(&format!("{STRIP}[aria-label^={}]", quoted("blue.jpg")))?
        .click()?;
    let large = wait_shown(&app, "[data-testid=photo-viewer] .stage", 1)?;
    ensure!(
        large[0].natural == (600, 600),
        "the viewer draws the blue photo {:?}, not 600×600 (its large thumbnail)",
        large[0].natural
    );
    press(&app, &[], keys::ESCAPE)?;
    app.wait_gone("[data-testid=photo-viewer]", WAIT)?;
    settle(200);
    ensure!(
        app.try_find("[data-testid=item-editor]")?.is_some(),
        "Esc in the viewer closed the editor too"
    );

    // Closed, the table shows the green cover on the lamp's row.
    press(&app, &[], keys::ESCAPE)?;
    app.wait_gone("[data-testid=item-editor]", WAIT)?;
    let lamp_cover = format!(
        "[data-testid=row][data-id={}] [data-col=cover]",
        quoted(&lamp.id)
    );
    let covers = wait_shown(&app, &lamp_cover, 1)?;
    ensure!(
        covers[0].natural == small_size(300, 500),
        "the lamp's row shows a {:?} cover, not the green photo",
        covers[0].natural
    );

    // Files dropped on the stool's row go to the stool; the row lights up.
    let stool_row = format!("[data-testid=row][data-id={}]", quoted(&stool.id));
    drop_files(&app, &display, &paths[3..4], &stool_row, || {
        wait_class(&app, &stool_row, "drop-over")
    })?;
    wait_stored(&store, &app, &stool.id, &["amber.jpg"], "amber.jpg")?;
    let covers = wait_shown(&app, &format!("{stool_row} [data-col=cover]"), 1)?;
    ensure!(
        covers[0].natural == small_size(800, 400),
        "the stool's row shows a {:?} cover, not the amber photo",
        covers[0].natural
    );
    ensure!(
        stored(&store, &lamp.id)?.0.len() == 3,
        "the drop on the stool's row changed the lamp's photos"
    );

    // "Add photos…" in the stool's editor: the file dialog, answered by
    // typing the path into it.
    app.find(&stool_row)?.click()?;
    wait_editor_titled(&app, "Oak Milking Stool")?;
    wait_shown(&app, STRIP, 1)?;
    app.find("[data-testid=add-photos]")?.click()?;
    file_dialog::choose(&display, "Add photos", &paths[4].to_string_lossy())?;
    wait_stored(
        &store,
        &app,
        &stool.id,
        &["amber.jpg", "teal.jpg"],
        "amber.jpg",
    )?;
    wait_shown(&app, STRIP, 2)?;
    press(&app, &[], keys::ESCAPE)?;
    app.wait_gone("[data-testid=item-editor]", WAIT)?;

    // A new item keeps what is dropped on it and gets it when created.
    blur(&app)?;
    press(&app, &[], "N")?;
    wait_editor_ready(&app)?;
    drop_files(
        &app,
        &display,
        &paths[5..6],
        "[data-testid=photo-strip]",
        || wait_class(&app, "[data-testid=item-editor]", "drop-over"),
    )?;
    app.wait_for("[data-testid=pending-photo]", WAIT)?;
    let title = app.find("[data-testid=item-editor] [name=title]")?;
    title.send_keys("Violet Glass Bowl")?;
    press(&app, &[keys::CONTROL], "s")?;
    wait_toast(&app, "Violet Glass Bowl")?;
    let query = trove_core::search::SearchQuery {
        text: "Violet Glass Bowl".into(),
        ..Default::default()
    };
    let bowl = store
        .search(&query)?
        .items
        .into_iter()
        .find(|i| i.title() == "Violet Glass Bowl")
        .ok_or("the new item is not in the store")?;
    wait_stored(&store, &app, &bowl.id, &["violet.png"], "violet.png")?;
    Ok(())
}
