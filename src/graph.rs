//! The web of pages: tags, relations and backlinks.
//!
//! 1. Index pages by key (their path in `content/`) and by (kind, slug);
//!    a second page with the same slug is an error. Drafts are left out
//!    unless asked for, but remembered so a link to one says why it fails.
//! 2. Resolve every tag and relation (`depositary`, `parent`, `supersedes`,
//!    `amends`) to a page key; an unknown slug suggests the nearest one.
//! 3. Invert them: backlinks grouped by kind, and the reverse relations
//!    (protocols of a treaty, superseded by, amended by, depositary of).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use toml::Spanned;

use crate::diagnostic::Diagnostic;
use crate::kind::Kind;
use crate::page::{Entry, Meta, Page, Section};

/// A page's resolved relations to other pages, as page keys.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Relations {
    pub parent: Option<String>,
    pub children: Vec<String>,
    pub supersedes: Vec<String>,
    pub superseded_by: Vec<String>,
    pub amends: Vec<String>,
    pub amended_by: Vec<String>,
    pub depositary: Option<String>,
    pub depositary_of: Vec<String>,
    /// Tags this page carries, resolved, by kind.
    pub tags: BTreeMap<Kind, Vec<String>>,
    /// Pages that tag this one, by their kind.
    pub backlinks: BTreeMap<Kind, Vec<String>>,
}

/// All pages and sections, cross-linked.
#[derive(Debug, Default)]
pub struct Graph {
    pub pages: BTreeMap<String, Page>,
    pub sections: BTreeMap<String, Section>,
    pub relations: BTreeMap<String, Relations>,
    by_slug: BTreeMap<(Kind, String), String>,
    drafts: BTreeSet<(Kind, String)>,
    draft_keys: BTreeSet<String>,
    /// Files that failed to parse: links and tags to them are not reported
    /// again, since the file's own error says what is wrong.
    broken: BTreeSet<String>,
}

/// What a `@/` link names, when it names something that exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// URL path below the base URL (`treaties/x/`), and the key to check anchors against.
    Found {
        path: String,
        key: String,
    },
    Draft,
    /// A file that exists but failed to parse (already reported).
    Broken,
    Missing,
}

impl Graph {
    /// Builds the graph; returns it with every problem found. `broken`
    /// names the content keys of files that failed to parse.
    pub fn build(entries: Vec<Entry>, broken: BTreeSet<String>, include_drafts: bool) -> (Graph, Vec<Diagnostic>) {
        let mut graph = Graph { broken, ..Graph::default() };
        let mut problems = Vec::new();
        for entry in entries {
            match entry {
                Entry::Section(s) => {
                    graph.sections.insert(s.key.clone(), s);
                }
                Entry::Page(p) if p.common.draft && !include_drafts => {
                    graph.drafts.insert((p.kind, p.slug.clone()));
                    graph.draft_keys.insert(p.key);
                }
                Entry::Page(p) => graph.insert(*p, &mut problems),
            }
        }
        let resolved: Vec<(String, Relations)> =
            graph.pages.values().map(|p| (p.key.clone(), graph.resolve_relations(p, &mut problems))).collect();
        graph.relations = invert(&graph.pages, resolved);
        (graph, problems)
    }

    /// Adds a page; of two pages with one slug, the one that sets `slug`
    /// explicitly (else the later file) is reported and left out.
    fn insert(&mut self, page: Page, problems: &mut Vec<Diagnostic>) {
        let id = (page.kind, page.slug.clone());
        let Some(first_key) = self.by_slug.get(&id).cloned() else {
            self.by_slug.insert(id, page.key.clone());
            self.pages.insert(page.key.clone(), page);
            return;
        };
        let first = &self.pages[&first_key];
        let (keep, drop) = if first.common.slug.is_some() && page.common.slug.is_none() {
            let first = self.pages.remove(&first_key).expect("indexed page exists");
            (page, first)
        } else {
            (self.pages.remove(&first_key).expect("indexed page exists"), page)
        };
        let span = drop.common.slug.as_ref().map_or(0..0, |s| s.span());
        problems.push(
            Diagnostic::error(
                &drop.source,
                span,
                format!("another {} already has the slug `{}`", drop.kind.name(), drop.slug),
            )
            .with_help(format!("{} uses it; give one of them another slug or file name", keep.source.display())),
        );
        self.broken.insert(drop.key);
        self.by_slug.insert(id, keep.key.clone());
        self.pages.insert(keep.key.clone(), keep);
    }

    /// The `_index.md` of `kind`'s section, if the site has one.
    pub fn section(&self, kind: Kind) -> Option<&Section> {
        self.sections.get(&kind.index_key())
    }

    /// The key of the page of `kind` with `slug`.
    pub fn key_of(&self, kind: Kind, slug: &str) -> Option<&str> {
        self.by_slug.get(&(kind, slug.to_string())).map(String::as_str)
    }

