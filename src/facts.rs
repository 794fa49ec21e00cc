//! The fact boxes of content pages: what a treaty, an organisation or a
//! case study states about itself, for the templates.
//!
//! 1. [`Views::treaty`] and [`Views::organisation`] resolve relations
//!    (depositary, parent, protocols…) to links through the graph.
//! 2. [`case_view`] names the countries of a case.
//! 3. Dates stay ISO strings; labels come from [`crate::labels`].

use serde::Serialize;

use crate::countries;
use crate::graph::Relations;
use crate::labels::{case_type_label, instrument_label, status_label};
use crate::page::{Meta, Page};
use crate::raw::Count;
use crate::views::{LinkView, Views};

/// A dated count.
#[derive(Debug, Serialize)]
pub struct CountView<'a> {
    pub count: u32,
    pub as_of: Option<String>,
    pub source: Option<&'a str>,
}

/// A treaty's fact box.
#[derive(Debug, Serialize)]
pub struct TreatyView<'a> {
    pub instrument: &'static str,
    pub binding: bool,
    pub short_title: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub adopted: Option<String>,
    pub opened_for_signature: Option<String>,
    pub in_force: Option<String>,
    pub status: Option<&'static str>,
    pub status_as_of: Option<String>,
    pub parties: Option<CountView<'a>>,
    pub signatories: Option<CountView<'a>>,
    pub text_url: Option<&'a str>,
    pub depositary: Option<LinkView<'a>>,
    pub parent: Option<LinkView<'a>>,
    pub protocols: Vec<LinkView<'a>>,
    pub supersedes: Vec<LinkView<'a>>,
    pub superseded_by: Vec<LinkView<'a>>,
    pub amends: Vec<LinkView<'a>>,
    pub amended_by: Vec<LinkView<'a>>,
}

/// An organisation's fact box.
#[derive(Debug, Serialize)]
pub struct OrganisationView<'a> {
    pub short_title: Option<&'a str>,
    pub founded: Option<String>,
    pub headquarters: Option<&'a str>,
    pub website: Option<&'a str>,
    pub parent: Option<LinkView<'a>>,
    pub children: Vec<LinkView<'a>>,
    pub depositary_of: Vec<LinkView<'a>>,
}

/// A country named on a case.
#[derive(Debug, Serialize)]
pub struct CountryView<'a> {
    pub code: &'a str,
    pub name: &'static str,
}

/// A case study's fact box.
#[derive(Debug, Serialize)]
pub struct CaseView<'a> {
    pub date: Option<String>,
    pub end_date: Option<String>,
    pub case_type: Option<&'static str>,
    pub countries: Vec<CountryView<'a>>,
    pub outcome: Option<&'a str>,
}

impl<'a> Views<'a> {
    /// A treaty's fact box, if the page is a treaty.
    pub fn treaty(&self, page: &'a Page, rel: &Relations) -> Option<TreatyView<'a>> {
        let Meta::Treaty(t) = &page.meta else { return None };
        Some(TreatyView {
            instrument: instrument_label(t.instrument),
            binding: t.binding,
            short_title: t.short_title.as_deref(),
            reference: t.reference.as_deref(),
            adopted: t.adopted.map(|d| d.to_string()),
            opened_for_signature: t.opened_for_signature.map(|d| d.to_string()),
            in_force: t.in_force.map(|d| d.to_string()),
            status: t.status.as_ref().map(|s| status_label(*s.get_ref())),
            status_as_of: t.status_as_of.map(|d| d.to_string()),
            parties: t.parties.as_ref().map(|c| count_view(c.get_ref())),
            signatories: t.signatories.as_ref().map(|c| count_view(c.get_ref())),
            text_url: t.text_url.as_ref().map(|u| u.get_ref().as_str()),
            depositary: rel.depositary.as_deref().and_then(|k| self.link(k)),
            parent: rel.parent.as_deref().and_then(|k| self.link(k)),
            protocols: self.links(&rel.children),
            supersedes: self.links(&rel.supersedes),
            superseded_by: self.links(&rel.superseded_by),
            amends: self.links(&rel.amends),
            amended_by: self.links(&rel.amended_by),
        })
    }

    /// An organisation's fact box, if the page is an organisation.
    pub fn organisation(&self, page: &'a Page, rel: &Relations) -> Option<OrganisationView<'a>> {
        let Meta::Organisation(o) = &page.meta else { return None };
        Some(OrganisationView {
            short_title: o.short_title.as_deref(),
            founded: o.founded.map(|d| d.to_string()),
            headquarters: o.headquarters.as_deref(),
            website: o.website.as_ref().map(|u| u.get_ref().as_str()),
            parent: rel.parent.as_deref().and_then(|k| self.link(k)),
            children: self.links(&rel.children),
            depositary_of: self.links(&rel.depositary_of),
        })
    }
}

/// A country code with its short English name.
pub fn country_view(code: &toml::Spanned<String>) -> CountryView<'_> {
    CountryView { code: code.get_ref(), name: countries::name(code.get_ref()).unwrap_or("") }
}

/// A case study's fact box, if the page is a case.
pub fn case_view(page: &Page) -> Option<CaseView<'_>> {
    let Meta::Case(c) = &page.meta else { return None };
    Some(CaseView {
        date: c.date.map(|d| d.to_string()),
        end_date: c.end_date.as_ref().map(|d| d.get_ref().to_string()),
        case_type: c.case_type.map(case_type_label),
        countries: c.countries.iter().map(country_view).collect(),
        outcome: c.outcome.as_deref(),
    })
}

fn count_view(c: &Count) -> CountView<'_> {
    CountView {
        count: c.count,
        as_of: c.as_of.map(|d| d.to_string()),
        source: c.source.as_ref().map(|u| u.get_ref().as_str()),
    }
}
