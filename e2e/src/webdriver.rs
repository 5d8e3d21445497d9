//! A small synchronous W3C WebDriver client: one localhost HTTP request per
//! command, JSON in and out, no async runtime. It covers what the tests and
//! the benchmark need: sessions, elements by CSS, clicks and keys, scripts,
//! raw input actions (for precisely timed key bursts) and screenshots.

use std::thread;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::http;

/// The key under which W3C WebDriver names an element in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long one command may take before the client gives up on it. Scripts
/// have their own, shorter, WebDriver timeout (see [`Session::set_script_timeout`]).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(600);

/// How often waits poll.
const POLL: Duration = Duration::from_millis(50);

/// Special keys, as WebDriver spells them.
pub mod keys {
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const CONTROL: &str = "\u{E009}";
    pub const BACKSPACE: &str = "\u{E003}";
    pub const SHIFT: &str = "\u{E008}";
    pub const ALT: &str = "\u{E00A}";
    pub const DELETE: &str = "\u{E017}";
    pub const LEFT: &str = "\u{E012}";
    pub const RIGHT: &str = "\u{E014}";
}

/// A WebDriver server at `host:port`.
#[derive(Debug, Clone)]
pub struct Client {
    addr: String,
    agent: ureq::Agent,
}

impl Client {
    /// A client of the server at `addr` (`127.0.0.1:4444`).
    pub fn new(addr: impl Into<String>) -> Client {
        Client {
            addr: addr.into(),
            agent: http::agent(),
        }
    }

    /// `GET /status`: whether the server is ready for a session.
    pub fn status(&self) -> Result<Value> {
        self.call("GET", "/status", None)
    }

    /// Starts a session with `capabilities` (the W3C `capabilities` object).
    pub fn new_session(&self, capabilities: Value) -> Result<Session> {
        let value = self.call(
            "POST",
            "/session",
            Some(&json!({ "capabilities": capabilities })),
        )?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| Error::Transport {
                command: "POST /session".into(),
                detail: format!("no sessionId in {value}"),
            })?
            .to_string();
        Ok(Session {
            client: self.clone(),
            id,
            open: true,
        })
    }

    /// Sends a command and returns the `value` of its answer.
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
        let command = format!("{method} {path}");
        // W3C wants a JSON object on every POST, even a command without
        // parameters.
        let text = match (method, body) {
            (_, Some(b)) => Some(b.to_string()),
            ("POST", None) => Some("{}".to_string()),
            _ => None,
        };
        let response = http::request(
            &self.agent,
            &self.addr,
            method,
            path,
            text.as_deref(),
            COMMAND_TIMEOUT,
        )
        .map_err(|detail| Error::Transport {
            command: command.clone(),
            detail,
        })?;
        let json: Value = serde_json::from_slice(&response.body).map_err(|e| Error::Transport {
            command: command.clone(),
            detail: format!(
                "HTTP {} with a body that is not JSON ({e}): {}",
                response.status,
                String::from_utf8_lossy(&response.body)
            ),
        })?;
        let value = json.get("value").cloned().unwrap_or(Value::Null);
        let error = value.get("error").and_then(Value::as_str);
        if response.status != 200 || error.is_some() {
            return Err(Error::Driver {
                command,
                status: response.status,
                error: error.unwrap_or("unknown error").to_string(),
                message: value
                    .get("message")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| json.to_string()),
            });
        }
        Ok(value)
    }
}

/// A WebDriver session: one app window. Deleted (the app closed) on drop.
#[derive(Debug)]
pub struct Session {
    client: Client,
    id: String,
    open: bool,
}

