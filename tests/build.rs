//! `treatise build` on the basic fixture: every page kind, tags both ways,
//! relations, base-URL prefixes, drafts, reproducibility.

mod common;

use common::{TestSite, hrefs, snapshot_dir};
use predicates::str::contains;

#[test]
fn builds_every_kind_of_page_with_pretty_urls() {
    let site = TestSite::fixture("basic");
    let public = site.build(&[]);
    for path in [
        "index.html",
        "404.html",
        ".nojekyll",
        "style.css",
        "highlight.css",
        "favicon.svg",
        "treaties/index.html",
        "treaties/convention/index.html",
        "treaties/protocol/index.html",
        "organisations/example-council/index.html",
        "principles/cooperation/index.html",
        "cases/takedown/index.html",
        "topics/trends/index.html",
        "about/index.html",
    ] {
        assert!(public.join(path).is_file(), "missing {path}");
    }
    assert!(!public.join("draft-note").exists(), "drafts are left out by default");
}

#[test]
fn summary_line_counts_pages_per_kind() {
    let site = TestSite::fixture("basic");
    site.cmd(&["build"])
        .assert()
        .success()
        .stderr(contains("Built 8 pages (3 treaties, 1 organisations, 1 principles, 1 cases, 1 topics, 1 pages)"));
}

#[test]
fn tag_links_work_both_ways() {
    let site = TestSite::fixture("basic");
    site.build(&[]);
    let case = site.read("public/cases/takedown/index.html");
    for target in ["/treaties/convention/", "/organisations/example-council/", "/principles/cooperation/"] {
        assert!(hrefs(&case).iter().any(|h| h == target), "case should link to {target}");
    }
    let treaty = site.read("public/treaties/convention/index.html");
    for source in ["/cases/takedown/", "/organisations/example-council/", "/principles/cooperation/"] {
        assert!(hrefs(&treaty).iter().any(|h| h == source), "treaty should list {source} as related");
    }
    let principle = site.read("public/principles/cooperation/index.html");
    assert!(hrefs(&principle).iter().any(|h| h == "/topics/trends/"), "backlink from the topic");
    assert!(hrefs(&principle).iter().any(|h| h == "/treaties/report/"), "backlink from the report");
}

#[test]
fn relations_are_shown_in_both_directions() {
    let site = TestSite::fixture("basic");
    site.build(&[]);
    let treaty = site.read("public/treaties/convention/index.html");
    assert!(
        treaty.contains("<dt>Protocols</dt><dd><a href=\"/treaties/protocol/\">Additional Protocol on Examples</a>")
    );
    let protocol = site.read("public/treaties/protocol/index.html");
    assert!(protocol.contains("<dt>Protocol to</dt><dd><a href=\"/treaties/convention/\">"));
    let council = site.read("public/organisations/example-council/index.html");
    assert!(council.contains("<dt>Depositary of</dt><dd><a href=\"/treaties/convention/\">"));
}

#[test]
fn base_url_path_prefixes_every_internal_link() {
    let site = TestSite::fixture("basic");
    site.build(&["--base-url", "https://owner.github.io/repo/"]);
    for (path, bytes) in snapshot_dir(&site.path().join("public")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for href in hrefs(&html) {
            let internal = href.starts_with('/');
            assert!(!internal || href.starts_with("/repo/"), "{path}: {href} escapes /repo/");
        }
    }
    let treaty = site.read("public/treaties/protocol/index.html");
    assert!(treaty.contains("href=\"/repo/treaties/convention/#art-35\""));
    assert!(treaty.contains("<link rel=\"canonical\" href=\"https://owner.github.io/repo/treaties/protocol/\">"));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = TestSite::fixture("basic");
    let first = snapshot_dir(&site.build(&[]));
    let second = snapshot_dir(&site.build(&[]));
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    assert!(first == second, "outputs differ between two builds");
}

#[test]
fn drafts_are_built_with_the_flag() {
    let site = TestSite::fixture("basic");
    let public = site.build(&["--drafts"]);
    let html = site.read("public/draft-note/index.html");
    assert!(html.contains("Draft: not published."));
    assert!(public.join("about/index.html").exists());
}

#[test]
fn output_flag_writes_elsewhere_and_leaves_public_alone() {
    let site = TestSite::fixture("basic");
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    site.cmd(&["build", "--output", target.to_str().unwrap()]).assert().success();
    assert!(target.join("index.html").is_file());
    assert!(!site.path().join("public").exists());
}

#[test]
fn root_flag_builds_a_site_elsewhere() {
    let site = TestSite::fixture("basic");
    let mut cmd = assert_cmd::Command::cargo_bin("treatise").unwrap();
    cmd.args(["--root", site.path().to_str().unwrap(), "build"]).assert().success();
    assert!(site.path().join("public/index.html").is_file());
}

#[test]
fn raw_html_in_content_is_sanitised() {
    let site = TestSite::fixture("basic");
    site.build(&[]);
    let about = site.read("public/about/index.html");
    assert!(about.contains("<abbr title=\"Example\">EX</abbr>"));
    assert!(!about.contains("<script>alert"));
}
