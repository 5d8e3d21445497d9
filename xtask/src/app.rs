//! The desktop app's build: Node for the UI, the UI itself, the Tauri
//! binary, and the end-to-end tools (tauri-driver, Xvfb, WebKitWebDriver).

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{self, Ctx, Result};

/// Debian/Ubuntu packages the Tauri app builds against (TOOLCHAIN.md).
pub const APP_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
];

/// What the end-to-end tests add: a virtual display and WebKit's driver.
/// xdotool drives the native drag-and-drop and file dialog in the photo tests.
pub const E2E_PACKAGES: &[&str] = &["xvfb", "xauth", "webkit2gtk-driver", "xdotool"];

/// Makes sure every package the app's build and its end-to-end runs need
/// is installed.
pub fn ensure_app_and_e2e_packages() -> Result<()> {
    let all: Vec<&str> = APP_PACKAGES.iter().chain(E2E_PACKAGES).copied().collect();
    crate::setup::ensure_system_packages(&all)
}

/// The oldest Node the UI's tools run on (Vitest 5 needs 22.12; Vite 8
/// 20.19).
const NODE_MIN: (u32, u32) = (22, 12);
/// The Node fetched from the npm registry when the system's is too old.
const NODE_FALLBACK: &str = "node@22";

const TAURI_DRIVER_VERSION: &str = "2.1.0";

/// The UI's folder.
pub fn ui_dir(ctx: &Ctx) -> PathBuf {
    ctx.root.join("ui")
}

/// Makes sure a recent enough `node` and `npm` are on PATH: Debian's npm if
/// there is none, then, when the system's Node is too old (Debian 12 and
/// Ubuntu 24.04 ship 18, Debian 13 ships 20), Node 22 from the npm registry
/// into the user's cache. Returns the PATH to run npm with.
pub fn ensure_node() -> Result<std::ffi::OsString> {
    let path = env::var_os("PATH").unwrap_or_default();
    if let Some(v) = node_version(&path) {
        if v >= NODE_MIN {
            println!("xtask: node {}.{} present", v.0, v.1);
            return Ok(path);
        }
    }
    let cached = cache_dir().join("node");
    let cached_bin = cached.join("node_modules").join("node").join("bin");
    let with_cached = prepend(&cached_bin, &path)?;
    if node_version(&with_cached).is_some_and(|v| v >= NODE_MIN) {
        println!("xtask: using node from {}", cached_bin.display());
        return Ok(with_cached);
    }
    match env::consts::OS {
        "linux" => {
            if !util::succeeds("npm", &["--version"]) {
                crate::setup::ensure_system_packages(&["nodejs", "npm"])?;
            }
            if node_version(&path).is_some_and(|v| v >= NODE_MIN) {
                return Ok(path);
            }
            println!(
                "xtask: the system's node is older than {}.{}; installing {NODE_FALLBACK} from the npm registry into {}",
                NODE_MIN.0,
                NODE_MIN.1,
                cached.display()
            );
            std::fs::create_dir_all(&cached).map_err(|e| format!("{}: {e}", cached.display()))?;
            util::run_status(
                Command::new("npm")
                    .args(["install", "--no-audit", "--no-fund", "--prefix"])
                    .arg(&cached)
                    .arg(NODE_FALLBACK),
            )?;
            if node_version(&with_cached).is_some_and(|v| v >= NODE_MIN) {
                Ok(with_cached)
            } else {
                Err(format!(
                    "could not get Node {}.{} or newer; install it from https://nodejs.org and try again",
                    NODE_MIN.0, NODE_MIN.1
                ))
            }
        }
        _ => Err(format!(
            "Node {}.{} or newer is needed for the UI: install the LTS from https://nodejs.org (macOS: `brew install node`; Windows: `winget install OpenJS.NodeJS.LTS`), then try again",
            NODE_MIN.0, NODE_MIN.1
        )),
    }
}

fn prepend(dir: &Path, path: &std::ffi::OsStr) -> Result<std::ffi::OsString> {
    let mut dirs = vec![dir.to_path_buf()];
    dirs.extend(env::split_paths(path));
    env::join_paths(dirs).map_err(|e| e.to_string())
}