    /// Looks up what an `@/` link path (`treaties/x.md`, `treaties/_index.md`, `_index.md`) names.
    pub fn link_target(&self, key: &str) -> LinkTarget {
        if let Some(p) = self.pages.get(key) {
            return LinkTarget::Found { path: p.path.clone(), key: key.into() };
        }
        if self.draft_keys.contains(key) {
            return LinkTarget::Draft;
        }
        if self.broken.contains(key) {
            return LinkTarget::Broken;
        }
        let section = match key {
            "_index.md" => Some(String::new()),
            _ => key.strip_suffix("/_index.md").and_then(Kind::from_folder).map(|k| format!("{}/", k.folder())),
        };
        match section {
            Some(path) => LinkTarget::Found { path, key: key.into() },
            None => LinkTarget::Missing,
        }
    }

    /// Pages of one kind, sorted by title.
    pub fn pages_of(&self, kind: Kind) -> Vec<&Page> {
        let mut pages: Vec<&Page> = self.pages.values().filter(|p| p.kind == kind).collect();
        pages.sort_by(|a, b| a.common.title.cmp(&b.common.title).then(a.key.cmp(&b.key)));
        pages
    }

    fn resolve_relations(&self, page: &Page, problems: &mut Vec<Diagnostic>) -> Relations {
        let mut rel = Relations::default();
        let mut one = |kind, slug: &Spanned<String>, field: &str| self.resolve_tag(page, kind, slug, field, problems);
        for kind in [Kind::Treaty, Kind::Organisation, Kind::Principle] {
            let tags = match kind {
                Kind::Treaty => &page.common.treaties,
                Kind::Organisation => &page.common.organisations,
                _ => &page.common.principles,
            };
            let field = kind.tag_key().unwrap_or_default();
            let keys: Vec<String> = tags.iter().filter_map(|t| one(kind, t, field)).collect();
            if !keys.is_empty() {
                rel.tags.insert(kind, keys);
            }
        }
        match &page.meta {
            Meta::Treaty(t) => {
                rel.parent = t.parent.as_ref().and_then(|s| one(Kind::Treaty, s, "parent"));
                rel.depositary = t.depositary.as_ref().and_then(|s| one(Kind::Organisation, s, "depositary"));
                rel.supersedes = t.supersedes.iter().filter_map(|s| one(Kind::Treaty, s, "supersedes")).collect();
                rel.amends = t.amends.iter().filter_map(|s| one(Kind::Treaty, s, "amends")).collect();
            }
            Meta::Organisation(o) => {
                rel.parent = o.parent.as_ref().and_then(|s| one(Kind::Organisation, s, "parent"));
            }
            _ => {}
        }
        rel
    }

    /// Resolves one slug in `field` of `page` to a key of a page of `kind`.
    fn resolve_tag(
        &self,
        page: &Page,
        kind: Kind,
        slug: &Spanned<String>,
        field: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let name = slug.get_ref();
        if let Some(key) = self.key_of(kind, name) {
            return Some(key.to_string());
        }
        let broken_key = format!("{}/{name}.md", kind.folder());
        if self.broken.contains(&broken_key) {
            return None;
        }
        let (message, help) = if self.drafts.contains(&(kind, name.clone())) {
            (
                format!("`{name}` in `{field}` is a draft {}", kind.name()),
                "build with --drafts, or publish that page (remove `draft = true`)".to_string(),
            )
        } else {
            let help = match self.nearest(kind, name) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("add a page content/{}/{name}.md, or remove the tag", kind.folder()),
            };
            (format!("`{name}` in `{field}` is not the slug of any {} page", kind.name()), help)
        };
        problems.push(Diagnostic::error(Path::new(&page.source), slug.span(), message).with_help(help));
        None
    }

    /// The existing slug of `kind` closest to `slug`, if any is close.
    fn nearest(&self, kind: Kind, slug: &str) -> Option<&str> {
        let slugs = self.by_slug.keys().filter(|(k, _)| *k == kind).map(|(_, s)| s.as_str());
        crate::diagnostic::nearest(slug, slugs, 0.7)
    }
}

/// Adds the reverse of every relation, and backlinks from tags.
fn invert(pages: &BTreeMap<String, Page>, resolved: Vec<(String, Relations)>) -> BTreeMap<String, Relations> {
    let mut map: BTreeMap<String, Relations> = resolved.iter().cloned().collect();
    for (key, rel) in &resolved {
        if let Some(parent) = &rel.parent {
            push(&mut map, parent, |r| &mut r.children, key);
        }
        if let Some(dep) = &rel.depositary {
            push(&mut map, dep, |r| &mut r.depositary_of, key);
        }
        for t in &rel.supersedes {
            push(&mut map, t, |r| &mut r.superseded_by, key);
        }
        for t in &rel.amends {
            push(&mut map, t, |r| &mut r.amended_by, key);
        }
        let kind = pages[key].kind;
        for target in rel.tags.values().flatten().filter(|t| *t != key) {
            push(&mut map, target, |r| r.backlinks.entry(kind).or_default(), key);
        }
    }
    map
}

fn push(
    map: &mut BTreeMap<String, Relations>,
    target: &str,
    list: impl Fn(&mut Relations) -> &mut Vec<String>,
    key: &str,
) {
    if let Some(r) = map.get_mut(target) {
        let l = list(r);
        if !l.iter().any(|k| k == key) {
            l.push(key.to_string());
        }
    }
}

#[cfg(test)]
#[path = "graph_tests.rs"]
mod tests;
