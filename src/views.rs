//! What templates see: borrowed view structs, the theme's public API.
//!
//! 1. [`SiteView`]: the site's settings and navigation, the same on every page.
//! 2. [`PageView`]: one page with its rendered body, its fact box for its
//!    kind, its tags and backlinks grouped by kind, and its sources.
//! 3. [`SummaryView`]: one line of a listing (section pages, home).
//!
//! Views borrow from the graph; dates are ISO strings (templates show them
//! with the `human_date` filter). The fields are documented in README.md
//! ("The theme's public API"); add fields freely, never rename them.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::Config;
use crate::date::PartialDate;
use crate::export;
pub use crate::facts::{CaseView, CountView, CountryView, OrganisationView, TreatyView};
use crate::facts::{case_view, country_view};
use crate::graph::{Graph, Relations};
use crate::kind::Kind;
use crate::markdown::{Heading, Rendered};
use crate::page::{Meta, Page};

pub use crate::labels::{case_type_label, instrument_label, nav_label, status_label};

/// The site, on every page.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    pub base_url: &'a str,
    pub base_path: &'a str,
    pub repository: Option<&'a str>,
    /// Author or publisher named in citations.
    pub author: Option<&'a str>,
    /// The newest `updated` of any page, so two builds stay identical.
    pub updated: Option<String>,
    pub nav: Vec<NavItem>,
    /// The plain top-level pages (about, glossary), by title.
    pub pages: Vec<LinkView<'a>>,
    pub generator_version: &'static str,
    /// The open-data files, one entry per exported kind.
    pub downloads: Vec<DownloadView>,
}

/// Where to download the open data of one kind.
#[derive(Debug, Serialize)]
pub struct DownloadView {
    pub kind: Kind,
    pub title: String,
    pub json: String,
    pub csv: String,
}

/// A link in the site's main navigation.
#[derive(Debug, Serialize)]
pub struct NavItem {
    pub title: String,
    /// A one-word label for the menu ("Treaties").
    pub label: &'static str,
    pub url: String,
    pub section: &'static str,
}

/// A link to a page, with its summary.
#[derive(Debug, Serialize)]
pub struct LinkView<'a> {
    pub title: &'a str,
    pub url: String,
    pub summary: &'a str,
}

/// Pages of one kind, under a heading.
#[derive(Debug, Serialize)]
pub struct GroupView<'a> {
    pub kind: Kind,
    pub label: &'static str,
    pub pages: Vec<LinkView<'a>>,
}

/// A cited source.
#[derive(Debug, Serialize)]
pub struct SourceView<'a> {
    pub title: &'a str,
    pub publisher: Option<&'a str>,
    pub url: Option<&'a str>,
    pub accessed: Option<String>,
}

/// One content page.
#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    pub kind: Kind,
    pub title: &'a str,
    pub summary: &'a str,
    pub slug: &'a str,
    pub url: String,
    pub permalink: String,
    pub updated: Option<String>,
    pub draft: bool,
    pub content: &'a str,
    pub toc: &'a [Heading],
    pub section: Option<LinkView<'a>>,
    /// The pages this page is tagged with, by kind.
    pub tags: Vec<GroupView<'a>>,
    /// The pages tagged with this page, by kind (backlinks).
    pub related: Vec<GroupView<'a>>,
    /// Tags and backlinks together, by kind, each page once.
    pub linked: Vec<GroupView<'a>>,
    pub sources: Vec<SourceView<'a>>,
    pub edit_url: Option<String>,
    pub treaty: Option<TreatyView<'a>>,
    pub organisation: Option<OrganisationView<'a>>,
    pub case: Option<CaseView<'a>>,
}

/// One line of a listing.
#[derive(Debug, Serialize)]
pub struct SummaryView<'a> {
    pub kind: Kind,
    pub title: &'a str,
    pub summary: &'a str,
    pub url: String,
    pub updated: Option<String>,
    pub draft: bool,
    /// Year of the first known date (adopted, signature, in force; case date; founded).
    pub year: Option<u16>,
    /// That first known date, ISO (`2001-11-08`, `2016-08`, `1997`).
    pub date: Option<String>,
    pub short_title: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub instrument: Option<&'static str>,
    pub binding: Option<bool>,
    pub status: Option<&'static str>,
    pub case_type: Option<&'static str>,
    pub countries: Vec<CountryView<'a>>,
    pub headquarters: Option<&'a str>,
}

/// Builds views for one build: the graph and settings they borrow from.
pub struct Views<'a> {
    pub graph: &'a Graph,
    pub config: &'a Config,
}

