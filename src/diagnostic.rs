//! Content problems, collected and reported together.
//!
//! 1. A stage that finds a problem pushes a [`Diagnostic`]: the file, the
//!    byte span in that file (as the parser reported it), a message and a hint.
//! 2. Stages keep going, so an editor sees every mistake in one run.
//! 3. At the end, [`Report`] turns spans into line and column against the
//!    file's text and prints them with the source line (codespan-reporting),
//!    or as GitHub annotations or JSON.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

/// How bad a problem is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, located by a byte span of that file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path as shown to the editor (relative to the site root).
    pub path: PathBuf,
    /// Byte range in the file; empty ranges point at a position.
    pub span: Range<usize>,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic { path: path.into(), span, severity: Severity::Error, message: message.into(), help: None }
    }

    pub fn warning(path: impl Into<PathBuf>, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(path, span, message) }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The text of every file a diagnostic may point into, by display path.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: BTreeMap<PathBuf, Arc<str>>,
}

impl SourceMap {
    pub fn insert(&mut self, path: PathBuf, text: Arc<str>) {
        self.files.insert(path, text);
    }

    pub fn get(&self, path: &Path) -> Option<&str> {
        self.files.get(path).map(|t| &**t)
    }
}

/// A line and column (both 1-based, column in characters) of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Human,
    Github,
    Json,
}

/// Sorted diagnostics with the texts they point into, ready to print.
pub struct Report<'a> {
    pub diagnostics: &'a [Diagnostic],
    pub sources: &'a SourceMap,
}

impl Report<'_> {
    /// Line and column of a diagnostic's start; 1:1 when the file is unknown.
    pub fn position(&self, d: &Diagnostic) -> Position {
        let Some(text) = self.sources.get(&d.path) else {
            return Position { line: 1, column: 1 };
        };
        position_in(text, d.span.start)
    }

    /// Writes every diagnostic in the chosen format.
    pub fn write(&self, out: &mut dyn term::termcolor::WriteColor, format: Format) -> std::io::Result<()> {
        match format {
            Format::Human => self.write_human(out),
            Format::Github => self.write_github(out),
            Format::Json => self.write_json(out),
        }
    }

    fn write_human(&self, out: &mut dyn term::termcolor::WriteColor) -> std::io::Result<()> {
        let mut files = SimpleFiles::new();
        let mut ids = BTreeMap::new();
        let config = term::Config::default();
        for d in self.diagnostics {
            let id = *ids.entry(d.path.clone()).or_insert_with(|| {
                let text = self.sources.get(&d.path).unwrap_or("").to_string();
                files.add(d.path.display().to_string(), text)
            });
            let file = files.get(id).map_err(std::io::Error::other)?;
            let span = clamp(d.span.clone(), file.source());
            let severity = match d.severity {
                Severity::Error => CsSeverity::Error,
                Severity::Warning => CsSeverity::Warning,
            };
            let mut cs =
                CsDiagnostic::new(severity).with_message(d.message.clone()).with_labels(vec![Label::primary(id, span)]);
            if let Some(help) = &d.help {
                cs = cs.with_notes(vec![format!("help: {help}")]);
            }
            term::emit_to_write_style(out, &config, &files, &cs).map_err(std::io::Error::other)?;
        }
        Ok(())
    }

    fn write_github(&self, out: &mut dyn term::termcolor::WriteColor) -> std::io::Result<()> {
        for d in self.diagnostics {
            let pos = self.position(d);
            let level = if d.is_error() { "error" } else { "warning" };
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str(&format!(" (help: {help})"));
            }
            writeln!(
                out,
                "::{level} file={},line={},col={}::{}",
                github_escape_property(&d.path.display().to_string()),
                pos.line,
                pos.column,
                github_escape_data(&message)
            )?;
        }
        Ok(())
    }

    fn write_json(&self, out: &mut dyn term::termcolor::WriteColor) -> std::io::Result<()> {
        let mut items = Vec::new();
        for d in self.diagnostics {
            let pos = self.position(d);
            items.push(serde_json::json!({
                "path": d.path.display().to_string(),
                "line": pos.line,
                "column": pos.column,
                "severity": if d.is_error() { "error" } else { "warning" },
                "message": d.message,
                "help": d.help,
            }));
        }
        let json = serde_json::to_string_pretty(&items).map_err(std::io::Error::other)?;
        writeln!(out, "{json}")
    }
}

/// The candidate most like `target` (Jaro-Winkler), if it scores above
/// `min_score`: the "did you mean" of hints.
pub fn nearest<'a>(target: &str, candidates: impl IntoIterator<Item = &'a str>, min_score: f64) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(target, c), c))
        .filter(|(score, _)| *score > min_score)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// 1-based line and character column of a byte offset in `text`.
pub fn position_in(text: &str, offset: usize) -> Position {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    Position { line, column }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn clamp(span: Range<usize>, text: &str) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
    start..end
}

fn github_escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn github_escape_property(s: &str) -> String {
    github_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_characters() {
        let text = "a\nbé c\n";
        assert_eq!(position_in(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position_in(text, 2), Position { line: 2, column: 1 });
        // 'c' is after "bé " (4 bytes, 3 characters)
        assert_eq!(position_in(text, 6), Position { line: 2, column: 4 });
    }

    #[test]
    fn position_inside_a_character_rounds_down() {
        assert_eq!(position_in("é", 1), Position { line: 1, column: 1 });
    }

    #[test]
    fn github_format_escapes_newlines_and_commas() {
        assert_eq!(github_escape_data("a\nb%"), "a%0Ab%25");
        assert_eq!(github_escape_property("a,b:c"), "a%2Cb%3Ac");
    }
}
