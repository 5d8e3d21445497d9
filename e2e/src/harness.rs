//! Everything a test needs around the app: an X display (Xvfb, unless told
//! to use the one already there), tauri-driver on a free port, and the app
//! itself launched on a given database through a WebDriver session. All of
//! it is stopped on drop, also when a test panics.

use std::env;
use std::fs::{self, File};
use std::net::TcpListener;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::process::{descendants, process_name, stop_tree};
use crate::webdriver::{Client, Session};

/// How long the app may take from launch to its first inventory page.
pub const READY_TIMEOUT: Duration = Duration::from_secs(60);

/// The app binary the tests launch: `TROVE_APP_BIN`, else the debug build
/// in `CARGO_TARGET_DIR`, else in the workspace's `target`.
pub fn app_binary() -> Result<PathBuf> {
    let path = match env::var_os("TROVE_APP_BIN") {
        Some(p) => PathBuf::from(p),
        None => target_dir().join("debug").join("trove-app"),
    };
    if path.is_file() {
        Ok(path)
    } else {
        Err(Error::Setup(format!(
            "the app binary {} does not exist; run `cargo xtask test`, which builds it \
             (or build it with `cargo build -p trove-app` after `npx vite build` in ui/, \
             or point TROVE_APP_BIN at one)",
            path.display()
        )))
    }
}

/// Cargo's target directory: `CARGO_TARGET_DIR`, else `<workspace>/target`.
pub fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(p) => PathBuf::from(p),
        None => workspace_dir().join("target"),
    }
}

/// The workspace root.
pub fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the e2e package sits inside the workspace")
        .to_path_buf()
}

/// A display, tauri-driver, and a scratch directory for the app's own data
/// (so tests never touch a person's real app data).
pub struct Driver {
    display: String,
    client: Client,
    app: PathBuf,
    scratch: tempfile::TempDir,
    // Stopped in this order on drop: the driver (and the app under it)
    // first, then the display they draw on.
    tauri_driver: Option<Child>,
    xvfb: Option<Child>,
    /// Whether an app has been launched (before that, web storage is empty).
    launched: bool,
}

