use std::collections::BTreeSet;

use super::*;
use crate::config::Config;
use crate::diagnostic::{Severity, SourceMap, position_in};
use crate::graph::Graph;
use crate::page::{Entry, resolve};
use crate::source::SourceFile;

const TODAY: PartialDate = PartialDate { year: 2026, month: Some(3), day: Some(1) };

const SOURCE: &str = "[[sources]]\ntitle = \"Chart\"\nurl = \"https://example.org/chart\"\naccessed = 2026-01-15\n";

/// A site of one page at `key`, drafts included.
fn site(key: &str, text: &str, config: Config) -> Site {
    let file = SourceFile { path: format!("content/{key}").into(), key: key.into(), text: text.into() };
    let entry: Entry = resolve(&file).unwrap_or_else(|d| panic!("{d:?}"));
    let (graph, problems) = Graph::build(vec![entry], BTreeSet::new(), true);
    assert!(problems.is_empty(), "{problems:?}");
    Site { config, graph, rendered: Default::default(), warnings: vec![], sources: SourceMap::default() }
}

/// What `check` says about one page: (severity, line, message), sorted.
fn run(key: &str, text: &str) -> Vec<(Severity, usize, String)> {
    run_with(key, text, Config::default_for_test())
}

fn run_with(key: &str, text: &str, config: Config) -> Vec<(Severity, usize, String)> {
    let mut found: Vec<_> = check(&site(key, text, config), TODAY)
        .into_iter()
        .map(|d| (d.severity, position_in(text, d.span.start).line, d.message))
        .collect();
    found.sort();
    found
}

fn treaty(extra: &str, tables: &str) -> String {
    format!(
        "+++\ntitle = \"T\"\nsummary = \"S\"\nupdated = 2026-01-15\ninstrument = \"treaty\"\nbinding = true\n{extra}\n{tables}+++\nBody.\n"
    )
}

#[test]
fn a_complete_treaty_passes() {
    let text = treaty(
        "status = \"in-force\"\nstatus_as_of = 2026-01-15",
        &format!("[parties]\ncount = 3\nas_of = 2026-01-01\nsource = \"https://example.org/c\"\n\n{SOURCE}"),
    );
    assert_eq!(run("treaties/t.md", &text), vec![]);
}

#[test]
fn treaty_and_case_need_a_source_at_the_closing_line() {
    let text = treaty("", "");
    let found = run("treaties/t.md", &text);
    let closing = text.lines().skip(1).position(|l| l == "+++").unwrap() + 2;
    assert_eq!(found, vec![(Severity::Error, closing, "a treaty page needs at least one source".into())]);
    let case = "+++\ntitle = \"C\"\nsummary = \"S\"\nupdated = 2026-01-15\n+++\n";
    assert!(run("cases/c.md", case)[0].2.contains("a case page needs at least one source"));
}

#[test]
fn other_kinds_need_no_source() {
    let text = "+++\ntitle = \"O\"\nsummary = \"S\"\nupdated = 2026-01-15\n+++\n";
    assert_eq!(run("organisations/o.md", text), vec![]);
    assert_eq!(run("principles/p.md", text), vec![]);
}

#[test]
fn a_source_needs_url_and_accessed() {
    let text = treaty("", "[[sources]]\ntitle = \"Press release\"\npublisher = \"P\"\n");
    let found = run("treaties/t.md", &text);
    let line = text.lines().position(|l| l == "[[sources]]").unwrap() + 1;
    assert_eq!(
        found,
        vec![
            (Severity::Error, line, "the source \"Press release\" has no `accessed` date".into()),
            (Severity::Error, line, "the source \"Press release\" has no `url`".into()),
        ]
    );
}

#[test]
fn counts_carry_as_of_and_source() {
    let text = treaty("", &format!("[signatories]\ncount = 3\n\n{SOURCE}"));
    let line = text.lines().position(|l| l == "[signatories]").unwrap() + 1;
    assert_eq!(
        run("treaties/t.md", &text),
        vec![
            (Severity::Error, line, "`[signatories]` has no `as_of` date".into()),
            (Severity::Error, line, "`[signatories]` has no `source` URL".into()),
        ]
    );
}

#[test]
fn status_carries_its_date() {
    let text = treaty("status = \"in-force\"", SOURCE);
    assert_eq!(run("treaties/t.md", &text), vec![(Severity::Error, 7, "`status` has no `status_as_of` date".into())]);
}

#[test]
fn missing_updated_is_a_warning_on_the_first_line() {
    let text = "+++\ntitle = \"O\"\nsummary = \"S\"\n+++\n";
    let found = run("topics/o.md", text);
    assert_eq!(found, vec![(Severity::Warning, 1, "`updated` is missing: when was this page last checked?".into())]);
}

#[test]
fn stale_updated_is_a_warning_at_the_date() {
    let text = "+++\ntitle = \"O\"\nsummary = \"S\"\nupdated = 2025-02-28\n+++\n";
    assert_eq!(
        run("topics/o.md", text),
        vec![(Severity::Warning, 4, "`updated` 2025-02-28 is 366 days ago, more than 365".into())]
    );
    let fresh = "+++\ntitle = \"O\"\nsummary = \"S\"\nupdated = 2025-03-01\n+++\n";
    assert_eq!(run("topics/o.md", fresh), vec![]);
}

#[test]
fn stale_age_comes_from_site_toml() {
    let text = "+++\ntitle = \"O\"\nsummary = \"S\"\nupdated = \"2025\"\n+++\n";
    let mut config = Config::default_for_test();
    config.check.stale_after_days = 30;
    let found = run_with("topics/o.md", text, config);
    assert_eq!(found, vec![(Severity::Warning, 4, "`updated` 2025 is 60 days ago, more than 30".into())]);
    let parsed = Config::parse(
        Path::new("site.toml"),
        "title = \"T\"\nbase_url = \"https://x.org/\"\n[check]\nstale_after_days = 30\n",
    );
    assert_eq!(parsed.unwrap().check.stale_after_days, 30);
    let typo = Config::parse(
        Path::new("site.toml"),
        "title = \"T\"\nbase_url = \"https://x.org/\"\n[check]\nstale_days = 30\n",
    );
    assert!(typo.unwrap_err().message.contains("unknown field `stale_days`"));
}

#[test]
fn future_updated_is_a_warning() {
    let text = "+++\ntitle = \"O\"\nsummary = \"S\"\nupdated = 2062-03-01\n+++\n";
    assert_eq!(run("topics/o.md", text), vec![(Severity::Warning, 4, "`updated` 2062-03-01 is in the future".into())]);
}

#[test]
fn todo_placeholders_are_errors_outside_comments() {
    let text = "+++\ntitle = \"O\"\nsummary = \"TODO: say what\"\n# TODO in a comment is fine\nupdated = 2026-01-15\n+++\nTODO: write.\n";
    let found = run("topics/o.md", text);
    let lines: Vec<usize> = found.iter().map(|f| f.1).collect();
    assert_eq!(lines, vec![3, 7], "{found:?}");
    assert!(found.iter().all(|f| f.0 == Severity::Error && f.2.contains("placeholder")));
}

#[test]
fn today_is_a_full_date_after_2020() {
    let t = today();
    assert!(t.day.is_some() && t.year >= 2020, "{t}");
}
