//! The build, stage by stage.
//!
//! 1. [`load`]: read `site.toml` and `content/`, resolve every file into a
//!    page, cross-link them in the [`Graph`], render every Markdown body
//!    (in parallel), and check every `@/` anchor. All problems are collected;
//!    any error fails the load with all of them ([`load_all`] returns them
//!    beside the site instead).
//! 2. [`build`]: compile the templates, render the site to [`Output`]s, and
//!    write them all at once into the output folder.
//!
//! A failed build writes nothing, so the previous output stays as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use rayon::prelude::*;

use crate::config::Config;
use crate::deps::Selection;
use crate::diagnostic::{self, Diagnostic, SourceMap};
use crate::error::Error;
use crate::graph::Graph;
use crate::kind::Kind;
use crate::markdown::{self, Rendered};
use crate::page::{self, Entry};
use crate::render::{Output, render_site};
use crate::templates::Templates;
use crate::views::Views;
use crate::{output, source, theme};

/// What to build, from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
}

impl Options {
    pub fn output_dir(&self) -> PathBuf {
        self.output.clone().unwrap_or_else(|| self.root.join("public"))
    }
}

/// A site loaded, cross-linked and with every body rendered.
pub struct Site {
    pub config: Config,
    pub graph: Graph,
    /// Rendered bodies of pages and sections, by content key.
    pub rendered: BTreeMap<String, Rendered>,
    pub warnings: Vec<Diagnostic>,
    pub sources: SourceMap,
}

/// What a successful build did.
pub struct Summary {
    pub pages: BTreeMap<Kind, usize>,
    pub files: usize,
    pub elapsed: Duration,
    pub output: PathBuf,
    pub warnings: Vec<Diagnostic>,
    pub sources: SourceMap,
}

/// Loads and checks the site at `options.root`.
pub fn load(options: &Options) -> Result<Site, Error> {
    let (site, errors) = load_all(options)?;
    if errors.is_empty() {
        return Ok(site);
    }
    let mut all = errors;
    all.extend(site.warnings);
    Err(Error::content(all, site.sources))
}

/// Loads the site even when it has errors, and returns them beside it, so
/// `check` can run its own rules over the pages that did load.
pub fn load_all(options: &Options) -> Result<(Site, Vec<Diagnostic>), Error> {
    let root = options.root.as_path();
    let mut sources = SourceMap::default();
    let mut problems = Vec::new();
    let config = load_config(root, options, &mut sources, &mut problems)?;
    let clock = Stopwatch::start();
    let loaded = source::read_content(root)?;
    clock.lap("read");
    problems.extend(loaded.diagnostics);
    for (path, text) in loaded.lossy {
        sources.insert(path, text);
    }
    for f in &loaded.files {
        sources.insert(f.path.clone(), f.text.clone());
    }
    let resolved: Vec<Result<Entry, Vec<Diagnostic>>> = loaded.files.par_iter().map(page::resolve).collect();
    clock.lap("parse front matter");
    let mut entries = Vec::new();
    let mut broken = BTreeSet::new();
    for (r, file) in resolved.into_iter().zip(&loaded.files) {
        match r {
            Ok(e) => entries.push(e),
            Err(ds) => {
                broken.insert(file.key.clone());
                problems.extend(ds);
            }
        }
    }
    let (graph, graph_problems) = Graph::build(entries, broken, options.drafts);
    problems.extend(graph_problems);
    clock.lap("graph");
    let mut rendered = render_bodies(&graph, &config);
    clock.lap("markdown");
    for r in rendered.values_mut() {
        problems.append(&mut r.diagnostics);
    }
    check_anchors(&graph, &rendered, &mut problems);
    let (errors, warnings): (Vec<_>, Vec<_>) = problems.into_iter().partition(Diagnostic::is_error);
    Ok((Site { config, graph, rendered, warnings, sources }, errors))
}