impl<'a> Views<'a> {
    pub fn site(&self) -> SiteView<'a> {
        let c = self.config;
        let mut nav: Vec<NavItem> = Kind::SECTIONS
            .iter()
            .map(|k| NavItem {
                title: self.section_title(*k).to_string(),
                label: nav_label(*k),
                url: format!("{}{}/", c.base_path, k.folder()),
                section: k.name(),
            })
            .collect();
        for (label, section) in [("Timeline", "timeline"), ("Matrix", "matrix")] {
            nav.push(NavItem { title: label.into(), label, url: format!("{}{section}/", c.base_path), section });
        }
        SiteView {
            title: &c.title,
            description: &c.description,
            language: &c.language,
            base_url: &c.base_url,
            base_path: &c.base_path,
            repository: c.repository.as_deref(),
            author: c.author.as_deref(),
            updated: self.graph.pages.values().filter_map(|p| p.common.updated_date()).max().map(|d| d.to_string()),
            nav,
            pages: self.graph.pages_of(Kind::Page).into_iter().filter_map(|p| self.link(&p.key)).collect(),
            generator_version: env!("CARGO_PKG_VERSION"),
            downloads: export::KINDS.iter().filter_map(|k| self.download(*k)).collect(),
        }
    }

    /// The open-data files of `kind`, if it is exported.
    pub fn download(&self, kind: Kind) -> Option<DownloadView> {
        export::KINDS.contains(&kind).then(|| DownloadView {
            kind,
            title: self.section_title(kind).to_string(),
            json: self.url(&export::path(kind, "json")),
            csv: self.url(&export::path(kind, "csv")),
        })
    }

    /// A section's title: its `_index.md` title, or the kind's label.
    pub fn section_title(&self, kind: Kind) -> &'a str {
        self.graph.section(kind).map_or(kind.plural_label(), |s| s.front.title.as_str())
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_path)
    }

    pub fn link(&self, key: &str) -> Option<LinkView<'a>> {
        let p = self.graph.pages.get(key)?;
        Some(LinkView { title: &p.common.title, url: self.url(&p.path), summary: &p.common.summary })
    }

    pub(crate) fn links(&self, keys: &[String]) -> Vec<LinkView<'a>> {
        let mut links: Vec<LinkView<'a>> = keys.iter().filter_map(|k| self.link(k)).collect();
        links.sort_by(|a, b| a.title.cmp(b.title));
        links
    }

    fn groups(&self, by_kind: &BTreeMap<Kind, Vec<String>>) -> Vec<GroupView<'a>> {
        by_kind
            .iter()
            .map(|(kind, keys)| GroupView { kind: *kind, label: kind.plural_label(), pages: self.links(keys) })
            .filter(|g| !g.pages.is_empty())
            .collect()
    }

    /// The view of one page, with its rendered body.
    pub fn page(&self, page: &'a Page, rendered: &'a Rendered) -> PageView<'a> {
        let empty = Relations::default();
        let rel = self.graph.relations.get(&page.key).unwrap_or(&empty);
        let section = (page.kind != Kind::Page).then(|| LinkView {
            title: self.section_title(page.kind),
            url: self.url(&format!("{}/", page.kind.folder())),
            summary: "",
        });
        let edit_url =
            self.config.repository.as_ref().map(|r| {
                format!("{r}/edit/{}/{}", self.config.branch, page.source.to_string_lossy().replace('\\', "/"))
            });
        PageView {
            kind: page.kind,
            title: &page.common.title,
            summary: &page.common.summary,
            slug: &page.slug,
            url: self.url(&page.path),
            permalink: format!("{}{}", self.config.base_url, page.path),
            updated: page.common.updated.as_ref().map(|d| d.get_ref().to_string()),
            draft: page.common.draft,
            content: &rendered.html,
            toc: &rendered.toc,
            section,
            tags: self.groups(&rel.tags),
            related: self.groups(&rel.backlinks),
            linked: self.groups(&merged(&rel.tags, &rel.backlinks)),
            sources: page.common.sources.iter().map(|s| source_view(s.get_ref())).collect(),
            edit_url,
            treaty: self.treaty(page, rel),
            organisation: self.organisation(page, rel),
            case: case_view(page),
        }
    }

    /// One line of a listing.
    pub fn summary(&self, page: &'a Page) -> SummaryView<'a> {
        let treaty = page.treaty();
        let date = first_date(page);
        let (case_type, countries) = match &page.meta {
            Meta::Case(c) => (c.case_type.map(case_type_label), c.countries.iter().map(country_view).collect()),
            _ => (None, Vec::new()),
        };
        let (short_title, headquarters) = match &page.meta {
            Meta::Treaty(t) => (t.short_title.as_deref(), None),
            Meta::Organisation(o) => (o.short_title.as_deref(), o.headquarters.as_deref()),
            _ => (None, None),
        };
        SummaryView {
            kind: page.kind,
            title: &page.common.title,
            summary: &page.common.summary,
            url: self.url(&page.path),
            updated: page.common.updated.as_ref().map(|d| d.get_ref().to_string()),
            draft: page.common.draft,
            year: date.map(|d| d.year()),
            date: date.map(|d| d.to_string()),
            short_title,
            reference: treaty.and_then(|t| t.reference.as_deref()),
            instrument: treaty.map(|t| instrument_label(t.instrument)),
            binding: treaty.map(|t| t.binding),
            status: treaty.and_then(|t| t.status.as_ref()).map(|s| status_label(*s.get_ref())),
            case_type,
            countries,
            headquarters,
        }
    }
}

/// Two lists of page keys by kind, joined, each key once.
fn merged(a: &BTreeMap<Kind, Vec<String>>, b: &BTreeMap<Kind, Vec<String>>) -> BTreeMap<Kind, Vec<String>> {
    let mut out = a.clone();
    for (kind, keys) in b {
        let list = out.entry(*kind).or_default();
        for k in keys {
            if !list.contains(k) {
                list.push(k.clone());
            }
        }
    }
    out
}

/// The first known date of a page: adopted (else signature, in force), case date, founded.
pub fn first_date(page: &Page) -> Option<PartialDate> {
    match &page.meta {
        Meta::Treaty(t) => t.adopted.or(t.opened_for_signature).or(t.in_force),
        Meta::Case(c) => c.date,
        Meta::Organisation(o) => o.founded,
        Meta::Plain => None,
    }
}

pub fn source_view(s: &crate::raw::Source) -> SourceView<'_> {
    SourceView {
        title: &s.title,
        publisher: s.publisher.as_deref(),
        url: s.url.as_ref().map(|u| u.get_ref().as_str()),
        accessed: s.accessed.map(|d| d.to_string()),
    }
}
