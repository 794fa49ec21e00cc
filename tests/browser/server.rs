//! A tiny static file server on loopback for the browser tests, shaped like
//! GitHub Pages: `dir/index.html` for `dir/`, and `404.html` with status 404
//! for anything missing.
//!
//! 1. [`Server::bind`] takes a free port on 127.0.0.1 (so the site can be
//!    built for that address before anything is served).
//! 2. [`Server::serve`] answers GET and HEAD from a folder, one thread per
//!    connection, until the test process ends.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

/// A listener on a free loopback port.
pub struct Server {
    listener: TcpListener,
}

impl Server {
    pub fn bind() -> Server {
        Server { listener: TcpListener::bind("127.0.0.1:0").expect("bind a loopback port") }
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().expect("listener address").port()
    }

    /// Serves `root` (URL `/x` is `root/x`); `not_found` is the 404 page.
    pub fn serve(self, root: PathBuf, not_found: PathBuf) {
        std::thread::spawn(move || {
            for stream in self.listener.incoming().flatten() {
                let (root, not_found) = (root.clone(), not_found.clone());
                std::thread::spawn(move || {
                    let _ = answer(stream, &root, &not_found);
                });
            }
        });
    }
}

fn answer(stream: TcpStream, root: &Path, not_found: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (status, file) = match resolve(root, path) {
        Some(file) => ("200 OK", file),
        None => ("404 Not Found", not_found.to_path_buf()),
    };
    let body = std::fs::read(&file).unwrap_or_default();
    let mut out = stream;
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        content_type(&file),
        body.len()
    )?;
    if method != "HEAD" {
        out.write_all(&body)?;
    }
    out.flush()
}

/// The file a URL path names, if it exists inside `root`.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let rel = path.trim_start_matches('/');
    if rel.split('/').any(|s| s == ".." || s.contains('\\') || s.contains('%')) {
        return None;
    }
    let mut file = root.join(rel);
    if path.ends_with('/') {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}
