//! What GitHub Pages and researchers get besides the pages: robots.txt,
//! the sitemap, the Atom feed, the 404 page and the open-data exports,
//! built under a project-site subpath (`https://owner.github.io/repo/`).

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{TestSite, hrefs, snapshot_dir};
use serde::Serialize;
use serde::de::DeserializeOwned;
use treatise::export::{CaseData, DataIndex, OrganisationData, PrincipleData, Record, TreatyData, json};

const BASE: &str = "https://owner.github.io/repo/";
const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The basic fixture plus an unpublished treaty that tags the convention
/// and would top the feed, built under the `/repo/` subpath.
fn site_with_draft() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write(
        "content/treaties/secret-pact.md",
        common::treaty("draft = true\nupdated = 2030-01-01\norganisations = [\"example-council\"]", "Not yet."),
    );
    site
}

fn build(site: &TestSite, extra: &[&str]) -> std::path::PathBuf {
    let mut args = vec!["--base-url", BASE];
    args.extend_from_slice(extra);
    site.build(&args)
}

/// Fails if `url` leaves the site's subpath; counts it in `checked`.
fn check_url(file: &str, url: &str, checked: &mut usize) {
    assert!(!url.starts_with("//"), "{file}: protocol-relative URL {url}");
    if url.starts_with('/') {
        assert!(url.starts_with("/repo/"), "{file}: {url} escapes /repo/");
        *checked += 1;
    } else if let Some(rest) =
        url.strip_prefix("https://owner.github.io").or(url.strip_prefix("http://owner.github.io"))
    {
        assert!(rest.starts_with("/repo/"), "{file}: {url} escapes {BASE}");
        *checked += 1;
    }
}

fn json_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

/// Every attribute value and text node of an XML document.
fn xml_strings(text: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(text).unwrap();
    let mut out = Vec::new();
    for node in doc.descendants() {
        out.extend(node.attributes().map(|a| a.value().to_string()));
        if let Some(t) = node.text() {
            out.push(t.trim().to_string());
        }
    }
    out
}

/// The values of `attr="…"` in an HTML document.
fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    html.split(needle.as_str()).skip(1).filter_map(|s| s.split('"').next()).map(str::to_string).collect()
}

#[test]
fn subpath_build_has_no_link_that_escapes_the_subpath() {
    let site = site_with_draft();
    let public = build(&site, &[]);
    let mut checked = [0usize; 3];
    for (path, bytes) in snapshot_dir(&public) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let (urls, slot) = if path.ends_with(".html") {
            let mut urls = hrefs(&text);
            urls.extend(attr_values(&text, "src"));
            (urls, 0)
        } else if path.ends_with(".xml") {
            (xml_strings(&text), 1)
        } else if path.ends_with(".json") {
            let mut urls = Vec::new();
            json_strings(&serde_json::from_str(&text).unwrap(), &mut urls);
            (urls, 2)
        } else {
            continue;
        };
        for url in urls {
            check_url(&path, &url, &mut checked[slot]);
        }
    }
    assert!(checked.iter().all(|n| *n > 10), "too few URLs found to check: {checked:?}");
    assert_eq!(
        site.read("public/robots.txt").lines().last(),
        Some("Sitemap: https://owner.github.io/repo/sitemap.xml")
    );
}

#[test]
fn sitemap_lists_every_page_with_its_date() {
    let site = site_with_draft();
    let public = build(&site, &["--drafts"]);
    let text = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(doc.root_element().tag_name().namespace(), Some(SITEMAP));
    let mut locs = BTreeSet::new();
    for url in doc.root_element().children().filter(|n| n.has_tag_name("url")) {
        let child = |name| url.children().find(|n| n.has_tag_name(name)).and_then(|n| n.text());
        let loc = child("loc").unwrap();
        if loc == format!("{BASE}treaties/convention/") {
            assert_eq!(child("lastmod"), Some("2026-01-15"));
        }
        if loc == format!("{BASE}treaties/report/") {
            assert_eq!(child("lastmod"), None, "a page without `updated` has no lastmod");
        }
        locs.insert(loc.to_string());
    }
    let pages: BTreeSet<String> = snapshot_dir(&public)
        .into_keys()
        .filter_map(|p| p.strip_suffix("index.html").map(|dir| format!("{BASE}{dir}")))
        .filter(|url| !url.contains("secret-pact") && !url.contains("draft-note"))
        .collect();
    assert!(pages.len() > 10);
    assert_eq!(locs, pages);
}

