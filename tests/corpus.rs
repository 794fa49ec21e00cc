//! The flagship corpus (the repository's own content/): the invariants that
//! can be checked mechanically — it builds, every treaty and case cites
//! dated sources, counts are dated, no drafts, every seed page exists.

use std::path::Path;

use treatise::build::{Options, Site, load};
use treatise::error::Error;
use treatise::kind::Kind;
use treatise::page::{Meta, Page};

fn flagship() -> Site {
    let options = Options { root: Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(), ..Options::default() };
    match load(&options) {
        Ok(site) => site,
        Err(Error::Content { diagnostics, .. }) => panic!("the flagship has content errors: {diagnostics:#?}"),
        Err(e) => panic!("the flagship failed to load: {e:#}"),
    }
}

fn pages(site: &Site) -> impl Iterator<Item = &Page> {
    site.graph.pages.values()
}

#[test]
fn flagship_loads_with_no_errors_and_no_warnings() {
    let site = flagship();
    assert!(site.warnings.is_empty(), "{:#?}", site.warnings);
}

#[test]
fn treaties_and_cases_cite_sources_with_url_and_access_date() {
    let site = flagship();
    for page in pages(&site).filter(|p| matches!(p.kind, Kind::Treaty | Kind::Case)) {
        assert!(!page.common.sources.is_empty(), "{} has no sources", page.source.display());
        for s in page.common.sources.iter().map(|s| s.get_ref()) {
            assert!(s.url.is_some(), "{}: source `{}` has no url", page.source.display(), s.title);
            assert!(s.accessed.is_some(), "{}: source `{}` has no accessed date", page.source.display(), s.title);
        }
    }
}

#[test]
fn every_count_carries_its_date_and_source() {
    let site = flagship();
    for page in pages(&site) {
        let Meta::Treaty(t) = &page.meta else { continue };
        for count in [&t.parties, &t.signatories].into_iter().flatten().map(|c| c.get_ref()) {
            assert!(count.as_of.is_some(), "{}: a count has no as_of", page.source.display());
            assert!(count.source.is_some(), "{}: a count has no source", page.source.display());
        }
        if t.status.is_some() {
            assert!(t.status_as_of.is_some(), "{}: status without status_as_of", page.source.display());
        }
    }
}

#[test]
fn no_drafts_and_every_page_says_when_it_was_checked() {
    let site = flagship();
    for page in pages(&site) {
        assert!(!page.common.draft, "{} is a draft", page.source.display());
        assert!(page.common.updated.is_some(), "{} has no `updated`", page.source.display());
    }
}

#[test]
fn treaty_and_case_pages_are_substantive() {
    let site = flagship();
    for page in pages(&site).filter(|p| matches!(p.kind, Kind::Treaty | Kind::Case)) {
        let words = page.body().split_whitespace().count();
        assert!(words >= 300, "{} has only {words} words", page.source.display());
    }
}

#[test]
fn every_seed_page_exists() {
    let site = flagship();
    let seeds: &[(Kind, &[&str])] = &[
        (
            Kind::Treaty,
            &[
                "budapest-convention",
                "budapest-first-protocol",
                "budapest-second-protocol",
                "un-cybercrime-convention",
                "nis-directive",
                "nis2-directive",
                "cybersecurity-act",
                "malabo-convention",
                "gge-report-2010",
                "gge-report-2013",
                "gge-report-2015",
                "gge-report-2021",
                "oewg-report-2021",
                "oewg-report-2025",
                "apec-cybersecurity-strategy",
                "tallinn-manual-2",
                "paris-call",
            ],
        ),
        (
            Kind::Organisation,
            &[
                "council-of-europe",
                "united-nations",
                "unodc",
                "interpol",
                "itu",
                "gfce",
                "enisa",
                "europol",
                "eurojust",
                "cisa",
                "apec",
                "african-union",
                "european-union",
                "nato-ccdcoe",
                "first",
            ],
        ),
        (
            Kind::Principle,
            &[
                "sovereignty",
                "due-diligence",
                "mutual-legal-assistance",
                "points-of-contact",
                "information-sharing",
                "privacy-and-data-protection",
                "critical-infrastructure",
                "attribution",
                "capacity-building",
                "harmonisation-of-response",
                "un-norms",
            ],
        ),
        (
            Kind::Case,
            &[
                "emotet-takedown",
                "qakbot-takedown",
                "operation-cronos",
                "operation-endgame",
                "wannacry-attribution",
                "notpetya-attribution",
                "eu-cyber-sanctions-2020",
                "solarwinds-attribution",
                "microsoft-exchange-attribution",
            ],
        ),
        (Kind::Topic, &["treaty-challenges", "treaties-and-national-law", "emerging-trends", "non-state-actors"]),
        (Kind::Page, &["glossary", "about"]),
    ];
    for (kind, slugs) in seeds {
        for slug in *slugs {
            assert!(site.graph.key_of(*kind, slug).is_some(), "missing {} page `{slug}`", kind.name());
        }
    }
}

#[test]
fn the_eleven_norms_each_have_an_anchor() {
    let site = flagship();
    let ids = &site.rendered["principles/un-norms.md"].ids;
    for letter in 'a'..='k' {
        assert!(ids.contains(&format!("norm-{letter}")), "un-norms has no #norm-{letter}");
    }
}

#[test]
fn the_budapest_convention_cites_its_articles_by_anchor() {
    let site = flagship();
    let ids = &site.rendered["treaties/budapest-convention.md"].ids;
    for art in ["art-23", "art-25", "art-27", "art-29", "art-32", "art-35"] {
        assert!(ids.contains(art), "budapest-convention has no #{art}");
    }
}

#[test]
fn unverified_claims_are_not_published() {
    let site = flagship();
    for page in pages(&site) {
        let text = page.text.to_lowercase();
        for claim in ["letter of intent", "api data breach", "api breach"] {
            assert!(!text.contains(claim), "{} mentions `{claim}`", page.source.display());
        }
    }
}

#[test]
fn non_binding_instruments_are_labelled_as_such() {
    let site = flagship();
    for slug in ["gge-report-2015", "oewg-report-2025", "tallinn-manual-2", "paris-call", "apec-cybersecurity-strategy"]
    {
        let key = site.graph.key_of(Kind::Treaty, slug).unwrap();
        let Meta::Treaty(t) = &site.graph.pages[key].meta else { unreachable!() };
        assert!(!t.binding, "{slug} must be labelled non-binding");
    }
    for slug in ["budapest-convention", "nis2-directive", "malabo-convention", "un-cybercrime-convention"] {
        let key = site.graph.key_of(Kind::Treaty, slug).unwrap();
        let Meta::Treaty(t) = &site.graph.pages[key].meta else { unreachable!() };
        assert!(t.binding, "{slug} must be labelled binding");
    }
}