impl Driver {
    /// Starts a display (unless `TROVE_E2E_USE_DISPLAY=1` and `DISPLAY` is
    /// set) and tauri-driver, and waits until the driver answers.
    pub fn start() -> Result<Driver> {
        let app = app_binary()?;
        let tauri_driver_exe = find_tauri_driver()?;
        let scratch = tempfile::Builder::new()
            .prefix("trove-e2e-")
            .tempdir()
            .map_err(|e| Error::Setup(format!("cannot make a scratch directory: {e}")))?;
        let mut driver = Driver {
            display: String::new(),
            client: Client::new(""),
            app,
            scratch,
            tauri_driver: None,
            xvfb: None,
            launched: false,
        };
        let existing = env::var("DISPLAY").ok().filter(|d| !d.is_empty());
        match existing {
            Some(d) if env::var("TROVE_E2E_USE_DISPLAY").as_deref() == Ok("1") => {
                driver.display = d
            }
            _ => {
                let (display, xvfb) = start_xvfb()?;
                driver.display = display;
                driver.xvfb = Some(xvfb);
            }
        }
        let port = free_port()?;
        let native_port = free_port()?;
        let log = driver.log_path();
        if let Some(dir) = log.parent() {
            fs::create_dir_all(dir)
                .map_err(|e| Error::Setup(format!("cannot create {}: {e}", dir.display())))?;
        }
        let out = File::create(&log)
            .map_err(|e| Error::Setup(format!("cannot create {}: {e}", log.display())))?;
        let err = out
            .try_clone()
            .map_err(|e| Error::Setup(format!("cannot share {}: {e}", log.display())))?;
        let mut command = Command::new(&tauri_driver_exe);
        driver.app_environment(&mut command);
        let child = command
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| {
                Error::Setup(format!("cannot start {}: {e}", tauri_driver_exe.display()))
            })?;
        driver.tauri_driver = Some(child);
        driver.client = Client::new(format!("127.0.0.1:{port}"));
        driver.wait_for_driver()?;
        Ok(driver)
    }

    /// The X display the app draws on (`:99`).
    pub fn display(&self) -> &str {
        &self.display
    }

    /// The app binary being tested.
    pub fn app_binary(&self) -> &Path {
        &self.app
    }

    /// A command that runs the app binary directly, with the environment
    /// the driver gives it (display, scratch data directories).
    pub fn app_command(&self) -> Command {
        let mut command = Command::new(&self.app);
        self.app_environment(&mut command);
        command
    }

    fn app_environment(&self, command: &mut Command) {
        let home = self.scratch.path();
        command
            .env("DISPLAY", &self.display)
            .env("GDK_BACKEND", "x11")
            .env_remove("WAYLAND_DISPLAY")
            // The app's web storage and settings live here, not in the
            // person's own data directories.
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            // Rules run when a scenario says so, not when the schedule
            // happens to wake (the schedule itself is tested in the core).
            .env("TROVE_SCHEDULE", "off");
    }

    /// Where tauri-driver, WebKitWebDriver and the app write their output
    /// (kept after the run, overwritten by the next).
    pub fn log_path(&self) -> PathBuf {
        target_dir().join("e2e").join("tauri-driver.log")
    }

    /// Launches the app on `db`, waits for its first inventory page, and
    /// clears what an earlier launch left in the page's storage (view,
    /// sort, theme), so every test starts from the same screen.
    pub fn launch(&mut self, db: &Path) -> Result<App<'_>> {
        let first = !self.launched;
        self.launched = true;
        let app = self.open(db)?;
        app.wait_ready()?;
        // Storage is left clean (and marked so) when an app closes; a
        // crashed one may have left its state behind. The reload is left to
        // a timer: reloading inside the script unloads the page before the
        // driver has its answer ("no such frame").
        let reloaded = app.execute(
            "const clean = arguments[0] || localStorage.getItem(arguments[1]) === '1';
             localStorage.removeItem(arguments[1]);
             if (clean) return false;
             localStorage.clear(); window.__e2eStale = true;
             setTimeout(() => location.reload(), 20); return true;",
            vec![json!(first), json!(CLEAN_MARK)],
        )?;
        if reloaded == Value::Bool(true) {
            app.wait_page(
                "the reloaded page's first inventory page",
                "return !window.__e2eStale && !!window.__trove
                   && window.__trove.firstPageMs !== null;",
            )?;
        }
        Ok(app)
    }

    /// Starts a session on `db` and returns as soon as the driver has the
    /// window, before the page has drawn anything.
    pub fn open(&mut self, db: &Path) -> Result<App<'_>> {
        wait_until_unclaimed(db)?;
        let capabilities = json!({
            "alwaysMatch": {
                "tauri:options": {
                    "application": self.app,
                    "args": ["--db", db],
                }
            }
        });
        let session = self.client.new_session(capabilities).map_err(|e| {
            Error::Setup(format!(
                "the app did not start on {}: {e}\n{}",
                db.display(),
                self.log_tail()
            ))
        })?;
        Ok(App {
            session: Some(session),
            driver: self,
            db: db.to_path_buf(),
        })
    }

    /// The last lines of the driver's log, for error messages.
    pub fn log_tail(&self) -> String {
        let text = fs::read_to_string(self.log_path()).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = &lines[lines.len().saturating_sub(30)..];
        if tail.is_empty() {
            return String::from("(tauri-driver wrote nothing)");
        }
        format!("last lines of the tauri-driver log:\n{}", tail.join("\n"))
    }

    fn wait_for_driver(&mut self) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(status) = self.client.status() {
                if status["ready"].as_bool().unwrap_or(true) {
                    return Ok(());
                }
            }
            if let Some(child) = self.tauri_driver.as_mut() {
                if let Ok(Some(exit)) = child.try_wait() {
                    return Err(Error::Setup(format!(
                        "tauri-driver exited at start ({exit})\n{}",
                        self.log_tail()
                    )));
                }
            }
            if Instant::now() >= deadline {
                return Err(Error::Setup(format!(
                    "tauri-driver did not answer GET /status within 15 s\n{}",
                    self.log_tail()
                )));
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(mut child) = self.tauri_driver.take() {
            // WebKitWebDriver and any app it still runs go with it.
            stop_tree(&mut child);
        }
        if let Some(mut child) = self.xvfb.take() {
            stop_tree(&mut child);
        }
    }
}

/// The running app: a WebDriver session on one database. Derefs to the
/// [`Session`]; dropping it closes the app. Holding the driver mutably
/// keeps to one app at a time.
pub struct App<'d> {
    /// Present until the app closes.
    session: Option<Session>,
    driver: &'d Driver,
    db: PathBuf,
}