/// Where an element is on the page, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Session {
    /// The session id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Ends the session, which closes the app.
    pub fn delete(mut self) -> Result<()> {
        self.open = false;
        self.call("DELETE", "", None).map(drop)
    }

    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
        self.client
            .call(method, &format!("/session/{}{path}", self.id), body)
    }

    /// The first element matching the CSS selector `css`, now.
    pub fn find(&self, css: &str) -> Result<Element<'_>> {
        let v = self.call("POST", "/element", Some(&by_css(css)))?;
        self.element(v, css)
    }

    /// Every element matching `css`, now.
    pub fn find_all(&self, css: &str) -> Result<Vec<Element<'_>>> {
        let v = self.call("POST", "/elements", Some(&by_css(css)))?;
        elements(self, v, css)
    }

    /// The element matching `css`, or `None` when there is none.
    pub fn try_find(&self, css: &str) -> Result<Option<Element<'_>>> {
        match self.find(css) {
            Ok(e) => Ok(Some(e)),
            Err(e) if e.is_no_such_element() => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Waits up to `timeout` for an element matching `css` to exist.
    pub fn wait_for(&self, css: &str, timeout: Duration) -> Result<Element<'_>> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(e) = self.try_find(css)? {
                return Ok(e);
            }
            if Instant::now() >= deadline {
                return Err(Error::Timeout(format!(
                    "no element matched `{css}` within {timeout:?}"
                )));
            }
            thread::sleep(POLL);
        }
    }

    /// Waits up to `timeout` until no element matches `css`.
    pub fn wait_gone(&self, css: &str, timeout: Duration) -> Result<()> {
        self.wait_until(&format!("`{css}` to go away"), timeout, || {
            Ok(self.try_find(css)?.is_none())
        })
    }

    /// Polls `check` until it says yes, for up to `timeout`; `what` names
    /// the awaited state in the error.
    pub fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut() -> Result<bool>,
    ) -> Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            if check()? {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(Error::Timeout(format!(
                    "gave up waiting for {what} after {timeout:?}"
                )));
            }
            thread::sleep(POLL);
        }
    }

    /// Polls `script` until it returns something other than `null`,
    /// `undefined` or `false`, and returns that.
    pub fn wait_for_value(&self, what: &str, script: &str, timeout: Duration) -> Result<Value> {
        let mut last = Value::Null;
        self.wait_until(what, timeout, || {
            last = self.execute(script, vec![])?;
            Ok(!matches!(last, Value::Null | Value::Bool(false)))
        })?;
        Ok(last)
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page
    /// and returns what it returns. Elements may be passed as
    /// [`Element::to_json`].
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.call(
            "POST",
            "/execute/sync",
            Some(&json!({ "script": script, "args": args })),
        )
    }

    /// Runs `script` with a callback as its last argument and returns what
    /// it passes to the callback.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.call(
            "POST",
            "/execute/async",
            Some(&json!({ "script": script, "args": args })),
        )
    }

    /// How long a script may run before the driver gives up on it.
    pub fn set_script_timeout(&self, timeout: Duration) -> Result<()> {
        self.call(
            "POST",
            "/timeouts",
            Some(&json!({ "script": timeout.as_millis() as u64 })),
        )
        .map(drop)
    }

    /// Performs raw W3C input actions (the `actions` array of input
    /// sources), then releases every key and button they left pressed.
    pub fn actions(&self, actions: Value) -> Result<()> {
        self.call("POST", "/actions", Some(&json!({ "actions": actions })))?;
        self.call("DELETE", "/actions", None).map(drop)
    }

    /// Types `text` into whatever has focus, as key presses with `pause`
    /// between them.
    pub fn type_keys(&self, text: &str, pause: Duration) -> Result<()> {
        let mut keys = KeyActions::new();
        for c in text.chars() {
            keys = keys.press(&c.to_string()).pause(pause);
        }
        self.actions(keys.into_json())
    }

    /// The element that has focus.
    pub fn active_element(&self) -> Result<Element<'_>> {
        let v = self.call("GET", "/element/active", None)?;
        self.element(v, "the active element")
    }

    /// A screenshot of the window, as PNG bytes.
    pub fn screenshot(&self) -> Result<Vec<u8>> {
        let v = self.call("GET", "/screenshot", None)?;
        png(&v, "GET /screenshot")
    }

    fn element(&self, v: Value, what: &str) -> Result<Element<'_>> {
        let id = v[ELEMENT_KEY].as_str().ok_or_else(|| Error::Transport {
            command: format!("find {what}"),
            detail: format!("no element reference in {v}"),
        })?;
        Ok(Element {
            session: self,
            id: id.to_string(),
        })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.open {
            let _ = self.call("DELETE", "", None);
        }
    }
}

/// An element of the page.
#[derive(Debug, Clone)]
pub struct Element<'s> {
    session: &'s Session,
    id: String,
}

impl<'s> Element<'s> {
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
        self.session
            .call(method, &format!("/element/{}{path}", self.id), body)
    }

    /// The element as a script argument.
    pub fn to_json(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    /// Clicks the element's centre.
    pub fn click(&self) -> Result<()> {
        self.call("POST", "/click", None).map(drop)
    }

    /// Focuses the element and types `text` into it.
    pub fn send_keys(&self, text: &str) -> Result<()> {
        self.call("POST", "/value", Some(&json!({ "text": text })))
            .map(drop)
    }

    /// Empties an input or text area.
    pub fn clear(&self) -> Result<()> {
        self.call("POST", "/clear", None).map(drop)
    }

    /// The element's rendered text.
    pub fn text(&self) -> Result<String> {
        Ok(self
            .call("GET", "/text", None)?
            .as_str()
            .unwrap_or("")
            .to_string())
    }

    /// An HTML attribute, `None` when absent.
    pub fn attribute(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .call("GET", &format!("/attribute/{name}"), None)?
            .as_str()
            .map(str::to_string))
    }

    /// A DOM property (`value`, `checked`, …).
    pub fn property(&self, name: &str) -> Result<Value> {
        self.call("GET", &format!("/property/{name}"), None)
    }

    /// The `value` property as text: what an input holds.
    pub fn value(&self) -> Result<String> {
        Ok(self.property("value")?.as_str().unwrap_or("").to_string())
    }

    /// Where the element is.
    pub fn rect(&self) -> Result<Rect> {
        let v = self.call("GET", "/rect", None)?;
        let n = |k: &str| v[k].as_f64().unwrap_or(0.0);
        Ok(Rect {
            x: n("x"),
            y: n("y"),
            width: n("width"),
            height: n("height"),
        })
    }

    /// The first element inside this one matching `css`.
    pub fn find(&self, css: &str) -> Result<Element<'s>> {
        let v = self.call("POST", "/element", Some(&by_css(css)))?;
        self.session.element(v, css)
    }

    /// Every element inside this one matching `css`.
    pub fn find_all(&self, css: &str) -> Result<Vec<Element<'s>>> {
        let v = self.call("POST", "/elements", Some(&by_css(css)))?;
        elements(self.session, v, css)
    }

    /// A screenshot of just this element, as PNG bytes.
    pub fn screenshot(&self) -> Result<Vec<u8>> {
        let v = self.call("GET", "/screenshot", None)?;
        png(&v, "GET element screenshot")
    }
}

