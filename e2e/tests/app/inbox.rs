//! The photo inbox: files dropped anywhere but on an item wait there, are
//! picked as in a file manager, and go to an item found by search or by
//! scan, or become a new item; assigning can be undone. And the window
//! reads photos from the open database's store and from nowhere else.

use std::path::Path;

use serde_json::{json, Value};
use trove_core::jobs::Job;
use trove_core::Store;
use trove_e2e::{keys, Driver, Element, PointerActions, Session};

use crate::editing::wait_editor_ready;
use crate::photos::{drop_files, small_size, wait_shown, write_samples, Sample, Shown};
use crate::support::{
    add_item, ensure, press, quoted, scan_as_scanner, show, wait_toast, Db, Outcome, WAIT,
};

const TILES: &str = "[data-testid=inbox-photo]";

/// Clicks `el` with `modifier` held (Shift, Ctrl), as one input sequence.
fn click_with(app: &Session, modifier: &str, el: &Element<'_>) -> Outcome {
    let r = el.rect()?;
    let zero = std::time::Duration::ZERO;
    let keys = json!({
        "type": "key",
        "id": "keyboard",
        "actions": [
            { "type": "keyDown", "value": modifier },
            { "type": "pause", "duration": 0 },
            { "type": "pause", "duration": 0 },
            { "type": "pause", "duration": 0 },
            { "type": "keyUp", "value": modifier },
        ],
    });
    let pointer = PointerActions::new()
        .pause(zero)
        .move_to(r.x + r.width / 2.0, r.y + r.height / 2.0, zero)
        .down()
        .up()
        .pause(zero)
        .into_source();
    app.actions(json!([keys, pointer]))?;
    Ok(())
}

/// The inbox tiles' photo ids, in grid order.
fn tile_ids(tiles: &[Shown]) -> Vec<String> {
    tiles.iter().map(|t| t.id.clone()).collect()
}

/// Waits for the selection line to say `text`.
fn wait_selected(app: &Session, text: &str) -> Outcome {
    let mut said = String::new();
    let r = app.wait_until(&format!("the inbox to say {text:?}"), WAIT, || {
        said = app.find("[data-testid=inbox-selected]")?.text()?;
        Ok(said == text)
    });
    r.map_err(|e| format!("{e}; it says {said:?}").into())
}

/// The ids of an item's photos in the store, in order (cover first when
/// it was first).
fn photo_ids(store: &Store, item: &str) -> Outcome<Vec<String>> {
    Ok(store.item_photos(item)?.into_iter().map(|p| p.id).collect())
}

fn wait_item_photos(store: &Store, app: &Session, item: &str, want: &[String]) -> Outcome {
    let mut have = Vec::new();
    let r = app.wait_until(
        &format!("item {item} to hold photos {want:?}"),
        WAIT,
        || {
            have = photo_ids(store, item).map_err(|e| trove_e2e::Error::Setup(e.to_string()))?;
            Ok(have == want)
        },
    );
    r.map_err(|e| format!("{e}; it holds {have:?}").into())
}

