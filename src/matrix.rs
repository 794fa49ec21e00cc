//! The `/matrix/` page: which organisation is tied to which instrument.
//!
//! 1. Columns: every organisation tied to at least one instrument, by
//!    short name (else title), as shown.
//! 2. Rows: every instrument, by short title (else title).
//! 3. Each cell says how the two are tied: the organisation is the
//!    instrument's depositary, or one of the two pages tags the other
//!    (depositary wins when both hold). A tied cell links to the instrument's
//!    page, where the tie is shown.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::graph::Relations;
use crate::kind::Kind;
use crate::page::Page;
use crate::views::{LinkView, Views};

/// The treaty × organisation table.
#[derive(Debug, Serialize)]
pub struct MatrixView<'a> {
    pub columns: Vec<ColumnView<'a>>,
    pub rows: Vec<RowView<'a>>,
    /// Organisations tied to no instrument, left out of the columns.
    pub untied: Vec<LinkView<'a>>,
    /// How many cells are ties of each sort.
    pub depositary_count: usize,
    pub tagged_count: usize,
}

/// An organisation, as a column heading.
#[derive(Debug, Serialize)]
pub struct ColumnView<'a> {
    pub title: &'a str,
    /// Its short name, else its title.
    pub label: &'a str,
    pub url: String,
}

/// An instrument and its tie to each organisation, in column order.
#[derive(Debug, Serialize)]
pub struct RowView<'a> {
    pub title: &'a str,
    pub label: &'a str,
    pub url: String,
    pub binding: bool,
    pub cells: Vec<CellView>,
}

/// One instrument × organisation cell.
#[derive(Debug, Serialize)]
pub struct CellView {
    /// `depositary`, `tagged`, or `None` when the two are not tied.
    pub tie: Option<&'static str>,
    /// Where the tie is shown (the instrument's facts or related pages).
    pub url: Option<String>,
}

/// The matrix of the whole site.
pub fn matrix<'a>(views: &Views<'a>) -> MatrixView<'a> {
    let empty = Relations::default();
    let treaties = by_label(views.graph.pages_of(Kind::Treaty));
    let organisations = by_label(views.graph.pages_of(Kind::Organisation));
    let ties: Vec<Vec<Option<&'static str>>> = treaties
        .iter()
        .map(|t| {
            let rel = views.graph.relations.get(&t.key).unwrap_or(&empty);
            let tagged: BTreeSet<&String> =
                [&rel.tags, &rel.backlinks].into_iter().filter_map(|m| m.get(&Kind::Organisation)).flatten().collect();
            organisations
                .iter()
                .map(|o| match () {
                    _ if rel.depositary.as_deref() == Some(o.key.as_str()) => Some("depositary"),
                    _ if tagged.contains(&o.key) => Some("tagged"),
                    _ => None,
                })
                .collect()
        })
        .collect();
    let tied = |col: usize| ties.iter().any(|row| row[col].is_some());
    let (kept, left): (Vec<usize>, Vec<usize>) = (0..organisations.len()).partition(|&c| tied(c));
    let rows = treaties
        .iter()
        .zip(&ties)
        .map(|(t, row)| RowView {
            title: &t.common.title,
            label: label(t),
            url: views.url(&t.path),
            binding: t.treaty().is_some_and(|f| f.binding),
            cells: kept.iter().map(|&c| cell(views, t, row[c])).collect(),
        })
        .collect();
    let count = |tie: &str| ties.iter().flatten().filter(|c| **c == Some(tie)).count();
    MatrixView {
        columns: kept
            .iter()
            .map(|&c| ColumnView {
                title: &organisations[c].common.title,
                label: label(organisations[c]),
                url: views.url(&organisations[c].path),
            })
            .collect(),
        rows,
        untied: left.iter().filter_map(|&c| views.link(&organisations[c].key)).collect(),
        depositary_count: count("depositary"),
        tagged_count: count("tagged"),
    }
}

fn cell(views: &Views, treaty: &Page, tie: Option<&'static str>) -> CellView {
    let anchor = match tie {
        Some("depositary") => "#page-facts",
        _ => "#page-related",
    };
    CellView { tie, url: tie.map(|_| format!("{}{anchor}", views.url(&treaty.path))) }
}

/// Pages in the order of the labels shown for them.
fn by_label(mut pages: Vec<&Page>) -> Vec<&Page> {
    pages.sort_by_cached_key(|p| (label(p).to_lowercase(), p.key.clone()));
    pages
}

/// A page's short title, else its title.
fn label(page: &Page) -> &str {
    let short = match &page.meta {
        crate::page::Meta::Treaty(t) => t.short_title.as_deref(),
        crate::page::Meta::Organisation(o) => o.short_title.as_deref(),
        _ => None,
    };
    short.unwrap_or(&page.common.title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_graph::graph_of;

    #[test]
    fn cells_mark_depositaries_and_tags_in_either_direction() {
        let graph = graph_of(&[
            ("treaties/a.md", "organisations = [\"y\"]\ninstrument = \"treaty\"\nbinding = true\ndepositary = \"x\""),
            ("treaties/b.md", "instrument = \"report\"\nbinding = false"),
            ("organisations/x.md", "short_title = \"X\"\ntreaties = [\"a\", \"b\"]"),
            ("organisations/y.md", "short_title = \"Y\""),
            ("organisations/z.md", ""),
        ]);
        let config = crate::config::Config::default_for_test();
        let m = matrix(&Views { graph: &graph, config: &config });
        let labels: Vec<&str> = m.columns.iter().map(|c| c.label).collect();
        assert_eq!(labels, ["X", "Y"], "z is tied to nothing");
        assert_eq!(m.untied.iter().map(|l| l.url.as_str()).collect::<Vec<_>>(), ["/organisations/z/"]);
        let ties: Vec<Vec<Option<&str>>> = m.rows.iter().map(|r| r.cells.iter().map(|c| c.tie).collect()).collect();
        assert_eq!(ties, [vec![Some("depositary"), Some("tagged")], vec![Some("tagged"), None]]);
        assert_eq!(m.rows[0].cells[0].url.as_deref(), Some("/treaties/a/#page-facts"));
        assert_eq!(m.rows[1].cells[0].url.as_deref(), Some("/treaties/b/#page-related"));
        assert_eq!(m.rows[1].cells[1].url, None);
        assert_eq!((m.depositary_count, m.tagged_count), (1, 2));
    }
}
