//! `treatise new KIND "Title"`: a draft that builds, that `check` flags until
//! it is filled in, and that never replaces an existing file.

mod common;

use std::path::Path;

use common::TestSite;
use predicates::str::contains;
use treatise::kind::Kind;

/// Runs `new KIND TITLE` in the `checked` fixture; returns the site.
fn created(kind: &str, title: &str, expected: &str) -> TestSite {
    let site = TestSite::fixture("checked");
    site.cmd(&["new", kind, title]).assert().success().stderr(contains(format!("Created {expected} as a draft")));
    assert!(site.path().join(expected).is_file(), "{expected} not written");
    site
}

#[test]
fn writes_each_kind_into_its_folder_with_a_slug_from_the_title() {
    for (kind, folder) in Kind::SECTIONS.map(|k| (k.name(), k.folder())) {
        let expected = format!("content/{folder}/second-additional-protocol.md");
        let site = created(kind, "Second Additional Protocol", &expected);
        let text = site.read(&expected);
        assert!(text.starts_with("+++\n"), "{text}");
        assert!(text.contains("title = \"Second Additional Protocol\"\n"), "{text}");
        assert!(text.contains("draft = true\n"), "{text}");
    }
}

#[test]
fn the_draft_builds_with_drafts_and_is_left_out_without() {
    let site =
        created("treaty", "Convention on Cybercrime (2001)", "content/treaties/convention-on-cybercrime-2001.md");
    let public = site.build(&[]);
    assert!(!public.join("treaties/convention-on-cybercrime-2001").exists());
    let public = site.build(&["--drafts"]);
    let html = std::fs::read_to_string(public.join("treaties/convention-on-cybercrime-2001/index.html")).unwrap();
    assert!(html.contains("Convention on Cybercrime (2001)"));
}

#[test]
fn every_kind_builds_with_drafts() {
    let site = TestSite::fixture("checked");
    for kind in Kind::SECTIONS {
        site.cmd(&["new", kind.name(), "A new page"]).assert().success();
    }
    site.cmd(&["new", "page", "Glossary"]).assert().success();
    assert!(site.path().join("content/glossary.md").is_file());
    site.build(&["--drafts"]);
}

#[test]
fn check_flags_what_the_editor_must_fill_in() {
    let site = created("treaty", "Example Protocol", "content/treaties/example-protocol.md");
    site.cmd(&["check"]).assert().success();
    let out = site.cmd(&["check", "--drafts", "--format", "github"]).assert().code(1).get_output().clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let ours: Vec<&str> = stdout.lines().filter(|l| l.contains("example-protocol.md")).collect();
    let expect = [("warning", "`updated` is missing"), ("error", "placeholder"), ("error", "has no `accessed` date")];
    for (level, message) in expect {
        assert!(
            ours.iter().any(|l| l.starts_with(&format!("::{level} ")) && l.contains(message)),
            "no {level} `{message}` in\n{stdout}"
        );
    }
    // summary, source title, publisher, url, and the body
    assert_eq!(ours.iter().filter(|l| l.contains("placeholder")).count(), 5, "{stdout}");
}

#[test]
fn a_filled_in_draft_passes_check() {
    let site = created("case", "Example Operation", "content/cases/example-operation.md");
    let path = "content/cases/example-operation.md";
    let text = site
        .read(path)
        .replace("TODO: one or two sentences saying what this case is.", "An operation.")
        .replace("TODO: title of the document you cite", "Press release")
        .replace("TODO: who published it", "Example Police")
        .replace("https://TODO", "https://example.org/op")
        .replace("# accessed", "accessed")
        .replace("# updated", "updated")
        .replace("draft = true\n", "");
    let body = text.find("TODO: write").unwrap();
    site.write(path, format!("{}Police acted.\n", &text[..body]));
    site.cmd(&["check"]).assert().success().stderr(contains("No errors in 4 pages (0 warning(s))"));
}

#[test]
fn refuses_to_overwrite_an_existing_file() {
    let site = created("organisation", "Example Council", "content/organisations/example-council.md");
    site.write("content/organisations/example-council.md", "my work");
    site.cmd(&["new", "organisation", "Example  Council!"])
        .assert()
        .code(2)
        .stderr(contains("content/organisations/example-council.md already exists; nothing was written"));
    assert_eq!(site.read("content/organisations/example-council.md"), "my work");
}

#[test]
fn titles_with_quotes_stay_valid_toml() {
    let site = created("topic", "The \"Tallinn\" Manual \\ 2.0", "content/topics/the-tallinn-manual-2-0.md");
    site.build(&["--drafts"]);
}

#[test]
fn a_title_without_letters_is_a_usage_error() {
    let site = TestSite::fixture("checked");
    site.cmd(&["new", "case", "???"]).assert().code(2).stderr(contains("gives no file name"));
}

#[test]
fn an_unknown_kind_is_a_usage_error() {
    let site = TestSite::fixture("checked");
    site.cmd(&["new", "treaties", "X"]).assert().code(2).stderr(contains("invalid value 'treaties'"));
    assert!(!Path::new(&site.path().join("content/treaties/x.md")).exists());
}

#[test]
fn outside_a_site_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("treatise").unwrap();
    cmd.current_dir(dir.path()).args(["new", "case", "X"]).assert().code(2).stderr(contains("no site.toml"));
    assert!(!dir.path().join("content").exists());
}