/// Drops files on the table's empty space (the inbox), picks some, assigns
/// them by search and undoes it, assigns one by scanning, and makes a new
/// item of the rest.
pub fn inbox_assigns_photos(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let store = db.store()?;
    let lamp = add_item(&store, "Brass Desk Lamp", "BDL-1")?;
    let stool = add_item(&store, "Oak Milking Stool", "OMS-1")?;
    let files = tempfile::Builder::new()
        .prefix("trove-e2e-inbox-")
        .tempdir()?;
    let mut paths = write_samples(
        files.path(),
        &[
            Sample {
                name: "a.jpg",
                width: 400,
                height: 300,
                rgb: [200, 40, 40],
            },
            Sample {
                name: "b.jpg",
                width: 300,
                height: 400,
                rgb: [40, 200, 40],
            },
            Sample {
                name: "c.png",
                width: 500,
                height: 500,
                rgb: [40, 40, 200],
            },
            Sample {
                name: "d.jpg",
                width: 640,
                height: 360,
                rgb: [200, 200, 40],
            },
        ],
    )?;
    let fake = files.path().join("notes.jpg");
    std::fs::write(&fake, "not a photo, whatever its name says")?;
    paths.push(fake);
    let display = driver.display().to_string();
    let app = driver.launch(&db.path)?;

    // Dropped on no item: the whole window says "inbox" while they hover.
    app.wait_for("[data-testid=row]", WAIT)?;
    drop_files(
        &app,
        &display,
        &paths,
        "[data-testid=table-scroller]",
        || {
            app.wait_for("[data-testid=drop-inbox]", WAIT)?;
            Ok(())
        },
    )?;
    app.wait_gone("[data-testid=drop-inbox]", WAIT)?;
    // The file that is no photo is listed with its reason.
    let skipped = app
        .wait_for("[data-testid=photo-import-skipped]", WAIT)?
        .text()?;
    ensure!(
        skipped.contains("notes.jpg"),
        "the skipped list does not name notes.jpg: {skipped:?}"
    );
    app.find("[data-testid=photo-import-close]")?.click()?;
    ensure!(
        store.inbox_count()? == 4,
        "the inbox holds {} photos, not 4",
        store.inbox_count()?
    );
    let count = app.wait_for("[data-testid=inbox-nav-count]", WAIT)?;
    app.wait_until("the nav to count 4 in the inbox", WAIT, || {
        Ok(count.text()? == "4")
    })?;

    show(&app, "photos")?;
    let tiles = wait_shown(&app, TILES, 4)?;
    let ids = tile_ids(&tiles);
    let names: Vec<String> = tiles.iter().map(|t| t.label.clone()).collect();
    let sizes = [(400, 300), (300, 400), (500, 500), (640, 360)];
    for (name, (w, h)) in ["a.jpg", "b.jpg", "c.png", "d.jpg"].iter().zip(sizes) {
        let tile = tiles
            .iter()
            .find(|t| t.label == *name)
            .ok_or_else(|| format!("no tile for {name}; tiles: {names:?}"))?;
        ensure!(
            tile.natural == small_size(w, h),
            "{name} is drawn {:?}, not as its thumbnail",
            tile.natural
        );
    }

    // Click, Shift+click, Ctrl+click: the first and third stay picked.
    let els = app.find_all(TILES)?;
    els[0].click()?;
    wait_selected(&app, "1 photo selected")?;
    click_with(&app, keys::SHIFT, &els[2])?;
    wait_selected(&app, "3 photos selected")?;
    click_with(&app, keys::CONTROL, &els[1])?;
    wait_selected(&app, "2 photos selected")?;

    // Assign them to the lamp, found by search.
    app.find("[data-testid=inbox-assign]")?.click()?;
    app.wait_for("[data-testid=item-picker-search]", WAIT)?
        .send_keys("brass lamp")?;
    app.wait_for(
        &format!(
            "[data-testid=item-picker-result][data-id={}]",
            quoted(&lamp.id)
        ),
        WAIT,
    )?
    .click()?;
    let picked = vec![ids[0].clone(), ids[2].clone()];
    wait_item_photos(&store, &app, &lamp.id, &picked)?;
    wait_shown(&app, TILES, 2)?;
    wait_toast(&app, "Assigned 2 photos to 'Brass Desk Lamp'")?;

    // Undo puts them back in the inbox.
    app.find("[data-testid=toast] [data-testid=toast-action]")?
        .click()?;
    wait_item_photos(&store, &app, &lamp.id, &[])?;
    let back = wait_shown(&app, TILES, 4)?;
    ensure!(
        tile_ids(&back) == ids,
        "after undo the inbox shows {:?}, not {ids:?}",
        tile_ids(&back)
    );

    // Pick the last one and scan the stool's SKU in the picker.
    app.find(&format!("{TILES}[data-photo-id={}]", quoted(&ids[3])))?
        .click()?;
    wait_selected(&app, "1 photo selected")?;
    app.find("[data-testid=inbox-assign]")?.click()?;
    app.wait_for("[data-testid=item-picker-search]", WAIT)?;
    scan_as_scanner(&app, "OMS-1")?;
    wait_item_photos(&store, &app, &stool.id, &ids[3..4])?;
    app.wait_gone("[data-testid=item-picker]", WAIT)?;
    ensure!(
        app.try_find("[data-testid=item-editor]")?.is_none(),
        "the scan in the picker also opened the item, as a scan elsewhere would"
    );

    // Select all that is left and make a new item of it.
    wait_shown(&app, TILES, 3)?;
    app.find("[data-testid=inbox-select-all]")?.click()?;
    wait_selected(&app, "3 photos selected")?;
    app.find("[data-testid=inbox-new-item]")?.click()?;
    wait_editor_ready(&app)?;
    wait_shown(&app, "[data-testid=photo-strip] .waiting", 3)?;
    app.find("[data-testid=item-editor] [name=title]")?
        .send_keys("Enamel Tea Set")?;
    press(&app, &[keys::CONTROL], "s")?;
    wait_toast(&app, "Created 'Enamel Tea Set'")?;
    let set = store
        .search(&trove_core::search::SearchQuery {
            text: "Enamel Tea Set".into(),
            ..Default::default()
        })?
        .items
        .into_iter()
        .find(|i| i.title() == "Enamel Tea Set")
        .ok_or("the new item is not in the store")?;
    wait_item_photos(&store, &app, &set.id, &ids[0..3])?;
    ensure!(
        store.item_photos(&set.id)?[0].cover,
        "the new item's first photo is not its cover"
    );
    app.wait_for("[data-testid=inbox-empty]", WAIT)?;
    ensure!(store.inbox_count()? == 0, "the inbox is not empty");
    Ok(())
}

