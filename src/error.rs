//! The two ways a command fails, which decide the exit code.
//!
//! 1. [`Error::Content`]: problems in the site's files, reported as
//!    diagnostics with positions (exit 1).
//! 2. [`Error::Io`]: anything else — a missing folder, a file that cannot
//!    be written (exit 2).

use crate::diagnostic::{Diagnostic, SourceMap};

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{} problem(s) in the site's content", .diagnostics.len())]
    Content { diagnostics: Vec<Diagnostic>, sources: SourceMap },
    #[error(transparent)]
    Io(#[from] anyhow::Error),
}

impl Error {
    /// A content failure from diagnostics about files in `sources`.
    pub fn content(mut diagnostics: Vec<Diagnostic>, sources: SourceMap) -> Error {
        sort(&mut diagnostics);
        Error::Content { diagnostics, sources }
    }
}

/// Orders diagnostics by file and position, so output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.path, a.span.start, &a.message).cmp(&(&b.path, b.span.start, &b.message)));
}
