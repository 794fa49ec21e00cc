//! From a source file to a resolved page or section.
//!
//! 1. Place the file: its folder gives the [`Kind`], `_index.md` a section.
//! 2. Split and parse the front matter into the kind's strict raw type.
//! 3. Check what one file can check alone: the slug, URL schemes, status
//!    only on binding instruments, country codes, date order.
//! 4. Return a [`Page`] (or [`Section`]) with its URL path and typed fields.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::Spanned;

use crate::countries;
use crate::diagnostic::Diagnostic;
use crate::frontmatter;
use crate::kind::Kind;
use crate::raw::*;
use crate::source::SourceFile;

/// Slugs a top-level page may not take: the paths the build generates.
pub const RESERVED_SLUGS: &[&str] = &[
    "404",
    "assets",
    "cases",
    "data",
    "feed",
    "index",
    "matrix",
    "organisations",
    "principles",
    "robots",
    "search",
    "sitemap",
    "static",
    "tags",
    "timeline",
    "topics",
    "treaties",
];

/// The kind-specific fields of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Meta {
    Treaty(Box<TreatyFields>),
    Organisation(OrganisationFields),
    Case(CaseFields),
    Plain,
}

/// A content page, resolved.
#[derive(Debug, Clone)]
pub struct Page {
    /// Path shown to editors (`content/treaties/x.md`).
    pub source: PathBuf,
    /// Path inside `content/`, the key of `@/` links (`treaties/x.md`).
    pub key: String,
    pub kind: Kind,
    pub slug: String,
    /// URL path below the base URL, with a trailing slash (`treaties/x/`).
    pub path: String,
    pub common: Common,
    pub meta: Meta,
    pub text: Arc<str>,
    /// Byte range of the Markdown body in `text`.
    pub body: Range<usize>,
}

/// A section's `_index.md`, or the home page (`kind` is `None`).
#[derive(Debug, Clone)]
pub struct Section {
    pub source: PathBuf,
    pub key: String,
    pub kind: Option<Kind>,
    pub path: String,
    pub front: SectionFrontMatter,
    pub text: Arc<str>,
    pub body: Range<usize>,
}

/// What a file turned out to be.
#[derive(Debug, Clone)]
pub enum Entry {
    Page(Box<Page>),
    Section(Section),
}

impl Page {
    pub fn body(&self) -> &str {
        &self.text[self.body.clone()]
    }

    pub fn treaty(&self) -> Option<&TreatyFields> {
        match &self.meta {
            Meta::Treaty(t) => Some(t),
            _ => None,
        }
    }
}

impl Section {
    pub fn body(&self) -> &str {
        &self.text[self.body.clone()]
    }
}

/// Resolves one file; every problem found in it is returned.
pub fn resolve(file: &SourceFile) -> Result<Entry, Vec<Diagnostic>> {
    let path = file.path.as_path();
    let (kind, file_name) = place(path, &file.key).map_err(|d| vec![d])?;
    let split = frontmatter::split(path, &file.text).map_err(|d| vec![d])?;
    if file_name == "_index.md" {
        let front: SectionFrontMatter = frontmatter::parse(path, &file.text, &split).map_err(|d| vec![d])?;
        return Ok(Entry::Section(Section {
            source: file.path.clone(),
            key: file.key.clone(),
            kind,
            path: kind.map_or(String::new(), |k| format!("{}/", k.folder())),
            front,
            text: file.text.clone(),
            body: split.body,
        }));
    }
    let kind = kind.unwrap_or(Kind::Page);
    let parse = |d| vec![d];
    let (common, meta) = match kind {
        Kind::Treaty => {
            let (c, f) = frontmatter::parse::<TreatyFrontMatter>(path, &file.text, &split).map_err(parse)?.into_parts();
            (c, Meta::Treaty(Box::new(f)))
        }
        Kind::Organisation => {
            let fm = frontmatter::parse::<OrganisationFrontMatter>(path, &file.text, &split).map_err(parse)?;
            let (c, f) = fm.into_parts();
            (c, Meta::Organisation(f))
        }
        Kind::Case => {
            let (c, f) = frontmatter::parse::<CaseFrontMatter>(path, &file.text, &split).map_err(parse)?.into_parts();
            (c, Meta::Case(f))
        }
        _ => (
            frontmatter::parse::<PlainFrontMatter>(path, &file.text, &split).map_err(parse)?.into_parts().0,
            Meta::Plain,
        ),
    };
    let mut problems = Vec::new();
    let at = At { path };
    let slug = page_slug(&at, kind, file_name, common.slug.as_ref(), &mut problems);
    check_fields(&at, &common, &meta, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let url_path = match kind {
        Kind::Page => format!("{slug}/"),
        k => format!("{}/{slug}/", k.folder()),
    };
    Ok(Entry::Page(Box::new(Page {
        source: file.path.clone(),
        key: file.key.clone(),
        kind,
        slug,
        path: url_path,
        common,
        meta,
        text: file.text.clone(),
        body: split.body,
    })))
}

/// The kind (None: top level) and file name of a content key.
fn place<'k>(path: &Path, key: &'k str) -> Result<(Option<Kind>, &'k str), Diagnostic> {
    let (folder, name) = match key.split_once('/') {
        None => return Ok((None, key)),
        Some((folder, rest)) => (folder, rest.rsplit('/').next().unwrap_or(rest)),
    };
    let Some(kind) = Kind::from_folder(folder) else {
        let folders: Vec<_> = Kind::SECTIONS.iter().map(|k| k.folder()).collect();
        return Err(Diagnostic::error(path, 0..0, format!("`content/{folder}/` is not a section folder"))
            .with_help(format!("move the file into one of: {}", folders.join(", "))));
    };
    if name == "_index.md" && key.matches('/').count() > 1 {
        return Err(Diagnostic::error(path, 0..0, "`_index.md` belongs directly in a section folder")
            .with_help(format!("move it to content/{folder}/_index.md")));
    }
    Ok((Some(kind), name))
}

