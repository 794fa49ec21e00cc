//! Open data: the front matter of treaties, organisations, principles and
//! cases as JSON and CSV, for researchers to reuse.
//!
//! 1. [`records`]: one [`Record`] per published page of an exported kind
//!    (never a draft, even in a `--drafts` build), with its absolute URL,
//!    its tags and its backlinks, sorted by slug.
//! 2. [`outputs`]: each list as `data/<folder>.json` (serde_json) and
//!    `data/<folder>.csv` (columns in [`columns`](crate::columns)), and
//!    `data/index.json`, a [`DataIndex`] describing every file and column.
//!
//! Field and column names are a public format: add them, never rename them.

use serde::{Deserialize, Serialize};

use crate::columns::{self, Column};
use crate::graph::{Graph, Relations};
use crate::kind::Kind;
use crate::page::{Meta, Page};
use crate::raw::{CaseType, Count, Instrument, Source, Status};
use crate::render::Output;
use crate::views::Views;

/// The kinds exported, in menu order.
pub const KINDS: [Kind; 4] = [Kind::Treaty, Kind::Organisation, Kind::Principle, Kind::Case];

/// Path below the output folder of a kind's export (`data/treaties.json`).
pub fn path(kind: Kind, extension: &str) -> String {
    format!("data/{}.{extension}", kind.folder())
}

/// One page in the open data: the front matter, URL, tags and backlinks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record<F> {
    pub slug: String,
    /// Absolute URL of the page.
    pub url: String,
    pub title: String,
    pub summary: String,
    pub updated: Option<String>,
    /// The kind's own fields.
    #[serde(flatten)]
    pub fields: F,
    /// Slugs of the treaties this page is tagged with.
    pub treaties: Vec<String>,
    pub organisations: Vec<String>,
    pub principles: Vec<String>,
    /// Pages tagged with this one, as their path below the base URL (`cases/takedown`).
    pub backlinks: Vec<String>,
    pub sources: Vec<SourceRecord>,
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord {
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub accessed: Option<String>,
}

/// A dated count (parties, signatories).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountRecord {
    pub count: u32,
    pub as_of: Option<String>,
    pub source: Option<String>,
}

/// A treaty's own fields; relations are slugs of treaties or organisations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreatyData {
    pub short_title: Option<String>,
    pub reference: Option<String>,
    pub instrument: Instrument,
    pub binding: bool,
    pub adopted: Option<String>,
    pub opened_for_signature: Option<String>,
    pub in_force: Option<String>,
    pub status: Option<Status>,
    pub status_as_of: Option<String>,
    pub depositary: Option<String>,
    pub text_url: Option<String>,
    pub parent: Option<String>,
    pub supersedes: Vec<String>,
    pub amends: Vec<String>,
    pub parties: Option<CountRecord>,
    pub signatories: Option<CountRecord>,
}

/// An organisation's own fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationData {
    pub short_title: Option<String>,
    pub founded: Option<String>,
    pub headquarters: Option<String>,
    pub website: Option<String>,
    pub parent: Option<String>,
}

/// A principle has no fields of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrincipleData {}

/// A case study's own fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseData {
    pub date: Option<String>,
    pub end_date: Option<String>,
    pub case_type: Option<CaseType>,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    pub outcome: Option<String>,
}

/// `data/index.json`: what the files are and what their columns hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataIndex {
    pub title: String,
    /// The site's base URL.
    pub site: String,
    /// The newest `updated` of any exported page.
    pub updated: Option<String>,
    pub generator: String,
    /// How the files are laid out, in a sentence or two.
    pub format: String,
    pub files: Vec<DataFile>,
}

/// One exported kind, in both formats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataFile {
    pub kind: String,
    pub title: String,
    pub records: usize,
    pub json: String,
    pub csv: String,
    pub columns: Vec<ColumnDoc>,
}

/// A CSV column (and JSON field) and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnDoc {
    pub name: String,
    pub description: String,
}

