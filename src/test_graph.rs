//! Unit-test helper: a cross-linked graph from a few front matters.
//!
//! 1. Each `(key, front)` becomes a page whose title is its key.
//! 2. The pages are resolved and cross-linked; any problem panics.

use std::collections::BTreeSet;

use crate::graph::Graph;
use crate::page::resolve;
use crate::source::SourceFile;

/// A graph of pages given as (content key, extra front matter).
pub fn graph_of(pages: &[(&str, &str)]) -> Graph {
    let entries = pages
        .iter()
        .map(|(key, front)| {
            let text = format!("+++\ntitle = \"{key}\"\nsummary = \"S\"\n{front}\n+++\nBody\n");
            let file = SourceFile { path: format!("content/{key}").into(), key: key.to_string(), text: text.into() };
            resolve(&file).unwrap_or_else(|d| panic!("{key}: {d:?}"))
        })
        .collect();
    let (graph, problems) = Graph::build(entries, BTreeSet::new(), false);
    assert!(problems.is_empty(), "{problems:?}");
    graph
}