fn load_config(
    root: &Path,
    options: &Options,
    sources: &mut SourceMap,
    problems: &mut Vec<Diagnostic>,
) -> Result<Config, Error> {
    let path = root.join("site.toml");
    if !path.is_file() {
        return Err(anyhow::anyhow!(
            "no site.toml in {}: run treatise in the site's folder, or pass --root",
            root.display()
        )
        .into());
    }
    let bytes = std::fs::read(&path).with_context(|| format!("failed to read {}", path.display()))?;
    let shown = PathBuf::from("site.toml");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    sources.insert(shown.clone(), text.as_str().into());
    let mut config = match std::str::from_utf8(&bytes) {
        Err(e) => {
            let at = e.valid_up_to();
            problems.push(Diagnostic::error(&shown, at..at, "site.toml is not valid UTF-8"));
            Config::default_for_test()
        }
        Ok(text) => Config::parse(&shown, text).unwrap_or_else(|d| {
            problems.push(d);
            Config::default_for_test()
        }),
    };
    if let Some(url) = &options.base_url {
        config.set_base_url(url).map_err(|m| anyhow::anyhow!("--base-url: {m}"))?;
    }
    Ok(config)
}

/// Renders every page and section body, in parallel.
fn render_bodies(graph: &Graph, config: &Config) -> BTreeMap<String, Rendered> {
    let pages = graph.pages.par_iter().map(|(key, p)| (key, &p.source, p.body(), p.body.start));
    let sections = graph.sections.par_iter().map(|(key, s)| (key, &s.source, s.body(), s.body.start));
    pages
        .chain(sections)
        .map(|(key, path, body, offset)| {
            let cx = markdown::Context { graph, base_path: &config.base_path, path, offset };
            (key.clone(), markdown::render(body, &cx))
        })
        .collect()
}

/// Every `@/…#anchor` must name an id on the target page.
fn check_anchors(graph: &Graph, rendered: &BTreeMap<String, Rendered>, problems: &mut Vec<Diagnostic>) {
    for (key, r) in rendered {
        let source = graph.pages.get(key).map(|p| &p.source).or_else(|| graph.sections.get(key).map(|s| &s.source));
        let Some(source) = source else { continue };
        for link in &r.links {
            let Some(anchor) = &link.anchor else { continue };
            let ids = rendered.get(&link.key).map(|t| &t.ids);
            if ids.is_some_and(|ids| ids.contains(anchor)) {
                continue;
            }
            let nearest = ids.and_then(|ids| diagnostic::nearest(anchor, ids.iter().map(String::as_str), 0.75));
            let help = match nearest {
                Some(id) => format!("did you mean `#{id}`?"),
                None => "anchors are heading ids: \"Article 35 …\" gives #art-35, `{#id}` sets one".to_string(),
            };
            problems.push(
                Diagnostic::error(
                    source,
                    link.span.clone(),
                    format!("`@/{}` has no heading with the id `{anchor}`", link.key),
                )
                .with_help(help),
            );
        }
    }
}

/// Renders the loaded site into output files, without writing them.
pub fn render(site: &Site, root: &Path) -> Result<Vec<Output>, Error> {
    let content_error = |ds: Vec<Diagnostic>| Error::content(ds, site.sources.clone());
    let templates = Templates::compile(&theme::templates(root)?).map_err(|d| content_error(vec![d]))?;
    let static_files = theme::static_files(root)?;
    let views = Views { graph: &site.graph, config: &site.config };
    render_site(&views, &site.rendered, &templates, &static_files, &Selection::All).map_err(content_error)
}

/// Builds the site and writes it to the output folder.
pub fn build(options: &Options) -> Result<Summary, Error> {
    let start = Instant::now();
    let site = load(options)?;
    let clock = Stopwatch::start();
    let outputs = render(&site, &options.root)?;
    clock.lap("templates");
    let output = options.output_dir();
    output::write_site(&options.root, &output, &outputs)?;
    clock.lap("write");
    let mut pages = BTreeMap::new();
    for p in site.graph.pages.values() {
        *pages.entry(p.kind).or_insert(0) += 1;
    }
    Ok(Summary {
        pages,
        files: outputs.len(),
        elapsed: start.elapsed(),
        output,
        warnings: site.warnings,
        sources: site.sources,
    })
}

/// Stage timings on stderr when `TREATISE_TIMINGS` is set (for benchmarks).
struct Stopwatch {
    last: std::cell::Cell<Instant>,
    on: bool,
}

impl Stopwatch {
    fn start() -> Stopwatch {
        Stopwatch { last: std::cell::Cell::new(Instant::now()), on: std::env::var_os("TREATISE_TIMINGS").is_some() }
    }

    fn lap(&self, stage: &str) {
        if self.on {
            let now = Instant::now();
            eprintln!("  {stage:<20} {:>8.1} ms", (now - self.last.get()).as_secs_f64() * 1000.0);
            self.last.set(now);
        }
    }
}