#[test]
fn feed_is_atom_with_the_newest_pages_first() {
    let site = site_with_draft();
    build(&site, &["--drafts"]);
    let text = site.read("public/feed.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().namespace(), Some(ATOM));
    assert_eq!(feed.tag_name().name(), "feed");
    let child = |node: roxmltree::Node, name: &str| {
        node.children().find(|n| n.has_tag_name((ATOM, name))).and_then(|n| n.text()).map(str::to_string)
    };
    assert_eq!(child(feed, "id").as_deref(), Some(BASE));
    assert_eq!(child(feed, "updated").as_deref(), Some("2026-02-01T00:00:00Z"), "newest published page");
    let entries: Vec<_> = feed.children().filter(|n| n.has_tag_name((ATOM, "entry"))).collect();
    assert_eq!(entries.len(), 4, "the pages with an `updated` date");
    let mut dates = Vec::new();
    for entry in &entries {
        let id = child(*entry, "id").unwrap();
        let link = entry.children().find(|n| n.has_tag_name((ATOM, "link"))).unwrap();
        assert_eq!(link.attribute("href"), Some(id.as_str()));
        assert!(id.starts_with(BASE), "{id}");
        assert!(!child(*entry, "summary").unwrap().is_empty());
        dates.push(child(*entry, "updated").unwrap());
    }
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
    assert_eq!(child(entries[0], "title").as_deref(), Some("Example Takedown"));
}

#[test]
fn every_csv_row_has_the_header_width_and_the_documented_columns() {
    let site = TestSite::fixture("basic");
    build(&site, &[]);
    let index: DataIndex = serde_json::from_str(&site.read("public/data/index.json")).unwrap();
    assert_eq!(index.files.len(), 4);
    for file in &index.files {
        let rel = file.csv.strip_prefix(BASE).unwrap();
        let text = site.read(&format!("public/{rel}"));
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
        let documented: Vec<&str> = file.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(header, documented, "{rel}");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), file.records, "{rel}");
        for row in rows {
            assert_eq!(row.len(), header.len(), "{rel}: {row:?}");
        }
    }
}

/// Parses `data/NAME.json` and writes it again: the bytes must not change.
fn round_trip<T: DeserializeOwned + Serialize>(site: &TestSite, name: &str) -> T {
    let text = site.read(&format!("public/data/{name}.json"));
    let value: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}.json: {e}"));
    assert_eq!(String::from_utf8(json(&value)).unwrap(), text, "{name}.json changed in a round trip");
    value
}

#[test]
fn json_round_trips() {
    let site = TestSite::fixture("basic");
    build(&site, &[]);
    let treaties: Vec<Record<TreatyData>> = round_trip(&site, "treaties");
    let organisations: Vec<Record<OrganisationData>> = round_trip(&site, "organisations");
    let principles: Vec<Record<PrincipleData>> = round_trip(&site, "principles");
    let cases: Vec<Record<CaseData>> = round_trip(&site, "cases");
    let index: DataIndex = round_trip(&site, "index");
    let counts: Vec<usize> = index.files.iter().map(|f| f.records).collect();
    assert_eq!(counts, [treaties.len(), organisations.len(), principles.len(), cases.len()]);
    assert_eq!(counts, [3, 1, 1, 1]);
    let convention = &treaties[0];
    assert_eq!(convention.fields.parties.as_ref().map(|p| p.count), Some(76));
    assert_eq!(convention.fields.depositary.as_deref(), Some("example-council"));
    assert_eq!(convention.backlinks, ["cases/takedown", "organisations/example-council", "principles/cooperation"]);
    assert_eq!(cases[0].fields.countries, ["NL", "DE", "US"]);
}

