//! The CSV form of the open data: fixed, documented columns per kind.
//!
//! 1. Each kind has a list of [`Column`]s: a name, what it holds, and how
//!    to read it from a record. The header and every row come from the same
//!    list, so every row has the header's width.
//! 2. Cells: lists joined with `;`, counts flattened into three columns,
//!    and free text that a spreadsheet would run as a formula guarded with
//!    a leading `'`.
//! 3. [`write`] writes the header and the rows with the `csv` crate.
//!
//! Column names are a public format: add columns, never rename or reorder them.

use serde::Serialize;

use crate::export::{CaseData, CountRecord, OrganisationData, PrincipleData, Record, TreatyData};

/// One column of a CSV export.
pub struct Column<R> {
    pub name: &'static str,
    pub description: &'static str,
    pub value: fn(&R) -> String,
}

fn col<R>(name: &'static str, description: &'static str, value: fn(&R) -> String) -> Column<R> {
    Column { name, description, value }
}

/// Writes the header and one row per record (RFC 4180, CRLF line ends).
pub fn write<R>(columns: &[Column<R>], rows: &[R]) -> Vec<u8> {
    // The only errors the csv writer reports come from the underlying
    // writer, and writing to memory does not fail.
    const IN_MEMORY: &str = "writing CSV to memory";
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(columns.iter().map(|c| c.name)).expect(IN_MEMORY);
    for row in rows {
        w.write_record(columns.iter().map(|c| (c.value)(row))).expect(IN_MEMORY);
    }
    w.into_inner().expect(IN_MEMORY)
}

/// The columns of `data/treaties.csv`.
pub fn treaty() -> Vec<Column<Record<TreatyData>>> {
    let own = vec![
        col("short_title", "short or popular title", |r: &Record<TreatyData>| optional_text(&r.fields.short_title)),
        col("reference", "official reference (ETS 185, A/70/174)", |r| optional_text(&r.fields.reference)),
        col(
            "instrument",
            "treaty, protocol, directive, regulation, resolution, report, declaration, manual or strategy",
            |r| name(&r.fields.instrument),
        ),
        col("binding", "true if legally binding, else false", |r| r.fields.binding.to_string()),
        col("adopted", "date adopted", |r| plain(&r.fields.adopted)),
        col("opened_for_signature", "date opened for signature", |r| plain(&r.fields.opened_for_signature)),
        col("in_force", "date of entry into force", |r| plain(&r.fields.in_force)),
        col("status", "legal force of a binding instrument: in-force, not-yet-in-force, superseded or repealed", |r| {
            r.fields.status.as_ref().map(name).unwrap_or_default()
        }),
        col("status_as_of", "date the status was checked", |r| plain(&r.fields.status_as_of)),
        col("depositary", "slug of the depositary organisation", |r| plain(&r.fields.depositary)),
        col("text_url", "URL of the official text", |r| plain(&r.fields.text_url)),
        col("parent", "slug of the treaty this one is a protocol to", |r| plain(&r.fields.parent)),
        col("supersedes", "slugs of the treaties this one supersedes", |r| list(&r.fields.supersedes)),
        col("amends", "slugs of the treaties this one amends", |r| list(&r.fields.amends)),
        col("parties_count", "number of parties", |r| count(&r.fields.parties, |c| c.count.to_string())),
        col("parties_as_of", "date of the number of parties", |r| count(&r.fields.parties, |c| plain(&c.as_of))),
        col("parties_source", "URL that gives the number of parties", |r| {
            count(&r.fields.parties, |c| plain(&c.source))
        }),
        col("signatories_count", "number of signatories", |r| count(&r.fields.signatories, |c| c.count.to_string())),
        col("signatories_as_of", "date of the number of signatories", |r| {
            count(&r.fields.signatories, |c| plain(&c.as_of))
        }),
        col("signatories_source", "URL that gives the number of signatories", |r| {
            count(&r.fields.signatories, |c| plain(&c.source))
        }),
    ];
    around(own)
}

