//! "Install what is missing": system packages and rust components.

use std::env;
use std::process::Command;

use crate::util::{self, Result};

/// Debian/Ubuntu packages needed to build the core and the CLI (the
/// benchmark suite's build). The desktop app's are in `app::APP_PACKAGES`.
pub const BUILD_PACKAGES: &[&str] = &["build-essential", "pkg-config"];

/// Extra packages the benchmark suite needs: the sqlite3 CLI is the anchor.
pub const BENCH_PACKAGES: &[&str] = &["sqlite3", "libvips-tools"];

/// Makes sure the given Debian packages are installed.
///
/// On Linux with apt-get: checks each with `dpkg-query`; if any is missing,
/// runs `apt-get update` once and `apt-get install -y --no-install-recommends`
/// for the missing ones, directly as root or through `sudo` otherwise. When
/// nothing is missing it returns at once, without touching apt.
/// On macOS and Windows it says which platform tools are needed instead.
pub fn ensure_system_packages(packages: &[&str]) -> Result<()> {
    match env::consts::OS {
        "linux" => ensure_debian_packages(packages),
        "macos" => {
            println!(
                "xtask: macOS builds need the Xcode Command Line Tools (install with `xcode-select --install`)"
            );
            if util::succeeds("cc", &["--version"]) {
                Ok(())
            } else {
                Err(
                    "no C compiler (`cc`) found: run `xcode-select --install`, then try again"
                        .into(),
                )
            }
        }
        "windows" => {
            println!(
                "xtask: Windows builds need the Visual Studio Build Tools with the \"Desktop development with C++\" \
                 workload (MSVC), and the Microsoft Edge WebView2 runtime for the desktop app"
            );
            Ok(())
        }
        other => {
            println!(
                "xtask: no automatic setup on {other}; make sure the equivalents of these Debian packages are installed: {}",
                packages.join(" ")
            );
            Ok(())
        }
    }
}

fn ensure_debian_packages(packages: &[&str]) -> Result<()> {
    if !util::succeeds("dpkg-query", &["--version"]) || !util::succeeds("apt-get", &["--version"]) {
        println!(
            "xtask: no apt-get/dpkg here; make sure the equivalents of these Debian packages are installed: {}",
            packages.join(" ")
        );
        return Ok(());
    }
    let missing = missing_debian_packages(packages);
    if missing.is_empty() {
        println!("xtask: system packages present: {}", packages.join(" "));
        return Ok(());
    }
    println!("xtask: missing system packages: {}", missing.join(" "));
    let how_to = format!(
        "install them yourself: sudo apt-get update && sudo apt-get install -y --no-install-recommends {}",
        missing.join(" ")
    );
    let is_root = util::stdout_of("id", &["-u"]).as_deref() == Some("0");
    let apt = |args: &[&str]| -> Command {
        let mut c = if is_root {
            Command::new("apt-get")
        } else {
            // sudo resets the environment; `env` carries DEBIAN_FRONTEND through.
            let mut c = Command::new("sudo");
            c.args(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
            c
        };
        c.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        c
    };
    if !is_root && !util::succeeds("sudo", &["--version"]) {
        return Err(format!(
            "not running as root and `sudo` is not available, so the missing packages ({}) cannot be installed; {how_to}",
            missing.join(" ")
        ));
    }
    util::run_status(&mut apt(&["update"]))
        .map_err(|e| format!("{e}\nxtask: could not update the package lists; {how_to}"))?;
    let mut install = apt(&["install", "-y", "--no-install-recommends"]);
    install.args(&missing);
    util::run_status(&mut install)
        .map_err(|e| format!("{e}\nxtask: could not install packages; {how_to}"))?;
    let still = missing_debian_packages(&missing);
    if still.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "apt-get finished but these are still not installed: {}; {how_to}",
            still.join(" ")
        ))
    }
}

/// The packages `dpkg-query` does not report as installed.
fn missing_debian_packages<S: AsRef<str>>(packages: &[S]) -> Vec<String> {
    packages
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| {
            let status = util::stdout_of("dpkg-query", &["-W", "-f=${Status}", p]);
            !is_installed_status(status.as_deref().unwrap_or(""))
        })
        .map(str::to_owned)
        .collect()
}

/// `dpkg-query -W -f='${Status}'` prints e.g. `install ok installed`.
fn is_installed_status(status: &str) -> bool {
    status.split_whitespace().last() == Some("installed")
        && status.split_whitespace().nth(1) == Some("ok")
}

/// Makes sure `cargo fmt` and `cargo clippy` exist, adding the rustup
/// components if not.
pub fn ensure_rust_components() -> Result<()> {
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let have = |sub: &str| util::succeeds(&cargo, &[sub, "--version"]);
    if have("fmt") && have("clippy") {
        println!("xtask: rustfmt and clippy present");
        return Ok(());
    }
    if !util::succeeds("rustup", &["--version"]) {
        return Err(
            "rustfmt or clippy is missing and rustup is not available: install the rustfmt and clippy components for your toolchain"
                .into(),
        );
    }
    util::run_status(Command::new("rustup").args(["component", "add", "rustfmt", "clippy"]))?;
    if have("fmt") && have("clippy") {
        Ok(())
    } else {
        Err("`rustup component add rustfmt clippy` ran but `cargo fmt`/`cargo clippy` still do not work".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dpkg_status_is_read_strictly() {
        assert!(is_installed_status("install ok installed"));
        assert!(is_installed_status("hold ok installed"));
        assert!(!is_installed_status("deinstall ok config-files"));
        assert!(!is_installed_status("install ok half-installed"));
        assert!(!is_installed_status("unknown ok not-installed"));
        assert!(!is_installed_status(""));
    }

    #[test]
    fn package_lists_are_plain_debian_names() {
        for p in BUILD_PACKAGES.iter().chain(BENCH_PACKAGES) {
            assert!(!p.is_empty() && !p.contains(' '), "{p}");
        }
    }
}