impl App<'_> {
    /// The database the app has open.
    pub fn db(&self) -> &Path {
        &self.db
    }

    /// The driver that launched the app.
    pub fn driver(&self) -> &Driver {
        self.driver
    }

    /// Waits until the page has drawn its first inventory page.
    pub fn wait_ready(&self) -> Result<()> {
        self.wait_page(
            "the app's first inventory page (window.__trove.firstPageMs)",
            "return !!window.__trove && window.__trove.firstPageMs !== null;",
        )
    }

    /// Polls `script` until it returns `true`, for up to [`READY_TIMEOUT`].
    /// While a page loads or reloads the driver may have no page to run it
    /// in, so errors only count if they last to the end.
    fn wait_page(&self, what: &str, script: &str) -> Result<()> {
        let mut last_error = None;
        let waited = self.wait_until(what, READY_TIMEOUT, || match self.execute(script, vec![]) {
            Ok(v) => Ok(v == Value::Bool(true)),
            Err(e) => {
                last_error = Some(e);
                Ok(false)
            }
        });
        waited.map_err(|e| {
            let cause = last_error
                .map(|c| format!(" (last error: {c})"))
                .unwrap_or_default();
            Error::Setup(format!("{e}{cause}\n{}", self.driver.log_tail()))
        })
    }

    /// The app's process id: asked of the app itself (`app_info`), else
    /// found below tauri-driver in /proc.
    pub fn pid(&self) -> Result<u32> {
        let asked = self.execute_async(
            "const done = arguments[arguments.length - 1];
             const ipc = window.__TAURI_INTERNALS__;
             if (!ipc) { done(null); return; }
             ipc.invoke('app_info').then((info) => done(info.pid), () => done(null));",
            vec![],
        )?;
        if let Some(pid) = asked.as_u64() {
            return Ok(pid as u32);
        }
        let name = self
            .driver
            .app
            .file_name()
            .map(|n| n.to_string_lossy().chars().take(15).collect::<String>());
        let root = self.driver.tauri_driver.as_ref().map(Child::id);
        root.into_iter()
            .flat_map(descendants)
            .find(|p| process_name(*p) == name)
            .ok_or_else(|| Error::Setup("cannot find the app's process".into()))
    }

    /// Closes the app.
    pub fn close(mut self) -> Result<()> {
        match self.session.take() {
            Some(session) => {
                leave_clean(&session);
                session.delete()
            }
            None => Ok(()),
        }
    }
}

impl Drop for App<'_> {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            leave_clean(&session);
        }
    }
}

impl Deref for App<'_> {
    type Target = Session;

    fn deref(&self) -> &Session {
        self.session
            .as_ref()
            .expect("the session is open until the app is closed")
    }
}

/// How long an app that was just closed may take to let go of its
/// database. Closing a session ends the window, but the process exits a
/// moment later; on a busy machine that moment can outlast the next launch,
/// which the app then refuses as a second window, and the driver would wait
/// for a window that never comes.
const RELEASE_TIMEOUT: Duration = Duration::from_secs(20);

/// Waits until no app holds `db` (its owner lock can be claimed), so a
/// relaunch is not refused by the process before it, still exiting.
fn wait_until_unclaimed(db: &Path) -> Result<()> {
    let deadline = Instant::now() + RELEASE_TIMEOUT;
    loop {
        match trove_core::owner::Owner::claim(db) {
            // Claimed, and let go again at once by dropping it.
            Ok(_) => return Ok(()),
            Err(e) if e.code() == trove_core::ErrorCode::DatabaseInUse => {
                if Instant::now() >= deadline {
                    return Err(Error::Setup(format!(
                        "{} is still held by an app {RELEASE_TIMEOUT:?} after it was closed",
                        db.display()
                    )));
                }
                thread::sleep(Duration::from_millis(50));
            }
            // Anything else (a folder it cannot write) is the app's to report.
            Err(_) => return Ok(()),
        }
    }
}

/// Marks web storage that the next launch can use as it is.
const CLEAN_MARK: &str = "trove.e2e.clean";

/// Empties the page's web storage (the view, sort, theme the test left),
/// so the next launch starts like a first one.
fn leave_clean(session: &Session) {
    let _ = session.execute(
        "localStorage.clear(); localStorage.setItem(arguments[0], '1');",
        vec![json!(CLEAN_MARK)],
    );
}

fn find_tauri_driver() -> Result<PathBuf> {
    let on_path = env::var_os("PATH")
        .map(|p| env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default();
    let cargo_bin = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|c| c.join("bin"));
    on_path
        .into_iter()
        .chain(cargo_bin)
        .map(|dir| dir.join("tauri-driver"))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            Error::Setup(
                "tauri-driver is not on PATH nor in ~/.cargo/bin; install it with \
                 `cargo install tauri-driver --locked --version 2.1.0`"
                    .into(),
            )
        })
}

/// Starts Xvfb on the first free display number from :99 on.
fn start_xvfb() -> Result<(String, Child)> {
    for n in 99..199 {
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        let lock = PathBuf::from(format!("/tmp/.X{n}-lock"));
        if socket.exists() || lock.exists() {
            continue;
        }
        let display = format!(":{n}");
        let mut child = Command::new("Xvfb")
            // -noreset: by default Xvfb resets when its last client leaves,
            // and an app launched during the reset fails to open GTK (seen
            // between ui-bench launches).
            .args([
                &display,
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                Error::Setup(format!(
                    "cannot start Xvfb ({e}); install it (apt-get install xvfb xauth) \
                     or set TROVE_E2E_USE_DISPLAY=1 with a working DISPLAY"
                ))
            })?;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if socket.exists() {
                return Ok((display, child));
            }
            // Lost a race for this number to another Xvfb: try the next.
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            if Instant::now() >= deadline {
                stop_tree(&mut child);
                return Err(Error::Setup(format!(
                    "Xvfb {display} did not open its socket within 10 s"
                )));
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
    Err(Error::Setup(
        "no free X display between :99 and :198".into(),
    ))
}

fn free_port() -> Result<u16> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| Error::Setup(format!("cannot find a free port: {e}")))
}
