//! Which outputs read which inputs, so a rebuild renders only what an edit
//! touched (`serve` uses it; it is the seed of incremental builds).
//!
//! 1. [`Deps::of`] fingerprints every input of a loaded site: each content
//!    file, template and static file, the configuration, and the site-wide
//!    view every page shows (navigation, last update). A content file is two
//!    inputs: its front matter, which listings and links show, and its
//!    body, which only its own output shows. The map records, for each
//!    input, the outputs that read it: a page's own output, the pages that
//!    list it (tag pages, relations, `@/` links), its section listing and
//!    the home page.
//! 2. [`affected`] compares the maps from before and after an edit: the
//!    outputs to render are the readers, before or after, of every input
//!    whose fingerprint changed. A template, the configuration or the
//!    site-wide view changing selects everything.
//! 3. [`removed`] lists the outputs the new site no longer has.
//!
//! All of it is pure: two maps in, a [`Selection`] out. An output that
//! [`Deps::of`] does not list must be rendered on every build (it ignores
//! the selection), so forgetting one here costs time, never correctness.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::config::Config;
use crate::graph::{Graph, Relations};
use crate::kind::Kind;
use crate::markdown::Rendered;
use crate::theme::ThemeFile;
use crate::views::Views;

/// Something outputs are made from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Input {
    /// `site.toml`, with command-line overrides applied.
    Config,
    /// What every page shows of the whole site (navigation, last update).
    Site,
    /// A template, by name (`treaty.html`).
    Template(String),
    /// A static file, by output path (`style.css`).
    Static(String),
    /// The front matter of a content file, by key (`treaties/x.md`,
    /// `treaties/_index.md`): what listings, tags and links show of it.
    Front(String),
    /// The Markdown body of a content file, by key: only its own output shows it.
    Body(String),
}

impl Input {
    /// Whether every output may read this input.
    fn is_global(&self) -> bool {
        matches!(self, Input::Config | Input::Site | Input::Template(_))
    }
}

/// Which outputs to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    All,
    /// These output paths (`treaties/x/index.html`) only.
    Only(BTreeSet<String>),
}

impl Selection {
    /// Whether the output at `path` is to be rendered.
    pub fn wants(&self, path: &str) -> bool {
        match self {
            Selection::All => true,
            Selection::Only(paths) => paths.contains(path),
        }
    }
}

/// What a site's outputs are made from, borrowed from a loaded site.
pub struct Inputs<'a> {
    pub graph: &'a Graph,
    pub rendered: &'a BTreeMap<String, Rendered>,
    pub config: &'a Config,
    pub templates: &'a BTreeMap<String, ThemeFile>,
    pub static_files: &'a BTreeMap<String, ThemeFile>,
}

/// Every input's fingerprint, and the outputs that read it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deps {
    fingerprints: BTreeMap<Input, u64>,
    readers: BTreeMap<Input, BTreeSet<String>>,
    outputs: BTreeSet<String>,
}

impl Deps {
    /// Records what each output of the site reads.
    pub fn of(inputs: &Inputs) -> Deps {
        let mut deps = Deps::default();
        deps.fingerprint_inputs(inputs);
        let graph = inputs.graph;
        let links = |key: &str| inputs.rendered.get(key).into_iter().flat_map(|r| &r.links).map(|l| l.key.as_str());
        for page in graph.pages.values() {
            let out = format!("{}index.html", page.path);
            deps.reads_body(&out, &page.key);
            if page.kind != Kind::Page {
                deps.reads(&out, [Kind::index_key(page.kind).as_str()]);
            }
            if let Some(rel) = graph.relations.get(&page.key) {
                deps.reads(&out, related(rel));
            }
            deps.reads(&out, links(&page.key));
        }
        for kind in Kind::SECTIONS {
            let out = format!("{}/index.html", kind.folder());
            let key = Kind::index_key(kind);
            deps.reads_body(&out, &key);
            deps.reads(&out, graph.pages.values().filter(|p| p.kind == kind).map(|p| p.key.as_str()));
            deps.reads(&out, links(&key));
        }
        deps.reads_body("index.html", "_index.md");
        deps.reads("index.html", graph.pages.keys().chain(graph.sections.keys()).map(String::as_str));
        deps.reads("index.html", links("_index.md"));
        deps.outputs.insert("404.html".into());
        for name in inputs.static_files.keys().map(String::as_str).chain(["highlight.css"]) {
            deps.outputs.insert(name.into());
            deps.readers.entry(Input::Static(name.into())).or_default().insert(name.into());
        }
        deps.outputs.insert(".nojekyll".into());
        deps
    }