/// The columns of `data/organisations.csv`.
pub fn organisation() -> Vec<Column<Record<OrganisationData>>> {
    around(vec![
        col("short_title", "short name or acronym", |r: &Record<OrganisationData>| {
            optional_text(&r.fields.short_title)
        }),
        col("founded", "date founded", |r| plain(&r.fields.founded)),
        col("headquarters", "seat of the organisation", |r| optional_text(&r.fields.headquarters)),
        col("website", "URL of the organisation's website", |r| plain(&r.fields.website)),
        col("parent", "slug of the organisation this one belongs to", |r| plain(&r.fields.parent)),
    ])
}

/// The columns of `data/principles.csv`.
pub fn principle() -> Vec<Column<Record<PrincipleData>>> {
    around(Vec::new())
}

/// The columns of `data/cases.csv`.
pub fn case() -> Vec<Column<Record<CaseData>>> {
    around(vec![
        col("date", "date the case began or happened", |r: &Record<CaseData>| plain(&r.fields.date)),
        col("end_date", "date the case ended", |r| plain(&r.fields.end_date)),
        col("case_type", "law-enforcement-operation, attribution, sanctions or incident", |r| {
            r.fields.case_type.as_ref().map(name).unwrap_or_default()
        }),
        col("countries", "ISO 3166-1 alpha-2 codes of the countries involved", |r| list(&r.fields.countries)),
        col("outcome", "what came of it", |r| optional_text(&r.fields.outcome)),
    ])
}

/// The shared columns around a kind's own: identity first, links last.
fn around<F>(own: Vec<Column<Record<F>>>) -> Vec<Column<Record<F>>> {
    let mut columns = vec![
        col("slug", "the page's id within its kind, and the last part of its URL", |r: &Record<F>| r.slug.clone()),
        col("url", "absolute URL of the page", |r| r.url.clone()),
        col("title", "title of the page", |r| text(&r.title)),
        col("summary", "one or two sentences on what it is", |r| text(&r.summary)),
        col("updated", "date the page was last checked", |r| plain(&r.updated)),
    ];
    columns.extend(own);
    columns.extend([
        col("treaties", "slugs of the treaties the page is tagged with", |r: &Record<F>| list(&r.treaties)),
        col("organisations", "slugs of the organisations the page is tagged with", |r| list(&r.organisations)),
        col("principles", "slugs of the principles the page is tagged with", |r| list(&r.principles)),
        col("backlinks", "pages tagged with this one, as paths below the site URL (cases/x)", |r| list(&r.backlinks)),
        col("source_urls", "URLs of the cited sources (a ';' inside one is written %3B)", |r| {
            list(&r.sources.iter().filter_map(|s| s.url.as_ref()).map(|u| u.replace(';', "%3B")).collect::<Vec<_>>())
        }),
    ]);
    columns
}

/// A value as it is (dates, URLs, slugs), or an empty cell.
fn plain(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// Free text, with a leading `'` if a spreadsheet would read it as a formula.
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() }
}

fn optional_text(value: &Option<String>) -> String {
    value.as_deref().map(text).unwrap_or_default()
}

fn list(items: &[String]) -> String {
    items.join(";")
}

fn count(c: &Option<CountRecord>, part: fn(&CountRecord) -> String) -> String {
    c.as_ref().map(part).unwrap_or_default()
}

/// The front-matter spelling of an enum value (`not-yet-in-force`).
fn name(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(title: &str) -> Record<PrincipleData> {
        Record {
            slug: "s".into(),
            url: "https://example.org/principles/s/".into(),
            title: title.into(),
            summary: "a, \"quoted\"\nsummary".into(),
            updated: None,
            fields: PrincipleData {},
            treaties: vec!["a".into(), "b".into()],
            organisations: Vec::new(),
            principles: Vec::new(),
            backlinks: Vec::new(),
            sources: Vec::new(),
        }
    }

    #[test]
    fn formulas_are_guarded_and_lists_joined() {
        let bytes = write(&principle(), &[record("=HYPERLINK(\"x\")")]);
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[2], "'=HYPERLINK(\"x\")");
        assert_eq!(&row[3], "a, \"quoted\"\nsummary");
        assert_eq!(&row[5], "a;b");
    }

    #[test]
    fn column_names_are_unique() {
        for names in [
            treaty().iter().map(|c| c.name).collect::<Vec<_>>(),
            organisation().iter().map(|c| c.name).collect(),
            case().iter().map(|c| c.name).collect(),
        ] {
            let mut sorted = names.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len(), "{names:?}");
        }
    }
}
