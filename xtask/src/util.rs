//! Paths, processes and timed steps.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub type Result<T> = std::result::Result<T, String>;

/// Where the workspace is and how to call cargo.
pub struct Ctx {
    pub root: PathBuf,
    cargo: OsString,
}

impl Ctx {
    pub fn new() -> Ctx {
        Ctx {
            root: workspace_root(),
            // `cargo run` sets CARGO to the cargo binary that launched us.
            cargo: env::var_os("CARGO").unwrap_or_else(|| "cargo".into()),
        }
    }

    /// `cargo` run from the workspace root.
    pub fn cargo(&self) -> Command {
        let mut c = Command::new(&self.cargo);
        c.current_dir(&self.root);
        c
    }

    /// `$CARGO_TARGET_DIR` if set (relative to the workspace root, where we
    /// run cargo), else `<workspace>/target`.
    pub fn target_dir(&self) -> PathBuf {
        match env::var_os("CARGO_TARGET_DIR") {
            Some(d) if !d.is_empty() => self.root.join(d),
            _ => self.root.join("target"),
        }
    }

    pub fn trove_release_exe(&self) -> PathBuf {
        self.target_dir()
            .join("release")
            .join(format!("trove{}", env::consts::EXE_SUFFIX))
    }

    pub fn build_trove_release(&self) -> Result<()> {
        run_status(
            self.cargo()
                .args(["build", "--release", "--workspace", "--bin", "trove"]),
        )?;
        let exe = self.trove_release_exe();
        if !exe.is_file() {
            return Err(format!(
                "cargo built `trove` but {} does not exist (is CARGO_TARGET_DIR or build.target-dir set elsewhere?)",
                exe.display()
            ));
        }
        Ok(())
    }
}

/// The workspace root: the parent of xtask's manifest directory.
pub fn workspace_root() -> PathBuf {
    let dir = env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    match dir.parent() {
        Some(p) => p.to_path_buf(),
        None => dir,
    }
}

/// A command line as a person would type it, for messages.
pub fn show(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        let a = a.to_string_lossy();
        s.push(' ');
        if a.is_empty() || a.contains([' ', '"', '\'', '$']) {
            s.push('\'');
            s.push_str(&a.replace('\'', "'\\''"));
            s.push('\'');
        } else {
            s.push_str(&a);
        }
    }
    s
}

/// Runs with inherited stdio; a non-zero exit is an error naming the command.
pub fn run_status(cmd: &mut Command) -> Result<()> {
    let shown = show(cmd);
    println!("$ {shown}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs with stdout and stderr captured (stdin closed). A non-zero exit is
/// an error carrying the command's stderr.
pub fn run_capture(cmd: &mut Command) -> Result<Output> {
    let shown = show(cmd);
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if out.status.success() {
        Ok(out)
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut msg = format!("`{shown}` failed ({})", out.status);
        if !stderr.trim().is_empty() {
            msg.push_str("\n--- stderr ---\n");
            msg.push_str(stderr.trim_end());
        }
        if !stdout.trim().is_empty() {
            msg.push_str("\n--- stdout ---\n");
            msg.push_str(tail(stdout.trim_end(), 4000));
        }
        Err(msg)
    }
}

/// Whether `program args` starts and exits 0 (output discarded).
pub fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// The trimmed stdout of `program args`, if it ran and exited 0.
pub fn stdout_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn tail(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut i = s.len() - max;
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

pub fn fmt_duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 60.0 {
        format!("{s:.1}s")
    } else {
        format!("{}m{:04.1}s", (s / 60.0).floor() as u64, s % 60.0)
    }
}

/// Named, timed steps: prints each step's name and duration, and a summary.
pub struct Steps {
    done: Vec<(String, Duration, bool)>,
}

impl Steps {
    pub fn new() -> Steps {
        Steps { done: Vec::new() }
    }

    pub fn step<T>(&mut self, name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
        println!("\n==> {name}");
        let t = Instant::now();
        let r = f();
        let d = t.elapsed();
        self.done.push((name.to_string(), d, r.is_ok()));
        match r {
            Ok(v) => {
                println!("<== {name}: ok ({})", fmt_duration(d));
                Ok(v)
            }
            Err(e) => {
                eprintln!("<== {name}: FAILED ({})", fmt_duration(d));
                Err(format!("step `{name}` failed: {e}"))
            }
        }
    }

    pub fn summary(&self) {
        if self.done.is_empty() {
            return;
        }
        let width = self.done.iter().map(|(n, _, _)| n.len()).max().unwrap_or(0);
        println!("\nsteps:");
        for (name, d, ok) in &self.done {
            let mark = if *ok { "ok" } else { "FAILED" };
            println!("  {name:<width$}  {:>8}  {mark}", fmt_duration(*d));
        }
    }
}

/// Removes a SQLite database and its side files, if present.
pub fn remove_db(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let p = PathBuf::from(p);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("could not remove {}: {e}", p.display())),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workspace_root_holds_the_workspace_manifest() {
        let root = workspace_root();
        let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
        assert!(manifest.contains("[workspace]"));
    }

    #[test]
    fn show_quotes_what_a_shell_would_split() {
        let mut c = Command::new("dpkg-query");
        c.args(["-W", "-f=${Status}", "a b"]);
        assert_eq!(show(&c), "dpkg-query -W '-f=${Status}' 'a b'");
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(fmt_duration(Duration::from_millis(1234)), "1.2s");
        assert_eq!(fmt_duration(Duration::from_secs(125)), "2m05.0s");
    }
}
