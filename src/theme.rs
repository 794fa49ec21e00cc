//! The default theme, embedded in the binary, and a site's overrides.
//!
//! 1. `templates/` and `static/` of this repository are embedded at compile
//!    time (include_dir); they are the default theme.
//! 2. A site's own `templates/` and `static/` replace embedded files of the
//!    same name, one by one, and may add new ones.
//! 3. Files come back in sorted maps, so builds are reproducible.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

static TEMPLATES: Dir = include_dir!("$CARGO_MANIFEST_DIR/templates");
static STATIC: Dir = include_dir!("$CARGO_MANIFEST_DIR/static");

/// A theme file: its bytes, and the site file it came from if overridden.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub bytes: Vec<u8>,
    pub origin: Option<PathBuf>,
}

/// Templates by name (`treaty.html`), embedded then overridden.
pub fn templates(root: &Path) -> anyhow::Result<BTreeMap<String, ThemeFile>> {
    merged(&TEMPLATES, &root.join("templates"), root)
}

/// Static files by output path (`style.css`), embedded then overridden.
pub fn static_files(root: &Path) -> anyhow::Result<BTreeMap<String, ThemeFile>> {
    merged(&STATIC, &root.join("static"), root)
}

fn merged(embedded: &Dir<'static>, dir: &Path, root: &Path) -> anyhow::Result<BTreeMap<String, ThemeFile>> {
    let mut files = BTreeMap::new();
    collect_embedded(embedded, &mut files);
    if dir.is_dir() {
        for entry in WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.with_context(|| format!("failed to walk {}", dir.display()))?;
            let hidden = entry.file_name().to_str().is_some_and(|n| n.starts_with('.'));
            if !entry.file_type().is_file() || hidden {
                continue;
            }
            let path = entry.path();
            let rel = path.strip_prefix(dir).unwrap_or(path);
            let name = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            let bytes = std::fs::read(path).with_context(|| format!("failed to read {}", path.display()))?;
            let origin = Some(path.strip_prefix(root).unwrap_or(path).to_path_buf());
            files.insert(name, ThemeFile { bytes, origin });
        }
    }
    Ok(files)
}

fn collect_embedded(dir: &Dir<'static>, out: &mut BTreeMap<String, ThemeFile>) {
    for file in dir.files() {
        let name = file.path().to_string_lossy().replace('\\', "/");
        out.insert(name, ThemeFile { bytes: file.contents().to_vec(), origin: None });
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_theme_has_a_template_per_kind() {
        let t = templates(Path::new("/nonexistent")).unwrap();
        for name in [
            "base.html",
            "treaty.html",
            "organisation.html",
            "principle.html",
            "case.html",
            "topic.html",
            "page.html",
            "section.html",
            "index.html",
            "404.html",
        ] {
            assert!(t.contains_key(name), "missing {name}");
        }
    }

    #[test]
    fn site_files_override_embedded_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("static")).unwrap();
        std::fs::write(dir.path().join("static/style.css"), "body{}").unwrap();
        let files = static_files(dir.path()).unwrap();
        assert_eq!(files["style.css"].bytes, b"body{}");
        assert_eq!(files["style.css"].origin.as_deref(), Some(Path::new("static/style.css")));
        assert!(files["favicon.svg"].origin.is_none());
    }
}