/// Loads `path` into an `<img>` through the asset protocol, as the window
/// shows photos; returns its decoded width (0 when refused or broken).
/// Every load asks the protocol afresh (a query the handler ignores): an
/// image the page has shown stays in WebKit's memory cache, which would
/// answer for a file the protocol no longer serves.
fn load_through_asset_protocol(app: &Session, path: &Path) -> Outcome<u64> {
    let v = app.execute_async(
        "const [path, done] = arguments;
         const img = new Image();
         img.onload = () => done(img.naturalWidth);
         img.onerror = () => done(0);
         img.src = window.__TAURI_INTERNALS__.convertFileSrc(path)
           + '?fresh=' + Math.random().toString(36).slice(2);",
        vec![json!(path)],
    )?;
    Ok(v.as_u64().unwrap_or(0))
}

/// Photos in the open database's store load; a photo anywhere else does
/// not, nor the database file, nor a path that climbs out of the store;
/// after switching databases the old store is shut too.
pub fn only_the_stores_photos_load(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let dir = db.path.parent().ok_or("the database has a folder")?;
    let samples = [
        Sample {
            name: "kept.jpg",
            width: 320,
            height: 240,
            rgb: [90, 90, 200],
        },
        Sample {
            name: "beside.jpg",
            width: 320,
            height: 240,
            rgb: [200, 90, 90],
        },
    ];
    let paths = write_samples(dir, &samples)?;
    let report = db
        .store()?
        .import_photos(&paths[..1], None, &mut Job::quiet())?;
    let inside = report
        .imported
        .first()
        .ok_or("the photo was not imported")?
        .thumbnails
        .small
        .clone();
    let other = Db::new()?;
    let other_paths = write_samples(
        other.path.parent().ok_or("a folder")?,
        &[Sample {
            name: "other.jpg",
            width: 200,
            height: 100,
            rgb: [20, 120, 20],
        }],
    )?;
    let other_inside = other
        .store()?
        .import_photos(&other_paths, None, &mut Job::quiet())?
        .imported
        .first()
        .ok_or("the other photo was not imported")?
        .original
        .clone();
    let app = driver.launch(&db.path)?;

    let inside = Path::new(&inside);
    ensure!(
        load_through_asset_protocol(&app, inside)? == small_size(320, 240).0 as u64,
        "a thumbnail in the store did not load"
    );
    let climb = inside
        .parent()
        .ok_or("a thumbnail has a folder")?
        .join("../../../../beside.jpg");
    for (what, path) in [
        ("a photo beside the database", paths[1].as_path()),
        ("a path climbing out of the store", climb.as_path()),
        ("the database file", db.path.as_path()),
        ("another database's photo", Path::new(&other_inside)),
    ] {
        ensure!(
            load_through_asset_protocol(&app, path)? == 0,
            "{what} loaded through the asset protocol: {}",
            path.display()
        );
    }

    // Settings' open_database: the new store opens, the old one shuts.
    let switch = |path: &Path| -> Outcome<Value> {
        Ok(app.execute_async(
            "const [path, done] = arguments;
             window.__TAURI_INTERNALS__.invoke('open_database', { path })
               .then((info) => done(info), (e) => done({ error: e }));",
            vec![json!(path)],
        )?)
    };
    let info = switch(&other.path)?;
    ensure!(info["photos_visible"] == true, "after the switch: {info}");
    ensure!(
        load_through_asset_protocol(&app, Path::new(&other_inside))? == 200,
        "the second database's photo did not load after switching to it"
    );
    ensure!(
        load_through_asset_protocol(&app, inside)? == 0,
        "the first database's photo still loads after switching away"
    );
    // Back again: Tauri cannot reopen a shut store, and the app says so.
    let info = switch(&db.path)?;
    ensure!(info["photos_visible"] == false, "switching back: {info}");
    ensure!(
        load_through_asset_protocol(&app, Path::new(&other_inside))? == 0,
        "the second database's photo still loads after switching back"
    );
    Ok(())
}

