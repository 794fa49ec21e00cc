//! Markdown to HTML, with the site's rules for headings and links.
//!
//! 1. Parse with pulldown-cmark (tables, footnotes, strikethrough, task lists,
//!    heading attributes), keeping each event's byte range.
//! 2. Give every heading its stable id (see [`crate::anchor`]) and collect a
//!    table of contents.
//! 3. Rewrite `@/path.md#anchor` links to page URLs through the [`Graph`],
//!    recording them so anchors can be checked once every page is rendered;
//!    refuse link schemes other than http(s), mailto and tel.
//! 4. Highlight fenced code (syntect), render to HTML, and sanitise pages
//!    that contain raw HTML (ammonia).
//!
//! Diagnostics point at the file: event ranges are shifted by the body's offset.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::anchor::{Ids, heading_id};
use crate::diagnostic::Diagnostic;
use crate::graph::{Graph, LinkTarget};
use crate::highlight::highlight;

/// A `@/` link found in a page, to be checked against its target's ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingLink {
    pub key: String,
    pub anchor: Option<String>,
    /// Byte range of the whole link in the source file.
    pub span: Range<usize>,
}

/// One heading, for the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A page body rendered to HTML, with what later stages need from it.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<Heading>,
    pub ids: BTreeSet<String>,
    pub links: Vec<OutgoingLink>,
    /// Plain text of the body, for search.
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// What rendering one body needs to know.
pub struct Context<'a> {
    pub graph: &'a Graph,
    /// Path part of the base URL, with slashes at both ends.
    pub base_path: &'a str,
    /// The source file, for diagnostics.
    pub path: &'a Path,
    /// Byte offset of the body in the source file.
    pub offset: usize,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a Markdown body.
pub fn render(body: &str, cx: &Context) -> Rendered {
    let mut out = Rendered::default();
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, options()).into_offset_iter().collect();
    // Decided before heading anchors (our own inline HTML) are added.
    let has_raw_html = events.iter().any(|(e, _)| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    number_headings(&mut events, cx, &mut out);
    let mut html_events = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some((event, range)) = iter.next() {
        match event {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = rewrite_url(dest_url, &range, cx, &mut out);
                html_events.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let dest_url = rewrite_url(dest_url, &range, cx, &mut out);
                html_events.push(Event::Start(Tag::Image { link_type, dest_url, title, id }));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let mut code = String::new();
                for (e, _) in iter.by_ref() {
                    match e {
                        Event::Text(t) => code.push_str(&t),
                        _ => break,
                    }
                }
                out.text.push_str(&code);
                let lang = info.split([' ', ',', '{']).next().unwrap_or("");
                let html = highlight(&code, lang).unwrap_or_else(|| plain_code(&code, lang));
                html_events.push(Event::Html(html.into()));
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                out.text.push_str(t);
                out.text.push(' ');
                html_events.push(event);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => {
                out.text.push('\n');
                html_events.push(event);
            }
            other => html_events.push(other),
        }
    }
    pulldown_cmark::html::push_html(&mut out.html, html_events.into_iter());
    if has_raw_html {
        out.html = SANITIZER.clean(&out.html).to_string();
    }
    out
}

fn plain_code(code: &str, lang: &str) -> String {
    let mut escaped = String::new();
    let _ = pulldown_cmark_escape::escape_html_body_text(&mut escaped, code);
    let class: String = lang.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    if class.is_empty() {
        format!("<pre><code>{escaped}</code></pre>\n")
    } else {
        format!("<pre><code class=\"language-{class}\">{escaped}</code></pre>\n")
    }
}