#[test]
fn a_draft_is_in_no_feed_sitemap_or_export() {
    let site = site_with_draft();
    let public = build(&site, &["--drafts"]);
    assert!(public.join("treaties/secret-pact/index.html").is_file(), "--drafts still renders the page");
    for (path, bytes) in snapshot_dir(&public) {
        if path.ends_with(".xml") || path.ends_with(".json") || path.ends_with(".csv") || path.ends_with(".txt") {
            let text = String::from_utf8(bytes).unwrap();
            assert!(!text.contains("secret-pact"), "{path} names the draft");
            assert!(!text.contains("draft-note"), "{path} names the draft");
            assert!(!text.contains("2030"), "{path} uses the draft's date");
        }
    }
}

#[test]
fn csv_keeps_commas_quotes_and_newlines() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/cases/awkward.md",
        "+++\ntitle = 'The \"Quoted\", Case'\nsummary = \"=1+2, a formula\"\n\
         outcome = \"\"\"Fined, then \"pardoned\";\nsecond line\"\"\"\n+++\nBody.\n",
    );
    build(&site, &[]);
    let cases: Vec<Record<CaseData>> = serde_json::from_str(&site.read("public/data/cases.json")).unwrap();
    let awkward = cases.iter().find(|c| c.slug == "awkward").unwrap();
    assert_eq!(awkward.title, "The \"Quoted\", Case");
    assert_eq!(awkward.fields.outcome.as_deref(), Some("Fined, then \"pardoned\";\nsecond line"));
    let text = site.read("public/data/cases.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = reader.records().map(Result::unwrap).find(|r| &r[column("slug")] == "awkward").unwrap();
    assert_eq!(&row[column("title")], awkward.title);
    assert_eq!(&row[column("outcome")], "Fined, then \"pardoned\";\nsecond line");
    assert_eq!(&row[column("summary")], "'=1+2, a formula", "formulas are guarded in CSV");
    assert_eq!(awkward.summary, "=1+2, a formula", "and exact in JSON");
}

/// GitHub Pages serves 404.html at any missing URL, at any depth: every
/// link in it must reach the same existing file wherever it is served.
#[test]
fn not_found_page_links_work_at_any_depth() {
    let site = TestSite::fixture("basic");
    let public = build(&site, &[]);
    let html = site.read("public/404.html");
    let mut links = hrefs(&html);
    links.extend(attr_values(&html, "src"));
    assert!(links.len() > 5, "{links:?}");
    let external = |l: &str| (l.starts_with("https://") || l.starts_with("http://")) && !l.starts_with(BASE);
    for link in links.into_iter().filter(|l| !l.starts_with('#') && !external(l)) {
        let path = link
            .strip_prefix(BASE)
            .or_else(|| link.strip_prefix("/repo/"))
            .unwrap_or_else(|| panic!("404.html: `{link}` is relative, so it breaks below the top level"));
        let path = path.split('#').next().unwrap();
        let file = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.into() };
        assert!(Path::new(&public).join(&file).is_file(), "404.html: {link} points at a missing {file}");
    }
}

#[test]
fn footer_and_sections_link_to_the_downloads() {
    let site = TestSite::fixture("basic");
    build(&site, &[]);
    let about = hrefs(&site.read("public/about/index.html"));
    for file in ["treaties.csv", "cases.json", "index.json"] {
        assert!(about.contains(&format!("/repo/data/{file}")), "footer lacks {file}: {about:?}");
    }
    let treaties = site.read("public/treaties/index.html");
    assert!(treaties.contains("Download this list: <a href=\"/repo/data/treaties.json\">JSON</a>"));
    assert!(!site.read("public/topics/index.html").contains("Download this list"), "topics are not exported");
}

#[test]
fn every_column_is_documented_in_the_publishing_guide() {
    let site = TestSite::fixture("basic");
    build(&site, &[]);
    let guide = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/publishing.md")).unwrap();
    let index: DataIndex = serde_json::from_str(&site.read("public/data/index.json")).unwrap();
    for file in &index.files {
        for column in &file.columns {
            assert!(guide.contains(&format!("`{}`", column.name)), "docs/publishing.md lacks `{}`", column.name);
        }
    }
}