/// Writes `n` copies of one big PNG into a new folder under `dir`, each
/// with other bytes after its end (so each is a file of its own to the
/// store, and each takes a full decode).
fn big_photos(dir: &Path, n: usize) -> Outcome<std::path::PathBuf> {
    let folder = dir.join("shoot");
    std::fs::create_dir_all(&folder)?;
    let (w, h) = (4000u32, 3000u32);
    // Smooth, so the files stay small on disk; decoding is 12 MP all the same.
    let image = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 128])
    });
    let first = folder.join("big-000.png");
    image.save(&first)?;
    let bytes = std::fs::read(&first)?;
    for i in 1..n {
        let mut copy = bytes.clone();
        copy.extend_from_slice(format!("copy {i}").as_bytes());
        std::fs::write(folder.join(format!("big-{i:03}.png")), copy)?;
    }
    Ok(folder)
}

/// The inbox loads page after page as it is scrolled; a folder dropped on
/// it imports with progress, and Cancel stops it keeping what was done.
pub fn inbox_pages_and_import_cancels(driver: &mut Driver) -> Outcome {
    const WAITING: usize = 150;
    const BIG: usize = 60;
    let db = Db::new()?;
    let files = tempfile::Builder::new()
        .prefix("trove-e2e-many-")
        .tempdir()?;
    let small: Vec<Sample> = (0..WAITING)
        .map(|i| Sample {
            name: Box::leak(format!("s{i:03}.png").into_boxed_str()),
            width: 48,
            height: 36,
            rgb: [
                (i * 37 % 256) as u8,
                (i * 91 % 256) as u8,
                (i * 13 % 256) as u8,
            ],
        })
        .collect();
    let paths = write_samples(files.path(), &small)?;
    let report = db.store()?.import_photos(&paths, None, &mut Job::quiet())?;
    ensure!(report.imported.len() == WAITING, "seeding the inbox failed");
    let started = std::time::Instant::now();
    let folder = big_photos(files.path(), BIG)?;
    let size = std::fs::metadata(folder.join("big-000.png"))?.len();
    println!(
        "    wrote {BIG} 12 MP PNGs of {} KB in {:.1} s",
        size / 1024,
        started.elapsed().as_secs_f64()
    );
    let display = driver.display().to_string();
    let app = driver.launch(&db.path)?;

    show(&app, "photos")?;
    app.wait_until("the first page of the inbox", WAIT, || {
        Ok(app.find_all(TILES)?.len() == 120)
    })?;
    app.execute(
        "const g = document.querySelector('[role=listbox][aria-label=\"Photos in the inbox\"]');
         g.scrollTop = g.scrollHeight;",
        vec![],
    )?;
    app.wait_until("the rest of the inbox after scrolling", WAIT, || {
        Ok(app.find_all(TILES)?.len() == WAITING)
    })?;

    // The folder, dropped: progress, then Cancel.
    let started = std::time::Instant::now();
    drop_files(&app, &display, &[folder], "[data-testid=inbox]", || Ok(()))?;
    let progress = app.wait_for("[data-testid=photo-import]", WAIT)?;
    app.wait_until("an import to report files done", WAIT, || {
        let text = progress.text()?;
        Ok(text.contains(&format!("of {BIG} files")) && !text.contains(&format!("0 of {BIG}")))
    })?;
    app.find("[data-testid=photo-import-cancel]")?.click()?;
    let said = wait_toast(&app, "stopped before the end")?;
    println!(
        "    cancelled after {:.1} s: {said}",
        started.elapsed().as_secs_f64()
    );
    let kept = db.store()?.inbox_count()? as usize - WAITING;
    ensure!(
        kept > 0 && kept < BIG,
        "the cancelled import kept {kept} of {BIG} photos"
    );
    ensure!(
        said.contains(&format!("Added {kept} photo")),
        "the toast says {said:?}, but the store kept {kept}"
    );
    let header = app.find("[data-testid=inbox-count]")?;
    let want = format!("{} photos waiting", WAITING + kept);
    app.wait_until("the inbox count to include the kept photos", WAIT, || {
        Ok(header.text()?.contains(&want))
    })?;
    Ok(())
}
