//! Bad input: each mistake fails the build with exit code 1, a message that
//! names the file and line, and leaves the previous output exactly as it was.

mod common;

use common::{TestSite, page, snapshot_dir, treaty};

/// Builds the good fixture, adds `file` with `text`, and checks the failed
/// build: exit 1, `file:line:col` and `message` in the output, output intact.
fn fails_at(file: &str, text: &[u8], at: &str, message: &str) -> String {
    let site = TestSite::fixture("basic");
    let before = snapshot_dir(&site.build(&[]));
    site.write(file, text);
    let out = site.cmd(&["build"]).assert().code(1).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(stderr.contains(&format!("{file}:{at}")), "expected {file}:{at} in\n{stderr}");
    assert!(stderr.contains(message), "expected `{message}` in\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    let after = snapshot_dir(&site.path().join("public"));
    assert!(before == after, "the previous output changed");
    stderr
}

#[test]
fn malformed_toml() {
    fails_at("content/cases/x.md", b"+++\ntitle = \"X\nsummary = \"S\"\n+++\n", "2:11", "content/cases/x.md");
}

#[test]
fn unknown_field() {
    let text = page("titel = \"typo\"", "Body");
    fails_at("content/principles/x.md", text.as_bytes(), "4:1", "unknown field `titel`");
}

#[test]
fn wrong_type() {
    let text = page("instrument = \"treaty\"\nbinding = \"yes\"", "");
    fails_at("content/treaties/x.md", text.as_bytes(), "5:11", "invalid type");
}

#[test]
fn invalid_date() {
    let text = treaty("adopted = \"2001-13\"", "");
    fails_at("content/treaties/x.md", text.as_bytes(), "6:11", "month 13 is not between 1 and 12");
}

#[test]
fn unknown_tag_suggests_the_nearest_slug() {
    let text = page("treaties = [\"convnetion\"]", "");
    let stderr = fails_at(
        "content/cases/x.md",
        text.as_bytes(),
        "4:13",
        "`convnetion` in `treaties` is not the slug of any treaty page",
    );
    assert!(stderr.contains("did you mean `convention`?"), "{stderr}");
}

#[test]
fn broken_internal_link_points_at_the_body_line() {
    let text = page("", "Intro.\n\nSee [the treaty](@/treaties/nope.md).");
    fails_at("content/topics/x.md", text.as_bytes(), "8:5", "`@/treaties/nope.md` points at no page");
}

#[test]
fn missing_anchor_suggests_an_existing_one() {
    let text = page("", "See [Art. 35](@/treaties/convention.md#art-53).");
    let stderr = fails_at("content/topics/x.md", text.as_bytes(), "6:5", "has no heading with the id `art-53`");
    assert!(stderr.contains("did you mean `#art-35`?"), "{stderr}");
}

#[test]
fn duplicate_slug() {
    let text = page("slug = \"takedown\"", "");
    let stderr =
        fails_at("content/cases/other.md", text.as_bytes(), "4:8", "another case already has the slug `takedown`");
    assert!(stderr.contains("content/cases/takedown.md"), "{stderr}");
}

#[test]
fn slug_that_tries_to_leave_the_output_folder() {
    let text = page("slug = \"../../etc\"", "");
    fails_at("content/cases/x.md", text.as_bytes(), "4:8", "`../../etc` is not a valid slug");
}

#[test]
fn slug_that_collides_with_a_generated_path() {
    fails_at("content/search.md", page("", "").as_bytes(), "1:1", "taken by a page the build generates");
}

#[test]
fn non_utf8_file() {
    fails_at("content/cases/x.md", b"+++\ntitle = \"Caf\xe9\"\n+++\n", "2:13", "not valid UTF-8");
}

#[test]
fn empty_file() {
    fails_at("content/cases/x.md", b"", "1:1", "this file is empty");
}

#[test]
fn front_matter_without_closing_marker() {
    fails_at("content/cases/x.md", b"+++\ntitle = \"X\"\nsummary = \"S\"\n\nBody text\n", "1:1", "never closed");
}

#[test]
fn link_to_a_draft() {
    let text = page("", "See [the note](@/draft-note.md).");
    fails_at("content/topics/x.md", text.as_bytes(), "6:5", "points at a draft page");
}

#[test]
fn status_on_a_non_binding_instrument() {
    let text = page("instrument = \"report\"\nbinding = false\nstatus = \"in-force\"", "");
    fails_at("content/treaties/x.md", text.as_bytes(), "6:10", "`status` is for binding instruments only");
}

#[test]
fn unknown_key_in_site_toml() {
    let site_toml = format!("{}colour = \"blue\"\n", common::SITE_TOML);
    fails_at("site.toml", site_toml.as_bytes(), "3:1", "unknown field `colour`");
}

#[test]
fn every_mistake_is_reported_in_one_run() {
    let site = TestSite::fixture("basic");
    site.write("content/cases/a.md", page("titel = \"x\"", ""));
    site.write("content/cases/b.md", page("treaties = [\"nope\"]", ""));
    site.write("content/cases/c.md", page("", "[x](@/cases/missing.md)"));
    site.write("content/cases/d.md", b"");
    let out = site.cmd(&["build"]).assert().code(1).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for file in ["a.md:4:", "b.md:4:", "c.md:6:", "d.md:1:"] {
        assert!(stderr.contains(file), "missing {file} in\n{stderr}");
    }
    assert!(stderr.contains("4 problem(s) found"), "{stderr}");
    assert!(!site.path().join("public").exists());
}

#[test]
fn missing_site_toml_is_a_usage_error() {
    let site = TestSite::new();
    site.remove("site.toml");
    site.cmd(&["build"]).assert().code(2).stderr(predicates::str::contains("no site.toml"));
}

#[test]
fn refuses_to_build_over_the_content_folder() {
    let site = TestSite::fixture("basic");
    site.cmd(&["build", "--output", "content"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("holds the site's sources"));
    assert!(site.path().join("content/treaties/convention.md").exists());
}