const FORMAT: &str = "Each kind is a JSON array of records sorted by slug, and a CSV file (UTF-8, comma-separated, \
RFC 4180 quoting, CRLF line ends) with a header row and one row per record. Dates are YYYY-MM-DD, or YYYY-MM or \
YYYY when only that much is known. CSV cells join lists with ';' and \
flatten counts into <name>_count, <name>_as_of and <name>_source; an empty cell is a missing value; free text \
starting with = + - or @ gets a leading apostrophe so spreadsheets do not run it. JSON keeps lists as arrays, \
sources as objects and counts as objects, with the exact text.";

/// Every open-data file: JSON and CSV per kind, and the index.
pub fn outputs(views: &Views) -> Vec<Output> {
    let mut out = Vec::new();
    let files = vec![
        export(views, Kind::Treaty, treaty_data, &columns::treaty(), &mut out),
        export(views, Kind::Organisation, organisation_data, &columns::organisation(), &mut out),
        export(views, Kind::Principle, |_, _, _| Some(PrincipleData {}), &columns::principle(), &mut out),
        export(views, Kind::Case, case_data, &columns::case(), &mut out),
    ];
    let index = DataIndex {
        title: views.config.title.clone(),
        site: views.config.base_url.clone(),
        updated: published(views.graph).filter_map(|p| p.common.updated_date()).max().map(|d| d.to_string()),
        generator: format!("treatise {}", env!("CARGO_PKG_VERSION")),
        format: FORMAT.into(),
        files,
    };
    out.push(Output { path: "data/index.json".into(), bytes: json(&index) });
    out
}

/// Writes one kind's JSON and CSV into `out`; returns its index entry.
fn export<F: Serialize>(
    views: &Views,
    kind: Kind,
    data: impl Fn(&Graph, &Page, &Relations) -> Option<F>,
    columns: &[Column<Record<F>>],
    out: &mut Vec<Output>,
) -> DataFile {
    let records = records(views, kind, data);
    let (json_path, csv_path) = (path(kind, "json"), path(kind, "csv"));
    out.push(Output { path: json_path.clone(), bytes: json(&records) });
    out.push(Output { path: csv_path.clone(), bytes: columns::write(columns, &records) });
    DataFile {
        kind: kind.name().into(),
        title: views.section_title(kind).to_string(),
        records: records.len(),
        json: format!("{}{json_path}", views.config.base_url),
        csv: format!("{}{csv_path}", views.config.base_url),
        columns: columns.iter().map(|c| ColumnDoc { name: c.name.into(), description: c.description.into() }).collect(),
    }
}

/// Pretty JSON with a final newline.
pub fn json(value: &impl Serialize) -> Vec<u8> {
    // Records hold only strings, numbers, booleans, lists and string-keyed maps,
    // which serde_json always serializes.
    let mut bytes = serde_json::to_vec_pretty(value).expect("records serialize to JSON");
    bytes.push(b'\n');
    bytes
}

fn published(graph: &Graph) -> impl Iterator<Item = &Page> {
    graph.pages.values().filter(|p| !p.common.draft)
}

/// The records of one kind, sorted by slug; `data` reads the kind's fields.
pub fn records<F>(views: &Views, kind: Kind, data: impl Fn(&Graph, &Page, &Relations) -> Option<F>) -> Vec<Record<F>> {
    let graph = views.graph;
    let empty = Relations::default();
    let mut pages: Vec<&Page> = published(graph).filter(|p| p.kind == kind).collect();
    pages.sort_by(|a, b| a.slug.cmp(&b.slug));
    pages
        .into_iter()
        .filter_map(|page| {
            let rel = graph.relations.get(&page.key).unwrap_or(&empty);
            let fields = data(graph, page, rel)?;
            let tags = |k: Kind| slugs(graph, rel.tags.get(&k).map_or(&[][..], Vec::as_slice));
            let mut backlinks: Vec<String> = rel
                .backlinks
                .values()
                .flatten()
                .filter_map(|key| public(graph, key))
                .map(|p| p.path.trim_end_matches('/').to_string())
                .collect();
            backlinks.sort();
            Some(Record {
                slug: page.slug.clone(),
                url: format!("{}{}", views.config.base_url, page.path),
                title: page.common.title.clone(),
                summary: page.common.summary.clone(),
                updated: page.common.updated_date().map(|d| d.to_string()),
                fields,
                treaties: tags(Kind::Treaty),
                organisations: tags(Kind::Organisation),
                principles: tags(Kind::Principle),
                backlinks,
                sources: page.common.sources.iter().map(|s| source_record(s.get_ref())).collect(),
            })
        })
        .collect()
}

