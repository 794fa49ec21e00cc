use std::path::Path;

use super::*;

/// A copy of the `basic` fixture, served from `http://127.0.0.1:9/`.
struct Site {
    dir: tempfile::TempDir,
    live: Live,
}

fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let target = dir.path().join(entry.path().strip_prefix(&src).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    let options = Options {
        root: dir.path().to_path_buf(),
        output: None,
        base_url: Some("http://127.0.0.1:9/".into()),
        drafts: true,
    };
    Site { live: Live::new(options), dir }
}

impl Site {
    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.dir.path().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} has no `{from}`");
        std::fs::write(path, text.replace(from, to)).unwrap();
    }

    fn page(&self, path: &str) -> String {
        String::from_utf8(self.live.files()[path].to_vec()).unwrap()
    }

    /// Rebuilds; returns (changed, rendered) or panics with the problems.
    fn rebuild(&mut self) -> (Vec<String>, usize) {
        match self.live.rebuild() {
            Outcome::Built { changed, rendered, .. } => (changed, rendered),
            Outcome::Failed { problems, .. } => panic!("build failed:\n{problems}"),
        }
    }
}

#[test]
fn the_first_build_renders_everything_with_drafts_and_local_links() {
    let mut s = site();
    let (changed, rendered) = s.rebuild();
    assert_eq!(changed.len(), rendered);
    assert!(s.live.files().contains_key("draft-note/index.html"), "serve shows drafts");
    assert!(s.page("draft-note/index.html").contains("class=\"draft\""), "marked as drafts");
    assert!(s.page("index.html").contains("href=\"/treaties/\""));
    assert!(!s.page("index.html").contains("example.org/treaties"), "base_url is replaced");
}

#[test]
fn drafts_are_marked_in_listings() {
    let mut s = site();
    std::fs::write(
        s.dir.path().join("content/cases/pending.md"),
        "+++\ntitle = \"Pending\"\nsummary = \"S.\"\ndraft = true\n+++\n",
    )
    .unwrap();
    s.edit("content/treaties/report.md", "title = ", "draft = true\ntitle = ");
    s.rebuild();
    let cases = s.page("cases/index.html");
    assert!(cases.contains("Pending</a> <span class=\"draft\">draft</span>"), "{cases}");
    assert!(!cases.contains("Takedown</a> <span class=\"draft\">"), "{cases}");
    let treaties = s.page("treaties/index.html");
    assert!(treaties.contains("</a> <span class=\"draft\">draft</span>"), "{treaties}");
}

#[test]
fn a_body_edit_renders_and_changes_one_page() {
    let mut s = site();
    s.rebuild();
    s.edit("content/principles/cooperation.md", "See [Article 35]", "Now see [Article 35]");
    assert_eq!(s.rebuild(), (vec!["principles/cooperation/index.html".to_string()], 1));
    assert!(s.page("principles/cooperation/index.html").contains("Now see"));
}

#[test]
fn a_rebuild_without_edits_changes_nothing() {
    let mut s = site();
    s.rebuild();
    assert_eq!(s.rebuild(), (vec![], 0));
}

#[test]
fn a_broken_edit_keeps_the_last_good_site_and_says_where() {
    let mut s = site();
    s.rebuild();
    let before = s.page("principles/cooperation/index.html");
    s.edit("content/principles/cooperation.md", "treaties = [\"convention\"]", "treaties = [\"convnetion\"]");
    let Outcome::Failed { problems, .. } = s.live.rebuild() else { panic!("the build should fail") };
    assert!(problems.contains("content/principles/cooperation.md:4:"), "{problems}");
    assert!(problems.contains("did you mean `convention`?"), "{problems}");
    assert!(problems.contains("still serving the last good site"), "{problems}");
    assert_eq!(s.page("principles/cooperation/index.html"), before);
    // fixed again: compared with the last good build, nothing changed
    s.edit("content/principles/cooperation.md", "convnetion", "convention");
    assert_eq!(s.rebuild(), (vec![], 0));
}

#[test]
fn a_deleted_page_disappears_and_its_listings_change() {
    let mut s = site();
    s.rebuild();
    assert!(s.page("principles/cooperation/index.html").contains("/treaties/report/"), "the backlink is there");
    std::fs::remove_file(s.dir.path().join("content/treaties/report.md")).unwrap();
    let (changed, _) = s.rebuild();
    for path in ["treaties/report/index.html", "treaties/index.html", "principles/cooperation/index.html"] {
        assert!(changed.contains(&path.to_string()), "{path} not in {changed:?}");
    }
    assert!(!s.live.files().contains_key("treaties/report/index.html"));
    assert!(!s.page("principles/cooperation/index.html").contains("/treaties/report/"), "no backlink left");
}

#[test]
fn a_template_edit_renders_everything_and_a_broken_one_is_reported() {
    let mut s = site();
    let (_, all) = s.rebuild();
    assert!(!s.dir.path().join("templates").exists(), "the fixture has no templates");
    std::fs::create_dir_all(s.dir.path().join("templates")).unwrap();
    std::fs::write(s.dir.path().join("templates/404.html"), "{% if %}").unwrap();
    let Outcome::Failed { problems, .. } = s.live.rebuild() else { panic!("the build should fail") };
    assert!(problems.contains("templates/404.html"), "{problems}");
    std::fs::write(s.dir.path().join("templates/404.html"), "gone").unwrap();
    let (changed, rendered) = s.rebuild();
    assert_eq!(changed, vec!["404.html".to_string()]);
    assert_eq!(rendered, all, "a template change renders everything");
}

#[test]
fn a_static_file_edit_changes_only_that_file() {
    let mut s = site();
    s.rebuild();
    std::fs::create_dir_all(s.dir.path().join("static")).unwrap();
    std::fs::write(s.dir.path().join("static/style.css"), "body { color: red }").unwrap();
    assert_eq!(s.rebuild(), (vec!["style.css".to_string()], 1));
    assert_eq!(s.page("style.css"), "body { color: red }");
}
