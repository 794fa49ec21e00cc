//! Writing the site: all or nothing.
//!
//! 1. Refuse an output folder that would swallow the site's sources, and
//!    any output path that is not a plain relative path.
//! 2. Write every file into a fresh staging folder beside the output
//!    (in parallel), so a failure leaves the old output untouched.
//! 3. Swap: the old output is moved aside, the staging folder renamed into
//!    its place, and the old one removed.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, bail};
use rayon::prelude::*;

use crate::render::Output;

/// Writes `outputs` into `output`, replacing what was there.
pub fn write_site(root: &Path, output: &Path, outputs: &[Output]) -> anyhow::Result<()> {
    check_output_folder(root, output)?;
    for o in outputs {
        if !is_plain_relative(&o.path) {
            bail!("refusing to write `{}`: output paths must stay inside the output folder", o.path);
        }
    }
    let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| format!("failed to create {}", parent.display()))?;
    let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let result = write_staging(&staging, outputs).and_then(|()| swap(&staging, output, parent, &name));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_staging(staging: &Path, outputs: &[Output]) -> anyhow::Result<()> {
    if staging.exists() {
        std::fs::remove_dir_all(staging).with_context(|| format!("failed to clear {}", staging.display()))?;
    }
    let dirs: BTreeSet<PathBuf> =
        outputs.iter().filter_map(|o| Path::new(&o.path).parent().map(|p| staging.join(p))).collect();
    std::fs::create_dir_all(staging).with_context(|| format!("failed to create {}", staging.display()))?;
    for dir in &dirs {
        std::fs::create_dir_all(dir).with_context(|| format!("failed to create {}", dir.display()))?;
    }
    outputs.par_iter().try_for_each(|o| {
        let path = staging.join(&o.path);
        std::fs::write(&path, &o.bytes).with_context(|| format!("failed to write {}", path.display()))
    })
}

fn swap(staging: &Path, output: &Path, parent: &Path, name: &str) -> anyhow::Result<()> {
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let had_output = output.exists();
    if had_output {
        std::fs::rename(output, &old).with_context(|| format!("failed to move the old {} aside", output.display()))?;
    }
    if let Err(e) = std::fs::rename(staging, output) {
        if had_output {
            let _ = std::fs::rename(&old, output);
        }
        return Err(e).with_context(|| format!("failed to move the new site into {}", output.display()));
    }
    if had_output {
        std::fs::remove_dir_all(&old).with_context(|| format!("failed to remove {}", old.display()))?;
    }
    Ok(())
}

/// The output folder must not be, or contain, the site's own sources, and
/// an existing one must look like a built site.
fn check_output_folder(root: &Path, output: &Path) -> anyhow::Result<()> {
    let root = std::fs::canonicalize(root).with_context(|| format!("failed to open {}", root.display()))?;
    let out = absolute(output)?;
    let protected = ["content", "templates", "static", "src", ".git"];
    if root.starts_with(&out) || protected.iter().any(|p| out.starts_with(root.join(p))) {
        bail!("refusing to build into {}: it holds the site's sources; choose another --output", output.display());
    }
    if out.exists() {
        if !out.is_dir() {
            bail!("{} exists and is not a folder", output.display());
        }
        let empty = std::fs::read_dir(&out).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty && !out.join("index.html").exists() {
            bail!(
                "refusing to replace {}: it is not empty and does not look like a built site (no index.html)",
                output.display()
            );
        }
    }
    Ok(())
}

fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let abs = std::path::absolute(path).with_context(|| format!("failed to resolve {}", path.display()))?;
    // Resolve symlinks in the part that exists, so comparisons are fair.
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(p), Some(n)) => {
                rest.push(n.to_owned());
                existing = p;
            }
            _ => break,
        }
    }
    let mut resolved = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    resolved.extend(rest.iter().rev());
    Ok(resolved)
}

fn is_plain_relative(path: &str) -> bool {
    !path.is_empty() && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(path: &str, text: &str) -> Output {
        Output { path: path.into(), bytes: text.as_bytes().to_vec() }
    }

    #[test]
    fn replaces_the_old_site_and_leaves_no_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        write_site(dir.path(), &public, &[out("index.html", "one"), out("a/index.html", "a")]).unwrap();
        write_site(dir.path(), &public, &[out("index.html", "two")]).unwrap();
        assert_eq!(std::fs::read_to_string(public.join("index.html")).unwrap(), "two");
        assert!(!public.join("a").exists());
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn refuses_paths_that_leave_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let e = write_site(dir.path(), &public, &[out("../evil", "x")]).unwrap_err();
        assert!(e.to_string().contains("inside the output folder"));
        assert!(!public.exists());
    }

    #[test]
    fn refuses_to_replace_the_sources_or_a_foreign_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/a.md"), "x").unwrap();
        assert!(write_site(dir.path(), dir.path(), &[out("index.html", "")]).is_err());
        assert!(write_site(dir.path(), &dir.path().join("content"), &[out("index.html", "")]).is_err());
        let other = dir.path().join("notes");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("todo.txt"), "keep me").unwrap();
        assert!(write_site(dir.path(), &other, &[out("index.html", "")]).is_err());
        assert_eq!(std::fs::read_to_string(other.join("todo.txt")).unwrap(), "keep me");
    }
}
