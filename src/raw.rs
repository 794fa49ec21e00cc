//! Front matter as editors write it: one strict type per kind of page.
//!
//! Every kind shares the common fields (title, summary, tags, sources…);
//! [`front_matter!`] writes them into each kind's struct, because serde's
//! `flatten` cannot be combined with `deny_unknown_fields`, and a typo in a
//! field name must be an error. [`into_parts`](TreatyFrontMatter::into_parts)
//! splits a parsed struct into the shared [`Common`] and the kind's fields.
//! Field names here are the public format: add fields, never rename them.
//!
//! The same types give `treatise schema` its JSON Schema (schemars): doc
//! comments become descriptions, and a `Spanned` field is described as the
//! value it wraps (`#[schemars(with = …)]`), with the shape `build` checks
//! for it (a slug, an http(s) URL, a country code; see [`crate::schema`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::date::PartialDate;
use crate::schema::{CountryCode, HttpUrl, Slug};

/// A list of page slugs, each with its span in the front matter.
pub type Tags = Vec<Spanned<String>>;

/// One cited source: `[[sources]]`, after the plain fields.
#[derive(Debug, Clone, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the document cited, as it reads.
    pub title: String,
    /// Who published it (an organisation, a court, a newspaper).
    pub publisher: Option<String>,
    /// Address of the document (http or https).
    #[schemars(with = "Option<HttpUrl>")]
    pub url: Option<Spanned<String>>,
    /// The day you read the document at that address.
    pub accessed: Option<PartialDate>,
}

/// A count that changes over time (`[parties]`, `[signatories]`), with the
/// date it was true and the page that gives it.
#[derive(Debug, Clone, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Count {
    /// How many states (or parties) on the `as_of` date.
    pub count: u32,
    /// The date on which the count was true.
    pub as_of: Option<PartialDate>,
    /// Address of the page that gives the count, e.g. the depositary's chart.
    #[schemars(with = "Option<HttpUrl>")]
    pub source: Option<Spanned<String>>,
}

/// What kind of instrument a treaty page describes.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, JsonSchema)]
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
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    InForce,
    NotYetInForce,
    Superseded,
    Repealed,
}

/// What a case study is about.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, JsonSchema)]
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

impl Common {
    /// The `updated` date without its span.
    pub fn updated_date(&self) -> Option<PartialDate> {
        self.updated.as_ref().map(|u| *u.get_ref())
    }
}

macro_rules! front_matter {
    ($(#[$meta:meta])* $name:ident => $fields:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// The page's title, as it reads in full.
            pub title: String,
            /// One or two sentences: shown in listings, search results and the page's description.
            pub summary: String,
            /// The last part of the page's URL, if not the file name: a-z, 0-9 and '-'.
            #[schemars(with = "Option<Slug>")]
            pub slug: Option<Spanned<String>>,
            /// A draft is left out of the site unless built with --drafts.
            #[serde(default)]
            pub draft: bool,
            /// The day the page was last checked against its sources.
            #[schemars(with = "Option<PartialDate>")]
            pub updated: Option<Spanned<PartialDate>>,
            /// Slugs of the treaty pages this page is about (content/treaties/SLUG.md).
            #[serde(default)]
            #[schemars(with = "Vec<Slug>")]
            pub treaties: Tags,
            /// Slugs of the organisation pages this page is about (content/organisations/SLUG.md).
            #[serde(default)]
            #[schemars(with = "Vec<Slug>")]
            pub organisations: Tags,
            /// Slugs of the principle pages this page is about (content/principles/SLUG.md).
            #[serde(default)]
            #[schemars(with = "Vec<Slug>")]
            pub principles: Tags,
            /// The documents the page relies on; `treatise check` requires them on treaties and cases.
            #[serde(default)]
            #[schemars(with = "Vec<Source>")]
            pub sources: Vec<Spanned<Source>>,
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        /// The fields of this kind only (deserializable alone, e.g. from an export).
        #[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
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
        /// A short name used in lists and tables ("Budapest Convention").
        short_title: Option<String>,
        /// The official reference: ETS No. 185, A/70/174, (EU) 2022/2555.
        reference: Option<String>,
        /// What kind of instrument it is.
        instrument: Instrument,
        /// Whether it is legally binding on its parties.
        binding: bool,
        /// The day the text was adopted.
        adopted: Option<PartialDate>,
        /// The day it was opened for signature.
        opened_for_signature: Option<PartialDate>,
        /// The day it entered into force.
        in_force: Option<PartialDate>,
        /// Legal force, for binding instruments only; give `status_as_of` with it.
        #[schemars(with = "Option<Status>")]
        status: Option<Spanned<Status>>,
        /// The day the status was checked.
        status_as_of: Option<PartialDate>,
        /// Slug of the organisation that is the depositary.
        #[schemars(with = "Option<Slug>")]
        depositary: Option<Spanned<String>>,
        /// Address of the official text (http or https).
        #[schemars(with = "Option<HttpUrl>")]
        text_url: Option<Spanned<String>>,
        /// Slug of the treaty this one belongs to (a protocol's convention).
        #[schemars(with = "Option<Slug>")]
        parent: Option<Spanned<String>>,
        /// Slugs of the treaties this one replaces.
        #[serde(default)]
        #[schemars(with = "Vec<Slug>")]
        supersedes: Tags,
        /// Slugs of the treaties this one amends.
        #[serde(default)]
        #[schemars(with = "Vec<Slug>")]
        amends: Tags,
        /// How many parties, as of a date, from a source: `[parties]`.
        #[schemars(with = "Option<Count>")]
        parties: Option<Spanned<Count>>,
        /// How many signatories, as of a date, from a source: `[signatories]`.
        #[schemars(with = "Option<Count>")]
        signatories: Option<Spanned<Count>>,
    }
}

front_matter! {
    /// Front matter of an organisation (`content/organisations/`).
    OrganisationFrontMatter => OrganisationFields {
        /// A short name or acronym ("CoE").
        short_title: Option<String>,
        /// The day (or year) it was founded.
        founded: Option<PartialDate>,
        /// City (and country) of its headquarters.
        headquarters: Option<String>,
        /// Address of its official website (http or https).
        #[schemars(with = "Option<HttpUrl>")]
        website: Option<Spanned<String>>,
        /// Slug of the organisation it is part of.
        #[schemars(with = "Option<Slug>")]
        parent: Option<Spanned<String>>,
    }
}

front_matter! {
    /// Front matter of a case study (`content/cases/`).
    CaseFrontMatter => CaseFields {
        /// The day (or month, or year) the case happened or began.
        date: Option<PartialDate>,
        /// The day it ended, if it lasted.
        #[schemars(with = "Option<PartialDate>")]
        end_date: Option<Spanned<PartialDate>>,
        /// What the case is about.
        case_type: Option<CaseType>,
        /// Countries involved, as ISO 3166-1 alpha-2 codes ("NL", "GB", "US").
        #[serde(default)]
        #[schemars(with = "Vec<CountryCode>")]
        countries: Vec<Spanned<String>>,
        /// What came of it, in a sentence.
        outcome: Option<String>,
    }
}

front_matter! {
    /// Front matter of a principle, topic or plain page.
    PlainFrontMatter => PlainFields {}
}

/// Front matter of a section's `_index.md` (and the home page).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionFrontMatter {
    /// The section's title.
    pub title: String,
    /// One or two sentences introducing the section.
    #[serde(default)]
    pub summary: String,
    /// The day the section was last checked.
    pub updated: Option<PartialDate>,
    /// The documents the section relies on.
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
