//! `/feed.xml`: an Atom feed of the most recently updated pages.
//!
//! 1. Pick the published pages (never drafts) that have an `updated` date,
//!    newest first, ties by title, and keep the first [`ENTRIES`].
//! 2. Write the feed: its `updated` is the newest page's, so two builds of
//!    the same content are byte-identical (no wall-clock time); each entry
//!    has the page's permalink as id and link, its date and its summary.

use crate::date::PartialDate;
use crate::kind::Kind;
use crate::page::Page;
use crate::publish::{Xml, escape};
use crate::render::Output;
use crate::views::Views;

/// How many pages the feed lists.
pub const ENTRIES: usize = 30;

/// An RFC 3339 time for a date: midnight UTC, first month or day if unknown.
pub fn timestamp(date: PartialDate) -> String {
    format!("{:04}-{:02}-{:02}T00:00:00Z", date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))
}

/// The pages the feed lists, newest first.
pub fn recent<'a>(views: &Views<'a>) -> Vec<&'a Page> {
    let mut pages: Vec<&Page> =
        views.graph.pages.values().filter(|p| !p.common.draft && p.common.updated.is_some()).collect();
    pages.sort_by(|a, b| {
        b.common.updated.cmp(&a.common.updated).then(a.common.title.cmp(&b.common.title)).then(a.key.cmp(&b.key))
    });
    pages.truncate(ENTRIES);
    pages
}

/// The Atom feed.
pub fn feed(views: &Views) -> Output {
    let c = views.config;
    let pages = recent(views);
    // With no dated page at all, the feed still needs a fixed `updated`.
    let updated = pages.first().and_then(|p| p.common.updated_date()).map_or("1970-01-01T00:00:00Z".into(), timestamp);
    let mut x = Xml::new();
    x.line(&format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">", escape(&c.language)));
    x.element(1, "title", &c.title);
    if !c.description.is_empty() {
        x.element(1, "subtitle", &c.description);
    }
    x.line(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&format!("{}feed.xml", c.base_url))
    ));
    x.line(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>", escape(&c.base_url)));
    x.element(1, "id", &c.base_url);
    x.element(1, "updated", &updated);
    x.line("  <author>");
    x.element(2, "name", c.author.as_deref().unwrap_or(&c.title));
    x.line("  </author>");
    x.line(&format!("  <generator version=\"{}\">treatise</generator>", env!("CARGO_PKG_VERSION")));
    for page in pages {
        entry(&mut x, views, page);
    }
    x.line("</feed>");
    Output { path: "feed.xml".into(), bytes: x.into_bytes() }
}

fn entry(x: &mut Xml, views: &Views, page: &Page) {
    let url = format!("{}{}", views.config.base_url, page.path);
    x.line("  <entry>");
    x.element(2, "title", &page.common.title);
    x.line(&format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>", escape(&url)));
    x.element(2, "id", &url);
    x.element(2, "updated", &page.common.updated_date().map(timestamp).unwrap_or_default());
    x.element(2, "summary", &page.common.summary);
    if page.kind != Kind::Page {
        x.line(&format!(
            "    <category term=\"{}\" label=\"{}\"/>",
            page.kind.name(),
            escape(views.section_title(page.kind))
        ));
    }
    x.line("  </entry>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_become_midnight_utc() {
        assert_eq!(timestamp(PartialDate::ymd(2026, 1, 15)), "2026-01-15T00:00:00Z");
        assert_eq!(timestamp(PartialDate::parse("2017").unwrap()), "2017-01-01T00:00:00Z");
        assert_eq!(timestamp(PartialDate::parse("2017-02").unwrap()), "2017-02-01T00:00:00Z");
    }
}
