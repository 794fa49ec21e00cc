//! treatise: a static site generator for cyber-law reference sites.
//!
//! The pipeline, one module per stage (see DESIGN.md):
//! [`source`] reads files → [`page`] resolves front matter → [`graph`]
//! cross-links tags → [`markdown`] renders bodies → [`render`] applies the
//! Tera templates → [`output`] writes a staging folder and swaps it in.
//! [`build`] runs them in order; [`cli`] is the command line.

pub mod anchor;
pub mod build;
pub mod check;
pub mod cli;
pub mod columns;
pub mod config;
pub mod countries;
pub mod date;
pub mod deps;
pub mod diagnostic;
pub mod error;
pub mod export;
pub mod facts;
pub mod feed;
pub mod frontmatter;
pub mod graph;
pub mod highlight;
pub mod kind;
pub mod labels;
pub mod markdown;
pub mod matrix;
pub mod output;
pub mod page;
pub mod publish;
pub mod raw;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod source;
pub mod templates;
#[cfg(test)]
mod test_graph;
pub mod theme;
pub mod timeline;
pub mod views;
