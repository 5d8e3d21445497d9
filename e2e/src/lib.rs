//! End-to-end testing of the Trove desktop app: a small synchronous W3C
//! WebDriver client and a harness that runs the real app in a real WebKit
//! window (Xvfb + tauri-driver + WebKitWebDriver) on a given database.

pub mod error;
pub mod file_dialog;
pub mod harness;
mod http;
pub mod native_drop;
pub mod process;
pub mod webdriver;
pub mod xdotool;

pub use error::{Error, Result};
pub use harness::{App, Driver};
pub use webdriver::{keys, Element, KeyActions, PointerActions, Session};
