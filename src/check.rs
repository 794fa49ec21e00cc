//! `treatise check`: the rules a page must meet to be published, beyond
//! what `build` accepts (so drafts and benchmarks still build).
//!
//! [`check`] runs over every loaded page, in this order:
//! 1. Sources: treaties and cases cite at least one, each with `url` and
//!    `accessed`.
//! 2. Dated facts: counts (`[parties]`, `[signatories]`) carry `as_of` and
//!    `source`; a treaty's `status` carries `status_as_of`.
//! 3. Freshness: a missing `updated`, or one older than
//!    `[check] stale_after_days` (site.toml), is a warning.
//! 4. Placeholders: a `TODO` left from `treatise new` is an error.
//!
//! It is a pure function of the site and today's date; [`today`] reads the
//! clock, for the command line only (`build` never does).

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;

use crate::build::Site;
use crate::date::PartialDate;
use crate::diagnostic::Diagnostic;
use crate::kind::Kind;
use crate::page::{Meta, Page};
use crate::raw::{Count, TreatyFields};

/// The `[check]` table of site.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    /// Days after which a page's `updated` date is reported as stale.
    #[serde(default = "default_stale_after_days")]
    pub stale_after_days: u32,
}

fn default_stale_after_days() -> u32 {
    365
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig { stale_after_days: default_stale_after_days() }
    }
}

/// Today's date (UTC) from the system clock.
pub fn today() -> PartialDate {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    PartialDate::from_days(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// Every problem `check` finds beyond `build`'s, unsorted.
pub fn check(site: &Site, today: PartialDate) -> Vec<Diagnostic> {
    let max_age = site.config.check.stale_after_days;
    site.graph
        .pages
        .par_iter()
        .flat_map_iter(|(_, page)| {
            let mut out = Vec::new();
            sources(page, &mut out);
            if let Meta::Treaty(t) = &page.meta {
                dated_facts(&page.source, t, &mut out);
            }
            freshness(page, today, max_age, &mut out);
            placeholders(page, &mut out);
            out
        })
        .collect()
}

/// Treaties and cases cite sources, each with a URL and the day it was read.
fn sources(page: &Page, out: &mut Vec<Diagnostic>) {
    if !matches!(page.kind, Kind::Treaty | Kind::Case) {
        return;
    }
    let path = page.source.as_path();
    if page.common.sources.is_empty() {
        out.push(
            Diagnostic::error(
                path,
                closing_line(page),
                format!("a {} page needs at least one source", page.kind.name()),
            )
            .with_help(
                "add a [[sources]] table at the end of the front matter, with title, url and accessed \
                     (see CONTRIBUTING.md, \"How to cite\")",
            ),
        );
    }
    for source in &page.common.sources {
        let s = source.get_ref();
        if s.url.is_none() {
            out.push(
                Diagnostic::error(path, source.span(), format!("the source \"{}\" has no `url`", s.title))
                    .with_help("add url = \"https://…\": the address of the document you cite"),
            );
        }
        if s.accessed.is_none() {
            out.push(
                Diagnostic::error(path, source.span(), format!("the source \"{}\" has no `accessed` date", s.title))
                    .with_help("add accessed = YYYY-MM-DD: the day you read the source"),
            );
        }
    }
}

/// Counts and legal status change: each says when it was true, and where.
fn dated_facts(path: &Path, t: &TreatyFields, out: &mut Vec<Diagnostic>) {
    let counts: [(&str, &Option<Spanned<Count>>); 2] = [("parties", &t.parties), ("signatories", &t.signatories)];
    for (name, count) in counts {
        let Some(count) = count else { continue };
        if count.get_ref().as_of.is_none() {
            out.push(
                Diagnostic::error(path, count.span(), format!("`[{name}]` has no `as_of` date"))
                    .with_help("add as_of = YYYY-MM-DD under it: the date on which the count was true"),
            );
        }
        if count.get_ref().source.is_none() {
            out.push(Diagnostic::error(path, count.span(), format!("`[{name}]` has no `source` URL")).with_help(
                "add source = \"https://…\" under it: the page that gives the count, e.g. the depositary's chart",
            ));
        }
    }
    if let (Some(status), None) = (&t.status, t.status_as_of) {
        out.push(
            Diagnostic::error(path, status.span(), "`status` has no `status_as_of` date")
                .with_help("add status_as_of = YYYY-MM-DD: the date on which you checked the legal status"),
        );
    }
}

/// `updated` says when the page was last checked against its sources.
fn freshness(page: &Page, today: PartialDate, max_age: u32, out: &mut Vec<Diagnostic>) {
    let path = page.source.as_path();
    let Some(updated) = &page.common.updated else {
        out.push(
            Diagnostic::warning(path, opening_line(page), "`updated` is missing: when was this page last checked?")
                .with_help(
                    "add updated = YYYY-MM-DD after `summary`: the day you last checked the page against its sources",
                ),
        );
        return;
    };
    let age = today.last_day() - updated.get_ref().last_day();
    if age > i64::from(max_age) {
        out.push(
            Diagnostic::warning(
                path,
                updated.span(),
                format!("`updated` {} is {age} days ago, more than {max_age}", updated.get_ref()),
            )
            .with_help("check the page against its sources, then set `updated` to today's date"),
        );
    } else if age < 0 {
        out.push(
            Diagnostic::warning(path, updated.span(), format!("`updated` {} is in the future", updated.get_ref()))
                .with_help("write the day you last checked the page, e.g. today's date"),
        );
    }
}

/// The word that marks what `treatise new` left for the editor to write.
pub const PLACEHOLDER: &str = "TODO";

/// A `TODO` in a front-matter value (not a `#` comment) or in the body.
fn placeholders(page: &Page, out: &mut Vec<Diagnostic>) {
    let text = &*page.text;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let in_front = start < page.body.start;
        let comment = in_front && line.trim_start().starts_with('#');
        if let (false, Some(at)) = (comment, line.find(PLACEHOLDER)) {
            let at = start + at;
            out.push(
                Diagnostic::error(&page.source, at..at + PLACEHOLDER.len(), "a placeholder is still to be filled in")
                    .with_help("replace the `TODO` text left by `treatise new` with the real content"),
            );
        }
        start += line.len();
    }
}

/// The opening `+++` line, where page-wide problems point.
fn opening_line(page: &Page) -> std::ops::Range<usize> {
    let at = page.text.find("+++").unwrap_or(0);
    at..at + 3
}

/// The closing `+++` line, before which tables such as `[[sources]]` go.
fn closing_line(page: &Page) -> std::ops::Range<usize> {
    let at = page.text[..page.body.start].rfind("+++").unwrap_or(0);
    at..at + 3
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
