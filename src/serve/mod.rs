//! `treatise serve`: the site built in memory, rebuilt after each edit,
//! and reloaded in the browser.
//!
//! 1. Bind the address (127.0.0.1:1111 unless told otherwise) first, so the
//!    base URL is known: links point at this server, from `/`.
//! 2. Start watching the sources ([`watch`]), then build the site in memory
//!    ([`live`]) with drafts shown, and serve it from memory ([`http`]).
//! 3. After each edit, rebuild only what changed. If any output changed,
//!    publish the new site and tell the open pages to reload ([`hub`]); if
//!    the build failed, print the problems and show them over the page,
//!    and keep serving the last good site.

pub mod http;
pub mod hub;
pub mod live;
pub mod watch;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock};

use anyhow::Context;

use crate::build;
use crate::error::Error;
use hub::{Event, Hub};
use live::{Files, Live, Outcome};

/// What to serve, from the command line.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub addr: SocketAddr,
    /// Show pages marked `draft = true` (the default for `serve`).
    pub drafts: bool,
}

/// One published version of the site.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Grows by one with each publication; pages know theirs.
    pub version: u64,
    pub files: Arc<Files>,
}

/// What the server threads share: the current site and the listeners.
#[derive(Default)]
pub struct Shared {
    site: RwLock<Snapshot>,
    pub hub: Hub,
}

impl Shared {
    /// The site as published now.
    pub fn snapshot(&self) -> Snapshot {
        self.site.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Replaces the site; returns its new version.
    fn publish(&self, files: Arc<Files>) -> u64 {
        let mut site = self.site.write().unwrap_or_else(PoisonError::into_inner);
        site.version += 1;
        site.files = files;
        site.version
    }
}

/// Serves the site until the process is stopped.
pub fn run(options: &Options) -> Result<(), Error> {
    let root = &options.root;
    for needed in ["site.toml", "content"] {
        if !root.join(needed).exists() {
            return Err(anyhow::anyhow!(
                "no {needed} in {}: run treatise in the site's folder, or pass --root",
                root.display()
            )
            .into());
        }
    }
    let (server, addr) = http::bind(options.addr)?;
    let url = format!("http://{addr}/");
    let base_url = Some(url.clone());
    let mut live = Live::new(build::Options { root: root.clone(), output: None, base_url, drafts: options.drafts });
    let shared = Arc::new(Shared::default());
    let watch_root = std::fs::canonicalize(root).with_context(|| format!("failed to open {}", root.display()))?;
    let mut watcher = watch::Watcher::start(&watch_root)?;
    rebuild(&mut live, &shared);
    http::start(server, Arc::clone(&shared), addr.ip());
    let drafts = if options.drafts { "drafts shown" } else { "drafts hidden" };
    println!("Serving {} at {url} ({drafts}; Ctrl-C stops)", root.display());
    if !addr.ip().is_loopback() {
        eprintln!("warning: listening on {addr}: other machines that can reach it see the preview, drafts included");
    }
    while watcher.next_edit() {
        rebuild(&mut live, &shared);
    }
    Ok(())
}

/// Rebuilds, publishes what changed and tells the open pages.
fn rebuild(live: &mut Live, shared: &Shared) {
    match live.rebuild() {
        Outcome::Built { changed, rendered, warnings, elapsed } => {
            eprint!("{warnings}");
            let ms = elapsed.as_secs_f64() * 1000.0;
            if changed.is_empty() && !shared.hub.has_problem() {
                eprintln!("Rebuilt in {ms:.0} ms: nothing changed");
                return;
            }
            let version = shared.publish(live.files());
            shared.hub.broadcast(&Event::Reload(version));
            if changed.is_empty() {
                eprintln!("Rebuilt in {ms:.0} ms: the problems are fixed");
                return;
            }
            let shown: Vec<&str> = changed.iter().take(3).map(String::as_str).collect();
            let more = if changed.len() > shown.len() { ", …" } else { "" };
            eprintln!(
                "Rebuilt in {ms:.0} ms: {rendered} file(s) rendered, {} changed ({}{more})",
                changed.len(),
                shown.join(", ")
            );
        }
        Outcome::Failed { problems, .. } => {
            eprint!("{problems}");
            shared.hub.broadcast(&Event::Problem(problems));
        }
    }
}
