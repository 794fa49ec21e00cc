//! `treatise serve` as an editor uses it: a server on a free port over a
//! copy of a fixture site, edits on disk, HTTP over plain TCP. Waiting is
//! a bounded number of polls, never a timed assertion; the server is killed
//! when the test ends.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::TestSite;

/// How many times to look for an expected change, 50 ms apart.
const POLLS: usize = 200;

/// A running `treatise serve` over a site; killed on drop.
struct Server {
    site: TestSite,
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(site: TestSite) -> Server {
        let log = std::fs::File::create(site.path().join("serve.log")).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_treatise"))
            .args(["serve", "--port", "0"])
            .current_dir(site.path())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let url =
            line.split_whitespace().find(|w| w.starts_with("http://")).unwrap_or_else(|| panic!("no URL: {line}"));
        assert!(url.starts_with("http://127.0.0.1:"), "serves on loopback only by default: {url}");
        let addr = url.trim_start_matches("http://").trim_end_matches('/').parse().unwrap();
        Server { site, child, addr }
    }

    /// Sends a raw request line for `target`; returns (status, body).
    fn get(&self, target: &str) -> (u16, String) {
        let mut stream = self.connect();
        write!(stream, "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let response = String::from_utf8_lossy(&response);
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        (status, body.to_string())
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(self.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        stream
    }

    /// Polls `target` until its body contains `text`; panics after [`POLLS`] tries.
    fn wait_for(&self, target: &str, text: &str) -> String {
        for _ in 0..POLLS {
            let (status, body) = self.get(target);
            if status == 200 && body.contains(text) {
                return body;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{target} never showed `{text}`; server log:\n{}", self.log());
    }

    /// Opens the live-reload event stream.
    fn events(&self) -> Events {
        let mut stream = self.connect();
        write!(stream, "GET /__treatise/events HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        let mut events = Events { reader: BufReader::new(stream) };
        events.next_event("version");
        events
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.site.read(rel);
        assert!(text.contains(from), "{rel} has no `{from}`");
        self.site.write(rel, text.replace(from, to));
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.site.path().join("serve.log")).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An open `text/event-stream`.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// Reads until an event named `name`; returns its data. Fails if the
    /// stream ends or stays silent past the read timeout.
    fn next_event(&mut self, name: &str) -> String {
        let mut current = String::new();
        let mut data = Vec::new();
        loop {
            let mut line = String::new();
            let n = self.reader.read_line(&mut line).unwrap_or_else(|e| panic!("waiting for `{name}`: {e}"));
            assert!(n > 0, "the event stream ended while waiting for `{name}`");
            let line = line.trim_end_matches(['\r', '\n']);
            if let Some(e) = line.strip_prefix("event: ") {
                current = e.to_string();
                data.clear();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data.push(d.to_string());
            } else if line.is_empty() && current == name {
                return data.join("\n");
            }
        }
    }
}

fn basic() -> Server {
    Server::start(TestSite::fixture("basic"))
}

#[test]
fn an_edit_shows_in_the_served_page() {
    let server = basic();
    let before = server.wait_for("/principles/cooperation/", "See <a");
    assert!(before.contains("new EventSource(\"/__treatise/events\")"), "pages carry the live-reload script");
    assert!(before.contains("href=\"/treaties/convention/#art-35\""), "links start at the server's root");
    server.edit("content/principles/cooperation.md", "See [Article 35]", "Now see [Article 35]");
    server.wait_for("/principles/cooperation/", "Now see <a");
}

#[test]
fn a_new_page_appears_in_its_section() {
    let server = basic();
    server.wait_for("/topics/", "Trends");
    server.site.write("content/topics/fresh.md", common::page("", "Brand new."));
    server.wait_for("/topics/fresh/", "Brand new.");
    server.wait_for("/topics/", "href=\"/topics/fresh/\"");
}

#[test]
fn traversal_requests_are_refused() {
    let server = basic();
    let secret = server.site.read("site.toml");
    for target in [
        "/../site.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/site.toml",
        "/%2E%2E%2Fsite.toml",
        "/treaties/..%2f..%2fsite.toml",
        "/..\\site.toml",
        "/%5c..%5csite.toml",
        "//etc/passwd",
    ] {
        let (status, body) = server.get(target);
        assert_eq!(status, 403, "{target}");
        assert!(!body.contains("base_url"), "{target} leaked {secret}");
    }
    for target in ["/site.toml", "/content/about.md", "/etc/passwd", "/%252e%252e/site.toml"] {
        let (status, body) = server.get(target);
        assert_eq!(status, 404, "{target}");
        assert!(body.contains("<html"), "{target} gets the site's 404 page");
        assert!(!body.contains("base_url"), "{target} leaked a source file");
    }
}

#[test]
fn a_broken_edit_keeps_the_old_page_and_the_events_say_why() {
    let server = basic();
    server.wait_for("/principles/cooperation/", "Cooperation");
    let mut events = server.events();
    server.edit("content/principles/cooperation.md", "treaties = [\"convention\"]", "treaties = [\"convnetion\"]");
    let problem = events.next_event("problem");
    assert!(problem.contains("content/principles/cooperation.md:4:"), "{problem}");
    assert!(problem.contains("did you mean `convention`?"), "{problem}");
    let (status, body) = server.get("/principles/cooperation/");
    assert_eq!(status, 200, "the last good site is still served");
    assert!(body.contains("See <a"));
    assert!(server.log().contains("content/principles/cooperation.md:4:"), "and the terminal says it too");
    server.edit("content/principles/cooperation.md", "convnetion", "convention");
    events.next_event("reload");
}

#[test]
fn a_site_that_never_built_says_why_then_serves_once_fixed() {
    let site = TestSite::fixture("basic");
    let text = site.read("content/about.md").replace("title = \"About\"", "title = About");
    site.write("content/about.md", &text);
    let server = Server::start(site);
    let mut events = server.events();
    assert!(events.next_event("problem").contains("content/about.md:2:"));
    let (status, body) = server.get("/");
    assert_eq!(status, 404);
    assert!(body.contains("Not built yet") && body.contains("EventSource"), "{body}");
    server.edit("content/about.md", "title = About", "title = \"About\"");
    events.next_event("reload");
    server.wait_for("/about/", "About");
}

#[test]
fn drafts_are_served_and_marked() {
    let server = basic();
    let body = server.wait_for("/draft-note/", "Work in progress.");
    assert!(body.contains("class=\"draft\""), "{body}");
}
