//! The kinds of page, given by the folder a file sits in.
//!
//! 1. [`Kind::from_folder`] maps `content/<folder>/` to a kind.
//! 2. Each kind knows its folder (also its URL prefix) and its labels.

use serde::Serialize;

/// What a page is about; decides its URL, its template and its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Treaty,
    Organisation,
    Principle,
    Case,
    Topic,
    /// A plain page at the top of `content/` (about, glossary).
    Page,
}

impl Kind {
    /// The kinds that live in a section folder, in menu order.
    pub const SECTIONS: [Kind; 5] = [Kind::Treaty, Kind::Organisation, Kind::Principle, Kind::Case, Kind::Topic];

    /// The kind of pages in `content/<folder>/`.
    pub fn from_folder(folder: &str) -> Option<Kind> {
        Kind::SECTIONS.into_iter().find(|k| k.folder() == folder)
    }

    /// The folder under `content/`, also the first segment of the URL.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Treaty => "treaties",
            Kind::Organisation => "organisations",
            Kind::Principle => "principles",
            Kind::Case => "cases",
            Kind::Topic => "topics",
            Kind::Page => "",
        }
    }

    /// Lower-case name, also the template name (`treaty.html`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Treaty => "treaty",
            Kind::Organisation => "organisation",
            Kind::Principle => "principle",
            Kind::Case => "case",
            Kind::Topic => "topic",
            Kind::Page => "page",
        }
    }

    /// The content key of this kind's section page (`treaties/_index.md`).
    pub fn index_key(self) -> String {
        format!("{}/_index.md", self.folder())
    }

    /// Plural word for counts ("3 treaties", "2 pages").
    pub fn folder_or_pages(self) -> &'static str {
        match self {
            Kind::Page => "pages",
            k => k.folder(),
        }
    }

    /// Heading for a group of pages of this kind.
    pub fn plural_label(self) -> &'static str {
        match self {
            Kind::Treaty => "Treaties and instruments",
            Kind::Organisation => "Organisations",
            Kind::Principle => "Principles and norms",
            Kind::Case => "Case studies",
            Kind::Topic => "Topics",
            Kind::Page => "Pages",
        }
    }

    /// The front-matter key that tags pages of this kind, if any.
    pub fn tag_key(self) -> Option<&'static str> {
        match self {
            Kind::Treaty => Some("treaties"),
            Kind::Organisation => Some("organisations"),
            Kind::Principle => Some("principles"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_round_trip() {
        for k in Kind::SECTIONS {
            assert_eq!(Kind::from_folder(k.folder()), Some(k));
        }
        assert_eq!(Kind::from_folder("treaty"), None);
        assert_eq!(Kind::from_folder(""), None);
    }
}
