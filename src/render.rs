//! Turning the cross-linked site into output files, with no IO.
//!
//! 1. Every page through its kind's template (`treaty.html`…), in parallel.
//! 2. A listing per section (`section.html`), the home page (`index.html`),
//!    the timeline and matrix pages ([`timeline`], [`matrix`]) and `404.html`.
//! 3. The theme's static files, the highlighting stylesheet and `.nojekyll`.
//! 4. What [`publish`] adds: robots.txt, the sitemap, the feed, open data.
//!
//! The result is a sorted list of [`Output`]s; writing them is `output`'s job.
//! A [`Selection`] limits the work to some outputs (`serve` re-renders only
//! what an edit touched).

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::deps::Selection;
use crate::diagnostic::Diagnostic;
use crate::kind::Kind;
use crate::markdown::Rendered;
use crate::page::Page;
use crate::publish;
use crate::templates::Templates;
use crate::theme::ThemeFile;
use crate::views::{DownloadView, PageView, SiteView, SourceView, SummaryView, Views, source_view};
use crate::{highlight, matrix, timeline};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path below the output folder, `/`-separated (`treaties/x/index.html`).
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct PageContext<'a> {
    site: &'a SiteView<'a>,
    page: PageView<'a>,
    current_section: &'static str,
}

#[derive(Serialize)]
struct SectionView<'a> {
    kind: Kind,
    title: String,
    summary: &'a str,
    url: String,
    permalink: String,
    content: &'a str,
    sources: Vec<SourceView<'a>>,
    pages: Vec<SummaryView<'a>>,
    downloads: Option<DownloadView>,
}

#[derive(Serialize)]
struct SectionContext<'a> {
    site: &'a SiteView<'a>,
    section: SectionView<'a>,
    current_section: &'static str,
}

#[derive(Serialize)]
struct SectionCount<'a> {
    kind: Kind,
    title: String,
    summary: &'a str,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct HomeView<'a> {
    title: &'a str,
    summary: &'a str,
    content: &'a str,
    sections: Vec<SectionCount<'a>>,
    recent: Vec<SummaryView<'a>>,
}

#[derive(Serialize)]
struct HomeContext<'a> {
    site: &'a SiteView<'a>,
    home: HomeView<'a>,
    current_section: &'static str,
}

/// How many pages the home page lists as recently updated.
const RECENT: usize = 10;

/// One HTML output to render: the unit of parallel work.
enum Job<'a> {
    Matrix,
    Timeline,
    Home,
    NotFound,
    Section(Kind),
    Page(&'a str, &'a Page),
}

impl Job<'_> {
    /// The output path the job writes.
    fn path(&self) -> String {
        match self {
            Job::Matrix => "matrix/index.html".into(),
            Job::Timeline => "timeline/index.html".into(),
            Job::Home => "index.html".into(),
            Job::NotFound => "404.html".into(),
            Job::Section(kind) => format!("{}/index.html", kind.folder()),
            Job::Page(_, page) => format!("{}index.html", page.path),
        }
    }
}

