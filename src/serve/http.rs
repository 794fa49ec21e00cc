//! The HTTP side of `serve` (tiny_http), answering from memory.
//!
//! 1. [`bind`] opens the listening socket (127.0.0.1 unless told otherwise).
//! 2. [`start`] runs a few worker threads; each request is answered from
//!    the current [`Snapshot`] of the site, a map from output path to bytes,
//!    so no request can reach a file on disk.
//! 3. [`site_path`] turns the request target into an output path: it is
//!    percent-decoded once, and any `..`, `.`, backslash, NUL or empty
//!    segment is refused (403) before the map is even looked at.
//! 4. `/dir/` serves `dir/index.html`; `/dir` redirects to `/dir/`; a
//!    missing path serves the site's `404.html` with status 404. HTML gets
//!    the live-reload script; [`EVENTS_PATH`] streams events (one thread
//!    per open page).

use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::sync::mpsc::RecvTimeoutError;
use std::thread;
use std::time::Duration;

use anyhow::Context;
use tiny_http::{Header, Method, Request, Response, Server};

use super::hub::{EVENTS_PATH, inject};
use super::{Shared, Snapshot};

/// How many threads answer ordinary requests.
const WORKERS: usize = 4;
/// How often an idle event stream is pinged, to notice pages that closed.
const PING: Duration = Duration::from_secs(15);

/// Listens on `addr`; returns the server and the address it got (port 0 picks one).
pub fn bind(addr: SocketAddr) -> anyhow::Result<(Arc<Server>, SocketAddr)> {
    let listener = TcpListener::bind(addr)
        .with_context(|| format!("could not listen on {addr}: is another server using it? try another --port"))?;
    let local = listener.local_addr().context("could not read the listening address")?;
    let server =
        Server::from_listener(listener, None).map_err(|e| anyhow::anyhow!("could not start the server: {e}"))?;
    Ok((Arc::new(server), local))
}

/// Answers requests on worker threads until the process ends; `bind` is
/// the address listened on (it decides which `Host` headers are accepted).
pub fn start(server: Arc<Server>, shared: Arc<Shared>, bind: IpAddr) {
    for _ in 0..WORKERS {
        let server = Arc::clone(&server);
        let shared = Arc::clone(&shared);
        thread::spawn(move || {
            for request in server.incoming_requests() {
                handle(request, &shared, bind);
            }
        });
    }
}

/// Whether a request's `Host` header may reach a server bound to `bind`.
/// On loopback only loopback names are accepted, so a web page cannot read
/// the preview through a DNS name rebound to 127.0.0.1. A server bound to
/// another address on purpose (`--bind`) accepts any name.
pub fn allowed_host(host: Option<&str>, bind: IpAddr) -> bool {
    let Some(host) = host else { return true };
    if !bind.is_loopback() {
        return true;
    }
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _port)| name),
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn handle(request: Request, shared: &Arc<Shared>, bind: IpAddr) {
    let host = request.headers().iter().find(|h| h.field.equiv("Host")).map(|h| h.value.as_str().to_string());
    if !allowed_host(host.as_deref(), bind) {
        let response = Response::from_string("403 forbidden: this preview answers only to localhost\n")
            .with_status_code(403)
            .with_header(header("Content-Type", "text/plain; charset=utf-8"));
        let _ = request.respond(response);
        return;
    }
    let path_only = request.url().split(['?', '#']).next().unwrap_or("");
    if path_only == EVENTS_PATH && matches!(request.method(), Method::Get) {
        let shared = Arc::clone(shared);
        thread::spawn(move || stream_events(request, &shared));
        return;
    }
    let get = matches!(request.method(), Method::Get | Method::Head);
    let a = answer(get, request.url(), &shared.snapshot());
    let mut response = Response::from_data(a.body)
        .with_status_code(a.status)
        .with_header(header("Content-Type", a.content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    if let Some(location) = &a.location {
        response.add_header(header("Location", location));
    }
    if !get {
        response.add_header(header("Allow", "GET, HEAD"));
    }
    // A client that went away is not our problem.
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("header names and values are ASCII")
}

/// What to send back for one request.
#[derive(Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub location: Option<String>,
}

/// Answers a request for `target` (the raw request path) from `site`.
pub fn answer(get: bool, target: &str, site: &Snapshot) -> Answer {
    let text = |status, body: &str| Answer {
        status,
        content_type: "text/plain; charset=utf-8",
        body: body.as_bytes().to_vec(),
        location: None,
    };
    if !get {
        return text(405, "405 method not allowed: this server only serves GET and HEAD\n");
    }
    let path = match site_path(target) {
        Ok(p) => p,
        Err(Refusal::Forbidden) => return text(403, "403 forbidden: the path leaves the site\n"),
        Err(Refusal::BadRequest) => return text(400, "400 bad request: the path is not a valid URL path\n"),
    };
    if let Some(bytes) = site.files.get(&path) {
        return page(200, &path, bytes, site.version);
    }
    let raw = target.split(['?', '#']).next().unwrap_or("");
    if !path.ends_with("index.html") && site.files.contains_key(&format!("{path}/index.html")) {
        let mut a = text(301, "301 moved permanently\n");
        a.location = Some(format!("{raw}/"));
        return a;
    }
    match site.files.get("404.html") {
        Some(bytes) => page(404, "404.html", bytes, site.version),
        None => page(404, "404.html", NO_SITE_YET.as_bytes(), site.version),
    }
}

/// Shown while no build has succeeded yet (the overlay says why).
const NO_SITE_YET: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not built yet</title></head>\
<body><h1>Not built yet</h1><p>The site has not built yet: fix the problems shown below.</p></body></html>";

fn page(status: u16, path: &str, bytes: &[u8], version: u64) -> Answer {
    let content_type = content_type(path);
    let body = if content_type.starts_with("text/html") { inject(bytes, version) } else { bytes.to_vec() };
    Answer { status, content_type, body, location: None }
}

/// Why a request path was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// It tries to leave the site (403).
    Forbidden,
    /// It is not a path at all (400).
    BadRequest,
}

/// The output path a request target names (`/a/b/?q` → `a/b/index.html`).
pub fn site_path(target: &str) -> Result<String, Refusal> {
    let raw = target.split(['?', '#']).next().unwrap_or("");
    let rest = raw.strip_prefix('/').ok_or(Refusal::BadRequest)?;
    let decoded = percent_decode(rest).ok_or(Refusal::BadRequest)?;
    let decoded = String::from_utf8(decoded).map_err(|_| Refusal::BadRequest)?;
    if decoded.contains(['\\', '\0']) {
        return Err(Refusal::Forbidden);
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (i, s) in segments.iter().enumerate() {
        if *s == ".." || *s == "." || (s.is_empty() && i != last) {
            return Err(Refusal::Forbidden);
        }
    }
    if decoded.is_empty() || decoded.ends_with('/') { Ok(format!("{decoded}index.html")) } else { Ok(decoded) }
}

/// Decodes `%XX` escapes once; `None` for a malformed escape.
fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The Content-Type of an output, from its extension.
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Keeps an event stream open, writing each event as it comes.
fn stream_events(request: Request, shared: &Shared) {
    let events = shared.hub.subscribe(|| shared.snapshot().version);
    let mut writer = request.into_writer();
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    let mut send = |text: &str| writer.write_all(text.as_bytes()).and_then(|()| writer.flush());
    if send(head).is_err() {
        return;
    }
    loop {
        let message = match events.recv_timeout(PING) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if send(&message).is_err() {
            return;
        }
    }
}

#[cfg(test)]
#[path = "http_tests.rs"]
mod tests;
