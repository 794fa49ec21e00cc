//! The default theme in a real browser, on the flagship site built under a
//! subpath (`/repo/`, like a GitHub Pages project site) and served on loopback.
//!
//! 1. Every page in headless Chromium: no console errors, no failed or
//!    external requests, no serious or critical axe-core violations in the
//!    light or the dark theme (tests/browser/check.mjs).
//! 2. The theme's scripts: sorting, filtering, the theme toggle without a
//!    flash, the copy button, the site with JavaScript off, the 404 page.
//! 3. Every page through the Nu Html Checker (vnu): no errors.
//!
//! They need Chromium, Node with `npm ci` run in tests/browser, and Java, so
//! they run only when TREATISE_BROWSER_TESTS=1; then a missing tool is a
//! failure, never a skip. See README.md, "Browser tests".

#[path = "browser/server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::process::Command;

use server::Server;

const VAR: &str = "TREATISE_BROWSER_TESTS";

fn enabled(test: &str) -> bool {
    let on = std::env::var(VAR).is_ok_and(|v| v == "1");
    if !on {
        eprintln!("{test}: not run; set {VAR}=1 to run the browser tests (see README.md, \"Browser tests\")");
    }
    on
}

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Fails, naming the fix, when a tool the browser tests need is missing.
fn require_tools(java: bool) {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(Path::new(&chromium).is_file(), "{VAR}=1 but there is no Chromium at {chromium}: run .ci/browser-setup");
    let node = Command::new("node").arg("--version").output();
    assert!(node.is_ok_and(|o| o.status.success()), "{VAR}=1 but `node` does not run: run .ci/browser-setup");
    for package in ["playwright-core", "axe-core", "vnu-jar"] {
        let dir = browser_dir().join("node_modules").join(package);
        assert!(dir.is_dir(), "{VAR}=1 but {} is missing: run .ci/browser-setup (npm ci)", dir.display());
    }
    if java {
        let java = Command::new("java").arg("-version").output();
        assert!(java.is_ok_and(|o| o.status.success()), "{VAR}=1 but `java` does not run: run .ci/browser-setup");
    }
}

/// The flagship site, built for `http://127.0.0.1:PORT/repo/` and served.
struct Served {
    _dir: tempfile::TempDir,
    out: PathBuf,
    base: String,
}

fn serve_flagship() -> Served {
    let server = Server::bind();
    let base = format!("http://127.0.0.1:{}/repo/", server.port());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("repo");
    let built = Command::new(env!("CARGO_BIN_EXE_treatise"))
        .args(["--root", env!("CARGO_MANIFEST_DIR"), "build", "--base-url", &base, "--output"])
        .arg(&out)
        .output()
        .expect("run treatise build");
    assert!(built.status.success(), "the flagship site does not build:\n{}", String::from_utf8_lossy(&built.stderr));
    server.serve(dir.path().to_path_buf(), out.join("404.html"));
    Served { _dir: dir, out, base }
}

/// Every HTML file of the output, as a path below the base URL (`treaties/x/`, `404.html`).
fn page_paths(out: &Path) -> Vec<String> {
    let mut paths: Vec<String> = walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap().to_string_lossy().replace('\\', "/");
            rel.strip_suffix("index.html").map_or(rel.clone(), str::to_string)
        })
        .collect();
    paths.sort();
    paths
}

/// Runs check.mjs and fails with its report unless everything passed.
fn check(args: &[&str]) {
    let output = Command::new("node").arg("check.mjs").args(args).current_dir(browser_dir()).output().unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    let errors = String::from_utf8_lossy(&output.stderr);
    println!("{report}");
    assert!(output.status.success(), "browser check failed:\n{report}\n{errors}");
    assert!(report.contains(" passed, 0 failed"), "no closing line from check.mjs:\n{report}\n{errors}");
}

#[test]
fn every_page_loads_cleanly_and_passes_axe_in_both_themes() {
    if !enabled("every_page_loads_cleanly_and_passes_axe_in_both_themes") {
        return;
    }
    require_tools(false);
    let site = serve_flagship();
    let paths = page_paths(&site.out);
    assert!(paths.len() > 60, "expected the whole flagship, found {} pages", paths.len());
    let mut args = vec!["pages", site.base.as_str()];
    args.extend(paths.iter().map(String::as_str));
    check(&args);
}

#[test]
fn theme_scripts_enhance_and_the_site_works_without_them() {
    if !enabled("theme_scripts_enhance_and_the_site_works_without_them") {
        return;
    }
    require_tools(false);
    let site = serve_flagship();
    check(&["behaviour", &site.base]);
}

#[test]
fn every_page_is_valid_html() {
    if !enabled("every_page_is_valid_html") {
        return;
    }
    require_tools(true);
    let site = serve_flagship();
    let files: Vec<PathBuf> = page_paths(&site.out)
        .iter()
        .map(|p| if p.is_empty() || p.ends_with('/') { site.out.join(p).join("index.html") } else { site.out.join(p) })
        .collect();
    assert!(files.len() > 60, "expected the whole flagship, found {} pages", files.len());
    let jar = browser_dir().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let output = Command::new("java")
        .args(["-jar"])
        .arg(&jar)
        .args(["--errors-only", "--format", "gnu"])
        .args(&files)
        .output()
        .expect("run vnu");
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success() && report.trim().is_empty(), "vnu found errors:\n{report}");
}