/// Renders the pages, sections, home page and theme files that `only` selects.
pub fn render_site(
    views: &Views,
    rendered: &BTreeMap<String, Rendered>,
    templates: &Templates,
    static_files: &BTreeMap<String, ThemeFile>,
    only: &Selection,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let site = views.site();
    // The pages that list the whole site go first, so they start while the
    // other thread takes on the content pages.
    let mut jobs = vec![Job::Matrix, Job::Timeline, Job::Home, Job::NotFound];
    jobs.extend(Kind::SECTIONS.map(Job::Section));
    jobs.extend(views.graph.pages.iter().map(|(key, page)| Job::Page(key, page)));
    jobs.retain(|job| only.wants(&job.path()));
    let results: Vec<Result<Output, Diagnostic>> =
        jobs.par_iter().map(|job| render_job(job, views, &site, rendered, templates)).collect();
    let mut outputs = Vec::new();
    let mut problems = Vec::new();
    for result in results {
        match result {
            Ok(o) => outputs.push(o),
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Feed, sitemap and data exports read the whole site (the sitemap lists
    // every rendered page), so they are made on full renders only; `serve`
    // refreshes them whenever it renders everything.
    if matches!(only, Selection::All) {
        let published = publish::outputs(views, &outputs);
        outputs.extend(published);
    }
    outputs.extend(theme_outputs(static_files).into_iter().filter(|o| only.wants(&o.path)));
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outputs)
}

fn render_job(
    job: &Job,
    views: &Views,
    site: &SiteView,
    rendered: &BTreeMap<String, Rendered>,
    templates: &Templates,
) -> Result<Output, Diagnostic> {
    match job {
        Job::Matrix => generated(templates, site, "matrix", &matrix::matrix(views)),
        Job::Timeline => generated(templates, site, "timeline", &timeline::timeline(views)),
        Job::Home => home(views, site, rendered, templates),
        Job::NotFound => {
            let html = templates.render("404.html", &serde_json::json!({ "site": site, "current_section": "" }))?;
            Ok(Output { path: "404.html".into(), bytes: html.into_bytes() })
        }
        Job::Section(kind) => section(views, site, rendered, templates, *kind),
        Job::Page(key, page) => {
            let empty = Rendered::default();
            let view = views.page(page, rendered.get(*key).unwrap_or(&empty));
            let context = PageContext { site, page: view, current_section: page.kind.name() };
            let html = templates.render(&format!("{}.html", page.kind.name()), &context)?;
            Ok(Output { path: job.path(), bytes: html.into_bytes() })
        }
    }
}

fn section(
    views: &Views,
    site: &SiteView,
    rendered: &BTreeMap<String, Rendered>,
    templates: &Templates,
    kind: Kind,
) -> Result<Output, Diagnostic> {
    let key = kind.index_key();
    let front = views.graph.section(kind).map(|s| &s.front);
    let path = format!("{}/", kind.folder());
    let view = SectionView {
        kind,
        title: views.section_title(kind).to_string(),
        summary: front.map_or("", |f| &f.summary),
        url: views.url(&path),
        permalink: format!("{}{path}", views.config.base_url),
        content: rendered.get(&key).map_or("", |r| &r.html),
        sources: front.map(|f| f.sources.iter().map(source_view).collect()).unwrap_or_default(),
        pages: views.graph.pages_of(kind).into_iter().map(|p| views.summary(p)).collect(),
        downloads: views.download(kind),
    };
    let html =
        templates.render("section.html", &SectionContext { site, section: view, current_section: kind.name() })?;
    Ok(Output { path: format!("{path}index.html"), bytes: html.into_bytes() })
}

fn home(
    views: &Views,
    site: &SiteView,
    rendered: &BTreeMap<String, Rendered>,
    templates: &Templates,
) -> Result<Output, Diagnostic> {
    let front = views.graph.sections.get("_index.md").map(|s| &s.front);
    let sections = Kind::SECTIONS
        .iter()
        .map(|k| SectionCount {
            kind: *k,
            title: views.section_title(*k).to_string(),
            summary: views.graph.section(*k).map_or("", |s| &s.front.summary),
            url: views.url(&format!("{}/", k.folder())),
            count: views.graph.pages.values().filter(|p| p.kind == *k).count(),
        })
        .collect();
    let mut recent: Vec<_> = views.graph.pages.values().filter(|p| p.common.updated.is_some()).collect();
    recent.sort_by(|a, b| b.common.updated.cmp(&a.common.updated).then(a.common.title.cmp(&b.common.title)));
    let view = HomeView {
        title: front.map_or(&views.config.title, |f| &f.title),
        summary: front.map_or(&views.config.description, |f| &f.summary),
        content: rendered.get("_index.md").map_or("", |r| &r.html),
        sections,
        recent: recent.into_iter().take(RECENT).map(|p| views.summary(p)).collect(),
    };
    let html = templates.render("index.html", &HomeContext { site, home: view, current_section: "" })?;
    Ok(Output { path: "index.html".into(), bytes: html.into_bytes() })
}

/// A generated page at `/NAME/`, through `NAME.html`, its view named `NAME`.
fn generated(templates: &Templates, site: &SiteView, name: &str, view: &impl Serialize) -> Result<Output, Diagnostic> {
    let value = |v: serde_json::Result<serde_json::Value>| {
        v.map_err(|e| Diagnostic::error(format!("templates/{name}.html"), 0..0, format!("internal error: {e}")))
    };
    let mut context = serde_json::Map::new();
    context.insert("site".into(), value(serde_json::to_value(site))?);
    context.insert(name.into(), value(serde_json::to_value(view))?);
    context.insert("current_section".into(), name.into());
    let html = templates.render(&format!("{name}.html"), &context)?;
    Ok(Output { path: format!("{name}/index.html"), bytes: html.into_bytes() })
}

/// The theme's static files, the highlighting CSS (unless the site has its
/// own) and `.nojekyll` for GitHub Pages.
fn theme_outputs(static_files: &BTreeMap<String, ThemeFile>) -> Vec<Output> {
    let mut out: Vec<Output> =
        static_files.iter().map(|(path, f)| Output { path: path.clone(), bytes: f.bytes.clone() }).collect();
    if !static_files.contains_key("highlight.css") {
        out.push(Output { path: "highlight.css".into(), bytes: highlight::theme_css().into_bytes() });
    }
    out.push(Output { path: ".nojekyll".into(), bytes: Vec::new() });
    out
}