/// `node --version` with this PATH, as (major, minor).
fn node_version(path: &std::ffi::OsStr) -> Option<(u32, u32)> {
    let out = Command::new("node")
        .arg("--version")
        .env("PATH", path)
        .output()
        .ok()?;
    parse_node_version(String::from_utf8_lossy(&out.stdout).trim())
}

fn parse_node_version(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.trim_start_matches('v').split('.');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

fn cache_dir() -> PathBuf {
    let home = env::var_os("HOME").or_else(|| env::var_os("USERPROFILE"));
    env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| home.map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(env::temp_dir)
        .join("trove")
}

/// `npm` in the UI folder with the given PATH.
pub fn npm(ctx: &Ctx, path: &std::ffi::OsStr, args: &[&str]) -> Command {
    let program = if cfg!(windows) { "npm.cmd" } else { "npm" };
    let mut c = Command::new(program);
    c.current_dir(ui_dir(ctx)).env("PATH", path).args(args);
    c
}

/// Installs the UI's packages exactly as locked, unless already installed
/// from this same lock file.
pub fn npm_ci(ctx: &Ctx, path: &std::ffi::OsStr) -> Result<()> {
    let ui = ui_dir(ctx);
    let lock = std::fs::read(ui.join("package-lock.json"))
        .map_err(|e| format!("ui/package-lock.json: {e}"))?;
    let stamp = ui.join("node_modules").join(".trove-lock");
    if std::fs::read(&stamp).is_ok_and(|s| s == lock) {
        println!("xtask: ui/node_modules is current");
        return Ok(());
    }
    util::run_status(&mut npm(ctx, path, &["ci", "--no-audit", "--no-fund"]))?;
    std::fs::write(&stamp, &lock).map_err(|e| format!("{}: {e}", stamp.display()))
}

/// The app binary of a profile.
pub fn app_exe(ctx: &Ctx, release: bool) -> PathBuf {
    ctx.target_dir()
        .join(if release { "release" } else { "debug" })
        .join(format!("trove-app{}", env::consts::EXE_SUFFIX))
}

/// Builds the app binary (the UI must be built first: it is embedded).
pub fn build_app(ctx: &Ctx, release: bool) -> Result<PathBuf> {
    let mut c = ctx.cargo();
    c.args(["build", "-p", "trove-app"]);
    if release {
        c.arg("--release");
    }
    util::run_status(&mut c)?;
    let exe = app_exe(ctx, release);
    if exe.is_file() {
        Ok(exe)
    } else {
        Err(format!(
            "cargo built trove-app but {} does not exist",
            exe.display()
        ))
    }
}

/// Makes sure `tauri-driver` is installed (`cargo install`, pinned).
pub fn ensure_tauri_driver(ctx: &Ctx) -> Result<()> {
    if util::succeeds("tauri-driver", &["--help"]) || cargo_bin("tauri-driver").is_file() {
        println!("xtask: tauri-driver present");
        return Ok(());
    }
    util::run_status(ctx.cargo().args([
        "install",
        "tauri-driver",
        "--locked",
        "--version",
        TAURI_DRIVER_VERSION,
    ]))
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin(name: &str) -> PathBuf {
    let home = env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| {
        env::var_os("HOME")
            .or_else(|| env::var_os("USERPROFILE"))
            .map(|h| PathBuf::from(h).join(".cargo"))
    });
    home.unwrap_or_default()
        .join("bin")
        .join(format!("{name}{}", env::consts::EXE_SUFFIX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_versions_are_read_from_node_output() {
        assert_eq!(parse_node_version("v20.20.2"), Some((20, 20)));
        assert_eq!(parse_node_version("v18.19.1"), Some((18, 19)));
        assert_eq!(parse_node_version("22.1.0"), Some((22, 1)));
        assert_eq!(parse_node_version(""), None);
        assert!(parse_node_version("v18.19.1").unwrap() < NODE_MIN);
        assert!(parse_node_version("v20.20.2").unwrap() < NODE_MIN);
        assert!(parse_node_version("v22.12.0").unwrap() >= NODE_MIN);
    }
}
