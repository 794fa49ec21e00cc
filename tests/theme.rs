//! The default theme on the basic fixture: snapshots of the treaty, case and
//! section pages, and what readers rely on: dates, citation, edit link,
//! footer date, timeline, matrix, clean markup, no external requests.

mod common;

use std::collections::BTreeSet;

use common::{TestSite, snapshot_dir};

/// The basic fixture, built; `read` returns a page with the version masked.
fn built() -> TestSite {
    let site = TestSite::fixture("basic");
    site.build(&[]);
    site
}

fn page(site: &TestSite, rel: &str) -> String {
    site.read(&format!("public/{rel}")).replace(env!("CARGO_PKG_VERSION"), "[version]")
}

#[test]
fn treaty_page_snapshot() {
    insta::assert_snapshot!("treaty", page(&built(), "treaties/convention/index.html"));
}

#[test]
fn case_page_snapshot() {
    insta::assert_snapshot!("case", page(&built(), "cases/takedown/index.html"));
}

#[test]
fn section_page_snapshot() {
    insta::assert_snapshot!("section", page(&built(), "treaties/index.html"));
}

#[test]
fn dates_are_written_for_readers_with_machine_readable_time() {
    let site = built();
    let treaty = page(&site, "treaties/convention/index.html");
    assert!(treaty.contains("<dt>Opened for signature</dt><dd><time datetime=\"2001-11-23\">23 November 2001</time>"));
    assert!(treaty.contains("as of <time datetime=\"2024-10-09\">9 October 2024</time>"), "parties count is dated");
    let protocol = page(&site, "treaties/protocol/index.html");
    assert!(protocol.contains("<dt>Adopted</dt><dd><time datetime=\"2003\">2003</time></dd>"));
    assert!(!treaty.contains(">2001-11-23<"), "no ISO date shown as text");
}

#[test]
fn content_pages_have_a_citation_an_edit_link_and_their_date() {
    let site = built();
    let treaty = page(&site, "treaties/convention/index.html");
    assert!(treaty.contains(
        "<p class=\"cite-text\" id=\"page-cite-text\">“Convention on Examples”. <cite>Fixture Reference</cite>. \
         Last updated <time datetime=\"2026-01-15\">15 January 2026</time>. \
         <span class=\"cite-url\">https://example.org/treaties/convention/</span></p>"
    ));
    assert!(treaty.contains("href=\"https://github.com/example/fixture/edit/main/content/treaties/convention.md\""));
    assert!(treaty.contains("<p>Last updated <time datetime=\"2026-01-15\">15 January 2026</time>.</p>"));
    let report = page(&site, "treaties/report/index.html");
    assert!(
        report.contains("Last updated <time datetime=\"2026-02-01\">1 February 2026</time>."),
        "a page without `updated` is cited with the site's date"
    );
}

#[test]
fn footer_shows_the_newest_updated_date_of_the_site() {
    let site = built();
    for rel in ["index.html", "timeline/index.html", "about/index.html", "404.html"] {
        let html = page(&site, rel);
        assert!(
            html.contains("Content last updated <time datetime=\"2026-02-01\">1 February 2026</time>"),
            "{rel} has no footer date"
        );
    }
}

#[test]
fn timeline_lists_every_dated_event_by_year() {
    let html = page(&built(), "timeline/index.html");
    let years: Vec<&str> = html
        .match_indices("<h2 id=\"y")
        .map(|(i, _)| &html[i + 9..i + 13])
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    assert_eq!(years, ["2001", "2003", "2004", "2015", "2021"]);
    assert!(html.contains("6 dated events, from 2001 to 2021"));
    for event in [
        "<time datetime=\"2001-11-23\">23 November 2001</time></span> <span class=\"event-what\"><span class=\"event-label\">Opened for signature</span> <a href=\"/treaties/convention/\">",
        "<time datetime=\"2003\">2003</time></span> <span class=\"event-what\"><span class=\"event-label\">Adopted</span> <a href=\"/treaties/protocol/\">",
        "<span class=\"event-label\">Entered into force</span> <a href=\"/treaties/convention/\">",
        "<span class=\"event-label\">Law-enforcement operation</span> <a href=\"/cases/takedown/\">",
    ] {
        assert!(html.contains(event), "missing {event}");
    }
    assert!(html.contains("Report of Example Experts</a> <span class=\"badge badge-nonbinding\">"));
}

#[test]
fn matrix_marks_depositary_and_tagged_cells_differently() {
    let html = page(&built(), "matrix/index.html");
    assert!(html.contains(
        "<td class=\"tie tie-depositary\"><a href=\"/treaties/convention/#page-facts\"><span aria-hidden=\"true\">D</span>\
         <span class=\"vh\">Example Council is depositary of Convention on Examples</span></a></td>"
    ));
    assert!(html.contains("<caption id=\"matrix-caption\">3 instruments × 1 organisations</caption>"));
    assert_eq!(html.matches("class=\"tie ").count(), 1, "only the convention is tied to the council");
    let treaty = page(&built(), "treaties/convention/index.html");
    assert!(treaty.contains("id=\"page-facts\"") && treaty.contains("id=\"page-related\""), "cell targets exist");
}

#[test]
fn navigation_has_every_section_timeline_and_matrix() {
    let html = page(&built(), "about/index.html");
    for (url, label) in
        [("/treaties/", "Treaties"), ("/cases/", "Cases"), ("/timeline/", "Timeline"), ("/matrix/", "Matrix")]
    {
        assert!(html.contains(&format!("<li><a href=\"{url}\">{label}</a></li>")), "nav lacks {label}");
    }
    let section = page(&built(), "cases/index.html");
    assert!(section.contains("<li><a href=\"/cases/\" aria-current=\"true\">Cases</a></li>"));
}

#[test]
fn html_has_no_blank_lines_no_duplicate_ids_and_no_external_requests() {
    let site = built();
    for (path, bytes) in snapshot_dir(&site.path().join("public")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        assert!(!html.lines().any(|l| l.trim().is_empty()), "{path} has a blank line");
        let mut ids = BTreeSet::new();
        for id in html.split(" id=\"").skip(1).filter_map(|s| s.split('"').next()) {
            assert!(ids.insert(id), "{path}: the id {id} is used twice");
        }
        for attr in ["src=\"", "<link rel=\"stylesheet\" href=\"", "<link rel=\"icon\" href=\""] {
            for url in html.split(attr).skip(1).filter_map(|s| s.split('"').next()) {
                assert!(url.starts_with('/'), "{path}: {url} is fetched from elsewhere");
            }
        }
    }
}

#[test]
fn theme_files_are_written_and_scripts_only_enhance() {
    let site = built();
    for file in ["style.css", "highlight.css", "theme.js", "site.js", "favicon.svg"] {
        assert!(site.path().join("public").join(file).is_file(), "missing {file}");
    }
    let listing = page(&site, "treaties/index.html");
    assert_eq!(listing.matches("<tr>").count(), 4, "every row is in the HTML, without scripts");
    let base = page(&site, "index.html");
    assert!(base.contains("<button type=\"button\" class=\"theme-toggle\" aria-pressed=\"false\" hidden>"));
    let css = site.read("public/highlight.css");
    assert!(css.contains("prefers-color-scheme: dark") && css.contains("[data-theme=dark] .hl-"));
}