/// Where problems in one file's front matter are reported.
struct At<'a> {
    path: &'a Path,
}

impl At<'_> {
    fn error<T>(&self, value: &Spanned<T>, message: String) -> Diagnostic {
        Diagnostic::error(self.path, value.span(), message)
    }
}

/// The page's slug: its `slug` field, or its file name, checked.
fn page_slug(
    at: &At,
    kind: Kind,
    file_name: &str,
    field: Option<&Spanned<String>>,
    out: &mut Vec<Diagnostic>,
) -> String {
    let (slug, span) = match field {
        Some(s) => (s.get_ref().clone(), s.span()),
        None => (file_name.trim_end_matches(".md").to_string(), 0..0),
    };
    if !is_valid_slug(&slug) {
        let suggestion = slug::slugify(&slug);
        let help = if field.is_some() {
            format!("slugs use only a-z, 0-9 and '-', e.g. slug = \"{suggestion}\"")
        } else {
            format!("rename the file to `{suggestion}.md`, or set slug = \"{suggestion}\" in the front matter")
        };
        out.push(Diagnostic::error(at.path, span, format!("`{slug}` is not a valid slug")).with_help(help));
    } else if kind == Kind::Page && RESERVED_SLUGS.contains(&slug.as_str()) {
        out.push(
            Diagnostic::error(
                at.path,
                span,
                format!("the slug `{slug}` is taken by a page the build generates (/{slug}/)"),
            )
            .with_help("choose another slug, or rename the file"),
        );
    }
    slug
}

/// Whether `s` is a slug: `[a-z0-9-]+`.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn check_fields(at: &At, common: &Common, meta: &Meta, out: &mut Vec<Diagnostic>) {
    for source in &common.sources {
        check_url(at, source.get_ref().url.as_ref(), out);
    }
    match meta {
        Meta::Treaty(t) => {
            check_url(at, t.text_url.as_ref(), out);
            for count in [&t.parties, &t.signatories].into_iter().flatten() {
                check_url(at, count.get_ref().source.as_ref(), out);
            }
            if let (Some(status), false) = (&t.status, t.binding) {
                out.push(
                    at.error(status, "`status` is for binding instruments only".into())
                        .with_help("remove `status`, or set `binding = true` if the instrument is legally binding"),
                );
            }
        }
        Meta::Organisation(o) => check_url(at, o.website.as_ref(), out),
        Meta::Case(c) => {
            for code in &c.countries {
                if !countries::is_code(code.get_ref()) {
                    out.push(
                        at.error(code, format!("`{}` is not an ISO 3166-1 alpha-2 country code", code.get_ref()))
                            .with_help("use two upper-case letters, e.g. \"NL\", \"GB\" (not \"UK\"), \"US\""),
                    );
                }
            }
            if let (Some(start), Some(end)) = (c.date, &c.end_date) {
                if *end.get_ref() < start {
                    out.push(at.error(end, format!("`end_date` {} is before `date` {start}", end.get_ref())));
                }
            }
        }
        Meta::Plain => {}
    }
}

/// Front-matter URLs end up in `href`s: only http(s) is allowed.
fn check_url(at: &At, url: Option<&Spanned<String>>, out: &mut Vec<Diagnostic>) {
    let Some(url) = url else { return };
    let u = url.get_ref();
    if !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(char::is_whitespace) {
        out.push(
            at.error(url, format!("`{u}` is not an http(s) URL"))
                .with_help("write the full address, starting with https://"),
        );
    }
}

#[cfg(test)]
#[path = "page_tests.rs"]
mod tests;
