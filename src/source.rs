//! Reading the content folder.
//!
//! 1. Walk `content/` (walkdir, sorted, skipping hidden files) for `.md` files.
//! 2. Read them in parallel; a file that is not UTF-8 becomes a diagnostic
//!    pointing at the first bad byte, not an IO failure.
//! 3. Return [`SourceFile`]s keyed by their path inside `content/`, the key
//!    `@/` links use.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;

/// One Markdown file of the site.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path shown to editors, relative to the site root (`content/treaties/x.md`).
    pub path: PathBuf,
    /// Path inside `content/` with `/` separators (`treaties/x.md`).
    pub key: String,
    pub text: Arc<str>,
}

/// Files read, and the ones that could not be decoded.
#[derive(Debug, Default)]
pub struct Loaded {
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
    /// Text of undecodable files (lossy), so their diagnostics can show a line.
    pub lossy: Vec<(PathBuf, Arc<str>)>,
}

/// Reads every Markdown file under `root/content`.
pub fn read_content(root: &Path) -> anyhow::Result<Loaded> {
    let content = root.join("content");
    if !content.is_dir() {
        anyhow::bail!("{} has no content/ folder", root.display());
    }
    let mut paths = Vec::new();
    let walker = WalkDir::new(&content).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name())) {
        let entry = entry.with_context(|| format!("failed to walk {}", content.display()))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md") {
            paths.push(entry.into_path());
        }
    }
    let read: Vec<anyhow::Result<(PathBuf, String, Vec<u8>)>> = paths
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).with_context(|| format!("failed to read {}", p.display()))?;
            let rel = p.strip_prefix(&content).unwrap_or(p);
            let key = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            Ok((p.strip_prefix(root).unwrap_or(p).to_path_buf(), key, bytes))
        })
        .collect();
    let mut loaded = Loaded::default();
    for item in read {
        let (path, key, bytes) = item?;
        match String::from_utf8(bytes) {
            Ok(text) => loaded.files.push(SourceFile { path, key, text: text.into() }),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let lossy: Arc<str> = String::from_utf8_lossy(e.as_bytes()).into();
                let offset = String::from_utf8_lossy(&e.as_bytes()[..at]).len();
                loaded.diagnostics.push(
                    Diagnostic::error(&path, offset..offset, "this file is not valid UTF-8")
                        .with_help("save the file as UTF-8 (most editors have an \"encoding\" menu)"),
                );
                loaded.lossy.push((path, lossy));
            }
        }
    }
    Ok(loaded)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}
