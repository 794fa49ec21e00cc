//! Splitting a file into TOML front matter and Markdown body.
//!
//! 1. The file must open with a `+++` line (a UTF-8 byte-order mark is skipped).
//! 2. The front matter runs to the next line that is exactly `+++`.
//! 3. The TOML is parsed into the kind's strict type at its place in the
//!    file, so every span (errors and `Spanned` values) counts from the
//!    start of the file.

use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::config::toml_diagnostic;
use crate::diagnostic::Diagnostic;

/// A file cut into its two parts, with their byte offsets in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub toml: Range<usize>,
    pub body: Range<usize>,
}

/// Finds the front matter and the body of `text`.
pub fn split(path: &Path, text: &str) -> Result<Split, Diagnostic> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if text[start..].trim().is_empty() {
        return Err(Diagnostic::error(path, 0..0, "this file is empty")
            .with_help("a page starts with front matter: a `+++` line, `title = \"…\"`, `summary = \"…\"`, and a closing `+++` line"));
    }
    let first_end = line_end(text, start);
    if text[start..first_end].trim_end() != "+++" {
        return Err(Diagnostic::error(path, start..first_end, "the file does not start with `+++`")
            .with_help("put the TOML front matter between two `+++` lines at the top of the file"));
    }
    let toml_start = next_line(text, first_end);
    let mut pos = toml_start;
    while pos < text.len() {
        let end = line_end(text, pos);
        if text[pos..end].trim_end() == "+++" {
            return Ok(Split { toml: toml_start..pos, body: next_line(text, end)..text.len() });
        }
        pos = next_line(text, end);
    }
    if let Some(at) = text[toml_start..].find("+++").map(|i| toml_start + i) {
        return Err(Diagnostic::error(path, at..at + 3, "the closing `+++` must be on a line of its own")
            .with_help("start a new line before this `+++`"));
    }
    Err(Diagnostic::error(path, start..first_end, "the front matter opened here is never closed")
        .with_help("add a line with only `+++` after the last front-matter field"))
}

/// Parses the front matter of `text` into `T`, with errors at file positions.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str, split: &Split) -> Result<T, Diagnostic> {
    toml::from_str(&in_place(text, split)).map_err(|e| toml_diagnostic(path, &e))
}

/// The front matter preceded by a TOML comment as long as the opening `+++`
/// line, so the parser's byte offsets are offsets in the file.
fn in_place(text: &str, split: &Split) -> String {
    let start = split.toml.start;
    let mut padded = String::with_capacity(split.toml.end);
    if start >= 2 {
        padded.push('#');
        padded.extend(std::iter::repeat_n(' ', start - 2));
        padded.push('\n');
    }
    padded.push_str(&text[split.toml.clone()]);
    padded
}

fn line_end(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |i| from + i)
}

fn next_line(text: &str, line_end: usize) -> usize {
    (line_end + 1).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::position_in;
    use crate::raw::PlainFrontMatter;

    fn p() -> &'static Path {
        Path::new("x.md")
    }

    #[test]
    fn splits_toml_and_body() {
        let text = "+++\ntitle = \"T\"\n+++\nBody\n";
        let s = split(p(), text).unwrap();
        assert_eq!(&text[s.toml.clone()], "title = \"T\"\n");
        assert_eq!(&text[s.body.clone()], "Body\n");
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let text = "\u{feff}+++\r\ntitle = \"T\"\r\n+++\r\nBody";
        let s = split(p(), text).unwrap();
        assert_eq!(&text[s.body], "Body");
    }

    #[test]
    fn unclosed_front_matter_points_at_the_opening_line() {
        let d = split(p(), "+++\ntitle = \"T\"\n").unwrap_err();
        assert!(d.message.contains("never closed"));
        assert_eq!(d.span, 0..3);
    }

    #[test]
    fn closing_marker_glued_to_a_value_is_pointed_at() {
        let text = "+++\ntitle = \"T\"\naccessed = 2026-11-23+++\nBody\n";
        let d = split(p(), text).unwrap_err();
        assert!(d.message.contains("on a line of its own"), "{}", d.message);
        assert_eq!(position_in(text, d.span.start), crate::diagnostic::Position { line: 3, column: 22 });
    }

    #[test]
    fn empty_and_unopened_files_are_errors() {
        assert!(split(p(), "  \n").unwrap_err().message.contains("empty"));
        assert!(split(p(), "# Title\n").unwrap_err().message.contains("does not start"));
    }

    #[test]
    fn spanned_values_point_into_the_file() {
        #[derive(serde::Deserialize)]
        struct Slug {
            slug: toml::Spanned<String>,
        }
        for text in ["+++\nslug = \"x\"\n+++\n", "\u{feff}+++\r\nslug = \"x\"\r\n+++\r\n"] {
            let s = split(p(), text).unwrap();
            let fm: Slug = parse(p(), text, &s).unwrap();
            assert_eq!(&text[fm.slug.span()], "\"x\"");
        }
    }

    #[test]
    fn toml_errors_are_counted_in_file_lines() {
        let text = "+++\ntitle = \"T\"\nsummary = \"S\"\nsumary = 1\n+++\n";
        let s = split(p(), text).unwrap();
        let d = parse::<PlainFrontMatter>(p(), text, &s).unwrap_err();
        assert_eq!(position_in(text, d.span.start).line, 4);
    }
}