/// The page at `key`, unless it is a draft.
fn public<'g>(graph: &'g Graph, key: &str) -> Option<&'g Page> {
    graph.pages.get(key).filter(|p| !p.common.draft)
}

/// Slugs of the published pages among `keys`.
fn slugs(graph: &Graph, keys: &[String]) -> Vec<String> {
    keys.iter().filter_map(|k| public(graph, k)).map(|p| p.slug.clone()).collect()
}

fn slug(graph: &Graph, key: Option<&String>) -> Option<String> {
    key.and_then(|k| public(graph, k)).map(|p| p.slug.clone())
}

fn treaty_data(graph: &Graph, page: &Page, rel: &Relations) -> Option<TreatyData> {
    let Meta::Treaty(t) = &page.meta else { return None };
    let date = |d: Option<crate::date::PartialDate>| d.map(|d| d.to_string());
    Some(TreatyData {
        short_title: t.short_title.clone(),
        reference: t.reference.clone(),
        instrument: t.instrument,
        binding: t.binding,
        adopted: date(t.adopted),
        opened_for_signature: date(t.opened_for_signature),
        in_force: date(t.in_force),
        status: t.status.as_ref().map(|s| *s.get_ref()),
        status_as_of: date(t.status_as_of),
        depositary: slug(graph, rel.depositary.as_ref()),
        text_url: t.text_url.as_ref().map(|u| u.get_ref().clone()),
        parent: slug(graph, rel.parent.as_ref()),
        supersedes: slugs(graph, &rel.supersedes),
        amends: slugs(graph, &rel.amends),
        parties: t.parties.as_ref().map(|c| count_record(c.get_ref())),
        signatories: t.signatories.as_ref().map(|c| count_record(c.get_ref())),
    })
}

fn organisation_data(graph: &Graph, page: &Page, rel: &Relations) -> Option<OrganisationData> {
    let Meta::Organisation(o) = &page.meta else { return None };
    Some(OrganisationData {
        short_title: o.short_title.clone(),
        founded: o.founded.map(|d| d.to_string()),
        headquarters: o.headquarters.clone(),
        website: o.website.as_ref().map(|u| u.get_ref().clone()),
        parent: slug(graph, rel.parent.as_ref()),
    })
}

fn case_data(_: &Graph, page: &Page, _: &Relations) -> Option<CaseData> {
    let Meta::Case(c) = &page.meta else { return None };
    Some(CaseData {
        date: c.date.map(|d| d.to_string()),
        end_date: c.end_date.as_ref().map(|d| d.get_ref().to_string()),
        case_type: c.case_type,
        countries: c.countries.iter().map(|code| code.get_ref().clone()).collect(),
        outcome: c.outcome.clone(),
    })
}

fn source_record(s: &Source) -> SourceRecord {
    SourceRecord {
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        url: s.url.as_ref().map(|u| u.get_ref().clone()),
        accessed: s.accessed.map(|d| d.to_string()),
    }
}

fn count_record(c: &Count) -> CountRecord {
    CountRecord {
        count: c.count,
        as_of: c.as_of.map(|d| d.to_string()),
        source: c.source.as_ref().map(|u| u.get_ref().clone()),
    }
}
