//! Helpers shared by the integration test binaries.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The `trove` binary of the same profile as this test, built (or brought
/// up to date) once per test binary so a stale build is never tested.
pub fn trove_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test binary knows its own path");
        let mut profile_dir = exe
            .parent()
            .expect("test binary is in a directory")
            .to_path_buf();
        if profile_dir.ends_with("deps") {
            profile_dir.pop();
        }
        let bin = profile_dir.join(format!("trove{}", std::env::consts::EXE_SUFFIX));
        let profile = profile_dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("debug")
            .to_string();
        let target_dir = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .or_else(|| profile_dir.parent().map(Path::to_path_buf))
            .expect("a target directory");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("workspace root");
        let mut cmd = Command::new(cargo);
        cmd.current_dir(workspace)
            .args(["build", "--quiet", "-p", "trove-cli", "--target-dir"])
            .arg(&target_dir);
        match profile.as_str() {
            "debug" => {}
            "release" => {
                cmd.arg("--release");
            }
            other => {
                cmd.args(["--profile", other]);
            }
        }
        let status = cmd.status().expect("cargo runs");
        assert!(status.success(), "cargo build -p trove-cli failed");
        assert!(bin.exists(), "{} was not built", bin.display());
        bin
    })
}

/// A fresh temporary directory; the database files live in it.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("trove-test-")
        .tempdir()
        .expect("a temporary directory")
}

/// A new database file `trove.db` in `dir`, opened.
pub fn new_store(dir: &Path) -> trove_core::Store {
    trove_core::Store::open(dir.join("trove.db")).expect("a new database opens")
}

/// Changes that set only a title.
pub fn titled(title: &str) -> trove_core::ItemChanges {
    trove_core::ItemChanges {
        title: Some(title.to_string()),
        ..Default::default()
    }
}

/// One number from `sql`, read through a separate connection to the file.
pub fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("the database file opens");
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Row counts of every table an import or edit may touch, for "nothing
/// changed" assertions.
pub fn table_counts(db: &Path) -> Vec<(&'static str, i64)> {
    [
        "items",
        "activity",
        "bins",
        "sections",
        "categories",
        "tags",
        "moves",
        "import_batches",
        "custom_fields",
        "item_fields",
        "stock_movements",
    ]
    .into_iter()
    .map(|t| (t, count(db, &format!("SELECT count(*) FROM {t}"))))
    .collect()
}

/// Writes `rows` generated items to a CSV file at `path`.
pub fn write_generated_csv(path: &Path, rows: u64, seed: u64) {
    let file = std::fs::File::create(path).expect("create the CSV file");
    trove_fixtures::generate::write_items_csv(std::io::BufWriter::new(file), rows, seed)
        .expect("write the CSV file");
}

/// Imports a CSV file with default options and no progress reporting.
pub fn import(
    store: &trove_core::Store,
    path: &Path,
) -> trove_core::Result<trove_core::import::ImportReport> {
    store.import_csv(
        path,
        &trove_core::import::ImportOptions::default(),
        &mut trove_core::jobs::Job::quiet(),
    )
}

/// Runs `trove` with `args`, never touching the user's real database: the
/// data directory points into `home` and `TROVE_DB` is cleared unless given.
pub fn trove_in(home: &Path, trove_db: Option<&Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(trove_bin());
    cmd.args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg"))
        .env("APPDATA", home.join("appdata"));
    match trove_db {
        Some(db) => cmd.env("TROVE_DB", db),
        None => cmd.env_remove("TROVE_DB"),
    };
    cmd.output().expect("the trove binary runs")
}

/// Runs `trove --db DB args…` with a safe environment.
pub fn trove(db: &Path, args: &[&str]) -> Output {
    let home = db.parent().expect("the database is in a directory");
    let mut all = vec!["--db", db.to_str().expect("UTF-8 temp path")];
    all.extend_from_slice(args);
    trove_in(home, None, &all)
}

/// Standard output as JSON, with the whole output in the panic message.
pub fn stdout_json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); exit {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// Asserts the exit code, showing the output when it differs.
pub fn assert_exit(out: &Output, code: i32, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}: expected exit {code}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
