//! The site as `serve` keeps it: built in memory, rebuilt after each edit.
//!
//! 1. Load the site (read, resolve, cross-link, render bodies) as `build`
//!    does, and read the theme; compile the templates only when they changed.
//! 2. Map inputs to outputs ([`Deps`]) and compare with the last good build:
//!    render only the outputs an edit touched ([`deps::affected`]), drop the
//!    ones that no longer exist.
//! 3. Compare each new output's bytes with the old: the [`Outcome`] lists
//!    what really changed, so a save that changes nothing reloads nothing.
//! 4. A failed build keeps the last good site and returns the diagnostics
//!    as text; the next build is compared with the last good one.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use std::time::{Duration, Instant};

use codespan_reporting::term::termcolor::Buffer;

use crate::build::{self, Options};
use crate::deps::{self, Deps, Inputs, Selection};
use crate::diagnostic::{Diagnostic, Format, Report, SourceMap};
use crate::error::Error;
use crate::render::render_site;
use crate::templates::Templates;
use crate::theme::{self, ThemeFile};
use crate::views::Views;

/// The built site: output path → bytes.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// What a rebuild did.
#[derive(Debug)]
pub enum Outcome {
    Built {
        /// Output paths whose bytes changed, were added or removed.
        changed: Vec<String>,
        /// How many outputs were rendered.
        rendered: usize,
        /// Warnings, as text (empty if none).
        warnings: String,
        elapsed: Duration,
    },
    /// The build failed; the text says why, with file, line and column.
    Failed { problems: String, elapsed: Duration },
}

/// The last good site, and what is needed to rebuild it quickly.
pub struct Live {
    options: Options,
    templates: Option<(u64, Templates)>,
    last: Option<Deps>,
    files: Arc<Files>,
}

impl Live {
    /// A site not built yet; call [`Live::rebuild`].
    pub fn new(options: Options) -> Live {
        Live { options, templates: None, last: None, files: Arc::default() }
    }

    /// The last good site.
    pub fn files(&self) -> Arc<Files> {
        Arc::clone(&self.files)
    }

    /// Rebuilds what changed since the last good build.
    pub fn rebuild(&mut self) -> Outcome {
        let start = Instant::now();
        match self.try_rebuild() {
            Ok((changed, rendered, warnings)) => {
                Outcome::Built { changed, rendered, warnings, elapsed: start.elapsed() }
            }
            Err(e) => Outcome::Failed { problems: describe(&e), elapsed: start.elapsed() },
        }
    }

    fn try_rebuild(&mut self) -> Result<(Vec<String>, usize, String), Error> {
        let site = build::load(&self.options)?;
        let root = self.options.root.as_path();
        let template_files = theme::templates(root)?;
        let static_files = theme::static_files(root)?;
        let content_error = |ds: Vec<Diagnostic>| Error::content(ds, site.sources.clone());
        self.compile(&template_files).map_err(|d| content_error(vec![d]))?;
        let templates = &self.templates.as_ref().expect("compiled above").1;
        let inputs = Inputs {
            graph: &site.graph,
            rendered: &site.rendered,
            config: &site.config,
            templates: &template_files,
            static_files: &static_files,
        };
        let new = Deps::of(&inputs);
        let (selection, removed) = match &self.last {
            Some(old) => (deps::affected(old, &new), deps::removed(old, &new)),
            None => (Selection::All, Vec::new()),
        };
        let views = Views { graph: &site.graph, config: &site.config };
        let outputs =
            render_site(&views, &site.rendered, templates, &static_files, &selection).map_err(content_error)?;
        let rendered = outputs.len();
        let mut files = match selection {
            Selection::All => Files::new(),
            Selection::Only(_) => (*self.files).clone(),
        };
        let mut changed = Vec::new();
        for output in outputs {
            if self.files.get(&output.path).is_none_or(|old| **old != *output.bytes) {
                changed.push(output.path.clone());
            }
            files.insert(output.path, output.bytes.into());
        }
        for path in &removed {
            files.remove(path);
        }
        changed.extend(self.files.keys().filter(|p| !files.contains_key(*p)).cloned());
        changed.sort();
        changed.dedup();
        self.files = Arc::new(files);
        self.last = Some(new);
        Ok((changed, rendered, text(&site.warnings, &site.sources)))
    }

    /// The compiled templates, compiled again only if a file changed.
    fn compile(&mut self, files: &BTreeMap<String, ThemeFile>) -> Result<(), Diagnostic> {
        let mut h = DefaultHasher::new();
        for (name, f) in files {
            (name, &f.bytes, &f.origin).hash(&mut h);
        }
        let fingerprint = h.finish();
        if self.templates.as_ref().is_none_or(|(f, _)| *f != fingerprint) {
            self.templates = Some((fingerprint, Templates::compile(files)?));
        }
        Ok(())
    }
}

/// A failed build, as text for the terminal and the browser.
fn describe(e: &Error) -> String {
    match e {
        Error::Content { diagnostics, sources } => {
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            format!("{}{errors} problem(s) found; still serving the last good site\n", text(diagnostics, sources))
        }
        Error::Io(e) => {
            let causes: Vec<String> = e.chain().map(ToString::to_string).collect();
            format!("error: {}\nstill serving the last good site\n", causes.join(": "))
        }
    }
}

/// Diagnostics as plain text, with the source lines they point at.
fn text(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let mut buffer = Buffer::no_color();
    let report = Report { diagnostics, sources };
    if let Err(e) = report.write(&mut buffer, Format::Human) {
        return format!("could not format the diagnostics: {e}\n");
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

#[cfg(test)]
#[path = "live_tests.rs"]
mod tests;
