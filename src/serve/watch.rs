//! Watching the site's sources for edits (notify).
//!
//! 1. Watch `content/`, `templates/` and `static/` recursively, and the
//!    site's folder itself (not recursively) for `site.toml` and for those
//!    folders appearing later. `public/` and anything else is ignored, and
//!    so are reads (the build's own reads would otherwise trigger builds).
//! 2. [`Watcher::next_edit`] debounces: it returns once events have been
//!    quiet for [`DEBOUNCE`], so the burst one save makes (write, rename,
//!    chmod) is one edit.
//! 3. An edit carries no detail: the rebuild compares fingerprints of every
//!    input, so a missed or spurious event cannot make it wrong.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use anyhow::Context;
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// How long events must be quiet before a burst counts as one edit.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// The folders of a site that hold its sources.
const WATCHED: [&str; 3] = ["content", "templates", "static"];

/// A running watcher; dropping it stops watching.
pub struct Watcher {
    root: PathBuf,
    notify: RecommendedWatcher,
    events: Receiver<()>,
    watched: BTreeSet<PathBuf>,
}

impl Watcher {
    /// Starts watching the site at `root` (an absolute path).
    pub fn start(root: &Path) -> anyhow::Result<Watcher> {
        let (tx, events) = channel();
        let filter_root = root.to_path_buf();
        let notify = notify::recommended_watcher(move |result: notify::Result<Event>| match result {
            Ok(event) if is_edit(&event.kind) && event.paths.iter().any(|p| is_source(&filter_root, p)) => {
                let _ = tx.send(());
            }
            Ok(_) => {}
            Err(e) => eprintln!("warning: watching for changes failed: {e}"),
        })
        .context("could not start watching for changes")?;
        let mut watcher = Watcher { root: root.to_path_buf(), notify, events, watched: BTreeSet::new() };
        watcher
            .notify
            .watch(root, RecursiveMode::NonRecursive)
            .with_context(|| format!("could not watch {}", root.display()))?;
        watcher.refresh()?;
        Ok(watcher)
    }

    /// Blocks until the next edit is over; `false` if watching stopped.
    pub fn next_edit(&mut self) -> bool {
        if self.events.recv().is_err() {
            return false;
        }
        loop {
            match self.events.recv_timeout(DEBOUNCE) {
                Ok(()) => continue,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return false,
            }
        }
        if let Err(e) = self.refresh() {
            eprintln!("warning: {e:#}");
        }
        true
    }

    /// Watches source folders that have appeared since the last call.
    fn refresh(&mut self) -> anyhow::Result<()> {
        self.watched.retain(|d| d.is_dir());
        for name in WATCHED {
            let dir = self.root.join(name);
            if dir.is_dir() && !self.watched.contains(&dir) {
                self.notify
                    .watch(&dir, RecursiveMode::Recursive)
                    .with_context(|| format!("could not watch {}", dir.display()))?;
                self.watched.insert(dir);
            }
        }
        Ok(())
    }
}

/// Whether an event may mean a file changed (opening or reading does not).
fn is_edit(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Whether an event on `path` may change the site.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let Some(first) = parts.next() else { return false };
    let name = rel.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let editor_temp = name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp");
    !editor_temp && (first == "site.toml" || WATCHED.contains(&&*first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_content_theme_and_config() {
        let root = Path::new("/site");
        for yes in
            ["/site/site.toml", "/site/content/a.md", "/site/content", "/site/templates/x/y.html", "/site/static"]
        {
            assert!(is_source(root, Path::new(yes)), "{yes}");
        }
        for no in [
            "/site/public/index.html",
            "/site/target/debug/x",
            "/site/content/.a.md.swp",
            "/site/content/a.md~",
            "/site/README.md",
            "/other/content/a.md",
            "/site",
        ] {
            assert!(!is_source(root, Path::new(no)), "{no}");
        }
    }

    #[test]
    fn reads_are_not_edits() {
        assert!(!is_edit(&EventKind::Access(AccessKind::Open(AccessMode::Any))));
        assert!(!is_edit(&EventKind::Access(AccessKind::Close(AccessMode::Read))));
        assert!(is_edit(&EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(is_edit(&EventKind::Modify(notify::event::ModifyKind::Any)));
        assert!(is_edit(&EventKind::Remove(notify::event::RemoveKind::File)));
    }
}
