//! `treatise check`: build's validation plus sources, dated facts and fresh
//! `updated` dates; every problem in one run, in three formats, nothing written.
//!
//! The `checked` fixture passes; each test breaks one rule. Its site.toml
//! sets `stale_after_days` to a century, so no test depends on the clock.

mod common;

use common::{TestSite, snapshot_dir};
use predicates::str::contains;

const TREATY: &str = "content/treaties/convention.md";
const CASE: &str = "content/cases/takedown.md";

/// The `checked` fixture with `from` replaced by `to` in `file`.
fn edited(file: &str, from: &str, to: &str) -> TestSite {
    let site = TestSite::fixture("checked");
    let text = site.read(file);
    assert!(text.contains(from), "{file} has no `{from}`");
    site.write(file, text.replacen(from, to, 1));
    site
}

/// Runs `check` and expects exit `code`; returns (stdout, stderr).
fn check(site: &TestSite, args: &[&str], code: i32) -> (String, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let out = site.cmd(&all).assert().code(code).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

/// Expects one error: exit 1, `file:line:col` and `message` on stderr.
fn fails_at(site: &TestSite, at: &str, message: &str) -> String {
    let (_, stderr) = check(site, &[], 1);
    assert!(stderr.contains(at), "expected {at} in\n{stderr}");
    assert!(stderr.contains(message), "expected `{message}` in\n{stderr}");
    stderr
}

#[test]
fn a_sourced_site_passes_and_nothing_is_written() {
    let site = TestSite::fixture("checked");
    let (stdout, stderr) = check(&site, &[], 0);
    assert!(stderr.contains("No errors in 3 pages (0 warning(s))"), "{stderr}");
    assert_eq!(stdout, "");
    assert!(!site.path().join("public").exists());
}

#[test]
fn an_existing_output_is_left_as_it_was() {
    let site = TestSite::fixture("checked");
    let before = snapshot_dir(&site.build(&[]));
    site.write(CASE, site.read(CASE).replace("countries = [\"NL\", \"DE\"]", "countries = [\"UK\"]"));
    check(&site, &[], 1);
    assert!(before == snapshot_dir(&site.path().join("public")), "check changed public/");
}

#[test]
fn treaty_without_sources() {
    let site = TestSite::fixture("checked");
    let text = site.read(TREATY);
    let cut = text.find("[[sources]]").unwrap();
    let end = text.find("+++\n\nThe").unwrap();
    site.write(TREATY, format!("{}{}", &text[..cut], &text[end..]));
    fails_at(&site, "content/treaties/convention.md:24:1", "a treaty page needs at least one source");
}

#[test]
fn case_without_sources() {
    let site = TestSite::fixture("checked");
    let text = site.read(CASE);
    let (head, tail) = text.split_once("[[sources]]").unwrap();
    site.write(CASE, format!("{head}{}", &tail[tail.find("+++").unwrap()..]));
    fails_at(&site, "content/cases/takedown.md:10:1", "a case page needs at least one source");
}

#[test]
fn source_without_url() {
    let site = edited(CASE, "url = \"https://example.org/press\"\n", "");
    fails_at(&site, "content/cases/takedown.md:10:1", "the source \"Press release\" has no `url`");
}

#[test]
fn source_without_accessed_date() {
    let site = edited(TREATY, "accessed = 2026-01-15\n", "");
    fails_at(&site, "content/treaties/convention.md:24:1", "the source \"Chart of signatures\" has no `accessed` date");
}

#[test]
fn count_without_as_of() {
    let site = edited(TREATY, "count = 76\nas_of = 2024-10-09\n", "count = 76\n");
    fails_at(&site, "content/treaties/convention.md:14:1", "`[parties]` has no `as_of` date");
}

#[test]
fn count_without_source() {
    let site = edited(
        TREATY,
        "count = 2\nas_of = 2024-10-09\nsource = \"https://example.org/chart\"\n",
        "count = 2\nas_of = 2024-10-09\n",
    );
    fails_at(&site, "content/treaties/convention.md:19:1", "`[signatories]` has no `source` URL");
}

#[test]
fn status_without_its_date() {
    let site = edited(TREATY, "status_as_of = 2026-01-15\n", "");
    fails_at(&site, "content/treaties/convention.md:9:10", "`status` has no `status_as_of` date");
}

#[test]
fn url_that_is_not_http() {
    let site = edited(CASE, "https://example.org/press", "javascript:alert(1)");
    fails_at(&site, "content/cases/takedown.md:13:7", "`javascript:alert(1)` is not an http(s) URL");
}

#[test]
fn stale_updated_is_a_warning_only() {
    let site = edited("site.toml", "stale_after_days = 36500", "stale_after_days = 30");
    site.write(CASE, site.read(CASE).replace("updated = 2026-02-01", "updated = 2001-02-01"));
    let (_, stderr) = check(&site, &["--format", "human"], 0);
    assert!(stderr.contains("warning: `updated` 2001-02-01 is "), "{stderr}");
    assert!(stderr.contains("content/cases/takedown.md:4:11"), "{stderr}");
    assert!(stderr.contains("No errors in 3 pages"), "{stderr}");
}

#[test]
fn missing_updated_is_a_warning_only() {
    let site = edited("content/organisations/council.md", "updated = 2025-12-01\n", "");
    let (_, stderr) = check(&site, &[], 0);
    assert!(stderr.contains("content/organisations/council.md:1:1"), "{stderr}");
    assert!(stderr.contains("`updated` is missing"), "{stderr}");
    assert!(stderr.contains("(1 warning(s))"), "{stderr}");
}

#[test]
fn unknown_key_in_the_check_table() {
    let site = edited("site.toml", "stale_after_days", "stale_days");
    fails_at(&site, "site.toml:7:1", "unknown field `stale_days`");
}

#[test]
fn build_errors_and_check_errors_in_one_run() {
    let site = edited(CASE, "treaties = [\"convention\"]", "treaties = [\"convnetion\"]");
    site.write(TREATY, site.read(TREATY).replace("accessed = 2026-01-15\n", ""));
    site.write(
        "content/organisations/council.md",
        site.read("content/organisations/council.md").replace("updated = 2025-12-01\n", ""),
    );
    let (_, stderr) = check(&site, &[], 1);
    for expected in [
        "content/cases/takedown.md:5:13",
        "is not the slug of any treaty page",
        "content/treaties/convention.md:24:1",
        "has no `accessed` date",
        "content/organisations/council.md:1:1",
        "error: 2 error(s) and 1 warning(s) in 3 pages",
    ] {
        assert!(stderr.contains(expected), "expected {expected} in\n{stderr}");
    }
}

#[test]
fn drafts_are_checked_only_with_drafts() {
    let site = TestSite::fixture("checked");
    site.write("content/treaties/draft.md", common::treaty("draft = true\nupdated = 2026-01-01", "Soon."));
    check(&site, &[], 0);
    let (_, stderr) = check(&site, &["--drafts"], 1);
    assert!(stderr.contains("content/treaties/draft.md:"), "{stderr}");
    assert!(stderr.contains("a treaty page needs at least one source"), "{stderr}");
}

#[test]
fn github_format_annotates_each_problem() {
    let site = edited(TREATY, "accessed = 2026-01-15\n", "");
    site.write(
        "content/organisations/council.md",
        site.read("content/organisations/council.md").replace("updated = 2025-12-01\n", ""),
    );
    let (stdout, _) = check(&site, &["--format", "github"], 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("::warning file=content/organisations/council.md,line=1,col=1::`updated` is missing"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("::error file=content/treaties/convention.md,line=24,col=1::the source \"Chart of signatures\" has no `accessed` date (help: "),
        "{stdout}"
    );
}

#[test]
fn json_format_lists_every_problem() {
    let site = edited(TREATY, "count = 76\nas_of = 2024-10-09\n", "count = 76\n");
    let (stdout, _) = check(&site, &["--format", "json"], 1);
    let items: serde_json::Value = serde_json::from_str(&stdout).expect("stdout is JSON");
    assert_eq!(
        items,
        serde_json::json!([{
            "path": "content/treaties/convention.md",
            "line": 14,
            "column": 1,
            "severity": "error",
            "message": "`[parties]` has no `as_of` date",
            "help": "add as_of = YYYY-MM-DD under it: the date on which the count was true",
        }])
    );
}

#[test]
fn json_format_of_a_clean_site_is_an_empty_list() {
    let site = TestSite::fixture("checked");
    let (stdout, _) = check(&site, &["--format", "json"], 0);
    assert_eq!(stdout.trim(), "[]");
}

#[test]
fn no_site_is_a_usage_error() {
    let site = TestSite::new();
    site.remove("site.toml");
    site.cmd(&["check"]).assert().code(2).stderr(contains("no site.toml"));
}
