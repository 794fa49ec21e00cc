//! What a host and its crawlers need besides the pages: `robots.txt`,
//! `sitemap.xml`, the Atom feed and the open-data exports.
//!
//! 1. [`outputs`] gathers them, given the HTML already rendered.
//! 2. [`sitemap`]: every rendered `…/index.html` except drafts, as an
//!    absolute URL under `base_url`, sorted, with `lastmod` from `updated`:
//!    a page's own (none if it has none), a section's newest below it, and
//!    for pages drawn from the whole site (home, timeline…) the newest of all.
//! 3. [`robots`]: allows everything and names the sitemap's absolute URL.
//! 4. [`Xml`] and [`escape`]: the little XML writing the sitemap and the
//!    feed share; escaping also drops characters XML 1.0 cannot hold.
//!
//! Everything here is a pure function of the site, so two builds of the
//! same content are byte-identical.

use std::collections::{BTreeMap, BTreeSet};

use crate::date::PartialDate;
use crate::kind::Kind;
use crate::render::Output;
use crate::views::Views;
use crate::{export, feed};

/// Every publishing output; `rendered` is the site's HTML so far.
pub fn outputs(views: &Views, rendered: &[Output]) -> Vec<Output> {
    let mut out = vec![robots(views), sitemap(views, rendered), feed::feed(views)];
    out.extend(export::outputs(views));
    out
}

/// `robots.txt`: crawl everything; the sitemap is at its absolute URL.
pub fn robots(views: &Views) -> Output {
    let text = format!("User-agent: *\nDisallow:\n\nSitemap: {}sitemap.xml\n", views.config.base_url);
    Output { path: "robots.txt".into(), bytes: text.into_bytes() }
}

/// `sitemap.xml`: the URL of every HTML page in `rendered` but drafts.
pub fn sitemap(views: &Views, rendered: &[Output]) -> Output {
    let graph = views.graph;
    let drafts: BTreeSet<&str> = graph.pages.values().filter(|p| p.common.draft).map(|p| p.path.as_str()).collect();
    let pages: BTreeSet<&str> = graph.pages.values().map(|p| p.path.as_str()).collect();
    let dates = updated_by_path(views);
    let newest = dates.values().max().copied();
    let mut x = Xml::new();
    x.line("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    let mut paths: Vec<&str> = rendered
        .iter()
        .filter_map(|o| o.path.strip_suffix("index.html"))
        .filter(|p| (p.is_empty() || p.ends_with('/')) && !drafts.contains(p))
        .collect();
    paths.sort_unstable();
    for path in paths {
        x.line("  <url>");
        x.element(2, "loc", &format!("{}{path}", views.config.base_url));
        let date = if pages.contains(path) {
            dates.get(path).copied()
        } else if Kind::SECTIONS.iter().any(|k| path.strip_suffix('/') == Some(k.folder())) {
            listing_date(&dates, path)
        } else {
            newest
        };
        if let Some(date) = date {
            x.element(2, "lastmod", &date.to_string());
        }
        x.line("  </url>");
    }
    x.line("</urlset>");
    Output { path: "sitemap.xml".into(), bytes: x.into_bytes() }
}

/// `updated` of every published page and section, by URL path.
fn updated_by_path<'a>(views: &Views<'a>) -> BTreeMap<&'a str, PartialDate> {
    let pages =
        views.graph.pages.values().filter(|p| !p.common.draft).map(|p| (p.path.as_str(), p.common.updated_date()));
    let sections = views.graph.sections.values().map(|s| (s.path.as_str(), s.front.updated));
    pages.chain(sections).filter_map(|(path, date)| Some((path, date?))).collect()
}

/// The newest date of the pages below a listing (a section, the home
/// page) and of its own `_index.md`; `None` if none has a date.
fn listing_date(dates: &BTreeMap<&str, PartialDate>, path: &str) -> Option<PartialDate> {
    dates.range(path..).take_while(|(p, _)| p.starts_with(path)).map(|(_, d)| *d).max()
}

/// A small XML document writer: a declaration, then lines.
pub struct Xml {
    text: String,
}

impl Xml {
    pub fn new() -> Xml {
        Xml { text: "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".into() }
    }

    /// Appends a line as it is (tags written by the caller).
    pub fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// Appends `<name>text</name>`, indented by `depth` levels, text escaped.
    pub fn element(&mut self, depth: usize, name: &str, text: &str) {
        let indent = "  ".repeat(depth);
        self.line(&format!("{indent}<{name}>{}</{name}>", escape(text)));
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.text.into_bytes()
    }
}

impl Default for Xml {
    fn default() -> Self {
        Xml::new()
    }
}

/// Escapes text for XML content and quoted attributes, and drops the
/// control characters XML 1.0 does not allow (TOML strings can hold them).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_handles_markup_and_forbidden_characters() {
        assert_eq!(escape("a & <b> \"c\" 'd'"), "a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;");
        assert_eq!(escape("bell\u{7}\ttab"), "bell\ttab");
    }

    #[test]
    fn listings_take_the_newest_date_below_them() {
        let d = |s| PartialDate::parse(s).unwrap();
        let dates: BTreeMap<&str, PartialDate> =
            [("treaties/a/", d("2024-01-01")), ("treaties/b/", d("2025-03")), ("cases/c/", d("2026"))].into();
        assert_eq!(listing_date(&dates, "treaties/"), Some(d("2025-03")));
        assert_eq!(listing_date(&dates, ""), Some(d("2026")));
        assert_eq!(listing_date(&dates, "timeline/"), None);
    }
}
