//! Live reload: the browsers listening, and what they are told.
//!
//! 1. Every served HTML page gets [`script`]: it opens a Server-Sent Events
//!    stream on [`EVENTS_PATH`] and knows the site version it was served at.
//! 2. A browser that connects is told the current version (it reloads if
//!    its page is older) and, while the last edit is broken, the problems.
//! 3. After each rebuild the [`Hub`] broadcasts `reload` (something
//!    changed, or a problem was fixed) or `problem` (the diagnostics as
//!    text; the script shows them in a fixed box over the page).

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, PoisonError};

/// Where the script listens for events.
pub const EVENTS_PATH: &str = "/__treatise/events";

/// Something to tell every open page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The site is now at this version: load it.
    Reload(u64),
    /// The last edit broke the build; the text says why.
    Problem(String),
}

impl Event {
    /// The event in the `text/event-stream` format.
    pub fn to_sse(&self) -> String {
        match self {
            Event::Reload(version) => format!("event: reload\ndata: {version}\n\n"),
            Event::Problem(text) => sse("problem", text),
        }
    }
}

/// One event with a (possibly multi-line) text as its data.
fn sse(name: &str, text: &str) -> String {
    let mut out = format!("event: {name}\n");
    for line in text.replace("\r\n", "\n").replace('\r', "\n").split('\n') {
        out.push_str("data: ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out
}

/// The open event streams, and the problem of the moment.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Sender<String>>>,
    problem: Mutex<Option<String>>,
}

impl Hub {
    /// A new listener; it first hears the current version and problem.
    /// `version` is read while no broadcast can slip in between, so a
    /// page never misses the reload for a version it did not see.
    pub fn subscribe(&self, version: impl FnOnce() -> u64) -> Receiver<String> {
        let (tx, rx) = channel();
        let mut clients = self.clients.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = tx.send(format!("event: version\ndata: {}\n\n", version()));
        if let Some(text) = &*self.problem.lock().unwrap_or_else(PoisonError::into_inner) {
            let _ = tx.send(Event::Problem(text.clone()).to_sse());
        }
        clients.push(tx);
        rx
    }

    /// Tells every listener; listeners that went away are dropped.
    pub fn broadcast(&self, event: &Event) {
        *self.problem.lock().unwrap_or_else(PoisonError::into_inner) = match event {
            Event::Problem(text) => Some(text.clone()),
            Event::Reload(_) => None,
        };
        let message = event.to_sse();
        self.clients.lock().unwrap_or_else(PoisonError::into_inner).retain(|c| c.send(message.clone()).is_ok());
    }

    /// Whether the last build failed.
    pub fn has_problem(&self) -> bool {
        self.problem.lock().unwrap_or_else(PoisonError::into_inner).is_some()
    }
}

/// The script injected into served pages (never into `build` output).
pub fn script(version: u64) -> String {
    format!(
        r#"<script>/* treatise serve: live reload */
(function () {{
  var version = "{version}", box = null;
  var events = new EventSource("{EVENTS_PATH}");
  events.addEventListener("version", function (e) {{ if (e.data !== version) location.reload(); }});
  events.addEventListener("reload", function () {{ location.reload(); }});
  events.addEventListener("problem", function (e) {{
    if (!box) {{
      box = document.createElement("pre");
      box.id = "treatise-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;max-height:60vh;overflow:auto;" +
        "margin:0;padding:1rem;z-index:2147483647;white-space:pre-wrap;font:13px/1.45 monospace;" +
        "background:#2b0b0b;color:#ffe9e9;border:2px solid #ff6b6b;border-radius:6px;box-shadow:0 4px 24px #0008";
      document.body.appendChild(box);
    }}
    box.textContent = e.data;
  }});
}})();
</script>
"#
    )
}

/// `html` with the live-reload script before `</body>` (or at the end).
pub fn inject(html: &[u8], version: u64) -> Vec<u8> {
    let script = script(version);
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_sent_line_by_line() {
        let e = Event::Problem("error: bad\r\n --> a.md:1:2\n".into());
        assert_eq!(e.to_sse(), "event: problem\ndata: error: bad\ndata:  --> a.md:1:2\ndata: \n\n");
    }

    #[test]
    fn a_new_listener_hears_the_version_and_the_current_problem() {
        let hub = Hub::default();
        hub.broadcast(&Event::Problem("broken".into()));
        let rx = hub.subscribe(|| 7);
        assert_eq!(rx.try_recv().unwrap(), "event: version\ndata: 7\n\n");
        assert_eq!(rx.try_recv().unwrap(), "event: problem\ndata: broken\n\n");
        hub.broadcast(&Event::Reload(8));
        assert_eq!(rx.try_recv().unwrap(), "event: reload\ndata: 8\n\n");
        assert!(!hub.has_problem());
        assert!(hub.subscribe(|| 8).try_iter().all(|m| !m.contains("problem")));
    }

    #[test]
    fn listeners_that_left_are_forgotten() {
        let hub = Hub::default();
        drop(hub.subscribe(|| 1));
        let _kept = hub.subscribe(|| 1);
        hub.broadcast(&Event::Reload(2));
        assert_eq!(hub.clients.lock().unwrap().len(), 1);
    }

    #[test]
    fn the_script_goes_before_the_closing_body_tag() {
        let html = inject(b"<html><body><p>x</p></BODY></html>", 3);
        let html = String::from_utf8(html).unwrap();
        assert!(html.starts_with("<html><body><p>x</p><script>"), "{html}");
        assert!(html.ends_with("</script>\n</BODY></html>"), "{html}");
        assert!(html.contains("var version = \"3\""));
        let bare = String::from_utf8(inject(b"<p>no body</p>", 1)).unwrap();
        assert!(bare.starts_with("<p>no body</p><script>"));
    }
}
