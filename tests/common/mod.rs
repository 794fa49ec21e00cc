//! Helpers shared by the integration tests: fixture sites in temporary
//! folders, and running the `treatise` binary on them.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A site in a temporary folder, made from a fixture or from scratch.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

pub const SITE_TOML: &str = "title = \"Test\"\nbase_url = \"https://example.org/\"\n";

/// A minimal valid page of `kind`'s folder, with extra front matter.
pub fn page(extra: &str, body: &str) -> String {
    format!("+++\ntitle = \"A page\"\nsummary = \"Summary.\"\n{extra}\n+++\n{body}\n")
}

pub fn treaty(extra: &str, body: &str) -> String {
    page(&format!("instrument = \"treaty\"\nbinding = true\n{extra}"), body)
}

impl TestSite {
    /// An empty site with only `site.toml` and `content/`.
    pub fn new() -> TestSite {
        let site = TestSite { dir: tempfile::tempdir().unwrap() };
        site.write("site.toml", SITE_TOML);
        std::fs::create_dir_all(site.path().join("content")).unwrap();
        site
    }

    /// A copy of `tests/fixtures/NAME`.
    pub fn fixture(name: &str) -> TestSite {
        let site = TestSite { dir: tempfile::tempdir().unwrap() };
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
        copy_dir(&src, site.path());
        site
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> &TestSite {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path().join(rel)).unwrap();
    }

    /// `treatise ARGS` run in the site's folder.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("treatise").unwrap();
        cmd.current_dir(self.path()).args(args);
        cmd
    }

    /// Builds into `public/`; panics with the output if the build fails.
    pub fn build(&self, args: &[&str]) -> PathBuf {
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        self.cmd(&all).assert().success();
        self.path().join("public")
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn snapshot_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            files.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

fn copy_dir(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let target = dst.join(entry.path().strip_prefix(src).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The `href` values of every link in an HTML document.
pub fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"").skip(1).filter_map(|s| s.split('"').next()).map(str::to_string).collect()
}
