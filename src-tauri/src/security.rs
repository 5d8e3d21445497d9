//! Guards on what the window may do: the capability grants only Trove's own
//! commands and the two file dialogs, every command is in that grant, the
//! CSP names no remote origin and lets images come only from the app and
//! the asset protocol, and the asset protocol reads nothing but the open
//! database's photo store.

use std::path::Path;

use tauri::Manager;
use trove_core::Store;

use crate::photo_scope::PhotoScope;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_capability_grants_nothing_beyond_trove_and_its_dialogs() {
    let cap: serde_json::Value = serde_json::from_str(&read("capabilities/default.json")).unwrap();
    let granted: Vec<&str> = cap["permissions"]
        .as_array()
        .expect("a permissions list")
        .iter()
        .map(|p| p.as_str().expect("permissions are plain identifiers"))
        .collect();
    let allowed = [
        "core:event:allow-listen",
        "core:event:allow-unlisten",
        "dialog:allow-open",
        "dialog:allow-save",
        "allow-trove-commands",
    ];
    for p in &granted {
        assert!(
            allowed.contains(p),
            "the capability grants {p}, which Trove does not use"
        );
    }
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
}

#[test]
fn every_command_is_in_the_trove_permission_set() {
    let set = read("permissions/trove.toml");
    let mut commands = 0;
    for entry in
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands")).unwrap()
    {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if !line.trim_start().starts_with("#[tauri::command") {
                continue;
            }
            let sig = lines.next().expect("a function after #[tauri::command]");
            let name = sig
                .trim_start()
                .trim_start_matches("pub fn ")
                .split('(')
                .next()
                .unwrap();
            let permission = format!("\"allow-{}\"", name.replace('_', "-"));
            assert!(
                set.contains(&permission),
                "{name} is missing from permissions/trove.toml"
            );
            commands += 1;
        }
    }
    assert!(commands > 20, "found only {commands} commands");
}

/// Sources the asset protocol is reached by: `asset:` on Linux and macOS,
/// `http://asset.localhost` on Windows.
const ASSET_ORIGINS: [&str; 2] = ["asset:", "http://asset.localhost"];

fn config() -> serde_json::Value {
    serde_json::from_str(&read("tauri.conf.json")).unwrap()
}

#[test]
fn the_content_security_policy_names_no_remote_origin() {
    let conf = config();
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("a CSP is set");
    for (directive, value) in csp {
        let value = value.as_str().unwrap();
        for source in value.split_whitespace() {
            let ok = source.starts_with('\'')
                || matches!(source, "data:" | "blob:" | "ipc:" | "http://ipc.localhost")
                || (directive == "img-src" && ASSET_ORIGINS.contains(&source));
            assert!(ok, "{directive} allows {source}");
        }
    }
    assert_eq!(csp["default-src"], "'self'");
    // Photos are images: the asset protocol may feed <img> and nothing else
    // (no script, style, fetch or frame from it).
    assert_eq!(
        csp["img-src"],
        format!("'self' data: blob: {}", ASSET_ORIGINS.join(" "))
    );
}

#[test]
fn the_asset_protocol_is_on_with_an_empty_static_scope() {
    let conf = config();
    let asset = &conf["app"]["security"]["assetProtocol"];
    assert_eq!(asset["enable"], true);
    assert_eq!(
        asset["scope"],
        serde_json::json!([]),
        "the static scope must be empty; the photo store is allowed at run time"
    );
    let manifest = read("Cargo.toml");
    assert!(manifest.contains("\"protocol-asset\""));
}

/// A mock app (no window) with the asset protocol configured as
/// tauri.conf.json configures it.
fn mock_app() -> tauri::App<tauri::test::MockRuntime> {
    let mut context = tauri::test::mock_context(tauri::test::noop_assets());
    context.config_mut().app.security.asset_protocol =
        serde_json::from_value(config()["app"]["security"]["assetProtocol"].clone())
            .expect("assetProtocol is a valid asset protocol config");
    tauri::test::mock_builder()
        .manage(PhotoScope::default())
        .build(context)
        .expect("the mock app builds")
}

/// A file with some bytes at `path` (and its folders).
fn touch(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, b"x").unwrap();
}

#[test]
fn the_asset_protocol_reads_only_the_open_stores_photos() {
    let app = mock_app();
    let scope = app.asset_protocol_scope();
    let dir = tempfile::tempdir().unwrap();
    let a = Store::open(dir.path().join("a.db")).unwrap();
    let b = Store::open(dir.path().join("b.db")).unwrap();
    let photo = |s: &Store| s.photo_files().root().join("thumbs/256/ab/abc.jpg");
    let (in_a, in_b) = (photo(&a), photo(&b));
    let beside = dir.path().join("holiday.jpg");
    for file in [&in_a, &in_b, &beside] {
        touch(file);
    }
    // Nothing before a database is shown.
    for file in [&in_a, &in_b, &beside, &a.path().to_path_buf()] {
        assert!(
            !scope.is_allowed(file),
            "{} readable at start",
            file.display()
        );
    }

    let photos = app.state::<PhotoScope>();
    assert!(photos.show(app.handle(), &a));
    assert!(scope.is_allowed(&in_a));
    for file in [&in_b, &beside, &a.path().to_path_buf()] {
        assert!(
            !scope.is_allowed(file),
            "{} readable beside a",
            file.display()
        );
    }
    // `..` does not lead out of the store.
    let escape = a.photo_files().root().join("thumbs/../../holiday.jpg");
    assert!(!scope.is_allowed(&escape));

    assert!(photos.show(app.handle(), &b));
    assert!(scope.is_allowed(&in_b));
    assert!(
        !scope.is_allowed(&in_a),
        "a's photos readable after switching to b"
    );

    // Tauri cannot lift a forbid: back on a, nothing is readable, and the
    // app says its photos cannot be shown rather than leaving b readable.
    assert!(!photos.show(app.handle(), &a));
    assert!(!photos.visible());
    assert!(!scope.is_allowed(&in_a));
    assert!(!scope.is_allowed(&in_b));
}
