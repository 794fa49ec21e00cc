//! `treatise new KIND "Title"`: a draft page for an editor to fill in.
//!
//! 1. [`template`] writes the page: the kind's required fields with valid
//!    placeholders, optional ones commented out with what to check, `TODO`
//!    where the editor must write (which `check` reports), `draft = true`.
//! 2. [`create`] makes the slug from the title and writes the file to
//!    `content/<folder>/<slug>.md`, never over an existing file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::date::PartialDate;
use crate::kind::Kind;

/// Writes a new draft page of `kind`; returns its path relative to `root`.
pub fn create(root: &Path, kind: Kind, title: &str, today: PartialDate) -> anyhow::Result<PathBuf> {
    if !root.join("site.toml").is_file() {
        bail!("no site.toml in {}: run treatise in the site's folder, or pass --root", root.display());
    }
    let slug = slug::slugify(title);
    if slug.is_empty() {
        bail!("the title {title:?} gives no file name: use a title with letters or digits");
    }
    let rel = Path::new("content").join(kind.folder()).join(format!("{slug}.md"));
    let path = root.join(&rel);
    let folder = path.parent().unwrap_or(root);
    std::fs::create_dir_all(folder).with_context(|| format!("failed to create {}", folder.display()))?;
    let mut file = match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("{} already exists; nothing was written (edit that file, or choose another title)", rel.display())
        }
        other => other.with_context(|| format!("failed to create {}", rel.display()))?,
    };
    file.write_all(template(kind, title, today).as_bytes())
        .with_context(|| format!("failed to write {}", rel.display()))?;
    Ok(rel)
}

/// The text of a new page: front matter and a placeholder body.
pub fn template(kind: Kind, title: &str, today: PartialDate) -> String {
    let name = kind.name();
    let title = toml::Value::String(title.to_string());
    let mut text = format!(
        "+++\n\
         # A new {name} page, written by `treatise new`. It is a draft: the site\n\
         # leaves it out until you delete `draft = true`. Replace every TODO, check\n\
         # each value against its source, and uncomment (delete the `# `) the\n\
         # optional fields you fill in. Then run `treatise check --drafts`.\n\
         # Fields: CONTRIBUTING.md, or `treatise schema {name}`.\n\
         title = {title}\n\
         summary = \"TODO: one or two sentences saying what this {name} is.\"\n\
         draft = true\n\
         # The day you last checked the page against its sources:\n\
         # updated = {today}\n\
         \n\
         # Tags: slugs (file names without .md) of the pages this one is about.\n\
         treaties = []\n\
         organisations = []\n\
         principles = []\n"
    );
    text.push_str(match kind {
        Kind::Treaty => TREATY,
        Kind::Organisation => ORGANISATION,
        Kind::Case => CASE,
        Kind::Principle | Kind::Topic | Kind::Page => "",
    });
    let required = matches!(kind, Kind::Treaty | Kind::Case);
    text.push_str(&sources(required, today));
    text.push_str(&format!(
        "+++\n\nTODO: write about the {name} here, in Markdown. A heading that starts with\n\
         \"Article 35\" gets the id `art-35`, so the provision can be cited by URL.\n"
    ));
    text
}

const TREATY: &str = r#"
# CHECK the kind of instrument: treaty, protocol, directive, regulation,
# resolution, report, declaration, manual or strategy.
instrument = "treaty"
# CHECK: is it legally binding on its parties? (false for reports, declarations…)
binding = true
# short_title = "Budapest Convention"
# reference = "ETS No. 185"
# adopted = 2001-11-08
# opened_for_signature = 2001-11-23
# in_force = 2004-07-01
# Legal force, for binding instruments only: in-force, not-yet-in-force,
# superseded or repealed; with the day you checked it.
# status = "in-force"
# status_as_of = 2004-07-01
# depositary = "council-of-europe"   (slug of an organisation page)
# text_url = "https://…"             (the official text)
# parent = "budapest-convention"     (for a protocol: its convention)
# supersedes = []                    (slugs of treaties it replaces)
# amends = []                        (slugs of treaties it amends)

# Counts change: give the day they were true and the page that says so.
# [parties]
# count = 76
# as_of = 2024-10-09
# source = "https://…"
#
# [signatories]
# count = 2
# as_of = 2024-10-09
# source = "https://…"
"#;

const ORGANISATION: &str = r#"
# short_title = "CoE"
# founded = 1949-05-05
# headquarters = "Strasbourg, France"
# website = "https://…"
# parent = "united-nations"   (slug of the organisation it is part of)
"#;

const CASE: &str = r#"
# The day (or "2021-01", or "2021") it happened or began, and ended:
# date = 2021-01-27
# end_date = 2021-01-29
# What it is about: law-enforcement-operation, attribution, sanctions or incident.
# case_type = "attribution"
# Countries involved, as ISO 3166-1 alpha-2 codes: "NL", "GB" (not "UK"), "US".
countries = []
# outcome = "Servers taken down; two arrests."
"#;

/// The `[[sources]]` table: required (with placeholders) or commented out.
fn sources(required: bool, today: PartialDate) -> String {
    let table = format!(
        "[[sources]]\n\
         title = \"TODO: title of the document you cite\"\n\
         publisher = \"TODO: who published it\"\n\
         url = \"https://TODO\"\n\
         # The day you read it at that address:\n\
         # accessed = {today}\n"
    );
    if required {
        return format!("\n# Sources: add one [[sources]] table per document you rely on.\n{table}");
    }
    let commented: String =
        table.lines().map(|l| if l.starts_with('#') { format!("{l}\n") } else { format!("# {l}\n") }).collect();
    format!("\n# Sources (optional here): one [[sources]] table per document.\n{commented}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{Entry, resolve};
    use crate::source::SourceFile;

    const TODAY: PartialDate = PartialDate { year: 2026, month: Some(3), day: Some(1) };

    fn resolved(kind: Kind, title: &str) -> crate::page::Page {
        let key = format!("{}/x.md", kind.folder());
        let text = template(kind, title, TODAY);
        let file = SourceFile { path: format!("content/{key}").into(), key, text: text.into() };
        match resolve(&file) {
            Ok(Entry::Page(p)) => *p,
            other => panic!("{kind:?}: {other:?}"),
        }
    }

    #[test]
    fn every_kind_parses_as_a_draft_with_its_title() {
        for kind in Kind::SECTIONS {
            let page = resolved(kind, "Convention on \"Cyber\" \\ Crime");
            assert!(page.common.draft, "{kind:?}");
            assert_eq!(page.common.title, "Convention on \"Cyber\" \\ Crime");
            assert!(page.common.updated.is_none());
        }
    }

    #[test]
    fn sources_are_filled_in_only_where_check_requires_them() {
        assert_eq!(resolved(Kind::Treaty, "T").common.sources.len(), 1);
        assert_eq!(resolved(Kind::Case, "C").common.sources.len(), 1);
        assert_eq!(resolved(Kind::Topic, "T").common.sources.len(), 0);
        assert!(template(Kind::Topic, "T", TODAY).contains("# [[sources]]\n"));
    }

    #[test]
    fn dates_to_fill_in_are_today() {
        let text = template(Kind::Treaty, "T", TODAY);
        assert!(text.contains("# updated = 2026-03-01\n") && text.contains("# accessed = 2026-03-01\n"), "{text}");
    }
}