    fn fingerprint_inputs(&mut self, inputs: &Inputs) {
        let views = Views { graph: inputs.graph, config: inputs.config };
        let site = serde_json::to_string(&views.site()).unwrap_or_default();
        self.fingerprints.insert(Input::Site, hash(&site));
        self.fingerprints.insert(Input::Config, hash(&format!("{:?}", inputs.config)));
        for (name, file) in inputs.templates {
            self.fingerprints.insert(Input::Template(name.clone()), hash(&(&file.bytes, &file.origin)));
        }
        for (name, file) in inputs.static_files {
            self.fingerprints.insert(Input::Static(name.clone()), hash(&(&file.bytes, &file.origin)));
        }
        let pages = inputs.graph.pages.values().map(|p| (&p.key, &p.source, &*p.text, p.body.start));
        let sections = inputs.graph.sections.values().map(|s| (&s.key, &s.source, &*s.text, s.body.start));
        for (key, source, text, body_start) in pages.chain(sections) {
            let at = if text.is_char_boundary(body_start) { body_start } else { text.len() };
            let (front, body) = text.split_at(at);
            self.fingerprints.insert(Input::Front(key.clone()), hash(&(front, source)));
            self.fingerprints.insert(Input::Body(key.clone()), hash(&body));
        }
    }

    /// Records that `output` is the page of the content file `key`.
    fn reads_body(&mut self, output: &str, key: &str) {
        self.readers.entry(Input::Body(key.to_string())).or_default().insert(output.to_string());
        self.reads(output, [key]);
    }

    /// Records that `output` shows the front matter of the content files `keys`.
    fn reads<'k>(&mut self, output: &str, keys: impl IntoIterator<Item = &'k str>) {
        self.outputs.insert(output.to_string());
        for key in keys {
            self.readers.entry(Input::Front(key.to_string())).or_default().insert(output.to_string());
        }
    }

    /// Every output path the site has, as far as this map knows.
    pub fn outputs(&self) -> &BTreeSet<String> {
        &self.outputs
    }

    /// The outputs that read `input`.
    pub fn readers(&self, input: &Input) -> impl Iterator<Item = &str> {
        self.readers.get(input).into_iter().flatten().map(String::as_str)
    }
}

/// The inputs whose fingerprint differs, including ones added or removed.
pub fn changed(old: &Deps, new: &Deps) -> BTreeSet<Input> {
    let keys: BTreeSet<&Input> = old.fingerprints.keys().chain(new.fingerprints.keys()).collect();
    keys.into_iter().filter(|i| old.fingerprints.get(*i) != new.fingerprints.get(*i)).cloned().collect()
}

/// The outputs to render after going from `old` to `new`.
pub fn affected(old: &Deps, new: &Deps) -> Selection {
    let changed = changed(old, new);
    if changed.iter().any(Input::is_global) {
        return Selection::All;
    }
    let paths = changed
        .iter()
        .flat_map(|i| old.readers(i).chain(new.readers(i)))
        .filter(|p| new.outputs.contains(*p))
        .map(str::to_string)
        .collect();
    Selection::Only(paths)
}

/// The outputs of `old` that `new` no longer has.
pub fn removed(old: &Deps, new: &Deps) -> Vec<String> {
    old.outputs.difference(&new.outputs).cloned().collect()
}

/// Every page a page's view shows: its tags, backlinks and relations.
fn related(rel: &Relations) -> impl Iterator<Item = &str> {
    let lists = [&rel.children, &rel.supersedes, &rel.superseded_by, &rel.amends, &rel.amended_by, &rel.depositary_of];
    rel.tags
        .values()
        .chain(rel.backlinks.values())
        .chain(lists)
        .flatten()
        .chain(rel.parent.iter())
        .chain(rel.depositary.iter())
        .map(String::as_str)
}

fn hash(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

#[cfg(test)]
#[path = "deps_tests.rs"]
mod tests;
