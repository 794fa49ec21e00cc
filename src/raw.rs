//! Front matter as editors write it: one strict type per kind of page.
//!
//! Every kind shares the common fields (title, summary, tags, sources…);
//! [`front_matter!`] writes them into each kind's struct, because serde's
//! `flatten` cannot be combined with `deny_unknown_fields`, and a typo in a
//! field name must be an error. [`into_parts`](TreatyFrontMatter::into_parts)
//! splits a parsed struct into the shared [`Common`] and the kind's fields.
//! Field names here are the public format: add fields, never rename them.

use serde::Deserialize;
use toml::Spanned;

use crate::date::PartialDate;

/// A list of page slugs, each with its span in the front matter.
pub type Tags = Vec<Spanned<String>>;

/// One cited source.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<Spanned<String>>,
    pub accessed: Option<PartialDate>,
}

/// A dated count (parties, signatories) with the URL that gives it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub count: u32,
    pub as_of: Option<PartialDate>,
    pub source: Option<Spanned<String>>,
}

/// What kind of instrument a treaty page describes.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Instrument {
    Treaty,
    Protocol,
    Directive,
    Regulation,
    Resolution,
    Report,
    Declaration,
    Manual,
    Strategy,
}

/// Legal force of a binding instrument.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    InForce,
    NotYetInForce,
    Superseded,
    Repealed,
}

/// What a case study is about.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum CaseType {
    LawEnforcementOperation,
    Attribution,
    Sanctions,
    Incident,
}

/// The fields every page has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Common {
    pub title: String,
    pub summary: String,
    pub slug: Option<Spanned<String>>,
    pub draft: bool,
    pub updated: Option<Spanned<PartialDate>>,
    pub treaties: Tags,
    pub organisations: Tags,
    pub principles: Tags,
    pub sources: Vec<Spanned<Source>>,
}

macro_rules! front_matter {
    ($(#[$meta:meta])* $name:ident => $fields:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            pub title: String,
            pub summary: String,
            pub slug: Option<Spanned<String>>,
            #[serde(default)]
            pub draft: bool,
            pub updated: Option<Spanned<PartialDate>>,
            #[serde(default)]
            pub treaties: Tags,
            #[serde(default)]
            pub organisations: Tags,
            #[serde(default)]
            pub principles: Tags,
            #[serde(default)]
            pub sources: Vec<Spanned<Source>>,
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        /// The fields of this kind only (deserializable alone, e.g. from an export).
        #[derive(Debug, Clone, PartialEq, Deserialize)]
        pub struct $fields {
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        impl $name {
            /// Splits into the shared fields and this kind's own.
            pub fn into_parts(self) -> (Common, $fields) {
                let common = Common {
                    title: self.title,
                    summary: self.summary,
                    slug: self.slug,
                    draft: self.draft,
                    updated: self.updated,
                    treaties: self.treaties,
                    organisations: self.organisations,
                    principles: self.principles,
                    sources: self.sources,
                };
                (common, $fields { $($field: self.$field,)* })
            }
        }
    };
}

front_matter! {
    /// Front matter of a treaty or other instrument (`content/treaties/`).
    TreatyFrontMatter => TreatyFields {
        short_title: Option<String>,
        reference: Option<String>,
        instrument: Instrument,
        binding: bool,
        adopted: Option<PartialDate>,
        opened_for_signature: Option<PartialDate>,
        in_force: Option<PartialDate>,
        status: Option<Spanned<Status>>,
        status_as_of: Option<PartialDate>,
        depositary: Option<Spanned<String>>,
        text_url: Option<Spanned<String>>,
        parent: Option<Spanned<String>>,
        #[serde(default)]
        supersedes: Tags,
        #[serde(default)]
        amends: Tags,
        parties: Option<Spanned<Count>>,
        signatories: Option<Spanned<Count>>,
    }
}

front_matter! {
    /// Front matter of an organisation (`content/organisations/`).
    OrganisationFrontMatter => OrganisationFields {
        short_title: Option<String>,
        founded: Option<PartialDate>,
        headquarters: Option<String>,
        website: Option<Spanned<String>>,
        parent: Option<Spanned<String>>,
    }
}

front_matter! {
    /// Front matter of a case study (`content/cases/`).
    CaseFrontMatter => CaseFields {
        date: Option<PartialDate>,
        end_date: Option<PartialDate>,
        case_type: Option<CaseType>,
        #[serde(default)]
        countries: Vec<Spanned<String>>,
        outcome: Option<String>,
    }
}

front_matter! {
    /// Front matter of a principle, topic or plain page.
    PlainFrontMatter => PlainFields {}
}

/// Front matter of a section's `_index.md` (and the home page).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SectionFrontMatter {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub updated: Option<PartialDate>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn treaty_needs_instrument_and_binding() {
        let e = toml::from_str::<TreatyFrontMatter>("title = \"T\"\nsummary = \"S\"\nbinding = true\n").unwrap_err();
        assert!(e.message().contains("missing field `instrument`"), "{}", e.message());
    }

    #[test]
    fn unknown_field_is_rejected() {
        let e = toml::from_str::<PlainFrontMatter>("title = \"T\"\nsummary = \"S\"\ntreaty = []\n").unwrap_err();
        assert!(e.message().contains("unknown field `treaty`"), "{}", e.message());
    }

    #[test]
    fn into_parts_keeps_every_field() {
        let src = "title = \"T\"\nsummary = \"S\"\ntreaties = [\"a\"]\ninstrument = \"protocol\"\nbinding = true\nparent = \"a\"\n";
        let (common, fields) = toml::from_str::<TreatyFrontMatter>(src).unwrap().into_parts();
        assert_eq!(common.treaties[0].get_ref(), "a");
        assert_eq!(fields.instrument, Instrument::Protocol);
        assert_eq!(fields.parent.unwrap().get_ref(), "a");
    }
}
