//! HTTP to a localhost WebDriver, on `ureq`: a JSON body, per-request
//! timeouts, and every answer handed back with its status, for WebDriver
//! errors come as 4xx/5xx with a JSON body the caller reads.
//!
//! One request per connection, as tauri-driver has always seen from this
//! client (no pool to go stale between commands), yet the request does not
//! say `Connection: close` (ureq adds no `Connection` header): tauri-driver
//! 2.1 forwards that header to WebKitWebDriver, which then closes the
//! connection tauri-driver keeps pooled, and the next command through it
//! fails ("connection closed early").

use std::time::Duration;

use ureq::http;
use ureq::Agent;

/// A screenshot of a large window is a few MB of base64; ureq's default
/// 10 MB cap on a body is too close for a 4K one.
const MAX_BODY: u64 = 256 * 1024 * 1024;

/// An answer: the status code and the raw body.
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

/// The agent for [`request`]: no pooled connections, statuses as answers.
pub fn agent() -> Agent {
    Agent::config_builder()
        .max_idle_connections(0)
        .http_status_as_error(false)
        .build()
        .into()
}

/// Sends `method path` with `body` (JSON text, if any) to `addr` and reads
/// the whole answer. Errors are sentences naming what failed.
pub fn request(
    agent: &Agent,
    addr: &str,
    method: &str,
    path: &str,
    body: Option<&str>,
    timeout: Duration,
) -> Result<Response, String> {
    let url = format!("http://{addr}{path}");
    let request = http::Request::builder()
        .method(method)
        .uri(&url)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json; charset=utf-8")
        .body(body.unwrap_or("").to_string())
        .map_err(|e| format!("cannot make the request {method} {url}: {e}"))?;
    let request = agent
        .configure_request(request)
        .timeout_global(Some(timeout))
        .build();
    let mut response = agent
        .run(request)
        .map_err(|e| format!("no answer from {addr}: {e}"))?;
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_vec()
        .map_err(|e| format!("bad answer: {e}"))?;
    Ok(Response {
        status: response.status().as_u16(),
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::thread;

    /// A one-connection server: reads a request (head and `Content-Length`
    /// body), writes `answer`, then waits for the client to close. Returns
    /// the request as received and whether the client closed the connection.
    fn serve_once(answer: String) -> (String, thread::JoinHandle<(String, bool)>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let server = thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let request = read_request(&mut reader);
            (&stream).write_all(answer.as_bytes()).unwrap();
            let closed = matches!(reader.read(&mut [0; 1]), Ok(0));
            (request, closed)
        });
        (addr, server)
    }

    fn read_request(r: &mut BufReader<TcpStream>) -> String {
        let mut head = String::new();
        let mut length = 0;
        loop {
            let mut line = String::new();
            r.read_line(&mut line).unwrap();
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap();
                }
            }
            head.push_str(&line);
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; length];
        r.read_exact(&mut body).unwrap();
        head + &String::from_utf8(body).unwrap()
    }

    #[test]
    fn an_error_status_comes_back_with_its_json_body() {
        let body = r#"{"value":{"error":"no such element","message":"none","stacktrace":""}}"#;
        let (addr, server) = serve_once(format!(
            "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ));
        let sent = r##"{"using":"css selector","value":"#nope"}"##;
        // Alive until the server is done: a pooled connection would stay
        // open as long as the agent does.
        let agent = agent();
        let r = request(
            &agent,
            &addr,
            "POST",
            "/session/1/element",
            Some(sent),
            Duration::from_secs(5),
        )
        .unwrap();
        assert_eq!((r.status, r.body.as_slice()), (404, body.as_bytes()));

        let (received, closed) = server.join().unwrap();
        assert!(
            received.starts_with("POST /session/1/element HTTP/1.1\r\n"),
            "{received}"
        );
        assert!(received.ends_with(sent), "{received}");
        let header = |name: &str| {
            received
                .lines()
                .find_map(|l| {
                    l.split_once(':')
                        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                })
                .map(|(_, v)| v.trim().to_string())
        };
        assert_eq!(
            header("content-type").as_deref(),
            Some("application/json; charset=utf-8")
        );
        assert_eq!(header("connection"), None, "{received}");
        assert!(closed, "the client kept the connection open");
    }

    #[test]
    fn a_chunked_body_is_read_whole() {
        let (addr, server) = serve_once(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
             3\r\n{\"v\r\n9;x=y\r\nalue\":42}\r\n0\r\n\r\n"
                .to_string(),
        );
        // Alive until the server is done: a pooled connection would stay
        // open as long as the agent does.
        let agent = agent();
        let r = request(
            &agent,
            &addr,
            "GET",
            "/status",
            None,
            Duration::from_secs(5),
        )
        .unwrap();
        assert_eq!(
            (r.status, r.body.as_slice()),
            (200, &br#"{"value":42}"#[..])
        );
        let (received, _) = server.join().unwrap();
        assert!(
            received.starts_with("GET /status HTTP/1.1\r\n"),
            "{received}"
        );
    }

    #[test]
    fn a_silent_server_times_out() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let e = request(
            &agent(),
            &addr,
            "GET",
            "/status",
            None,
            Duration::from_millis(200),
        );
        assert!(e.is_err_and(|e| e.contains(&addr)));
        drop(listener);
    }
}