/// Sets each heading's id, adds a link to it, and fills the table of contents.
fn number_headings(events: &mut Vec<(Event, Range<usize>)>, cx: &Context, out: &mut Rendered) {
    let explicit = events.iter().filter_map(|(e, _)| match e {
        Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
        _ => None,
    });
    let mut ids = Ids::with_explicit(explicit);
    let mut i = 0;
    while i < events.len() {
        let Event::Start(Tag::Heading { level, id, .. }) = &events[i].0 else {
            i += 1;
            continue;
        };
        let (level, explicit) = (*level, id.clone());
        let end = (i..events.len()).find(|&j| matches!(events[j].0, Event::End(TagEnd::Heading(_)))).unwrap_or(i);
        let title = heading_text(&events[i + 1..end]);
        let id = match explicit {
            Some(id) => {
                if !ids.take_explicit(&id) {
                    let span = shift(&events[i].1, cx.offset);
                    out.diagnostics.push(
                        Diagnostic::error(cx.path, span, format!("the id `{id}` is used by two headings on this page"))
                            .with_help("give each heading its own `{#id}`"),
                    );
                }
                id.to_string()
            }
            None => ids.take(&heading_id(&title)),
        };
        if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
            *slot = Some(CowStr::from(id.clone()));
        }
        let anchor = format!(
            "<a class=\"anchor\" href=\"#{id}\" aria-label=\"Link to this section: {}\">#</a>",
            escape_attr(&title)
        );
        events.insert(end, (Event::InlineHtml(anchor.into()), end..end));
        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
            out.toc.push(Heading { level: level as u8, id, title });
        }
        i = end + 2;
    }
    out.ids = ids.into_set();
}

fn heading_text(events: &[(Event, Range<usize>)]) -> String {
    let mut s = String::new();
    for (e, _) in events {
        if let Event::Text(t) | Event::Code(t) = e {
            s.push_str(t);
        }
    }
    s.trim().to_string()
}

/// Resolves `@/` links and refuses unsafe schemes; returns the URL to emit.
fn rewrite_url<'a>(url: CowStr<'a>, range: &Range<usize>, cx: &Context, out: &mut Rendered) -> CowStr<'a> {
    let span = shift(range, cx.offset);
    if let Some(rest) = url.strip_prefix("@/") {
        let (key, anchor) = match rest.split_once('#') {
            Some((k, a)) => (k, Some(a.to_string())),
            None => (rest, None),
        };
        return match cx.graph.link_target(key) {
            LinkTarget::Found { path, key } => {
                let href = match &anchor {
                    Some(a) => format!("{}{path}#{a}", cx.base_path),
                    None => format!("{}{path}", cx.base_path),
                };
                out.links.push(OutgoingLink { key, anchor, span });
                href.into()
            }
            LinkTarget::Draft => {
                out.diagnostics.push(
                    Diagnostic::error(cx.path, span, format!("the link to `@/{key}` points at a draft page"))
                        .with_help("build with --drafts, or publish that page (remove `draft = true`)"),
                );
                url
            }
            LinkTarget::Broken => url,
            LinkTarget::Missing => {
                out.diagnostics.push(
                    Diagnostic::error(cx.path, span, format!("the link to `@/{key}` points at no page"))
                        .with_help("links name a file inside content/, e.g. @/treaties/budapest-convention.md"),
                );
                url
            }
        };
    }
    if let Some(scheme) = scheme(&url) {
        if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https" | "mailto" | "tel") {
            out.diagnostics.push(
                Diagnostic::error(cx.path, span, format!("links with the `{scheme}:` scheme are not allowed"))
                    .with_help("use an https:// address, or @/ for a page of this site"),
            );
            return CowStr::from("#");
        }
    }
    url
}

/// The scheme of an absolute URL (`https` in `https://…`), if any.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    (url.as_bytes()[end] == b':' && end > 0).then(|| url[..end].trim())
}

fn shift(range: &Range<usize>, offset: usize) -> Range<usize> {
    range.start + offset..range.end + offset
}

fn escape_attr(s: &str) -> String {
    let mut out = String::new();
    let _ = pulldown_cmark_escape::escape_html(&mut out, s);
    out
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(&["id", "class", "aria-label", "aria-hidden", "role", "lang", "dir"])
        .add_tags(&["input"])
        .add_tag_attributes("input", &["type", "checked", "disabled"])
        .add_tag_attributes("td", &["style"])
        .add_tag_attributes("th", &["style"])
        .filter_style_properties(["text-align"].into_iter().collect())
        .link_rel(None)
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect());
    b
});

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