/// A key input source's actions, built up press by press.
#[derive(Debug, Clone, Default)]
pub struct KeyActions {
    steps: Vec<Value>,
}

impl KeyActions {
    /// No actions yet.
    pub fn new() -> KeyActions {
        KeyActions::default()
    }

    /// Presses `key` (one character or a [`keys`] constant) down.
    pub fn down(mut self, key: &str) -> KeyActions {
        self.steps.push(json!({ "type": "keyDown", "value": key }));
        self
    }

    /// Lets `key` up.
    pub fn up(mut self, key: &str) -> KeyActions {
        self.steps.push(json!({ "type": "keyUp", "value": key }));
        self
    }

    /// Presses and releases `key`.
    pub fn press(self, key: &str) -> KeyActions {
        self.down(key).up(key)
    }

    /// Waits `duration` before the next action.
    pub fn pause(mut self, duration: Duration) -> KeyActions {
        self.steps
            .push(json!({ "type": "pause", "duration": duration.as_millis() as u64 }));
        self
    }

    /// The `actions` array for [`Session::actions`].
    pub fn into_json(self) -> Value {
        json!([{ "type": "key", "id": "keyboard", "actions": self.steps }])
    }
}

/// A mouse's actions, built up step by step. Positions are CSS pixels from
/// the viewport's top-left corner.
#[derive(Debug, Clone, Default)]
pub struct PointerActions {
    steps: Vec<Value>,
}

impl PointerActions {
    /// No actions yet.
    pub fn new() -> PointerActions {
        PointerActions::default()
    }

    /// Moves the pointer to (`x`, `y`) over `duration`.
    pub fn move_to(mut self, x: f64, y: f64, duration: Duration) -> PointerActions {
        self.steps.push(json!({
            "type": "pointerMove",
            "origin": "viewport",
            "x": x.round() as i64,
            "y": y.round() as i64,
            "duration": duration.as_millis() as u64,
        }));
        self
    }

    /// Presses the main button.
    pub fn down(mut self) -> PointerActions {
        self.steps
            .push(json!({ "type": "pointerDown", "button": 0 }));
        self
    }

    /// Lets the main button up.
    pub fn up(mut self) -> PointerActions {
        self.steps.push(json!({ "type": "pointerUp", "button": 0 }));
        self
    }

    /// Waits `duration` before the next action.
    pub fn pause(mut self, duration: Duration) -> PointerActions {
        self.steps
            .push(json!({ "type": "pause", "duration": duration.as_millis() as u64 }));
        self
    }

    /// The input source, to combine with others in one [`Session::actions`].
    pub fn into_source(self) -> Value {
        json!({
            "type": "pointer",
            "id": "mouse",
            "parameters": { "pointerType": "mouse" },
            "actions": self.steps,
        })
    }

    /// The `actions` array for [`Session::actions`].
    pub fn into_json(self) -> Value {
        json!([self.into_source()])
    }
}

fn by_css(css: &str) -> Value {
    json!({ "using": "css selector", "value": css })
}

fn elements<'s>(session: &'s Session, v: Value, css: &str) -> Result<Vec<Element<'s>>> {
    let list = v.as_array().ok_or_else(|| Error::Transport {
        command: format!("find all `{css}`"),
        detail: format!("not a list: {v}"),
    })?;
    list.iter()
        .map(|e| session.element(e.clone(), css))
        .collect()
}

fn png(v: &Value, command: &str) -> Result<Vec<u8>> {
    let text = v.as_str().ok_or_else(|| Error::Transport {
        command: command.into(),
        detail: "the screenshot is not text".into(),
    })?;
    BASE64.decode(text).map_err(|e| Error::Transport {
        command: command.into(),
        detail: format!("the screenshot is not base64: {e}"),
    })
}
